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
	var buf []byte
	walkText(body, func(t string) { buf = appendSpaceless(buf, t) }, nil, nil)
	at := bytes.Index(buf, []byte(probe))
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
	for inlineTags[found.Data] && found.Parent != nil {
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

// standfirstMaxChars is the longest block taken for a standfirst.
const standfirstMaxChars = 800

// standfirstOutside are elements whose text is never the story's opening:
// navigation, teasers, captions, headlines and links.
var standfirstOutside = map[string]bool{
	"nav": true, "aside": true, "footer": true, "form": true, "figure": true, "figcaption": true,
	"li": true, "a": true, "button": true, "label": true, "select": true, "option": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "title": true,
}

// standfirst returns the text of the paragraph that opens the page's
// summary (the standfirst readability often leaves out, since it sits in
// the article's header, not its body), or "" when there is none that
// could be the story's opening.
func standfirst(doc *html.Node, probe string) string {
	if probe == "" {
		return ""
	}
	block := summaryBlock(doc, probe)
	if block == nil || block.Data == "body" || block.Data == "div" && holdsParagraph(block) {
		return ""
	}
	for n := block; n != nil && n.Type == html.ElementNode; n = n.Parent {
		if standfirstOutside[n.Data] {
			return ""
		}
	}
	t := textOf(block)
	if len(t) > standfirstMaxChars || linkDensity(block) >= 0.5 {
		return "" // too long for a standfirst, or a link to another page
	}
	return t
}

// addStandfirst opens story with the standfirst as a paragraph of plain
// text, unless the story already holds the summary.
// It returns the length of what it added, in characters.
func addStandfirst(story *html.Node, text, probe string) (added int) {
	if text == "" || strings.Contains(spaceless(textOf(story)), probe) {
		return 0
	}
	p := &html.Node{Type: html.ElementNode, Data: "p"}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: text})
	at := story
	if only := onlyElementChild(story); only != nil && only.Data == "div" {
		at = only
	}
	at.InsertBefore(p, at.FirstChild)
	return utf8.RuneCountInString(text)
}
