// Package bigpage writes realistic news pages of any size for the scale
// benchmarks and tests: a story of numbered paragraphs with subheads,
// figures, lists, quotes and inline links, inside the clutter of a real
// page (a header with navigation, share bars, a newsletter box, a sidebar
// of teasers, "more stories" cards and a footer). The same size always
// gives the same page, byte for byte.
package bigpage

import (
	"fmt"
	"strings"
)

// head opens the page: metadata, a site header and the story's title.
const head = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour council approves the storm wall plan | The Coastal Ledger</title>
<meta name="author" content="Ada Brook">
<meta property="og:site_name" content="The Coastal Ledger">
<meta property="article:published_time" content="2026-03-14T09:30:00Z">
<meta property="og:image" content="https://ledger.example/img/wall-lead.jpg">
<link rel="stylesheet" href="/css/site.css"><script src="/js/ads.js"></script>
</head><body>
<header class="site-header"><a class="logo" href="/">The Coastal Ledger</a>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li><li><a href="/weather">Weather</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/culture">Culture</a></li></ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"><button>Search</button></form></header>
<div class="ad-slot ad-leaderboard"><span>Advertisement</span></div>
<main><article class="story">
<h1>Harbour council approves the storm wall plan</h1>
<p class="byline">By <a href="/staff/ada-brook">Ada Brook</a>, harbour correspondent · <time datetime="2026-03-14">14 March 2026</time></p>
<div class="share-bar"><a href="/share/fb">Share</a> <a href="/share/x">Post</a> <a href="/share/mail">Email</a></div>
<figure class="lead"><img src="/img/wall-lead.jpg" alt="The old harbour wall at high tide" width="1200" height="675"><figcaption>The old harbour wall at high tide. Photo: Ledger staff</figcaption></figure>
`

// Story blocks, repeated in turn; %d numbers them so no two are the same.
const (
	para   = "<p>The committee met for six hours on Tuesday, section %d, and heard from <a href=\"/topics/engineering\">engineers</a>, residents and two former mayors before it voted to send the proposal on, with a budget that now runs to several million and a timetable that the council's own report calls <em>ambitious but achievable</em>.</p>\n"
	para2  = "<p>Residents along the front said the wall had failed three winters in a row, %d, and that sandbags were no longer enough; one shop owner described pumping water out of her cellar at four in the morning while the tide was still rising outside.</p>\n"
	sub    = "<h2>What the plan changes, part %d</h2>\n"
	figure = "<figure><img src=\"/img/section-%d.jpg\" alt=\"Engineers survey the sea wall\" width=\"800\" height=\"450\" loading=\"lazy\"><figcaption>Engineers survey the sea wall before the vote. Photo: Ledger staff</figcaption></figure>\n"
	list   = "<ul><li>A higher wall along the north quay, stage %d</li><li>New drainage under the promenade</li><li>Flood gates at the two slipways</li></ul>\n"
	quote  = "<blockquote><p>We cannot keep patching a wall that was built for a different sea, said the chair of the committee in her closing remarks on item %d.</p></blockquote>\n"
	teaser = "<aside class=\"related inline-teaser\"><h3>Read more</h3><ul><li><a href=\"/news/ferry-%d\">Ferry timetable changes this winter</a></li><li><a href=\"/news/lights-%d\">Council approves new harbour lighting</a></li></ul></aside>\n"
)

// tail closes the story and adds what follows it on a real page.
const tail = `<div class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our newsletter.</p><form><input type="email" placeholder="Email"><button>Subscribe</button></form></div>
<div class="share-bar"><a href="/share/fb">Share</a> <a href="/share/x">Post</a></div>
</article>
<aside class="sidebar"><h2>Most read</h2><ol>
<li><a href="/news/regatta">Regatta returns after two-year break</a></li>
<li><a href="/news/school">New school opens on the hill</a></li>
<li><a href="/news/bus">Bus routes cut in the east</a></li>
<li><a href="/news/market">Market hall to reopen in spring</a></li></ol>
<div class="ad-slot ad-mpu"><span>Advertisement</span></div></aside>
<section class="more-stories"><h2>More from the Ledger</h2>
<div class="card"><a href="/news/a"><img src="/img/a.jpg" alt=""><h3>Lifeboat crew honoured</h3></a><p>Two decades of rescues.</p></div>
<div class="card"><a href="/news/b"><img src="/img/b.jpg" alt=""><h3>Fish prices climb</h3></a><p>A cold spring keeps boats in.</p></div>
<div class="card"><a href="/news/c"><img src="/img/c.jpg" alt=""><h3>Pier repairs finish early</h3></a><p>Open for the summer.</p></div>
</section></main>
<footer class="site-footer"><nav><a href="/about">About us</a> <a href="/contact">Contact</a> <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></nav><p>© 2026 The Coastal Ledger</p></footer>
</body></html>
`

// Page returns a page of about size bytes (never less than the page with
// one section): as many story sections as fit between the page's head and
// tail.
func Page(size int) string {
	var sb strings.Builder
	sb.Grow(size + 4096)
	sb.WriteString(head)
	for i := 1; i == 1 || sb.Len()+len(tail) < size; i++ {
		writeSection(&sb, i)
	}
	sb.WriteString(tail)
	return sb.String()
}

// writeSection writes story section i: a subhead, prose, and in turn a
// figure, a list, a quote or an inline teaser box, as long stories have.
func writeSection(sb *strings.Builder, i int) {
	if i > 1 {
		fmt.Fprintf(sb, sub, i)
	}
	fmt.Fprintf(sb, para, i)
	fmt.Fprintf(sb, para2, i)
	switch i % 4 {
	case 0:
		fmt.Fprintf(sb, figure, i)
	case 1:
		fmt.Fprintf(sb, list, i)
	case 2:
		fmt.Fprintf(sb, quote, i)
	case 3:
		fmt.Fprintf(sb, teaser, i, i)
	}
	fmt.Fprintf(sb, para, i+1_000_000)
}

// Dense returns a page with at least n elements whose story is written
// the way word processors and some publishing tools export it: every run
// of words in a span of its own, so the page has many elements for its
// size.
func Dense(n int) string {
	var sb strings.Builder
	sb.WriteString(head)
	count := strings.Count(head, "<") - strings.Count(head, "</") - strings.Count(head, "<!")
	for i := 1; count < n; i++ {
		count += writeDenseSection(&sb, i)
	}
	sb.WriteString(tail)
	return sb.String()
}

// denseWords are the runs of a dense paragraph, one span each.
var denseWords = strings.Fields("The committee met for six hours on Tuesday and heard from engineers, residents and two former mayors before it voted to send the proposal to the full council for a final decision next month.")

// writeDenseSection writes dense section i and returns how many elements
// it holds.
func writeDenseSection(sb *strings.Builder, i int) int {
	fmt.Fprintf(sb, sub, i)
	sb.WriteString("<p>")
	for j, w := range denseWords {
		if j == 3 {
			fmt.Fprintf(sb, "<span>%d</span> ", i)
		}
		sb.WriteString("<span>" + w + "</span> ")
	}
	sb.WriteString("</p>\n")
	return 2 + len(denseWords) + 1
}
