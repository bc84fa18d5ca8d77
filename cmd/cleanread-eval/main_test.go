package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Hello, World! 42 times", []string{"hello", "world", "42", "times"}},
		{"don't  stop—now", []string{"don", "t", "stop", "now"}},
		{"中文abc 日本語", []string{"中", "文", "abc", "日", "本", "語"}},
		{"cafe\u0301 naïve", []string{"cafe\u0301", "naïve"}},
		{"  \n\t", nil},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tokens(tt.in), "tokens(%q)", tt.in)
	}
}

func TestScoreWords(t *testing.T) {
	want, n := newBag("the cat and the dog")
	tests := []struct {
		got  string
		want counts
		p, r float64
	}{
		{"The cat and the dog", counts{TP: 5}, 1, 1},
		{"the cat", counts{TP: 2, FN: 3}, 1, 0.4},
		{"the the the cat", counts{TP: 3, FP: 1, FN: 2}, 0.75, 0.6},
		{"menu login the cat and the dog", counts{TP: 5, FP: 2}, 5.0 / 7, 1},
	}
	for _, tt := range tests {
		c := scoreWords(want, n, tt.got)
		assert.Equal(t, tt.want, c, tt.got)
		p, ok := c.precision()
		assert.True(t, ok)
		assert.InDelta(t, tt.p, p, 1e-9, tt.got)
		assert.InDelta(t, tt.r, c.recall(), 1e-9, tt.got)
	}

	empty := scoreWords(want, n, "")
	_, ok := empty.precision()
	assert.False(t, ok, "no text has no precision")
	assert.Zero(t, empty.recall())
	assert.Zero(t, empty.fscore())
}

func TestScoreSnippets(t *testing.T) {
	with := []string{"keep one", "keep two"}
	without := []string{"Impressum", "Share"}

	r := scoreSnippets(with, without, "text with keep one and Share it")
	assert.Equal(t, counts{TP: 1, FN: 1, FP: 1, TN: 1}, r.counts)
	assert.Equal(t, []string{"keep two"}, r.Lost)
	assert.Equal(t, []string{"Share"}, r.Leaked)

	r = scoreSnippets(with, without, "")
	assert.Equal(t, counts{FN: 2, TN: 2}, r.counts, "an empty result loses every with and leaks nothing")

	r = scoreSnippets(with, without, "KEEP ONE keep two")
	assert.Equal(t, counts{TP: 1, FN: 1, TN: 2}, r.counts, "matching is case-sensitive, as in go-trafilatura")

	var total counts
	total.add(counts{TP: 3, FP: 1, FN: 1})
	total.add(counts{TP: 1, FP: 1, FN: 1})
	p, _ := total.precision()
	assert.InDelta(t, 4.0/6, p, 1e-9)
	assert.InDelta(t, 4.0/6, total.recall(), 1e-9)
	assert.InDelta(t, 8.0/12, total.fscore(), 1e-9)
}

func TestRunUsage(t *testing.T) {
	for _, args := range [][]string{
		{"-corpus", "c"},
		{"-j", "0"},
		{"extra"},
		{"-nope"},
	} {
		var out, errOut bytes.Buffer
		assert.Equal(t, 1, run(args, &out, &errOut), "%q", args)
		assert.NotEmpty(t, errOut.String(), "%q", args)
	}
}

func TestDisabledRulesFlag(t *testing.T) {
	o, err := parseFlags([]string{"-disabled-rules", "ad-label, share-bar", "-disabled-rules", "newsletter-box", "-teaser-pass=false"}, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, []string{"ad-label", "share-bar", "newsletter-box"}, o.disabledRules)
	assert.False(t, o.teaserPass)
	_, err = parseFlags([]string{"-disabled-rules", "no-such-rule"}, io.Discard)
	require.ErrorContains(t, err, `unknown rule "no-such-rule"`)
}

func TestRunCorpusA(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole Mozilla corpus")
	}
	tsv := filepath.Join(t.TempDir(), "a.tsv")
	var out, errOut bytes.Buffer
	code := run([]string{"-corpus", "a", "-baseline", "-v", "-tsv", tsv}, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())

	text := out.String()
	assert.Contains(t, text, "lowest recall")
	rows := tableRows(text)
	require.Contains(t, rows, "cleanread")
	require.Contains(t, rows, "readability")

	// The expected outputs were made by readability, so the baseline scores
	// (nearly) perfectly; cleanread must keep most of every story.
	assert.Greater(t, rows["readability"]["R"], 0.99)
	assert.Greater(t, rows["cleanread"]["R"], 0.6)
	assert.Greater(t, rows["cleanread"]["P"], 0.8)
	assert.Greater(t, rows["cleanread"]["pages"], 100.0)

	b, err := os.ReadFile(tsv)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	assert.Equal(t, int(2*rows["cleanread"]["pages"])+1, len(lines))
	assert.True(t, strings.HasPrefix(lines[0], "corpus\textractor\tpage\tprecision\trecall"))
	assert.Len(t, strings.Split(lines[1], "\t"), 12)
}

// tableRows reads the printed table into extractor → column → value.
func tableRows(out string) map[string]map[string]float64 {
	lines := strings.Split(out, "\n")
	head := strings.Fields(lines[0])
	rows := map[string]map[string]float64{}
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		if len(f) < len(head)-1 || (f[0] != "A" && f[0] != "B") {
			break
		}
		row := map[string]float64{}
		for i, h := range head[2:] {
			if i+2 < len(f) {
				row[h], _ = strconv.ParseFloat(f[i+2], 64)
			}
		}
		rows[f[1]] = row
	}
	return rows
}

func TestRunNoURL(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole Mozilla corpus")
	}
	tsv := filepath.Join(t.TempDir(), "a.tsv")
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-corpus", "a", "-no-url", "-tsv", tsv}, &out, &errOut), errOut.String())
	assert.Greater(t, tableRows(out.String())["cleanread"]["R"], 0.6)

	b, err := os.ReadFile(tsv)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	require.Greater(t, len(lines), 100)
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		require.Len(t, f, 12)
		assert.Empty(t, f[11], "no page is cleaned with its URL: %s", l)
	}
}
