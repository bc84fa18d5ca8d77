package reader

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// elements returns the element descendants of root (root included) in
// document order, walking iteratively so deep trees cannot exhaust the stack.
func elements(root *html.Node) []*html.Node {
	var out []*html.Node
	for n := root; n != nil; n = nextNode(root, n, false) {
		if n.Type == html.ElementNode {
			out = append(out, n)
		}
	}
	return out
}

// nextNode returns the node after n in a pre-order walk of root; with
// skipChildren it does not descend into n.
func nextNode(root, n *html.Node, skipChildren bool) *html.Node {
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

// findFirst returns the first element named tag under root, or nil.
func findFirst(root *html.Node, tag string) *html.Node {
	for n := root; n != nil; n = nextNode(root, n, false) {
		if n.Type == html.ElementNode && n.Data == tag {
			return n
		}
	}
	return nil
}

func getAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

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

// textOf returns the text of n with white space collapsed to single spaces
// and trimmed, in one pass.
func textOf(n *html.Node) string {
	var sb strings.Builder
	space := false
	for d := n; d != nil; d = nextNode(n, d, false) {
		if d.Type != html.TextNode {
			continue
		}
		for _, r := range d.Data {
			if unicode.IsSpace(r) {
				space = sb.Len() > 0
				continue
			}
			if space {
				if !strings.ContainsRune(",.;:!?)]»”’", r) {
					sb.WriteByte(' ') // not before punctuation that closes on the word before
				}
				space = false
			}
			sb.WriteRune(r)
		}
		space = sb.Len() > 0
	}
	return sb.String()
}

// textLen returns the number of bytes of non-space text under n, cheaply.
func textLen(n *html.Node) int {
	total := 0
	for d := n; d != nil; d = nextNode(n, d, false) {
		if d.Type == html.TextNode {
			total += len(strings.TrimSpace(d.Data))
		}
	}
	return total
}

// linkTextLen returns the bytes of non-space text inside links under n.
func linkTextLen(n *html.Node) int {
	total := 0
	for d := n; d != nil; {
		if d.Type == html.ElementNode && d.Data == "a" {
			total += textLen(d)
			d = nextNode(n, d, true)
			continue
		}
		d = nextNode(n, d, false)
	}
	return total
}

// linkDensity is the share of n's text that sits inside links.
func linkDensity(n *html.Node) float64 {
	t := textLen(n)
	if t == 0 {
		return 0
	}
	return float64(linkTextLen(n)) / float64(t)
}

// tokens splits class and id values into lower-case words at every
// non-alphanumeric character and at camelCase humps, so "ad" matches
// "ad-slot" and "adSlot" but not "header" or "shadow". A custom element's
// name ("pp-inline-teaser", "related-articles") names it like a class does.
func tokens(n *html.Node) []string {
	var out []string
	if strings.Contains(n.Data, "-") {
		out = appendTokens(out, n.Data)
	}
	for _, key := range [...]string{"class", "id"} {
		out = appendTokens(out, getAttr(n, key))
	}
	return out
}

func appendTokens(out []string, s string) []string {
	if s == "" {
		return out
	}
	lower := asciiLower(s)
	start := -1
	flush := func(i int) {
		if start >= 0 {
			out = append(out, lower[start:i])
			start = -1
		}
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		alnum := ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch >= 0x80
		if !alnum {
			flush(i)
			continue
		}
		if ch >= 'A' && ch <= 'Z' && start >= 0 && i > 0 && s[i-1] >= 'a' && s[i-1] <= 'z' {
			flush(i)
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(s))
	return out
}

// asciiLower lower-cases ASCII letters only, so byte offsets stay those of s
// (class names are ASCII in practice; other bytes are kept as they are).
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
