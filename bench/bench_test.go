package main

import (
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseSections(t *testing.T) {
	got, err := parseSections("cold, shells")
	require.NoError(t, err)
	assert.Equal(t, map[string]bool{"cold": true, "shells": true}, got)

	_, err = parseSections("pages,shell")
	assert.ErrorContains(t, err, `unknown section "shell"`)
	_, err = parseSections(" , ")
	assert.Error(t, err)
}

func TestProbedFSReplacesWithoutItsCompressedCopies(t *testing.T) {
	base := fstest.MapFS{
		"read.html":           {Data: []byte("as built")},
		"read.html.br":        {Data: []byte("as built, brotli")},
		"read.html.gz":        {Data: []byte("as built, gzip")},
		"view.js":             {Data: []byte("view")},
		"view.js.br":          {Data: []byte("view, brotli")},
		"extension/popup.css": {Data: []byte("css")},
	}
	v := newProbedFS(base, map[string][]byte{"read.html": []byte("probed"), probeFile: []byte("probe")})

	for name, want := range map[string]string{"read.html": "probed", probeFile: "probe", "view.js": "view", "view.js.br": "view, brotli", "extension/popup.css": "css"} {
		b, err := fs.ReadFile(v, name)
		require.NoError(t, err, name)
		assert.Equal(t, want, string(b))
	}
	for _, gone := range []string{"read.html.br", "read.html.gz"} {
		_, err := fs.ReadFile(v, gone)
		assert.ErrorIs(t, err, fs.ErrNotExist, gone)
	}
}

func TestWithProbeGoesFirstInHead(t *testing.T) {
	got, err := withProbe("read.html", []byte("<!DOCTYPE html>\n<html>\n<head>\n<script src=\"a.js\"></script>\n</head></html>"))
	require.NoError(t, err)
	assert.Equal(t, "<!DOCTYPE html>\n<html>\n<head>\n<script src=\""+probeFile+"\"></script>\n<script src=\"a.js\"></script>\n</head></html>", string(got))

	_, err = withProbe("popup.html", []byte("<html><body></body></html>"))
	assert.ErrorContains(t, err, "popup.html has no <head>")
}

// The JS engine must offer every name web/engine/cleanread.js exports. The
// build of its variant already fails on a name a shell imports and it lacks;
// this catches the API drifting apart before a shell starts to import it.
func TestJSEngineHasCleanreadsExports(t *testing.T) {
	real, err := os.ReadFile("../web/engine/cleanread.js")
	require.NoError(t, err)
	stand, err := os.ReadFile("www/js-engine.js")
	require.NoError(t, err)
	assert.NoError(t, checkExports(real, stand))
	assert.Contains(t, exportRE.FindAllString(string(real), -1), "export async function clean", "the pattern reads cleanread.js")

	err = checkExports([]byte("export function init() {}\nexport const warm = 1;\nexport class CleanreadError {}\n"), []byte("export function init() {}\n"))
	assert.EqualError(t, err, "cleanread.js exports warm, CleanreadError, which bench/www/js-engine.js lacks")
}

var exportRE = regexp.MustCompile(`(?m)^export (?:async )?(?:function|const|let|class) (\w+)`)

// checkExports fails when the real cleanread.js exports a name the JS
// engine does not.
func checkExports(real, stand []byte) error {
	have := map[string]bool{}
	for _, m := range exportRE.FindAllSubmatch(stand, -1) {
		have[string(m[1])] = true
	}
	var missing []string
	for _, m := range exportRE.FindAllSubmatch(real, -1) {
		if !have[string(m[1])] {
			missing = append(missing, string(m[1]))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("cleanread.js exports %s, which bench/www/js-engine.js lacks", strings.Join(missing, ", "))
	}
	return nil
}

func TestShellPages(t *testing.T) {
	names := []string{"a", "b", "c", "d", "e", "f", "g"}
	size := map[string]int{"a": 10, "b": 70, "c": 30, "d": 50, "e": 20, "f": 60, "g": 40}
	assert.Equal(t, []string{samplePage, "g", "b", "f", "d"}, shellPages(names, size), "the sample, the median, the three largest")
	// With fewer pages, the median is one of the largest and comes once.
	assert.Equal(t, []string{samplePage, "c", "b", "a"}, shellPages([]string{"a", "b", "c"}, size))
}

func TestJSLengthCountsUTF16Units(t *testing.T) {
	assert.Equal(t, 0, jsLength(nil))
	assert.Equal(t, 4, jsLength([]byte("aé😀")), "é is one unit, the emoji two")
	assert.Equal(t, 1, jsLength([]byte{0xff}), "an invalid byte decodes to one U+FFFD")
}

func TestSummarizeShells(t *testing.T) {
	trials := []shellTrial{
		{Flow: "popup-used", Engine: "cr", Page: "p", Ms: 300},
		{Flow: "popup-used", Engine: "cr", Page: "p", Ms: 100},
		{Flow: "popup-used", Engine: "cr", Page: "p", Ms: 200},
		{Flow: "popup-used", Engine: "js", Page: "p", Ms: 50},
		{Flow: "popup-used", Engine: "js", Page: "p", Ms: 150},
		{Flow: "popup-used", Engine: "js", Page: "p", Error: "the shell ended in state \"error\" (internal)"},
		{Flow: "popup-fresh", Engine: "cr", Page: "q", Ms: 900},
		{Flow: "popup-fresh", Engine: "js", Page: "q", Ms: 300},
	}
	figs := summarizeShells(trials)
	require.Len(t, figs, 2)
	assert.Equal(t, "popup-fresh", figs[0].Flow, "in the order of flows")
	assert.InDelta(t, 3.0, figs[0].Ratio, 1e-9)
	used := figs[1]
	assert.Equal(t, spread{Median: 200, Min: 100, Max: 300, N: 3}, used.CR)
	assert.Equal(t, spread{Median: 100, Min: 50, Max: 150, N: 2}, used.JS)
	assert.InDelta(t, 2.0, used.Ratio, 1e-9)
	assert.Equal(t, []string{"the shell ended in state \"error\" (internal)"}, used.JSErrors)
	assert.Empty(t, used.CRErrors)
}

func TestSpreadString(t *testing.T) {
	assert.Equal(t, "–", spread{}.String(), "no runs")
	assert.Equal(t, "200 (100–300) ms", spreadOf([]float64{300, 100, 200}).String())
}

func TestSummarizeBigTakesMediansPerFigure(t *testing.T) {
	assert.Nil(t, summarizeBig(nil))
	s := summarizeBig([]bigRun{
		{Bytes: 10e6, DoneMs: 9000, CleanMs: 8000, ShowMs: 900, LongestGapMs: 150},
		{Bytes: 10e6, DoneMs: 7000, CleanMs: 6000, ShowMs: 700, LongestGapMs: 400},
		{Bytes: 10e6, DoneMs: 8000, CleanMs: 7000, ShowMs: 800, LongestGapMs: 120},
	})
	require.NotNil(t, s)
	assert.Equal(t, 10_000_000, s.Bytes)
	assert.Equal(t, spread{Median: 8000, Min: 7000, Max: 9000, N: 3}, s.Done)
	assert.Equal(t, spread{Median: 7000, Min: 6000, Max: 8000, N: 3}, s.Clean)
	assert.Equal(t, spread{Median: 800, Min: 700, Max: 900, N: 3}, s.Show)
	assert.Equal(t, spread{Median: 150, Min: 120, Max: 400, N: 3}, s.Gap)
}
