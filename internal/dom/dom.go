// Package dom holds the small walks and measures over an x/net/html tree
// that both the pipeline (package reader) and the teaser and ad rules
// (package rules) use: iterative walks, attributes, text and its length,
// class and id tokens, and matching words against normalized text. It knows
// nothing of either user.
package dom

import (
	"strings"

	"golang.org/x/net/html"
)

// Elements returns the element descendants of root (root included) in
// document order, walking iteratively so deep trees cannot exhaust the stack.
func Elements(root *html.Node) []*html.Node {
	var out []*html.Node
	for n := root; n != nil; n = Next(root, n, false) {
		if n.Type == html.ElementNode {
			out = append(out, n)
		}
	}
	return out
}

// Next returns the node after n in a pre-order walk of root; with
// skipChildren it does not descend into n.
func Next(root, n *html.Node, skipChildren bool) *html.Node {
	if !skipChildren && n.FirstChild != nil {
		return n.FirstChild
	}
	for n != nil && n != root {
		if n.NextSibling != nil {
			return n.NextSibling
		}
		n = n.Parent
	}
	return nil
}

// FindFirst returns the first element named tag under root, or nil.
func FindFirst(root *html.Node, tag string) *html.Node {
	for n := root; n != nil; n = Next(root, n, false) {
		if n.Type == html.ElementNode && n.Data == tag {
			return n
		}
	}
	return nil
}

// Attr returns the value of n's attribute key (no namespace), or "".
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// SetAttr sets n's attribute key (no namespace) to val, adding it when n
// has none.
func SetAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

// PrevElement returns the element sibling before n, or nil when text
// stands between them.
func PrevElement(n *html.Node) *html.Node {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type == html.ElementNode {
			return p
		}
		if p.Type == html.TextNode && strings.TrimSpace(p.Data) != "" {
			return nil
		}
	}
	return nil
}

// NextElement returns the element sibling after n, or nil when text
// stands between them.
func NextElement(n *html.Node) *html.Node {
	for p := n.NextSibling; p != nil; p = p.NextSibling {
		if p.Type == html.ElementNode {
			return p
		}
		if p.Type == html.TextNode && strings.TrimSpace(p.Data) != "" {
			return nil
		}
	}
	return nil
}

// OnlyElementChild returns n's one element child, or nil when n has text
// of its own or another number of element children.
func OnlyElementChild(n *html.Node) *html.Node {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return nil
		case c.Type == html.ElementNode && only != nil:
			return nil
		case c.Type == html.ElementNode:
			only = c
		}
	}
	return only
}

// HoldsParagraph reports a p element below n (n itself not counted).
func HoldsParagraph(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if FindFirst(c, "p") != nil {
			return true
		}
	}
	return false
}

// HasMedia reports an image or a rule under n (n included). A raw node
// counts too: parsing never makes one, so it is a placeholder the pipeline
// left where it took a block out, and that block was content.
func HasMedia(n *html.Node) bool {
	for d := n; d != nil; d = Next(n, d, false) {
		if (d.Type == html.ElementNode && (d.Data == "img" || d.Data == "hr")) || d.Type == html.RawNode {
			return true
		}
	}
	return false
}

// inlineTags are phrasing elements.
var inlineTags = map[string]bool{"a": true, "span": true, "em": true, "strong": true, "b": true, "i": true, "u": true, "small": true, "mark": true, "abbr": true, "cite": true, "q": true, "sup": true, "sub": true}

// IsInline reports a phrasing element name (a, span, em, strong …).
func IsInline(tag string) bool { return inlineTags[tag] }
