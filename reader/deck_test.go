package reader_test

import (
	"strings"
	"testing"

	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The deck under the headline, outside the block readability takes, opens
// the story once; what only looks like one stays out.
func TestDeckOpensTheStory(t *testing.T) {
	para := "<p>The committee met for six hours on Tuesday and heard from engineers, residents and two former mayors before it voted to send the proposal to the full council for a final decision next month.</p>"
	const deck = "The town will raise its harbour wall by eighty centimetres after a winter of floods, the council decided on Tuesday night."
	cases := []struct {
		name, header, opening string
		opens                 bool
	}{
		{"a deck in an h2", `<h2 class="article-deck">` + deck + `</h2>`, deck, true},
		{"a deck after the byline", `<p class="byline">By Ada Brook</p><p class="lead"><span>` + deck + `</span></p>`, deck, true},
		{"a deck after a date, a byline and a reading time", `<div class="date">Published 14 June 2026</div><div class="author">By Ada Brook</div><div class="time">4 min read</div><h2>` + deck + `</h2>`, deck, true},
		{"a long deck that stops without a full stop", `<h2>` + strings.TrimSuffix(deck, ".") + ` and the engineers were told to start in spring</h2>`, deck[:60], true},
		{"a deck in a small box", `<div class="intro"><p>` + deck + `</p></div>`, deck, true},
		{"near miss: a paragraph with a hidden part", `<p><span aria-hidden="true">WRONG</span>` + deck + `</p>`, "WRONG", false},
		{"near miss: a short subtitle", `<h2>Floods and a wall</h2>`, "Floods and a wall", false},
		{"near miss: a line of post metadata", `<p>The Coastal Ledger | 14 June 2026 at 10:42 • Updated 14 June 2026 at 12:10 | By Ada Brook and Sam Lee, harbour desk.</p>`, "The Coastal Ledger", false},
		{"near miss: a teaser link", `<p><a href="/news/ferry">` + deck + `</a></p>`, deck, false},
		{"near miss: a label, not a sentence", `<h2>Harbour wall floods council vote engineers residents mayors winter storms coast town plan</h2>`, "Harbour wall floods", false},
	}
	for _, c := range cases {
		page := `<html><head><title>Harbour wall</title></head><body><header><h1>Harbour wall</h1>` + c.header +
			`</header><article>` + strings.Repeat(para, 8) + `</article></body></html>`
		a, err := reader.New().CleanString(page, "https://news.example/2026/wall")
		require.NoError(t, err, c.name)
		assert.Equal(t, c.opens, strings.HasPrefix(a.TextContent, c.opening), "%s: %.100q", c.name, a.TextContent)
		assert.LessOrEqual(t, strings.Count(a.TextContent, c.opening), 1, "%s: at most once", c.name)
	}
}

// A deck the story already holds is not added again.
func TestDeckNotRepeated(t *testing.T) {
	para := "<p>The committee met for six hours on Tuesday and heard from engineers, residents and two former mayors before it voted to send the proposal to the full council for a final decision next month.</p>"
	const deck = "The town will raise its harbour wall by eighty centimetres after a winter of floods, the council decided on Tuesday night."
	page := `<html><head><title>Harbour wall</title></head><body><article><h1>Harbour wall</h1><p>` + deck + `</p>` + strings.Repeat(para, 8) + `</article></body></html>`
	a, err := reader.New().CleanString(page, "")
	require.NoError(t, err)
	assert.Equal(t, 1, strings.Count(a.TextContent, deck))
}
