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
	for n := root; n != nil; n = dom.Next(root, n, false) {
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

// VideoEmbed is the dom.EmbedAttr value of the line that links a video
// player the story embeds: like a caption, it says what the picture is.
const VideoEmbed = "video"

// Captions returns what under root is about a picture rather than part of
// the story, outermost only, in document order: figcaption elements, marked
// credit lines, the links to video players, and in a figure that shows
// media but has no figcaption, the text beside the media (a figure that
// only quotes or shows code or a table is the story's own).
func Captions(root *html.Node) []*html.Node {
	var out []*html.Node
	for n := root; n != nil; {
		if n.Type == html.ElementNode && n != root {
			switch {
			case n.Data == "figcaption" || IsCredit(n) || dom.Attr(n, dom.EmbedAttr) == VideoEmbed:
				out = append(out, n)
				n = dom.Next(root, n, true)
				continue
			case n.Data == "figure" && holdsMedia(n) && dom.FindFirst(n, "figcaption") == nil:
				out = append(out, besideMedia(n)...)
				n = dom.Next(root, n, true)
				continue
			}
		}
		n = dom.Next(root, n, false)
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

// holdsMedia reports a media element under n (n included).
func holdsMedia(n *html.Node) bool {
	for d := n; d != nil; d = dom.Next(n, d, false) {
		if d.Type == html.ElementNode && mediaTags[d.Data] {
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

// held is a node taken out of the tree and where it goes back.
type held struct{ n, parent, before *html.Node }

func detach(n *html.Node) held {
	h := held{n: n, parent: n.Parent, before: n.NextSibling}
	n.Parent.RemoveChild(n)
	return h
}

func (h held) restore() { h.parent.InsertBefore(h.n, h.before) }
