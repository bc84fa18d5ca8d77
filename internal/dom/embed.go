package dom

import "golang.org/x/net/html"

// EmbedAttr marks a post or a video player the story embeds, as the
// pipeline rebuilt it (a quote of the post's text with a link to it, or a
// link to the player): the rules never remove one and the text keeps it
// whole. The pipeline removes any the page wrote itself.
const EmbedAttr = "data-cr-embed"

// InEmbed reports whether n or an element above it carries EmbedAttr.
func InEmbed(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && hasKey(p, EmbedAttr) {
			return true
		}
	}
	return false
}

// IsEmbed reports whether n itself carries EmbedAttr.
func IsEmbed(n *html.Node) bool { return n.Type == html.ElementNode && hasKey(n, EmbedAttr) }

func hasKey(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}
