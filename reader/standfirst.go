package reader

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// The standfirst: the paragraph that the page's own summary repeats, which
// readability leaves behind when it sits in the article's header rather
// than its body. It opens the story when the story does not hold the
// summary already.

// standfirstMaxChars is the longest block taken for a standfirst; a
// paragraph may be longer (standfirstMaxPara): one that opens with the
// page's summary is the story's opening however long it runs.
const (
	standfirstMaxChars = 800
	standfirstMaxPara  = 4000
)

// headlineMaxChars is the longest text a heading has when it is one: a
// "heading" holding more is a standfirst set in a heading's type.
const headlineMaxChars = 300

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
	t := textOf(block)
	for n := block; n != nil && n.Type == html.ElementNode; n = n.Parent {
		if n == block && isHeadingTag(n.Data) && len(t) > headlineMaxChars {
			continue // prose in a heading's type, not a headline
		}
		if standfirstOutside[n.Data] || notShown(n) {
			return ""
		}
	}
	limit := standfirstMaxChars
	if block.Data == "p" {
		limit = standfirstMaxPara
	}
	if len(t) > limit || linkDensity(block) >= 0.5 {
		return "" // too long for a standfirst, or a link to another page
	}
	return t
}

// addStandfirst opens story with the standfirst as a paragraph of plain
// text, unless the story already holds the summary.
// It returns the length of what it added, in characters.
func addStandfirst(story *html.Node, text, probe string) (added int) {
	if text == "" || bytes.Contains(spacelessText(story), []byte(probe)) {
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

// notShown reports an element the page hides: the hidden attribute,
// aria-hidden, or an inline style that hides it (hidesElement). A summary
// kept only for search engines is not the story's opening.
func notShown(n *html.Node) bool {
	if hasAttr(n, "hidden") || strings.EqualFold(strings.TrimSpace(getAttr(n, "aria-hidden")), "true") {
		return true
	}
	for _, decl := range styleDecls(n) {
		if hidesElement(decl[0], decl[1]) {
			return true
		}
	}
	return false
}

// isHeadingTag reports h1–h6.
func isHeadingTag(tag string) bool {
	return len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'
}
