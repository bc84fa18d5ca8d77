package reader

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// The deck: the sentence or two a page sets right under its headline,
// often in a subheading's type, to say what the story is about. It sits in
// the article's header, outside the block readability takes, and the page's
// summary does not always repeat it. It opens the story as a standfirst.

// Limits on what is read as a deck.
const (
	deckMinChars  = 80  // shorter is a subtitle or a label, not a sentence
	deckMinWords  = 12  // a deck is a sentence
	deckMaxChars  = 800 // longer is the story's own first paragraph
	deckLookAhead = 5   // elements after the headline looked at: a byline, a date, a reading time may stand between
	deckBareChars = 100 // a deck this long need not end like a sentence: many stop without a full stop
)

// metaLineSeparators split the fields of a line of post metadata; prose
// does not use them.
const metaLineSeparators = "|•·"

// deck returns the text of the deck under the page's headline and the
// probe to find it by (its opening words, spaces removed), or "" when
// there is none.
func deck(doc *html.Node) (text, probe string) {
	h1 := pageHeadline(doc)
	if h1 == nil {
		return "", ""
	}
	n := h1
	for range deckLookAhead {
		n = nextElementAfter(n)
		if n == nil {
			return "", ""
		}
		cand := n
		if holdsParagraph(n) && textLen(n) <= deckMaxChars {
			cand = findFirst(n, "p") // a small box around the deck's paragraph
		}
		if t, ok := deckText(cand); ok {
			words := strings.Fields(t)
			return t, spaceless(strings.Join(words[:min(len(words), probeWords)], " "))
		}
		if n.Data == "p" && textLen(n) >= deckMinChars || holdsParagraph(n) {
			return "", "" // the story starts here: what follows is its body
		}
	}
	return "", ""
}

// pageHeadline is the first h1 outside navigation, asides and footers.
func pageHeadline(doc *html.Node) *html.Node {
	for n := doc; n != nil; {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "nav", "aside", "footer", "script", "noscript", "template", "head":
				n = nextNode(doc, n, true)
				continue
			case "h1":
				return n
			}
		}
		n = nextNode(doc, n, false)
	}
	return nil
}

// nextElementAfter is the first element after n and its descendants in
// document order, climbing out of n's parents when n is their last child.
func nextElementAfter(n *html.Node) *html.Node {
	for ; n != nil; n = n.Parent {
		for s := n.NextSibling; s != nil; s = s.NextSibling {
			if s.Type == html.ElementNode {
				return leafBlock(s)
			}
		}
	}
	return nil
}

// leafBlock descends through wrappers that hold only one element.
func leafBlock(n *html.Node) *html.Node {
	for {
		only := onlyElementChild(n)
		if only == nil || strings.TrimSpace(ownText(n)) != "" {
			return n
		}
		n = only
	}
}

// deckText reports whether n is a deck: a heading or paragraph of sentence
// prose, not a link, not hidden, not in a list, teaser or caption.
func deckText(n *html.Node) (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.Data {
	case "h2", "h3", "p", "span", "strong", "em":
	default:
		return "", false // a box may hold a byline or a date beside the deck
	}
	for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if standfirstOutside[p.Data] || notShown(p) {
			return "", false
		}
	}
	if linkDensity(n) >= 0.5 || findFirst(n, "img") != nil || hidesPart(n) {
		return "", false
	}
	t := textOf(n)
	if len(t) < deckMinChars || len(t) > deckMaxChars || len(strings.Fields(t)) < deckMinWords {
		return "", false
	}
	if last := []rune(t); !unicode.IsPunct(last[len(last)-1]) && len(t) < deckBareChars {
		return "", false // a short deck is a sentence and ends like one
	}
	if strings.ContainsAny(t, metaLineSeparators) {
		return "", false // fields of post metadata (site, date, byline), not a sentence
	}
	return t, true
}

// hidesPart reports n or an element inside it that the page hides: the
// text a reader sees is not the text of the tree.
func hidesPart(n *html.Node) bool {
	for _, e := range elements(n) {
		if notShown(e) {
			return true
		}
	}
	return false
}

// ownText is the text of n's own text children.
func ownText(n *html.Node) string {
	var sb strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			sb.WriteString(c.Data)
		}
	}
	return sb.String()
}
