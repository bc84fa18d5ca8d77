package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const cspMeta = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'">`

// checkFormat asserts that out is a good rendering of the story fixture in format.
func checkFormat(t *testing.T, format, out string) {
	t.Helper()
	switch format {
	case "json":
		var a reader.Article
		require.NoError(t, json.Unmarshal([]byte(out), &a), out)
		assert.Contains(t, a.Title, "Harbour town rebuilds its sea wall")
		assert.Contains(t, a.Content, storyParagraph)
		assert.Contains(t, a.TextContent, storyParagraph)
		assert.Equal(t, "en", a.Lang)
		assert.Equal(t, "ltr", a.Dir)
		assert.Positive(t, a.WordCount)
		assert.Positive(t, a.ReadingMinutes)
		assert.NotNil(t, a.Removed)
		assert.Contains(t, out, "\n  \"title\": ", "indented")
	case "text":
		assert.Contains(t, out, storyParagraph)
		assert.Contains(t, out, "for a century being rebuilt rather than washed away.\n\nThree storms",
			"blocks separated by a blank line")
		assert.True(t, strings.HasSuffix(out, "away.\n") || strings.HasSuffix(out, ".\n"), "one trailing newline: %q", out[max(0, len(out)-40):])
		assert.False(t, strings.HasSuffix(out, "\n\n"))
		assert.NotContains(t, out, "<p>")
		assert.NotContains(t, out, "Harbour town rebuilds its sea wall", "the title is not part of the text body")
	default:
		assert.True(t, strings.HasPrefix(out, "<!doctype html>\n"), out[:min(len(out), 80)])
		assert.Contains(t, out, `<html lang="en" dir="ltr">`)
		assert.Contains(t, out, `<meta charset="utf-8">`)
		assert.Contains(t, out, cspMeta)
		assert.Regexp(t, `<title>Harbour town rebuilds its sea wall[^<]*</title>`, out)
		assert.Regexp(t, `<h1>Harbour town rebuilds its sea wall[^<]*</h1>`, out)
		assert.Contains(t, out, storyParagraph)
		assert.Contains(t, out, "prefers-color-scheme: dark")
		assert.Contains(t, out, "max-width: 70ch")
		assert.Contains(t, out, "min read")
	}
}

func TestCleanFileEachFormat(t *testing.T) {
	for _, format := range []string{"html", "json", "text"} {
		t.Run(format, func(t *testing.T) {
			r := runCLI(t, "", "clean", "-format", format, storyFile)
			require.Equal(t, exitOK, r.code, r.stderr)
			assert.Empty(t, r.stderr)
			checkFormat(t, format, r.stdout)
		})
	}
}

func TestCleanDefaultFormatIsHTML(t *testing.T) {
	r := runCLI(t, "", "clean", storyFile)
	require.Equal(t, exitOK, r.code, r.stderr)
	checkFormat(t, "html", r.stdout)
}

func TestCleanStdinEachFormat(t *testing.T) {
	page := storyHTML(t, "")
	for _, format := range []string{"html", "json", "text"} {
		t.Run(format, func(t *testing.T) {
			r := runCLI(t, page, "clean", "-format", format, "-")
			require.Equal(t, exitOK, r.code, r.stderr)
			checkFormat(t, format, r.stdout)
		})
	}
}

func TestFlagsAfterInput(t *testing.T) {
	r := runCLI(t, "", "clean", storyFile, "-format", "text")
	require.Equal(t, exitOK, r.code, r.stderr)
	checkFormat(t, "text", r.stdout)

	r = runCLI(t, storyHTML(t, ""), "clean", "-format", "json", "--", "-")
	require.Equal(t, exitOK, r.code, r.stderr)
	checkFormat(t, "json", r.stdout)
}

func TestPageURLFlag(t *testing.T) {
	r := runCLI(t, "", "clean", "-format", "json", "-url", "https://news.example/2024/sea-wall", storyFile)
	require.Equal(t, exitOK, r.code, r.stderr)
	var a reader.Article
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &a))
	assert.Equal(t, "https://news.example/2024/sea-wall", a.URL)

	r = runCLI(t, "", "clean", "-url", "https://news.example/2024/sea-wall", storyFile)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, `<a href="https://news.example/2024/sea-wall" rel="noopener noreferrer nofollow">Original on news.example</a>`)
}

func TestHTMLEscapesHostileMetadata(t *testing.T) {
	hostile := `&lt;script&gt;alert(1)&lt;/script&gt; Harbour town rebuilds its sea wall`
	page := storyHTML(t, hostile)
	page = strings.Replace(page, `content="Maren Holt"`, `content="&lt;img src=x onerror=alert(2)&gt;"`, 1)
	page = strings.Replace(page, `<p class="byline">By Maren Holt</p>`, "", 1)
	page = strings.Replace(page, `<html lang="en">`, `<html lang='en" onload="alert(3)'>`, 1)
	r := runCLI(t, page, "clean", "-")
	require.Equal(t, exitOK, r.code, r.stderr)
	out := r.stdout

	assert.NotContains(t, out, "<script>")
	assert.NotContains(t, out, "<img src=x")
	assert.NotContains(t, out, `onload="`)
	assert.Regexp(t, `<title>&lt;script&gt;alert\(1\)&lt;/script&gt; Harbour`, out)
	assert.Regexp(t, `<h1>&lt;script&gt;alert\(1\)&lt;/script&gt; Harbour`, out)
	assert.Contains(t, out, cspMeta)
	assert.Contains(t, out, storyParagraph)
	// The only elements are the page's own frame and sanitized story markup.
	for _, tag := range regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9]*)`).FindAllStringSubmatch(out, -1) {
		assert.NotContains(t, []string{"script", "iframe", "object", "embed", "form", "base"}, strings.ToLower(tag[1]))
	}
}

func TestBlockRemoteImagesTightensCSP(t *testing.T) {
	page := strings.Replace(storyHTML(t, ""), "<p>Three storms", `<img src="https://img.example/wall.jpg" alt="The wall"><p>Three storms`, 1)
	r := runCLI(t, page, "clean", "-block-remote-images", "-")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, `content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`)
	assert.NotContains(t, r.stdout, "img.example")
	assert.Contains(t, r.stdout, storyParagraph)
}

// -captions puts a figure's caption into the text, which otherwise is the
// story's prose only.
func TestCaptionsFlag(t *testing.T) {
	page := strings.Replace(storyHTML(t, ""), "<p>Three storms", `<figure><img src="https://img.example/wall.jpg" alt=""><figcaption>The wall at high tide.</figcaption></figure><p>Three storms`, 1)
	plain := runCLI(t, page, "clean", "-format", "text", "-")
	require.Equal(t, exitOK, plain.code, plain.stderr)
	assert.Contains(t, plain.stdout, storyParagraph)
	assert.NotContains(t, plain.stdout, "The wall at high tide.")

	with := runCLI(t, page, "clean", "-captions", "-format", "text", "-")
	require.Equal(t, exitOK, with.code, with.stderr)
	assert.Contains(t, with.stdout, "The wall at high tide.")
}

// -disabled-rules keeps what one rule would remove and refuses a name that
// is no rule, so a typo cannot pass for a rule switched off.
func TestDisabledRulesFlag(t *testing.T) {
	page := strings.Replace(storyHTML(t, ""), "<p>Three storms", `<p>Advertisement</p><p>Three storms`, 1)
	on := runCLI(t, page, "clean", "-format", "text", "-")
	require.Equal(t, exitOK, on.code, on.stderr)
	assert.NotContains(t, on.stdout, "Advertisement")

	off := runCLI(t, page, "clean", "-disabled-rules", "ad-label", "-format", "text", "-")
	require.Equal(t, exitOK, off.code, off.stderr)
	assert.Contains(t, off.stdout, "Advertisement")
	assert.Contains(t, off.stdout, storyParagraph)

	typo := runCLI(t, page, "clean", "-disabled-rules", "ad-lable", "-")
	assert.Equal(t, exitUsage, typo.code)
	assert.Contains(t, typo.stderr, `unknown rule "ad-lable"`)
}

func TestNoTeaserPassStillCleans(t *testing.T) {
	r := runCLI(t, "", "clean", "-teaser-pass=false", "-format", "text", storyFile)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, storyParagraph)
}

// nonArticlePage is a real HTML page with nothing to read: a nav and a form.
const nonArticlePage = `<!doctype html><html><head><title>Sign in</title></head><body>
<nav><a href="/">Home</a> <a href="/help">Help</a></nav>
<form action="/login" method="post"><label>Email <input name="email"></label>
<label>Password <input type="password" name="pw"></label><button>Sign in</button></form>
</body></html>`

func TestBadInputs(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
	for _, tc := range []struct {
		name    string
		file    []byte // written to a temp file and passed as the input
		args    []string
		code    int
		message string
	}{
		{"empty file", []byte(""), nil, exitEmpty, "the page is empty"},
		{"white space only", []byte(" \n\t\n"), nil, exitEmpty, "the page is empty"},
		{"png", png, nil, exitNotHTML, "not an HTML page"},
		// The demo says the same of a .gz file (web/test/cleanread.test.js).
		{"gzip", gzipped(t, storyHTML(t, "")), nil, exitNotHTML, "the input is not an HTML page: it looks like gzip-compressed data"},
		{"json", []byte(`{"title": "not a page", "items": [1, 2, 3]}`), nil, exitNotHTML, "not an HTML page"},
		{"plain text", []byte("Just some words.\nNo markup at all, only a shopping list: eggs, milk, bread.\n"), nil, exitNotHTML, "not an HTML page"},
		{"non-article", []byte(nonArticlePage), nil, exitNotArticle, "doesn't look like an article"},
		{"too large", []byte(storyHTML(t, "")), []string{"-max-bytes", "1000"}, exitTooLarge, "too large"},
		{"bad -url", []byte(storyHTML(t, "")), []string{"-url", "ftp://files.example/story"}, exitBadURL, "not a valid http(s) URL"},
		{"relative -url", []byte(storyHTML(t, "")), []string{"-url", "/story"}, exitBadURL, "not a valid http(s) URL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, "input", tc.file)
			args := append(append([]string{"clean"}, tc.args...), p)
			r := runCLI(t, "", args...)
			assert.Equal(t, tc.code, r.code, "stderr: %s", r.stderr)
			assert.Empty(t, r.stdout)
			assert.True(t, strings.HasPrefix(r.stderr, "cleanread: "), r.stderr)
			assert.Contains(t, r.stderr, tc.message)
			assert.Equal(t, 1, strings.Count(r.stderr, "\n"), "one line: %q", r.stderr)
		})
	}
}

func TestMissingFile(t *testing.T) {
	r := runCLI(t, "", "clean", "testdata/no-such-page.html")
	assert.Equal(t, exitInput, r.code)
	assert.Contains(t, r.stderr, "cleanread: cannot read the page: open testdata/no-such-page.html: no such file or directory")
}

func TestDirectoryAsInput(t *testing.T) {
	r := runCLI(t, "", "clean", t.TempDir())
	assert.Equal(t, exitInput, r.code, r.stderr)
	assert.Contains(t, r.stderr, "cannot read the page")
}

func TestEmptyStdin(t *testing.T) {
	r := runCLI(t, "", "clean", "-")
	assert.Equal(t, exitEmpty, r.code)
	assert.Equal(t, "cleanread: standard input: the page is empty\n", r.stderr)
}

func TestExitCodeMapping(t *testing.T) {
	for _, tc := range []struct {
		err  error
		code int
	}{
		{nil, exitOK},
		{fmt.Errorf("x: %w", reader.ErrEmpty), exitEmpty},
		{fmt.Errorf("x: %w", reader.ErrNotHTML), exitNotHTML},
		{fmt.Errorf("x: %w", reader.ErrTooLarge), exitTooLarge},
		{fmt.Errorf("x: %w", reader.ErrNotArticle), exitNotArticle},
		{fmt.Errorf("x: %w", reader.ErrBadURL), exitBadURL},
		{fmt.Errorf("x: %w", &inputError{errors.New("cannot read")}), exitInput},
		{errors.New("internal error while cleaning: boom"), exitInternal},
	} {
		assert.Equal(t, tc.code, exitCode(tc.err), "%v", tc.err)
	}
}

// gzipped compresses s, as a page saved (or served) still compressed is.
func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, err := w.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return b.Bytes()
}

// A stray NUL byte no longer makes a page binary: it is read as browsers do.
func TestPageWithNULCleans(t *testing.T) {
	page := strings.Replace(storyHTML(t, ""), "<p>", "<p>\x00", 1)
	require.Contains(t, page, "\x00")
	r := runCLI(t, "", "clean", writeFile(t, "input", []byte(page)))
	assert.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.NotContains(t, r.stdout, "\x00")
	assert.NotEmpty(t, r.stdout)
}

func TestStdinTakesTheAddressThePageNames(t *testing.T) {
	page := strings.Replace(storyHTML(t, ""), "<head>", `<head><meta property="og:url" content="https://ledger.example/2024/sea-wall">`, 1)
	r := runCLI(t, page, "clean", "-format", "json", "-")
	require.Equal(t, exitOK, r.code, r.stderr)
	var a reader.Article
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &a))
	assert.Equal(t, "https://ledger.example/2024/sea-wall", a.URL)
	assert.Equal(t, reader.URLOGURL, a.URLSource)
	assert.Contains(t, r.stdout, `"urlSource": "og:url"`)

	r = runCLI(t, page, "clean", "-format", "json", "-url", "https://mirror.example/sea-wall", "-")
	require.Equal(t, exitOK, r.code, r.stderr)
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &a))
	assert.Equal(t, "https://mirror.example/sea-wall", a.URL, "a given -url wins")
	assert.Equal(t, reader.URLGiven, a.URLSource)
}
