package reader

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// The page's own summary (meta description) usually opens the story, or
// repeats its first sentences. When the story readability chose does not
// hold it but the page's body does, readability most likely chose a side
// block (an "about this blog" box, a disclosure) over a short post. The
// second opinion cleans the block that holds the summary instead.

// probeWords is how many words of the summary are looked for.
const probeWords = 8

// probeMinChars is the shortest probe worth trusting: fewer characters
// match too much by chance.
const probeMinChars = 30

// summaryProbe returns the opening words of the page's meta description,
// with every space removed (text nodes split words differently in the
// summary and the body), or "".
func summaryProbe(doc *html.Node) string {
	head := findFirst(doc, "head")
	if head == nil {
		return ""
	}
	var desc string
	for _, m := range elements(head) {
		if m.Data != "meta" {
			continue
		}
		key := strings.ToLower(getAttr(m, "name") + getAttr(m, "property"))
		if key == "description" || key == "og:description" || key == "twitter:description" {
			if desc = strings.TrimSpace(getAttr(m, "content")); desc != "" {
				break
			}
		}
	}
	words := strings.Fields(strings.TrimRight(desc, ".… "))
	if len(words) <= probeWords {
		return "" // a short summary is a slogan or a label, not the story's opening
	}
	probe := spaceless(strings.Join(words[:probeWords], " "))
	if len(probe) < probeMinChars {
		return ""
	}
	return probe
}

// spaceless is s without white space and invisible format characters
// (byte order marks, zero-width spaces).
func spaceless(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

// summaryBlock returns the block of the page's body that holds probe, or
// nil: the deepest element whose text holds it, moved up from inline
// elements to their block.
func summaryBlock(doc *html.Node, probe string) *html.Node {
	n := findFirst(doc, "body")
	if n == nil || !strings.Contains(spaceless(textOf(n)), probe) {
		return nil
	}
	for {
		var next *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && !neverText[c.Data] && strings.Contains(spaceless(textOf(c)), probe) {
				next = c
				break
			}
		}
		if next == nil {
			break
		}
		n = next
	}
	for inlineTags[n.Data] && n.Parent != nil {
		n = n.Parent
	}
	return n
}

// neverText are elements whose text is never the story's.
var neverText = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "textarea": true, "select": true}

// scopeTo makes the block around the summary the page's only body content:
// the summary's paragraph, its siblings and their parent, so readability
// weighs just that. It reports false when there is nothing to scope to.
func scopeTo(doc *html.Node, probe string) bool {
	block := summaryBlock(doc, probe)
	if block == nil || block.Data == "body" {
		return false
	}
	scope := block
	if scope.Parent != nil && scope.Parent.Data != "body" {
		scope = scope.Parent
	}
	body := findFirst(doc, "body")
	scope.Parent.RemoveChild(scope)
	for c := body.FirstChild; c != nil; {
		next := c.NextSibling
		body.RemoveChild(c)
		c = next
	}
	body.AppendChild(scope)
	return true
}
