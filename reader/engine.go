package reader

import (
	"unicode/utf8"

	"cleanread/internal/rules"

	"golang.org/x/net/html"
)

// ruleTable is the teaser and ad rule table a Cleaner runs.
type ruleTable = rules.Table

// enabledRules returns the rule table without the disabled rules.
func enabledRules(disabled map[string]bool) *ruleTable { return rules.Compile(disabled) }

// removedTextLen is how much of a removed block's text is kept in Removed.
const removedTextLen = 120

// storyMeta is what the post-pass knows of the article's header.
type storyMeta struct{ byline, title string }

// removals are the blocks the passes took out, in order, with their
// subtrees kept until the story is final (restore.go renders the ones that
// stood inside it).
type removals struct {
	list  []Removal
	nodes []*html.Node // nodes[i] is the subtree of list[i]
}

// prePass removes high-confidence clutter from the whole page, so it is never
// chosen as the story or merged into it.
func (c *Cleaner) prePass(doc *html.Node, host string, rm *removals) {
	if body := findFirst(doc, "body"); body != nil {
		c.rules.Page(body, host, rm.cut)
	}
}

// postPass removes the teasers, calls to action and labels readability kept
// inside the story. Anchors go on counting from the removals before it, so
// they match indexes into Article.Removed.
func (c *Cleaner) postPass(story *html.Node, host string, meta storyMeta, rm *removals) {
	c.rules.Story(story, host, rules.Meta{Byline: meta.byline, Title: meta.title}, rm.cut)
}

// cut takes a rule's hit out of the tree: each block is recorded, leaves a
// marker where it stood (so the view can put it back) and is detached.
func (rm *removals) cut(h rules.Hit) {
	rm.take(h, h.Node)
	if h.Also != nil {
		rm.take(h, h.Also)
	}
}

func (rm *removals) take(h rules.Hit, n *html.Node) {
	r := record(h, n)
	keepSpace(n)
	r.Anchor = leaveMarker(n, len(rm.list))
	rm.list = append(rm.list, r)
	rm.nodes = append(rm.nodes, n)
	detach(n)
}

func record(h rules.Hit, n *html.Node) Removal {
	t := textOf(n)
	if utf8.RuneCountInString(t) > removedTextLen {
		t = string([]rune(t)[:removedTextLen]) + "…"
	}
	return Removal{Rule: h.Rule.Name, Label: h.Label, Tag: n.Data, Text: t}
}
