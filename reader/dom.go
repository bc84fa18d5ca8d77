package reader

import (
	"cleanread/internal/dom"

	"golang.org/x/net/html"
)

// The tree walks and text measures live in internal/dom, shared with the
// rules; these short names keep the pipeline's code readable.

// proseMin is how much non-link text makes a paragraph prose.
const proseMin = dom.ProseMin

func elements(root *html.Node) []*html.Node { return dom.Elements(root) }
func nextNode(root, n *html.Node, skipChildren bool) *html.Node {
	return dom.Next(root, n, skipChildren)
}
func findFirst(root *html.Node, tag string) *html.Node { return dom.FindFirst(root, tag) }
func getAttr(n *html.Node, key string) string          { return dom.Attr(n, key) }
func textOf(n *html.Node) string                       { return dom.Text(n) }
func textLen(n *html.Node) int                         { return dom.TextLen(n) }
func linkTextLen(n *html.Node) int                     { return dom.LinkTextLen(n) }
func linkDensity(n *html.Node) float64                 { return dom.LinkDensity(n) }
func isProse(n *html.Node) bool                        { return dom.IsProse(n) }
func holdsParagraph(n *html.Node) bool                 { return dom.HoldsParagraph(n) }
func onlyElementChild(n *html.Node) *html.Node         { return dom.OnlyElementChild(n) }
func hasMedia(n *html.Node) bool                       { return dom.HasMedia(n) }
func isInline(tag string) bool                         { return dom.IsInline(tag) }

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

func setAttr(n *html.Node, key, val string) { dom.SetAttr(n, key, val) }

func removeAttr(n *html.Node, key string) {
	out := n.Attr[:0]
	for _, a := range n.Attr {
		if a.Key != key || a.Namespace != "" {
			out = append(out, a)
		}
	}
	n.Attr = out
}

func detach(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}
