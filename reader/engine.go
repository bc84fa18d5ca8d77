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

// prePass removes high-confidence clutter from the whole page, so it is never
// chosen as the story or merged into it.
func (c *Cleaner) prePass(doc *html.Node, host string) []Removal {
	body := findFirst(doc, "body")
	if body == nil {
		return nil
	}
	var removed []Removal
	c.rules.Page(body, host, cutter(&removed, 0))
	return removed
}

// postPass removes the teasers, calls to action and labels readability kept
// inside the story. offset is the number of removals before this pass, so
// anchors match indexes into Article.Removed.
func (c *Cleaner) postPass(story *html.Node, host string, meta storyMeta, offset int) []Removal {
	var removed []Removal
	c.rules.Story(story, host, rules.Meta{Byline: meta.byline, Title: meta.title}, cutter(&removed, offset))
	return removed
}

// cutter returns the callback that takes a rule's hits out of the tree:
// each block is recorded, leaves a marker where it stood (so the view can
// put it back) and is detached.
func cutter(removed *[]Removal, offset int) rules.Cut {
	cut := func(info *rules.Info, n *html.Node) {
		r := record(info, n)
		r.Anchor = leaveMarker(n, offset+len(*removed))
		r.node = n
		*removed = append(*removed, r)
		detach(n)
	}
	return func(h rules.Hit) {
		cut(h.Rule, h.Node)
		if h.Also != nil {
			cut(h.Rule, h.Also)
		}
	}
}

func record(info *rules.Info, n *html.Node) Removal {
	t := textOf(n)
	if utf8.RuneCountInString(t) > removedTextLen {
		t = string([]rune(t)[:removedTextLen]) + "…"
	}
	return Removal{Rule: info.Name, Label: info.Label, Tag: n.Data, Text: t}
}
