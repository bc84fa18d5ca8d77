package reader

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// Blocks removed from inside the story can be put back by the view: each
// keeps its sanitized HTML, and an empty <span id="cr--rm-N"> marks its place
// in Content (N is its index in Article.Removed). Story ids are all "cr-"
// plus the page's id, so a page would need an id starting with "-rm-" to
// collide.

// markerTag names the placeholder element while the story is prepared; it
// becomes a span with the anchor id once story ids are locked.
const markerTag = "cr-removed"

// anchorPrefix starts the id of every restore anchor.
const anchorPrefix = "cr--rm-"

// keepForRestore sanitizes n for Removal.HTML and leaves a marker in its place.
func (c *Cleaner) keepForRestore(n *html.Node, index int) (htmlOut, anchor string) {
	var sb strings.Builder
	if err := html.Render(&sb, n); err != nil || n.Parent == nil {
		return "", ""
	}
	anchor = anchorPrefix + strconv.Itoa(index)
	marker := &html.Node{Type: html.ElementNode, Data: markerTag, Attr: []html.Attribute{{Key: "n", Val: anchor}}}
	n.Parent.InsertBefore(marker, n)
	return c.policy.Sanitize(sb.String()), anchor
}

// placeAnchors turns markers into empty spans carrying their anchor id.
func placeAnchors(story *html.Node) {
	for _, n := range elements(story) {
		if n.Data == markerTag {
			id := getAttr(n, "n")
			n.Data = "span"
			n.Attr = []html.Attribute{{Key: "id", Val: id}}
		}
	}
}
