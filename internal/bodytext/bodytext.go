// Package bodytext tells a story's prose from what is said about its
// pictures: figure captions, the text beside a figure's media, and credit
// lines the pipeline marked. Both the pipeline (package reader), whose
// plain text, word count and reading time cover the prose only, and the
// evaluation, which scores expected text the same way, use it.
package bodytext

import (
	"cleanread/internal/dom"

	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
)

// creditMark marks an element whose whole text is a photo credit: it stays
// in the story's HTML, shown small, and is left out of its text. The mark
// is an attribute in a namespace of its own, which the HTML parser never
// gives a page's attribute, so a page cannot forge it; the sanitizer drops
// it, so it never reaches the reading view.
var creditMark = html.Attribute{Namespace: "cleanread", Key: "credit"}

// InnerText renders root as render.InnerText does, leaving out captions
// unless withCaptions is set. The tree is unchanged when it returns.
// Ruby annotations (the reading aids above CJK characters) are always left
// out: in plain text they would stand between the characters they gloss.
func InnerText(root *html.Node, withCaptions bool) string {
	out := rubyAnnotations(root)
	if !withCaptions {
		if captions := Captions(root); !isGallery(root, captions) {
			out = append(out, captions...)
		}
	}
	var held []held
	for _, n := range out {
		held = append(held, detach(n)) // put back in reverse order, the tree is as it was
	}
	defer func() {
		for i := len(held) - 1; i >= 0; i-- {
			held[i].restore()
		}
	}()
	return render.InnerText(root)
}

// rubyAnnotations returns the rt and rp elements under root.
func rubyAnnotations(root *html.Node) []*html.Node {
	var out []*html.Node
	for n := root; n != nil; n = next(root, n) {
		if n.Type == html.ElementNode && (n.Data == "rt" || n.Data == "rp") {
			out = append(out, n)
		}
	}
	return out
}

// isGallery reports a story told in its captions: a gallery whose slides
// carry the text, where the captions hold at least as much as the rest.
// There the captions are the story's prose.
func isGallery(root *html.Node, captions []*html.Node) bool {
	if len(captions) < gallerySlides {
		return false
	}
	in := 0
	for _, c := range captions {
		in += dom.TextLen(c)
	}
	return 2*in >= dom.TextLen(root)
}

// gallerySlides is the fewest captions that make a gallery.
const gallerySlides = 3

// Captions returns what under root is about a picture rather than part of
// the story, outermost only, in document order: figcaption elements, marked
// credit lines, and in a figure that shows media but has no figcaption, the
// text beside the media (a figure that only quotes or shows code or a table
// is the story's own).
func Captions(root *html.Node) []*html.Node {
	var out []*html.Node
	for n := root; n != nil; {
		if n.Type == html.ElementNode && n != root {
			switch {
			case n.Data == "figcaption" || IsCredit(n):
				out = append(out, n)
				n = skip(root, n)
				continue
			case n.Data == "figure" && holdsMedia(n) && !holds(n, "figcaption"):
				out = append(out, besideMedia(n)...)
				n = skip(root, n)
				continue
			}
		}
		n = next(root, n)
	}
	return out
}

// besideMedia returns a figure's children that carry text but no media and
// are not prose of their own (a quote, a table, code).
func besideMedia(fig *html.Node) []*html.Node {
	var out []*html.Node
	for c := fig.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if !blank(c.Data) {
				out = append(out, c)
			}
		case html.ElementNode:
			if proseTags[c.Data] || mediaTags[c.Data] || holdsMedia(c) {
				continue
			}
			out = append(out, c)
		}
	}
	return out
}

// mediaTags are the elements that show a picture, a video or a sound.
var mediaTags = map[string]bool{
	"img": true, "picture": true, "video": true, "audio": true, "svg": true, "iframe": true, "object": true, "embed": true,
}

// proseTags are the elements a figure may hold that are the story's own
// text: a quote, a table, code.
var proseTags = map[string]bool{"blockquote": true, "table": true, "pre": true, "code": true}

func holdsMedia(n *html.Node) bool {
	for m := range mediaTags {
		if holds(n, m) {
			return true
		}
	}
	return false
}

// holds reports whether n has an element descendant named tag.
func holds(n *html.Node, tag string) bool {
	for d := n.FirstChild; d != nil; d = next(n, d) {
		if d.Type == html.ElementNode && d.Data == tag {
			return true
		}
	}
	return false
}

// IsCredit reports an element MarkCredits marked as a credit line.
func IsCredit(n *html.Node) bool {
	for _, a := range n.Attr {
		if IsMark(a) {
			return true
		}
	}
	return false
}

// IsMark reports the attribute MarkCredits marks a credit line with, which
// the pipeline's attribute cleaning must leave for the text to see.
func IsMark(a html.Attribute) bool {
	return a.Namespace == creditMark.Namespace && a.Key == creditMark.Key
}

func blank(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
		default:
			return false
		}
	}
	return true
}

// next is the node after n in document order within root, nil at the end.
func next(root, n *html.Node) *html.Node {
	if n.FirstChild != nil {
		return n.FirstChild
	}
	return skip(root, n)
}

// skip is the node after n and its descendants within root.
func skip(root, n *html.Node) *html.Node {
	for n != nil && n != root {
		if n.NextSibling != nil {
			return n.NextSibling
		}
		n = n.Parent
	}
	return nil
}

// held is a node taken out of the tree and where it goes back.
type held struct{ n, parent, before *html.Node }

func detach(n *html.Node) held {
	h := held{n: n, parent: n.Parent, before: n.NextSibling}
	n.Parent.RemoveChild(n)
	return h
}

func (h held) restore() { h.parent.InsertBefore(h.n, h.before) }
