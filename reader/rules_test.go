package reader_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ruleCase is one numbered case of a rule case file: a snippet placed in a
// story, and whether the teaser pass must remove it (and by which rule) or keep it.
type ruleCase struct {
	no     int
	title  string
	html   string
	want   string // "kept" or "removed <rule>"
	after  bool   // place the snippet after the story's last paragraph
	before bool   // place the snippet before the story's first paragraph
}

const (
	caseSep   = "//- - - - - - - - -//"
	caseEnd   = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
	storyPara = "<p>The committee met for six hours on Tuesday and heard from engineers, residents and two former mayors before it voted, %d, to send the proposal to the full council for a final decision next month.</p>\n"
)

var rxCaseHead = regexp.MustCompile(`^(\d+):\s*(.*)$`)

// readRuleCases parses a case file in the goldmark style.
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
		fmt.Sscan(m[1], &no)
		cases = append(cases, ruleCase{
			no: no, title: m[2], html: strings.TrimSpace(parts[1]), want: strings.TrimSpace(parts[2]),
			after: strings.Contains(m[2], "[after]"), before: strings.Contains(m[2], "[before]"),
		})
	}
	return cases
}

// storyWith places snippet in the middle of (or after) a plain story.
func storyWith(snippet string, after bool) string {
	return storyAt(snippet, map[bool]int{true: 7, false: 4}[after])
}

// storyAt places snippet before story paragraph at (1..6), or after the last for 7.
func storyAt(snippet string, at int) string {
	var sb strings.Builder
	sb.WriteString("<!doctype html><html lang=en><head><title>Council sends harbour plan to a final vote</title><meta name=author content='Ada Brook'></head><body><article><h1>Council sends harbour plan to a final vote</h1>\n")
	for i := 1; i <= 6; i++ {
		if i == at {
			sb.WriteString(snippet + "\n")
		}
		sb.WriteString(fmt.Sprintf(storyPara, i))
	}
	if at > 6 {
		sb.WriteString(snippet + "\n")
	}
	sb.WriteString("</article></body></html>")
	return sb.String()
}

func TestRuleCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "rules", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	c := reader.New()
	for _, f := range files {
		for _, rc := range readRuleCases(t, f) {
			name := fmt.Sprintf("%s/%d", strings.TrimSuffix(filepath.Base(f), ".txt"), rc.no)
			t.Run(name, func(t *testing.T) {
				at := 4
				switch {
				case rc.after:
					at = 7
				case rc.before:
					at = 1
				}
				a, err := c.CleanString(storyAt(rc.html, at), "https://news.example/2026/harbour-plan")
				require.NoError(t, err, rc.title)
				for i := 1; i <= 6; i++ {
					assert.Contains(t, a.TextContent, fmt.Sprintf("voted, %d, to send", i), "%s: story paragraph %d lost", rc.title, i)
				}
				snippetText := visibleText(rc.html)
				switch {
				case rc.want == "kept":
					assert.Contains(t, squash(a.TextContent), snippetText, "%s: must be kept", rc.title)
					for _, r := range a.Removed {
						assert.NotContains(t, snippetText, r.Text, "%s: removed by %s", rc.title, r.Rule)
					}
				case strings.HasPrefix(rc.want, "removed "):
					rule := strings.TrimPrefix(rc.want, "removed ")
					assert.NotContains(t, squash(a.TextContent), snippetText, "%s: must be removed", rc.title)
					var rules []string
					for _, r := range a.Removed {
						rules = append(rules, r.Rule)
					}
					assert.Contains(t, rules, rule, "%s: removed by the wrong rule", rc.title)
				default:
					t.Fatalf("case %d: expectation must be 'kept' or 'removed <rule>', got %q", rc.no, rc.want)
				}
			})
		}
	}
}

var rxTags = regexp.MustCompile(`<[^>]*>`)

// visibleText is a snippet's text with tags removed and spaces folded.
func visibleText(h string) string {
	return squash(strings.NewReplacer("&amp;", "&", "&#39;", "'", "&quot;", `"`).Replace(rxTags.ReplaceAllString(h, " ")))
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestRuleNamesAndDisabling(t *testing.T) {
	names := reader.RuleNames()
	require.Contains(t, names, "ad-label")
	html := storyWith("<p>Advertisement</p>", false)
	on, err := reader.New().CleanString(html, "")
	require.NoError(t, err)
	assert.NotContains(t, on.TextContent, "Advertisement")
	off, err := reader.New(reader.WithoutRules("ad-label")).CleanString(html, "")
	require.NoError(t, err)
	assert.Contains(t, off.TextContent, "Advertisement")
	none, err := reader.New(reader.WithTeaserPass(false)).CleanString(html, "")
	require.NoError(t, err)
	assert.Contains(t, none.TextContent, "Advertisement")
	assert.Empty(t, none.Removed)
}

// TestTeaserPassNeverEmptiesAPage: when the pass would leave nothing, the
// page is cleaned again without it, so it never costs a page its story.
func TestTeaserPassNeverEmptiesAPage(t *testing.T) {
	page := `<html><body><div class="related-box"><p>The ferry to the island will run twice a day from May, the harbour board said on Friday after a long dispute with the operator.</p><p>Tickets go on sale next week.</p></div></body></html>`
	off, err := reader.New(reader.WithTeaserPass(false)).CleanString(page, "")
	require.NoError(t, err)
	on, err := reader.New().CleanString(page, "")
	require.NoError(t, err, "the pass must not turn a cleanable page into an error")
	assert.Equal(t, off.TextContent, on.TextContent)
}
