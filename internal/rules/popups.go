package rules

import (
	"strings"

	"cleanread/internal/dom"

	"golang.org/x/net/html"
)

// Popups: cards a page shows when the pointer rests on a link — a linked
// person's name again with their latest headlines. They sit inside the
// link or right beside it, so their text runs into the sentence.
func popupRules() []rule {
	return []rule{
		{
			name: "hover-card", label: "Pop-up card", pass: storyPass,
			why: "a tooltip or hover card inside or beside a link repeats the linked name with more links; " +
				"the link's own text stays in the sentence",
			shape: hoverCard,
		},
	}
}

// popupTokens name the class or id of a card that pops up over a link.
var popupTokens = lazySet(
	"tooltip", "tooltips", "hovercard", "popover", "popup", "authorcard", "authorpopup", "authortooltip",
	"profilecard", "usercard", "personcard", "profilepopup", "userpopup", "bylinecard", "tippy",
)

// isPopup reports an element that declares itself a card popping up over
// the page: role=tooltip or a popup class or id. It sits in a sentence's
// markup without being part of the sentence. A link is never one: a
// "popup" link opens something, and its words are the sentence's.
func isPopup(n *html.Node) bool {
	if n.Type != html.ElementNode || n.Data == "a" {
		return false
	}
	if strings.EqualFold(strings.TrimSpace(dom.Attr(n, "role")), "tooltip") {
		return true
	}
	if !mayNamePopup(dom.Attr(n, "class")) && !mayNamePopup(dom.Attr(n, "id")) {
		return false // most elements: no need to split their names into tokens
	}
	set := popupTokens()
	for _, t := range withJoinedPairs(dom.Tokens(n)) {
		if set[t] {
			return true
		}
	}
	return false
}

// popupCues are pieces of every popup token, lower-case: a class or id
// without one of them names no popup.
var popupCues = []string{"tool", "pop", "hover", "card", "tippy"}

// mayNamePopup reports a class or id value that holds one of popupCues in
// any letter case, without allocating.
func mayNamePopup(v string) bool {
	for _, cue := range popupCues {
		for i := 0; i+len(cue) <= len(v); i++ {
			if strings.EqualFold(v[i:i+len(cue)], cue) {
				return true
			}
		}
	}
	return false
}

// cardNameLead is how far into a card its link's name may come (bytes of
// normalized text): after a portrait's alt text or a short label.
const cardNameLead = 40

// cardExtraMin is how much a card must add to the name: a role or headlines.
const cardExtraMin = 15

// hoverCard holds for a popup element inside a link, or right beside one,
// whose text names the link's own text again near its start and adds more
// ("Kim Osei · Latest: …" inside the link "Kim Osei"); at the story's top,
// a popup that names the byline the header shows.
func hoverCard(s *scan) bool {
	if !isPopup(s.n) {
		return false
	}
	var name string
	if link := cardLink(s.n); link != nil {
		name = dom.Normalize(textOutside(link, s.n))
	} else if s.lay != nil && s.lay.atTop(s.n) {
		name = s.lay.byline // the author's card, left at the top once the byline link went to the header
	}
	card := s.Norm()
	if len(name) < 2 || len(card) < len(name)+cardExtraMin {
		return false
	}
	i := strings.Index(card, name)
	return i >= 0 && i <= cardNameLead
}

// cardLink returns the link n sits in, or the link right before or after
// it with only white space between; nil when there is none.
func cardLink(n *html.Node) *html.Node {
	for p := n.Parent; p != nil && dom.IsInline(p.Data); p = p.Parent {
		if p.Data == "a" {
			return p
		}
	}
	for _, sib := range [...]*html.Node{adjacentElement(n, true), adjacentElement(n, false)} {
		if sib != nil && sib.Data == "a" {
			return sib
		}
	}
	return nil
}

// adjacentElement returns the element right before (or after) n when only
// white space stands between them.
func adjacentElement(n *html.Node, before bool) *html.Node {
	step := func(c *html.Node) *html.Node {
		if before {
			return c.PrevSibling
		}
		return c.NextSibling
	}
	return elementFrom(step(n), step)
}

// elementFrom returns the first element from c on, stepping with step,
// when only white space stands before it; nil when text does.
func elementFrom(c *html.Node, step func(*html.Node) *html.Node) *html.Node {
	for ; c != nil; c = step(c) {
		switch {
		case c.Type == html.ElementNode:
			return c
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return nil
		}
	}
	return nil
}

// textOutside is n's text without the text of skip, which is inside n or not.
func textOutside(n, skip *html.Node) string {
	var sb strings.Builder
	for d := n; d != nil; {
		if d == skip {
			d = dom.Next(n, d, true)
			continue
		}
		if d.Type == html.TextNode {
			sb.WriteString(d.Data)
			sb.WriteByte(' ')
		}
		d = dom.Next(n, d, false)
	}
	return sb.String()
}
