//go:build e2e

package e2e

import (
	"fmt"
	"strings"
)

// bigStorySentences are what the generated story's paragraphs are made of;
// each paragraph takes a few in turn, so paragraphs differ from their
// neighbours as a real story's do.
var bigStorySentences = []string{
	"The harbour board met again on Thursday to hear the engineers' report on the eastern breakwater.",
	"Residents of the lower town have waited eleven years for the sea wall to be raised.",
	"The survey found that the old stones had shifted by almost a metre since the winter storms.",
	"A spokesperson for the board said the repairs would be paid for from the port's own reserves.",
	"Fishing crews asked for the work to be done outside the herring season, when the quay is quiet.",
	"Two of the five members voted against the plan, saying the estimate left no room for delays.",
	"The contract will be put out to tender in the spring, with work expected to start by the summer.",
	"Engineers said a temporary barrier would protect the slipway while the new wall is built.",
}

// bigStoryPage returns a news page of at least size bytes whose story has
// numbered paragraphs, a subheading every so often and links within the
// text, between a navigation bar and a "More from" teaser list; the last
// paragraph says "Last paragraph N", N being the paragraph count returned.
// The same size always gives the same page.
func bigStoryPage(size int) (page string, paragraphs int) {
	var sb strings.Builder
	sb.Grow(size + 4096)
	sb.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour board backs the breakwater repair | The Tidewater Gazette</title>
<meta name="author" content="Ines Carvalho"><meta property="og:site_name" content="The Tidewater Gazette">
</head><body>
<nav class="site-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<main><article><h1>Harbour board backs the breakwater repair</h1>
<p class="byline">By Ines Carvalho</p>
`)
	const tail = "</article></main>\n" +
		`<aside class="more-from"><h2>More from The Tidewater Gazette</h2><ul>` +
		`<li><a href="/news/ferry">Ferry timetable adds a late sailing</a></li>` +
		`<li><a href="/news/market">Fish market to open on Sundays</a></li>` +
		`<li><a href="/news/school">New school roof before the winter</a></li></ul></aside>` +
		"\n<footer><p>© The Tidewater Gazette. All rights reserved.</p></footer></body></html>\n"
	n := 0
	for sb.Len()+len(tail) < size {
		n++
		if n%30 == 0 {
			fmt.Fprintf(&sb, "<h2>Part %d of the report</h2>\n", n/30)
		}
		sb.WriteString("<p>")
		fmt.Fprintf(&sb, "Paragraph %d. ", n)
		for k := range 4 {
			s := bigStorySentences[(n*3+k)%len(bigStorySentences)]
			if k == 2 && n%5 == 0 {
				fmt.Fprintf(&sb, `<a href="/reports/%d">%s</a> `, n, s)
				continue
			}
			sb.WriteString(s + " ")
		}
		sb.WriteString("</p>\n")
	}
	n++
	fmt.Fprintf(&sb, "<p>Last paragraph %d: the board meets again in the new year.</p>\n", n)
	sb.WriteString(tail)
	return sb.String(), n
}
