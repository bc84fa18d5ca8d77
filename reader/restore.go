package reader

import (
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// Blocks removed from inside the story can be put back by the view: each
// keeps its sanitized HTML, and an empty <span id="cr--rm-N"> marks its place
// in Content. Blocks the pre-pass took out of what became the story count
// too: their markers travel through readability with the page (N is its index in Article.Removed). Story ids are all "cr-"
// plus the page's id, so a page would need an id starting with "-rm-" to
// collide.

// markerTag names the placeholder element while the story is prepared; it
// becomes a span with the anchor id once story ids are locked.
const markerTag = "cr-removed"

// anchorPrefix starts the id of every restore anchor.
const anchorPrefix = "cr--rm-"

// leaveMarker puts a placeholder where n stands and returns its anchor id.
// Markers left in page clutter outside the story simply vanish with it.
func leaveMarker(n *html.Node, index int) string {
	if n.Parent == nil {
		return ""
	}
	anchor := anchorPrefix + strconv.Itoa(index)
	// A raw node, not an element: readability scores elements and text,
	// so the marker cannot change which block it chooses.
	marker := &html.Node{Type: html.RawNode, Data: markerTag, Attr: []html.Attribute{{Key: "n", Val: anchor}}}
	n.Parent.InsertBefore(marker, n)
	return anchor
}

// fillRestorable gives every removal whose marker ended up in the story its
// HTML, made safe exactly as the story is: prepared (URLs checked and made
// absolute, so its links survive the policy; active elements out), locked
// (ids prefixed, denied attributes out) and sanitized. It clears the anchor
// of the others. Blocks the pre-pass took out never went through the
// story's preparation, and one the story pass took has not been locked yet.
func (c *Cleaner) fillRestorable(story *html.Node, rm *removals, base, page *url.URL) {
	inStory := map[string]bool{}
	for _, n := range markers(story) {
		inStory[getAttr(n, "n")] = true
	}
	for i := range rm.list {
		r, node := &rm.list[i], rm.nodes[i]
		if inStory[r.Anchor] {
			for _, m := range markers(node) {
				detach(m) // places of smaller blocks removed inside this one
			}
			prepareStory(node, base, c.cfg.blockRemoteImages)
			lockStory(node, page)
			var sb strings.Builder
			if err := html.Render(&sb, node); err == nil {
				r.HTML = c.policy.Sanitize(sb.String())
			}
		}
		if r.HTML == "" {
			r.Anchor = ""
		}
	}
	rm.nodes = nil
}

// placeAnchors turns markers into empty spans carrying their anchor id; a
// marker whose removal kept no HTML is dropped.
func placeAnchors(story *html.Node, removed []Removal) {
	keep := map[string]bool{}
	for _, r := range removed {
		if r.Anchor != "" {
			keep[r.Anchor] = true
		}
	}
	for _, n := range markers(story) {
		id := getAttr(n, "n")
		if !keep[id] {
			detach(n)
			continue
		}
		n.Type, n.Data = html.ElementNode, "span"
		n.Attr = []html.Attribute{{Key: "id", Val: id}}
		intoCell(n)
	}
}

// intoCell moves an anchor that stands between table rows (a removed row)
// into a cell: a span is not allowed there, and a browser would move it out
// of the table, so the view could not put the row back in its place. It
// goes last into the last cell of the row before it, or, in a section's
// first row, first into that row's first cell (after the anchors already
// there, keeping their order); the view reads which from where it stands.
// An anchor in a table with no row left stays where it is.
func intoCell(anchor *html.Node) {
	switch anchor.Parent.Data {
	case "table", "thead", "tbody", "tfoot":
	default:
		return
	}
	if row := siblingRow(anchor, -1); row != nil {
		if cell := cellOf(row, -1); cell != nil {
			detach(anchor)
			cell.AppendChild(anchor)
		}
		return
	}
	row := siblingRow(anchor, 1)
	if row == nil {
		return
	}
	cell := cellOf(row, 1)
	if cell == nil {
		return
	}
	detach(anchor)
	at := cell.FirstChild
	for at != nil && isAnchorSpan(at) {
		at = at.NextSibling // earlier anchors moved here before this one
	}
	cell.InsertBefore(anchor, at)
}

// siblingRow is the nearest tr before (dir -1) or after (dir 1) n among
// its siblings.
func siblingRow(n *html.Node, dir int) *html.Node {
	for s := step(n, dir); s != nil; s = step(s, dir) {
		if s.Type == html.ElementNode && s.Data == "tr" {
			return s
		}
	}
	return nil
}

// cellOf is a row's last (dir -1) or first (dir 1) cell.
func cellOf(row *html.Node, dir int) *html.Node {
	c := row.FirstChild
	if dir < 0 {
		c = row.LastChild
	}
	for ; c != nil; c = step(c, dir) {
		if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
			return c
		}
	}
	return nil
}

func step(n *html.Node, dir int) *html.Node {
	if dir < 0 {
		return n.PrevSibling
	}
	return n.NextSibling
}

func isAnchorSpan(n *html.Node) bool {
	return n.Type == html.ElementNode && n.Data == "span" && strings.HasPrefix(getAttr(n, "id"), anchorPrefix)
}

// markers lists the placeholder nodes under root.
func markers(root *html.Node) []*html.Node {
	var out []*html.Node
	for n := root; n != nil; n = nextNode(root, n, false) {
		if n.Type == html.RawNode && n.Data == markerTag {
			out = append(out, n)
		}
	}
	return out
}
