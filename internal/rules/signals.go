package rules

import (
	"net/url"
	"regexp"
	"strings"
	"sync"

	"cleanread/internal/bodytext"
	"cleanread/internal/dom"

	"golang.org/x/net/html"
)

// Signals more than one family asks about. Word sets and regular
// expressions are built on first use, not when the program starts.

// lazyRegexp compiles expr the first time it is called (dom.LazyRegexp).
func lazyRegexp(expr string) func() *regexp.Regexp { return dom.LazyRegexp(expr) }

// lazySet returns a function that builds the lookup set of words the first
// time it is called.
func lazySet(words ...string) func() map[string]bool {
	return sync.OnceValue(func() map[string]bool { return dom.Set(words) })
}

// storyShaped reports whether n holds several paragraphs of prose, or one
// long run of it: such a block is never removed on a class name alone (CMSes
// call an article's lead a "teaser" and mark paid paragraphs "paywall").
func storyShaped(n *html.Node) bool {
	if holdsStoryMarker(n) {
		return true
	}
	if t := dom.TextLen(n); t >= 300 && float64(dom.LinkTextLen(n)) < 0.25*float64(t) {
		return true
	}
	long := 0
	for d := n; d != nil; {
		if d.Type == html.ElementNode && (d.Data == "p" || d.Data == "pre" || d.Data == "blockquote") {
			if dom.TextLen(d)-dom.LinkTextLen(d) >= 120 {
				long++
			}
			d = dom.Next(n, d, true)
		} else {
			if d.Type == html.TextNode && len(strings.TrimSpace(d.Data)) >= 200 && !insideLink(d, n) {
				long++
			}
			d = dom.Next(n, d, false)
		}
		if long >= 3 {
			return true
		}
	}
	return false
}

func insideLink(d, stop *html.Node) bool {
	for p := d.Parent; p != nil && p != stop; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "a" {
			return true
		}
	}
	return false
}

// holdsStoryMarker reports whether n contains the page's headline or an
// element that declares itself the story: wrappers around the story often
// carry layout classes such as "has-sidebar" or a skip-link target id.
func holdsStoryMarker(n *html.Node) bool {
	for d := n.FirstChild; d != nil; d = dom.Next(n, d, false) {
		if d.Type != html.ElementNode {
			continue
		}
		switch d.Data {
		case "h1", "article", "main":
			return true
		}
		if p := dom.Attr(d, "itemprop"); p == "articleBody" || p == "text" {
			return true
		}
	}
	return false
}

// isHeadingLike reports a heading, or a short block that stands in for one.
func isHeadingLike(n *html.Node) bool {
	if n == nil || n.Type != html.ElementNode {
		return false
	}
	if isHeading(n.Data) {
		return true
	}
	switch n.Data {
	case "p", "div", "strong", "b", "span", "header":
		// Text and a link side by side ("À lire aussi : <a>…</a>") make a
		// call-to-action line, not a heading.
		l, links := dom.TextLen(n), dom.LinkTextLen(n)
		return l <= 80 && l > 0 && (links == 0 || links == l) && !dom.HoldsParagraph(n)
	}
	return false
}

func headingMatches(n *html.Node, phrases []string) bool {
	return isHeadingLike(n) && dom.StartsWithWord(dom.Normalize(dom.Text(n)), phrases)
}

// headingMatches is headingMatches of the element under test, reading its
// text once and, to rule it out, only its first words. phrases must each
// be shorter than leadMin.
func (s *scan) headingMatches(phrases []string) bool {
	starts := func(t string) bool { return dom.StartsWithWord(t, phrases) }
	return isHeadingLike(s.n) && s.mayStart(starts) && starts(s.Norm())
}

// holdsHeading reports an h1–h6 element under n (n included).
func holdsHeading(n *html.Node) bool { return firstHeading(n) != nil }

// firstHeading returns the first h1–h6 element under n (n included), or nil.
func firstHeading(n *html.Node) *html.Node {
	for d := n; d != nil; d = dom.Next(n, d, false) {
		if d.Type == html.ElementNode && isHeading(d.Data) {
			return d
		}
	}
	return nil
}

func hasLink(s *scan) bool { return dom.FindFirst(s.n, "a") != nil }

// sameSite reports a link to the page's own host (or a relative one).
func sameSite(href, host string) bool {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil || strings.HasPrefix(href, "#") {
		return false
	}
	if u.Host == "" || host == "" {
		return true
	}
	return strings.TrimPrefix(u.Hostname(), "www.") == strings.TrimPrefix(host, "www.")
}

// holdsSameSiteLink reports a link under n to the page's own site: an
// anchor, or a custom element that links ("<pp-link href=…>").
func holdsSameSiteLink(n *html.Node, host string) bool {
	for d := n; d != nil; d = dom.Next(n, d, false) {
		if d.Type == html.ElementNode && (d.Data == "a" || strings.Contains(d.Data, "-")) && dom.Attr(d, "href") != "" &&
			sameSite(dom.Attr(d, "href"), host) {
			return true
		}
	}
	return false
}

// mostlyFragmentLinks reports a block whose links mostly jump within the
// page: a table of contents, or footnotes.
func mostlyFragmentLinks(n *html.Node) bool {
	total, frag := 0, 0
	for _, a := range dom.Elements(n) {
		if a.Data == "a" {
			total++
			if strings.HasPrefix(strings.TrimSpace(dom.Attr(a, "href")), "#") {
				frag++
			}
		}
	}
	return total > 0 && frag*10 >= total*8
}

// nothingAfter reports whether no text follows n inside root: a teaser
// heading left alone at the end once readability dropped its links.
func nothingAfter(n, root *html.Node) bool {
	for d := dom.Next(root, n, true); d != nil; d = dom.Next(root, d, false) {
		if d.Type == html.TextNode && strings.TrimSpace(d.Data) != "" {
			return false
		}
	}
	return true
}

// inCaption reports n inside a figure or its caption, or in a line marked as
// a picture's credit: a credit belongs to the picture, which the story keeps.
func inCaption(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (p.Data == "figure" || p.Data == "figcaption" || bodytext.IsCredit(p)) {
			return true
		}
	}
	return false
}

// sourceHeadings start headings of lists that are the story's own content.
var sourceHeadings = []string{"sources", "source", "references", "notes", "footnotes", "bibliography", "contents",
	"table of contents", "quellen", "quelle", "literatur", "inhalt", "sommaire", "fuentes", "referencias", "índice", "fonti"}

// kickerMax is how much a heading may add to a headline (a kicker such as
// "Thema Verbraucherschutz") and still be that headline.
const kickerMax = 40
