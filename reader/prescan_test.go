package reader

import (
	"fmt"
	"strings"
	"testing"

	"cleanread/internal/bigpage"
	"cleanread/internal/corpus"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// treeSize returns the element count and the depth checkTree measures.
func treeSize(doc *html.Node) (elements, depth int) {
	var walk func(n *html.Node, d int)
	walk = func(n *html.Node, d int) {
		if n.Type == html.ElementNode {
			elements++
		}
		depth = max(depth, d)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, d+1)
		}
	}
	walk(doc, 0)
	return elements, depth
}

// assertWithinLimits checks that a Cleaner whose limits are exactly the
// page's parsed size lets the page past prescan: its counts never exceed
// what the parser builds.
func assertWithinLimits(t *testing.T, name, page string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err, name)
	elements, depth := treeSize(doc)
	c := New(WithMaxElements(elements), WithMaxDepth(depth))
	assert.NoError(t, c.prescan(page), "%s: %d elements, %d deep", name, elements, depth)
}

func TestPrescanNeverRefusesAPageWithinItsLimits(t *testing.T) {
	cases := map[string]string{
		"unclosed paragraphs":  "<body>" + strings.Repeat("<p>one<p>two<div>three</div>", 50),
		"unclosed list items":  "<ul>" + strings.Repeat("<li>item", 60) + "</ul>",
		"unclosed cells":       "<table>" + strings.Repeat("<tr><td>a<td>b<th>c", 40) + "</table>",
		"nested links":         strings.Repeat("<a href=x>link ", 70),
		"stray table parts":    "<body>" + strings.Repeat("<td><tr><caption>x", 50),
		"tags inside a select": "<select>" + strings.Repeat("<div><span>x", 50) + "</select>",
		"nested forms":         strings.Repeat("<form>", 60),
		"svg break-outs":       strings.Repeat("<svg><g><div>x", 40),
		"self-closing divs":    strings.Repeat("<div/>", 80),
		"headings in headings": strings.Repeat("<h2>a<h3>b", 50),
		"big article":          bigpage.Page(200 << 10),
		"dense article":        bigpage.Dense(20_000),
	}
	for name, page := range cases {
		assertWithinLimits(t, name, page)
	}
	pages, err := corpus.MozillaPages()
	if err != nil {
		t.Skipf("Mozilla test pages not available: %v", err)
	}
	for _, p := range pages {
		src, err := p.Source()
		require.NoError(t, err)
		assertWithinLimits(t, p.Name, string(src))
	}
	more, err := corpus.ComparisonPages()
	if err != nil {
		t.Skipf("comparison pages not available: %v", err)
	}
	for _, p := range more {
		src, err := p.Source()
		if err != nil {
			continue // a missing file: the corpus test reports those
		}
		text, err := decode(src, "")
		if err != nil {
			continue // not a page the cleaner would parse
		}
		assertWithinLimits(t, p.File, text)
	}
}

func TestPrescanRefusesWhatTheTreeWould(t *testing.T) {
	page := func(depth int) string {
		return "<!doctype html><body>" + strings.Repeat("<div>", depth) + "x" + strings.Repeat("</div>", depth)
	}
	err := New(WithMaxDepth(64)).prescan(page(100))
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), "nested more than 64 deep")
	err = New(WithMaxElements(1000)).prescan("<body>" + strings.Repeat("<i></i>", 1001))
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), fmt.Sprint("more than 1000 elements"))
	assert.NoError(t, New(WithMaxElements(1000)).prescan("<body>"+strings.Repeat("<i></i>", 1000)))
}
