package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cleanread/internal/rules"
	"cleanread/internal/storytest"
	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each rule has a case file testdata/<rule>.txt in goldmark's numbered
// format: a head "N: title", the snippet, and what the cleaner must do with
// it — "removed <rule>" or "kept"; "removed <rule> as <label>" also says
// what the reader is told the block was. A title holding [before] or [after]
// places the snippet before the story's first paragraph or after its last;
// otherwise it stands in the middle. Kept cases are near misses: blocks
// that look like the rule's clutter and are the story's own.

// ruleCase is one numbered case of a rule case file.
type ruleCase struct {
	no    int
	title string
	html  string
	want  string // "kept" or "removed <rule>"
}

const (
	caseSep = "//- - - - - - - - -//"
	caseEnd = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
)

var rxCaseHead = regexp.MustCompile(`^(\d+):\s*(.*)$`)

// readRuleCases parses a case file.
func readRuleCases(t *testing.T, path string) []ruleCase {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	var cases []ruleCase
	for _, block := range strings.Split(string(raw), caseEnd) {
		block = strings.TrimSpace(block)
		if block == "" {
			continue
		}
		parts := strings.Split(block, caseSep)
		require.Len(t, parts, 3, "case file %s: a case is head, html and expectation", path)
		m := rxCaseHead.FindStringSubmatch(strings.TrimSpace(parts[0]))
		require.NotNil(t, m, "case head must be 'N: title': %q", parts[0])
		var no int
		_, err := fmt.Sscan(m[1], &no)
		require.NoError(t, err)
		cases = append(cases, ruleCase{no: no, title: m[2], html: strings.TrimSpace(parts[1]), want: strings.TrimSpace(parts[2])})
	}
	return cases
}

func casePath(rule string) string { return filepath.Join("testdata", rule+".txt") }

// caseCleaner cleans the cases with captions in the text: a case says what
// stays in the story, and a caption kept beside its picture stays.
func caseCleaner() *reader.Cleaner { return reader.New(reader.WithCaptionsInText(true)) }

// TestRuleCases runs every rule's case file through the whole cleaner.
func TestRuleCases(t *testing.T) {
	c := caseCleaner()
	for _, r := range rules.All() {
		t.Run(r.Name, func(t *testing.T) {
			for _, rc := range readRuleCases(t, casePath(r.Name)) {
				t.Run(fmt.Sprint(rc.no), func(t *testing.T) { checkCase(t, c, r.Name, rc) })
			}
		})
	}
}

func checkCase(t *testing.T, c *reader.Cleaner, rule string, rc ruleCase) {
	at := 4
	switch {
	case strings.Contains(rc.title, "[after]"):
		at = 7
	case strings.Contains(rc.title, "[before]"):
		at = 1
	}
	a, err := c.CleanString(storytest.At(rc.html, at), "https://news.example/2026/harbour-plan")
	require.NoError(t, err, rc.title)
	for i := 1; i <= 6; i++ {
		assert.Contains(t, a.TextContent, fmt.Sprintf("voted, %d, to send", i), "%s: story paragraph %d lost", rc.title, i)
	}
	snippetText := visibleText(rc.html)
	var by []string
	for _, r := range a.Removed {
		by = append(by, r.Rule)
	}
	want, label, labelled := strings.Cut(rc.want, " as ")
	if labelled {
		assert.Contains(t, labelsOf(a.Removed, rule), label, "%s: what the reader is told", rc.title)
	}
	switch want {
	case "kept":
		assert.Contains(t, squash(a.TextContent), snippetText, "%s: must be kept (removals: %v)", rc.title, by)
		for _, r := range a.Removed {
			assert.NotContains(t, snippetText, r.Text, "%s: removed by %s", rc.title, r.Rule)
		}
	case "removed " + rule:
		assert.NotContains(t, squash(a.TextContent), snippetText, "%s: must be removed", rc.title)
		assert.Contains(t, by, rule, "%s: removed by the wrong rule", rc.title)
	default:
		t.Fatalf("case %d: expectation must be 'kept' or 'removed %s', got %q", rc.no, rule, rc.want)
	}
}

// TestEveryRuleHasCases: every rule has a label, a reason and a case file
// with at least one removed case and one near miss; every case file is a
// rule's.
func TestEveryRuleHasCases(t *testing.T) {
	names := map[string]bool{}
	for _, r := range rules.All() {
		names[r.Name] = true
		assert.NotEmpty(t, r.Label, "%s: no label for readers", r.Name)
		assert.NotEmpty(t, r.Why, "%s: no reason", r.Name)
		if _, err := os.Stat(casePath(r.Name)); !assert.NoError(t, err, "%s: no case file", r.Name) {
			continue
		}
		removed, kept := 0, 0
		for _, rc := range readRuleCases(t, casePath(r.Name)) {
			switch want, _, _ := strings.Cut(rc.want, " as "); want {
			case "kept":
				kept++
			case "removed " + r.Name:
				removed++
			}
		}
		assert.Positive(t, removed, "%s: no case the rule removes", r.Name)
		assert.Positive(t, kept, "%s: no near miss the rule must keep", r.Name)
	}
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	require.NoError(t, err)
	for _, f := range files {
		assert.True(t, names[strings.TrimSuffix(filepath.Base(f), ".txt")], "%s names no rule", f)
	}
}

// labelsOf lists the labels of the removals by rule.
func labelsOf(removed []reader.Removal, rule string) []string {
	var out []string
	for _, r := range removed {
		if r.Rule == rule {
			out = append(out, r.Label)
		}
	}
	return out
}

var rxTags = regexp.MustCompile(`<[^>]*>`)

// visibleText is a snippet's text with tags removed and spaces folded.
func visibleText(h string) string {
	return squash(strings.NewReplacer("&amp;", "&", "&#39;", "'", "&quot;", `"`).Replace(rxTags.ReplaceAllString(h, " ")))
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestClutterFamilies: every token family of clutter-class has a label and
// a reason, no token names two families, and a block named by any token of
// a family is removed with that family's label, never a generic one.
func TestClutterFamilies(t *testing.T) {
	c := caseCleaner()
	seen := map[string]string{}
	var generic string
	for _, r := range rules.All() {
		if r.Name == "clutter-class" {
			generic = r.Label
		}
	}
	require.NotEmpty(t, generic)
	for _, f := range rules.ClutterFamilies() {
		assert.NotEmpty(t, f.Label)
		assert.NotEqual(t, generic, f.Label)
		assert.NotEmpty(t, f.Why, "%s: no reason", f.Label)
		require.NotEmpty(t, f.Tokens, f.Label)
		for _, tok := range f.Tokens {
			if other, dup := seen[tok]; dup {
				t.Errorf("token %q names both %q and %q", tok, other, f.Label)
			}
			seen[tok] = f.Label
			block := fmt.Sprintf(`<div class="x-%s"><a href="/elsewhere">Somewhere else on the site</a></div>`, tok)
			a, err := c.CleanString(storytest.At(block, 7), "https://news.example/2026/harbour-plan")
			require.NoError(t, err)
			assert.Equal(t, []string{f.Label}, labelsOf(a.Removed, "clutter-class"), "token %q", tok)
		}
	}
}
