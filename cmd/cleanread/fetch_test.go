package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
)

// latin1Page is a story whose accented words only decode right when the
// charset from the Content-Type header is honoured (the page declares none).
const latin1Page = `<html><head><title>Le café du port rouvre ses portes</title></head><body><article>
<h1>Le café du port rouvre ses portes</h1>
<p>Après six mois de travaux, le café du port a rouvert samedi matin. Les habitués sont revenus dès l'aube, heureux de retrouver leur comptoir préféré et la vue sur les bateaux qui rentrent de la pêche.</p>
<p>La propriétaire, Hélène Marchal, a gardé les vieilles tables en chêne et le grand miroir de l'entrée. « Les gens voulaient que rien ne change, alors nous avons réparé plutôt que remplacé », explique-t-elle.</p>
<p>La façade a été repeinte en bleu, la couleur d'origine retrouvée sous quatre couches de peinture. Le café servira désormais des repas le midi, avec du poisson acheté directement aux pêcheurs du quai.</p>
<p>La mairie a financé une partie des travaux, car le bâtiment est l'un des plus anciens du quartier. Une plaque rappelle désormais son histoire, depuis l'ouverture en mille huit cent quatre-vingt-douze.</p>
</article></body></html>`

// testSite serves the pages the fetch tests need and records user agents.
type testSite struct {
	*httptest.Server
	mu     sync.Mutex
	agents []string
}

func newTestSite(t *testing.T) *testSite {
	t.Helper()
	story := storyHTML(t, "")
	latin1, err := charmap.ISO8859_1.NewEncoder().String(latin1Page)
	require.NoError(t, err)

	s := &testSite{}
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, story)
	})
	mux.HandleFunc("/xhtml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xhtml+xml")
		fmt.Fprint(w, story)
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		fmt.Fprint(w, latin1)
	})
	// /hop/N redirects to /hop/N-1, and /hop/0 to the story: N+1 redirects.
	mux.HandleFunc("/hop/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		to := "/story"
		if n > 0 {
			to = fmt.Sprintf("/hop/%d", n-1)
		}
		http.Redirect(w, r, to, http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/api", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"ok": true}`)
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		fmt.Fprint(w, "\x89PNG\r\n\x1a\n")
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, story)
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for i := 0; i < 50; i++ { // streamed without a Content-Length
			fmt.Fprint(w, "<p>"+strings.Repeat("filler text ", 100)+"</p>\n")
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.agents = append(s.agents, r.UserAgent())
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func TestCleanURLEachFormat(t *testing.T) {
	site := newTestSite(t)
	for _, format := range []string{"html", "json", "text"} {
		t.Run(format, func(t *testing.T) {
			r := runCLI(t, "", "clean", "-format", format, site.URL+"/story")
			require.Equal(t, exitOK, r.code, r.stderr)
			checkFormat(t, format, r.stdout)
		})
	}
	site.mu.Lock()
	defer site.mu.Unlock()
	require.NotEmpty(t, site.agents)
	for _, ua := range site.agents {
		assert.True(t, strings.HasPrefix(ua, "cleanread/"), ua)
	}
}

func TestCleanURLCharsetFromHeader(t *testing.T) {
	site := newTestSite(t)
	r := runCLI(t, "", "clean", "-format", "json", site.URL+"/latin1")
	require.Equal(t, exitOK, r.code, r.stderr)
	var a reader.Article
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &a))
	assert.Equal(t, "Le café du port rouvre ses portes", a.Title)
	assert.Contains(t, a.TextContent, "La propriétaire, Hélène Marchal, a gardé les vieilles tables en chêne")
	assert.NotContains(t, a.TextContent, "\uFFFD")

	r = runCLI(t, "", "clean", "-format", "text", site.URL+"/latin1")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "« Les gens voulaient que rien ne change")
}

func TestCleanURLRedirects(t *testing.T) {
	site := newTestSite(t)
	// /hop/4 is five redirects: the most that is followed.
	r := runCLI(t, "", "clean", "-format", "json", site.URL+"/hop/4")
	require.Equal(t, exitOK, r.code, r.stderr)
	var a reader.Article
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &a))
	assert.Equal(t, site.URL+"/story", a.URL, "the final URL is the page URL")
	assert.Contains(t, a.TextContent, storyParagraph)

	// -url wins over the final URL.
	r = runCLI(t, "", "clean", "-format", "json", "-url", "https://news.example/sea-wall", site.URL+"/hop/1")
	require.Equal(t, exitOK, r.code, r.stderr)
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &a))
	assert.Equal(t, "https://news.example/sea-wall", a.URL)

	// Six redirects is one too many.
	r = runCLI(t, "", "clean", site.URL+"/hop/5")
	assert.Equal(t, exitInput, r.code, r.stderr)
	assert.Contains(t, r.stderr, "stopped after 5 redirects")
}

func TestCleanURLErrors(t *testing.T) {
	site := newTestSite(t)
	for _, tc := range []struct {
		name    string
		url     string
		args    []string
		code    int
		message string
	}{
		{"redirect loop", site.URL + "/loop", nil, exitInput, "cleanread: cannot fetch " + site.URL + "/loop: stopped after 5 redirects"},
		{"404", site.URL + "/nothing-here", nil, exitInput, "the server answered 404 Not Found"},
		{"500", site.URL + "/broken", nil, exitInput, "the server answered 500 Internal Server Error"},
		{"json content type", site.URL + "/api", nil, exitNotHTML, "the server sent application/json"},
		{"image content type", site.URL + "/image", nil, exitNotHTML, "the server sent image/png"},
		{"too large with length", site.URL + "/big", []string{"-max-bytes", "2000"}, exitTooLarge, "too large"},
		{"too large streamed", site.URL + "/big-chunked", []string{"-max-bytes", "20000"}, exitTooLarge, "too large"},
		{"empty body", site.URL + "/empty", nil, exitEmpty, "the page is empty"},
		{"bad -url", site.URL + "/story", []string{"-url", "javascript:alert(1)"}, exitBadURL, "-url: the page URL is not a valid http(s) URL"},
		{"no host", "http://", nil, exitBadURL, "not a valid http(s) URL"},
		{"connection refused", "http://127.0.0.1:1/story", nil, exitInput, "cleanread: cannot fetch http://127.0.0.1:1/story: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append(append([]string{"clean"}, tc.args...), tc.url)
			r := runCLI(t, "", args...)
			assert.Equal(t, tc.code, r.code, "stderr: %s", r.stderr)
			assert.Empty(t, r.stdout)
			assert.Contains(t, r.stderr, tc.message)
			assert.True(t, strings.HasPrefix(r.stderr, "cleanread: "), r.stderr)
			assert.Equal(t, 1, strings.Count(r.stderr, "\n"), "one line: %q", r.stderr)
		})
	}
}

func TestCleanURLXHTML(t *testing.T) {
	site := newTestSite(t)
	r := runCLI(t, "", "clean", "-format", "text", site.URL+"/xhtml")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, storyParagraph)
}

func TestCleanURLTimeout(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(block)
	r := runCLI(t, "", "clean", "-timeout", "200ms", srv.URL+"/slow")
	assert.Equal(t, exitInput, r.code, r.stderr)
	assert.Contains(t, r.stderr, "no complete answer within 200ms")
}
