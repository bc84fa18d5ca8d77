package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMozillaPages(t *testing.T) {
	pages, err := MozillaPages()
	require.NoError(t, err)
	assert.Greater(t, len(pages), 100, "the Mozilla set has well over 100 pages")

	names := map[string]bool{}
	for _, p := range pages {
		names[p.Name] = true
		assert.FileExists(t, p.SourcePath)
		assert.FileExists(t, p.ExpectedPath)
	}
	require.True(t, names["ars-1"], "a well-known page is listed")

	var ars MozillaPage
	for _, p := range pages {
		if p.Name == "ars-1" {
			ars = p
		}
	}
	src, err := ars.Source()
	require.NoError(t, err)
	assert.Contains(t, strings.ToLower(string(src)), "<html")
	exp, err := ars.Expected()
	require.NoError(t, err)
	assert.NotEmpty(t, bytes.TrimSpace(exp))
}

func TestComparisonPages(t *testing.T) {
	pages, err := ComparisonPages()
	require.NoError(t, err)
	assert.Greater(t, len(pages), 900, "go-trafilatura's comparison set has ~983 entries")

	missing := Missing(pages)
	assert.Less(t, len(missing), len(pages)/20, "nearly every page file is present")

	withAndWithout := 0
	urls := map[string]bool{}
	for _, p := range pages {
		assert.False(t, urls[p.URL], "duplicate URL %s", p.URL)
		urls[p.URL] = true
		assert.NotEmpty(t, p.File)
		if len(p.With) > 0 && len(p.Without) > 0 {
			withAndWithout++
		}
		if p.Path != "" {
			assert.Equal(t, p.File, filepath.Base(p.Path))
		}
	}
	assert.Greater(t, withAndWithout, len(pages)*9/10, "most entries have both with and without snippets")

	// An entry known from the data file, checked field by field.
	var found *ComparisonPage
	for i := range pages {
		if pages[i].File == "bmjv.de.konsum.html" {
			found = &pages[i]
		}
	}
	require.NotNil(t, found)
	assert.True(t, strings.HasPrefix(found.URL, "https://www.bmjv.de/"))
	assert.Contains(t, found.With, "(Billigkeitskontrolle nach § 315 BGB)")
	assert.Contains(t, found.Without, "Impressum")
	src, err := found.Source()
	require.NoError(t, err)
	assert.Contains(t, string(src), "Billigkeitskontrolle")
}

func TestParseComparisonData(t *testing.T) {
	src := []byte("package main\n\nvar other = map[string]int{\"x\": 1}\n\n" +
		"var comparisonData = map[string]ComparisonEntry{\n" +
		"\t\"https://b.example/\": {File: \"b.html\", With: []string{\"one\", `two`}, Without: nil},\n" +
		"\t\"https://a.example/\": {\n\t\tFile: \"a\" + \".html\",\n\t\tTitle: \"ignored\",\n" +
		"\t\tWithout: []string{\"x \\\"q\\\"\"},\n\t},\n}\n")
	pages, err := parseComparisonData("data.go", src)
	require.NoError(t, err)
	assert.Equal(t, []ComparisonPage{
		{URL: "https://a.example/", File: "a.html", Without: []string{`x "q"`}},
		{URL: "https://b.example/", File: "b.html", With: []string{"one", "two"}},
	}, pages)

	_, err = parseComparisonData("data.go", []byte("package main\nvar comparisonData = map[string]E{\"u\": {File: f}}\n"))
	assert.ErrorContains(t, err, "File is not a string literal")

	_, err = parseComparisonData("data.go", []byte("package main\n"))
	assert.ErrorContains(t, err, "no comparisonData")
}

func TestNoGo(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := goCmd(os.TempDir(), "version")
	require.ErrorIs(t, err, ErrNoGo)
}
