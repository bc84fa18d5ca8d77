package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// keepSpace runs before an inline element is taken out of the story. Where
// the element held the only space between the words on either side of it
// ("Hello<strong> </strong>world"), a single space takes its place, so the
// words do not run together; where there is a space beside it already, or
// punctuation that closes on the word before, nothing is added.
func keepSpace(n *html.Node) {
	if n.Parent == nil || !isInline(n.Data) {
		return
	}
	first, last := edgeRune(n, true), edgeRune(n, false)
	if !unicode.IsSpace(first) && !unicode.IsSpace(last) {
		return
	}
	if !wordBefore(n) || !wordAfter(n) {
		return
	}
	n.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, n)
}

// wordBefore says whether the text just before n, within its parent, ends
// in something other than a space.
func wordBefore(n *html.Node) bool {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		if r := edgeRune(p, false); r != utf8.RuneError {
			return !unicode.IsSpace(r)
		}
	}
	return false
}

// wordAfter says whether the text just after n, within its parent, starts
// with a word: not a space, and not punctuation that closes on the word
// before.
func wordAfter(n *html.Node) bool {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if r := edgeRune(s, true); r != utf8.RuneError {
			return !unicode.IsSpace(r) && !strings.ContainsRune(",.;:!?)]»”’", r)
		}
	}
	return false
}

// edgeRune is the first (or last) character of n's text as written, spaces
// included, or utf8.RuneError when n holds no text. Only the edge is read.
func edgeRune(n *html.Node, first bool) rune {
	if n.Type == html.TextNode {
		if n.Data == "" {
			return utf8.RuneError
		}
		if first {
			r, _ := utf8.DecodeRuneInString(n.Data)
			return r
		}
		r, _ := utf8.DecodeLastRuneInString(n.Data)
		return r
	}
	if n.Type != html.ElementNode {
		return utf8.RuneError
	}
	c, step := n.FirstChild, func(c *html.Node) *html.Node { return c.NextSibling }
	if !first {
		c, step = n.LastChild, func(c *html.Node) *html.Node { return c.PrevSibling }
	}
	for ; c != nil; c = step(c) {
		if r := edgeRune(c, first); r != utf8.RuneError {
			return r
		}
	}
	return utf8.RuneError
}
