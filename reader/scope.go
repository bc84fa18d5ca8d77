package reader

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

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
	return string(appendSpaceless(make([]byte, 0, len(s)), s))
}

// summaryBlock returns the block of the page's body that holds probe, or
// nil: the deepest element whose text holds it, moved up from inline
// elements to their block. It walks the page twice: once to collect its
// text without spaces and find the probe, once to find the deepest
// element around the match.
func summaryBlock(doc *html.Node, probe string) *html.Node {
	body := findFirst(doc, "body")
	if body == nil {
		return nil
	}
	at := bytes.Index(spacelessText(body), []byte(probe))
	if at < 0 {
		return nil
	}
	end := at + len(probe)
	// In post-order the first element whose text covers the match is the
	// deepest one.
	var found *html.Node
	offset := 0
	var starts []int
	walkText(body,
		func(t string) { offset += spacelessLen(t) },
		func(*html.Node) { starts = append(starts, offset) },
		func(n *html.Node) {
			start := starts[len(starts)-1]
			starts = starts[:len(starts)-1]
			if found == nil && start <= at && offset >= end {
				found = n
			}
		})
	if found == nil {
		return nil
	}
	for isInline(found.Data) && found.Parent != nil {
		found = found.Parent
	}
	return found
}

// walkText walks the elements under root (root included) in document
// order, skipping those whose text is never shown, calling text for each
// text node and enter and leave around each element (either may be nil).
// It does not recurse, so a deep page cannot exhaust the stack.
func walkText(root *html.Node, text func(string), enter, leave func(*html.Node)) {
	n := root
	for n != nil {
		descend := false
		switch {
		case n.Type == html.TextNode:
			text(n.Data)
		case n.Type == html.ElementNode && !neverText[n.Data]:
			if enter != nil {
				enter(n)
			}
			descend = n.FirstChild != nil
			if !descend && leave != nil {
				leave(n)
			}
		}
		if descend {
			n = n.FirstChild
			continue
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
			if leave != nil && n.Type == html.ElementNode {
				leave(n)
			}
		}
		if n == root {
			return
		}
		n = n.NextSibling
	}
}

// spacelessText is the shown text under n as spaceless gives it, collected
// without building the text with its spaces first.
func spacelessText(n *html.Node) []byte {
	var buf []byte
	walkText(n, func(t string) { buf = appendSpaceless(buf, t) }, nil, nil)
	return buf
}

// keptRune reports a rune spaceless keeps: not white space, not an
// invisible format character.
func keptRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r != ' ' && !asciiSpace[r]
	}
	return !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r)
}

// asciiSpace are the ASCII control characters unicode.IsSpace holds.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// appendSpaceless appends t to buf without white space and invisible format
// characters, as spaceless would give it.
func appendSpaceless(buf []byte, t string) []byte {
	for _, r := range t {
		if keptRune(r) {
			buf = utf8.AppendRune(buf, r)
		}
	}
	return buf
}

// spacelessLen is len(appendSpaceless(nil, t)), without building it.
func spacelessLen(t string) int {
	n := 0
	for _, r := range t {
		if keptRune(r) {
			n += utf8.RuneLen(r)
		}
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
