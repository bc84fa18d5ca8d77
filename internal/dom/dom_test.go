package dom_test

import (
	"strings"
	"testing"

	"cleanread/internal/dom"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

func parse(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	require.NoError(t, err)
	return dom.FindFirst(doc, "div")
}

func TestTokensSplitClassesAtHumpsAndPunctuation(t *testing.T) {
	n := parse(t, `<div class="adSlot most-read header_box" id="Teaser2"></div>`)
	assert.Equal(t, []string{"ad", "slot", "most", "read", "header", "box", "teaser2"}, dom.Tokens(n))
	custom := parse(t, `<div><pp-inline-teaser></pp-inline-teaser></div>`).FirstChild
	assert.Equal(t, []string{"pp", "inline", "teaser"}, dom.Tokens(custom))
}

func TestTextAndLengths(t *testing.T) {
	n := parse(t, "<div>Read <a href='/x'>the  plan</a> , now.\n<p>Next</p></div>")
	assert.Equal(t, "Read the plan, now. Next", dom.Text(n))
	assert.Equal(t, len("Read")+len("the  plan")+len(", now.")+len("Next"), dom.TextLen(n))
	assert.Equal(t, len("the  plan"), dom.LinkTextLen(n))
	assert.InDelta(t, 9.0/23.0, dom.LinkDensity(n), 1e-9)
}

func TestStartsWithWord(t *testing.T) {
	assert.True(t, dom.StartsWithWord("subscribe now", []string{"subscribe"}))
	assert.False(t, dom.StartsWithWord("subscribers were told", []string{"subscribe"}), "a word must end where the prefix does")
	assert.True(t, dom.StartsWithWord("more:stories", []string{"more:"}), "a prefix ending in a colon may run on")
	assert.Equal(t, "read more", dom.Normalize("  » Read   MORE! "))
}

func TestHasMediaCountsPlaceholders(t *testing.T) {
	n := parse(t, `<div><p>text</p></div>`)
	assert.False(t, dom.HasMedia(n))
	n.AppendChild(&html.Node{Type: html.RawNode, Data: "placeholder"})
	assert.True(t, dom.HasMedia(n), "a raw node stands for a block taken out")
}

func TestTextKeepsWhatItDoesNotDecode(t *testing.T) {
	n := &html.Node{Type: html.ElementNode, Data: "p"}
	n.AppendChild(&html.Node{Type: html.TextNode, Data: "caf\xe9  au\u00a0lait , ok"})
	assert.Equal(t, "caf\uFFFD au lait, ok", dom.Text(n), "an invalid byte reads as U+FFFD; a no-break space is a space")
}

func TestInEmbedLooksUpToTheMarkedElement(t *testing.T) {
	div := parse(t, `<div><blockquote data-cr-embed="tweet"><p><a href="https://x.example/1">date</a></p></blockquote><p>after</p></div>`)
	q := dom.FindFirst(div, "blockquote")
	assert.True(t, dom.IsEmbed(q))
	assert.True(t, dom.InEmbed(dom.FindFirst(q, "a").FirstChild), "text inside the post")
	assert.False(t, dom.IsEmbed(dom.FindFirst(q, "p")), "a part of the post is not the post")
	assert.False(t, dom.InEmbed(q.NextSibling), "the story after it")
	assert.False(t, dom.InEmbed(div))
}
