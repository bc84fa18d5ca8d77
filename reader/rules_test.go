package reader_test

import (
	"encoding/json"
	"testing"

	"cleanread/internal/storytest"
	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The rules' own cases live with the rules (internal/rules/testdata); these
// tests cover what the pipeline does with them.

// storyWith places snippet in the middle of (or after) a plain story.
func storyWith(snippet string, after bool) string {
	return storyAt(snippet, map[bool]int{true: 7, false: 4}[after])
}

// storyAt places snippet in the shared test story (internal/storytest).
func storyAt(snippet string, at int) string { return storytest.At(snippet, at) }

// storyPara is one paragraph of that story.
const storyPara = storytest.Para

func TestRuleNamesAndDisabling(t *testing.T) {
	names := reader.RuleNames()
	require.Contains(t, names, "ad-label")
	html := storyWith("<p>Advertisement</p>", false)
	on, err := reader.New().CleanString(html, "")
	require.NoError(t, err)
	assert.NotContains(t, on.TextContent, "Advertisement")
	off, err := reader.New(reader.WithDisabledRules("ad-label")).CleanString(html, "")
	require.NoError(t, err)
	assert.Contains(t, off.TextContent, "Advertisement")
	none, err := reader.New(reader.WithTeaserPass(false)).CleanString(html, "")
	require.NoError(t, err)
	assert.Contains(t, none.TextContent, "Advertisement")
	assert.Empty(t, none.Removed)
}

func TestParseRuleList(t *testing.T) {
	names, err := reader.ParseRuleList(" ad-label, ,share-bar")
	require.NoError(t, err)
	assert.Equal(t, []string{"ad-label", "share-bar"}, names)
	empty, err := reader.ParseRuleList("")
	require.NoError(t, err)
	assert.Empty(t, empty)
	_, err = reader.ParseRuleList("ad-label,ad-lable")
	require.ErrorContains(t, err, `unknown rule "ad-lable"`)
	require.ErrorContains(t, err, "ad-label", "the error lists the rules to choose from")
}

// TestRemovalsCarryLabels: every removal names its rule and says in plain
// words what it was, in the JSON the view and the CLI get.
func TestRemovalsCarryLabels(t *testing.T) {
	a, err := reader.New().CleanString(storyWith(`<p>Advertisement</p><div class="share-bar"><a href="/s">Share</a></div>`, false), "https://news.example/a")
	require.NoError(t, err)
	require.NotEmpty(t, a.Removed)
	for _, r := range a.Removed {
		assert.NotEmpty(t, r.Label, "removal by %s", r.Rule)
		assert.NotEqual(t, r.Rule, r.Label, "a label is plain words, not the rule's name")
	}
	b, err := json.Marshal(a.Removed[0])
	require.NoError(t, err)
	assert.Contains(t, string(b), `"label":"`+a.Removed[0].Label+`"`)
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
