package reader_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/pages")

// pageCase describes one hand-written cluttered news page: the story text
// that must survive and, per clutter kind, a snippet that must be gone.
type pageCase struct {
	dir     string
	url     string
	title   string
	byline  string
	lang    string
	keep    []string
	clutter map[string]string
}

var pageCases = []pageCase{
	{
		dir: "en-harbour", url: "https://ledger.example/news/storm-wall",
		title: "Harbour town votes to rebuild its storm wall", byline: "Mara Jensen", lang: "en",
		keep: []string{
			"Residents of Port Allen voted on Thursday night",
			"How the plan will be paid for",
			"Nobody here thinks a wall solves everything.",
			"where they buy their fish.",
		},
		clutter: map[string]string{
			"cookie banner":     "We use cookies",
			"navigation":        "Weather",
			"ad label":          "Advertisement",
			"share bar":         "Twitter",
			"related link line": "Flood insurance rates climb",
			"newsletter box":    "Morning Tide",
			"teaser list":       "Ferry timetable changes",
			"teaser heading":    "More from The Coastal Ledger",
			"comments":          "About time. My cellar flooded twice.",
			"most popular":      "Council approves new harbour lighting",
			"author promo":      "Follow her on social media",
			"footer":            "All rights reserved",
		},
	},
	{
		dir: "de-radweg", url: "https://tagesblick.example/region/ilm-radweg",
		title: "Neuer Radweg entlang der Ilm soll 2027 fertig sein", byline: "Katrin Vogel", lang: "de",
		keep: []string{
			"Der lange geplante Radweg entlang der Ilm",
			"Wir haben lange um diese Lösung gerungen",
			"kann der Weg im Sommer 2027 freigegeben werden.",
		},
		clutter: map[string]string{
			"navigation":     "Kultur",
			"share bar":      "WhatsApp",
			"cta line":       "Radverkehr in Weimar erreicht Rekordwert",
			"ad label":       "Anzeige",
			"newsletter box": "kostenlosen Newsletter",
			"teaser heading": "Mehr zum Thema",
			"teaser list":    "Die lange Geschichte des Ilmtal-Radwegs",
			"most read":      "Stau auf der A4",
			"footer":         "Impressum",
		},
	},
	{
		dir: "fr-vignes", url: "https://courrier.example/region/cepages-oublies",
		title: "Dans le Jura, les vignerons misent sur des cépages oubliés", byline: "Claire Dumas", lang: "fr",
		keep: []string{
			"Sur les coteaux qui dominent Arbois",
			"Ces variétés supportent mieux la chaleur",
			"des cavistes et des restaurateurs de la région.",
		},
		clutter: map[string]string{
			"cookie banner":  "utilise des cookies",
			"navigation":     "Économie",
			"share bar":      "Partager",
			"cta line":       "Les vendanges commencent",
			"ad label":       "Publicité",
			"newsletter box": "Inscrivez-vous",
			"most read":      "Les plus lus",
			"teaser list":    "Un nouveau marché couvert",
			"footer":         "Mentions légales",
		},
	},
	{
		dir: "es-tranvia", url: "https://levantesur.example/local/tranvia-puerto",
		title: "El tranvía llegará al barrio del puerto en 2028", byline: "Lucía Ferrer", lang: "es",
		keep: []string{
			"El ayuntamiento aprobó este martes",
			"Es una deuda histórica con el barrio",
			"supera los cuarenta minutos en hora punta.",
		},
		clutter: map[string]string{
			"navigation":     "Deportes",
			"share bar":      "Compartir",
			"cta line":       "Las bicicletas públicas",
			"ad label":       "Publicidad",
			"newsletter box": "Suscríbete a nuestro boletín",
			"most read":      "Lo más leído",
			"teaser list":    "Abre la nueva biblioteca",
			"comments":       "Ya era hora",
			"footer":         "© 2026",
		},
	},
}

func TestHandWrittenPages(t *testing.T) {
	c := reader.New()
	for _, pc := range pageCases {
		t.Run(pc.dir, func(t *testing.T) {
			src := pageSource(t, pc.dir)
			a, err := c.Clean(strings.NewReader(src), pc.url)
			require.NoError(t, err)

			assert.Equal(t, pc.title, a.Title)
			assert.Equal(t, pc.byline, a.Byline)
			assert.Equal(t, pc.lang, a.Lang)
			assert.Equal(t, "ltr", a.Dir)
			for _, k := range pc.keep {
				assert.Contains(t, a.TextContent, k, "story text lost")
				assert.Contains(t, a.Content, strings.ReplaceAll(k, `"`, "&#34;"), "story HTML lost")
			}
			for kind, snippet := range pc.clutter {
				t.Run(strings.ReplaceAll(kind, " ", "-"), func(t *testing.T) {
					assert.NotContains(t, a.TextContent, snippet, "%s kept in the text", kind)
					assert.NotContains(t, a.Content, snippet, "%s kept in the HTML", kind)
				})
			}
			assert.NotEmpty(t, a.Removed, "every removal is recorded")
			for _, r := range a.Removed {
				assert.NotEmpty(t, r.Rule)
				assert.NotEmpty(t, r.Tag)
				assert.LessOrEqual(t, len([]rune(r.Text)), 121)
			}
			checkGolden(t, filepath.Join("testdata", "pages", pc.dir, "expected.txt"), a.TextContent)
		})
	}
}

// Each hand-written page names itself (by a canonical link, og:url or the
// saved-from comment), so cleaned from a file with no address it gives the
// same article as with its address.
func TestHandWrittenPagesWithoutAddress(t *testing.T) {
	c := reader.New()
	for _, pc := range pageCases {
		t.Run(pc.dir, func(t *testing.T) {
			given, guessed := withAndWithoutAddress(t, c, pageSource(t, pc.dir), pc.url)
			assert.NotEmpty(t, guessed.URLSource)
			assert.NotEqual(t, reader.URLGiven, guessed.URLSource)
			guessed.URLSource = given.URLSource
			assert.Equal(t, given, guessed)
		})
	}
}

// The demo's sample names itself too: opened from a file with no address,
// it gives the article the demo shows with the sample's address.
func TestDemoSampleWithoutAddress(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "web", "shells", "demo", "sample.html"))
	require.NoError(t, err)
	given, guessed := withAndWithoutAddress(t, reader.New(), string(b), "https://harbourcourier.example/news/night-buses")
	assert.Equal(t, reader.URLCanonical, guessed.URLSource)
	assert.NotEmpty(t, given.Removed, "the sample's clutter goes either way")
	guessed.URLSource = given.URLSource
	assert.Equal(t, given, guessed)
}

// withAndWithoutAddress cleans src with its address given and with none.
func withAndWithoutAddress(t *testing.T, c *reader.Cleaner, src, pageURL string) (given, guessed *reader.Article) {
	t.Helper()
	given, err := c.Clean(strings.NewReader(src), pageURL)
	require.NoError(t, err)
	guessed, err = c.Clean(strings.NewReader(src), "")
	require.NoError(t, err)
	assert.Equal(t, reader.URLGiven, given.URLSource)
	return given, guessed
}

// pageSource reads the source.html of a hand-written page.
func pageSource(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "pages", dir, "source.html"))
	require.NoError(t, err)
	return string(b)
}

// checkGolden compares got with a golden file, or rewrites it under -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got+"\n"), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file: run go test ./reader -run TestHandWrittenPages -update")
	assert.Equal(t, strings.TrimSuffix(string(want), "\n"), got)
}
