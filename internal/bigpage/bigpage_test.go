package bigpage_test

import (
	"strings"
	"testing"

	"cleanread/internal/bigpage"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// countElements parses page and counts its elements.
func countElements(t *testing.T, page string) int {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	n := 0
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.ElementNode {
			n++
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return n
}

func TestPageHasTheSizeAskedFor(t *testing.T) {
	for _, size := range []int{100 << 10, 1 << 20, 5 << 20} {
		p := bigpage.Page(size)
		assert.InDelta(t, size, len(p), 2048, "size %d", size)
		assert.Equal(t, p, bigpage.Page(size), "the same size gives the same page")
		assert.True(t, strings.HasSuffix(p, "</html>\n"))
	}
	small := bigpage.Page(0)
	assert.Contains(t, small, "section 1,", "a tiny size still has one section")
	assert.Equal(t, 1, strings.Count(small, "<h1>"))
}

func TestPageLooksLikeANewsStory(t *testing.T) {
	p := bigpage.Page(64 << 10)
	for _, part := range []string{"<nav", "<figure>", "<ul><li>", "<blockquote>", `class="related inline-teaser"`, `class="newsletter-signup"`, `class="more-stories"`, "<footer"} {
		assert.Contains(t, p, part)
	}
	assert.Contains(t, p, "section 2,", "paragraphs are numbered, so none repeats")
	assert.NotContains(t, p, "%!", "every format verb is filled")
}

func TestDenseHasTheElementsAskedFor(t *testing.T) {
	for _, n := range []int{1000, 50_000} {
		got := countElements(t, bigpage.Dense(n))
		assert.GreaterOrEqual(t, got, n)
		assert.Less(t, got, n+200, "about n elements, not many more")
	}
	p := bigpage.Dense(10_000)
	assert.Less(t, len(p)/countElements(t, p), 20, "a dense page has many elements for its bytes")
}
