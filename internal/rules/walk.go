package rules

import (
	"strings"
	"unicode"

	"cleanread/internal/dom"

	"golang.org/x/net/html"
)

// Hit is one match: the rule, the element it matched and, for rules that
// take a neighbour along (a heading with its list), that neighbour.
type Hit struct {
	Rule  *Info
	Label string // what a reader is told the block was: the rule's label or a more precise one
	Node  *html.Node
	Also  *html.Node // nil when the rule takes nothing along
}

// Cut is called for every hit, top-down. It must take hit.Node and, when
// set, hit.Also out of the tree before it returns: the walk goes on after
// them and never looks at them again.
type Cut func(Hit)

// Meta is what the story pass knows of the article's header, so rules can
// tell a repeat of the byline or the title from the story's own text.
type Meta struct{ Byline, Title string }

// Page runs the whole-page rules over root (the page's body) before
// readability chooses the story. host is the page's host name ("" when
// unknown), to tell links to the same site.
func (t *Table) Page(root *html.Node, host string, cut Cut) {
	t.walk(root, pagePass, host, nil, cut)
}

// Story runs the story rules over the story readability chose, then sweeps
// it for what those removals left behind.
func (t *Table) Story(story *html.Node, host string, meta Meta, cut Cut) {
	t.walk(story, storyPass, host, newLayout(story, meta), cut)
	// The layout is taken again: removals can leave a line the last one
	// before the end that had prose after it when the pass began. A sweep
	// that removed something goes once more, since it visits top-down and
	// a heading is only left alone once what follows it is gone.
	for round := 0; round < sweepRounds; round++ {
		if t.walk(story, sweepPass, host, newLayout(story, meta), cut) == 0 {
			break
		}
	}
}

// sweepRounds bounds the sweeps over the story after the story pass.
const sweepRounds = 3

// walk runs the rules of pass p over root, top-down, handing every match to
// cut, and returns how many it found.
func (t *Table) walk(root *html.Node, p pass, host string, lay *layout, cut Cut) int {
	hits := 0
	lens := textLens(root)
	grams := &bigrams{}
	for n := root; n != nil; {
		if n.Type != html.ElementNode || n == root || protected(n.Data) || midSentence(n) && !isPopup(n) {
			n = dom.Next(root, n, false) // never cut a piece out of a sentence, but a card popping up over it
			continue
		}
		s := &scan{n: n, root: root, host: host, lay: lay, lens: lens, grams: grams, tlen: -1}
		r := t.firstMatch(s, p)
		if r < 0 {
			n = dom.Next(root, n, false)
			continue
		}
		next := dom.Next(root, n, true)
		hit := Hit{Rule: &t.info[r], Node: n, Label: t.info[r].Label}
		if of := t.rules[r].labelOf; of != nil {
			if l := of(s); l != "" {
				hit.Label = l
			}
		}
		if also := t.rules[r].also; also != nil {
			hit.Also = also(s)
		}
		if hit.Also == next && next != nil {
			next = dom.Next(root, next, true)
		}
		cut(hit)
		hits++
		n = next
	}
	return hits
}

func (t *Table) firstMatch(s *scan, p pass) int {
	for i := range t.rules {
		if r := &t.rules[i]; r.pass&p != 0 && r.matches(s) {
			return i
		}
	}
	return -1
}

// scan is one element under test, with what rules ask about it computed
// lazily and at most once.
type scan struct {
	n        *html.Node
	root     *html.Node         // the page or the story
	host     string             // the page's host, to tell links to the same site
	lay      *layout            // where the story's prose is (inside the story only)
	lens     map[*html.Node]int // text length of every element, computed once per pass
	grams    *bigrams           // the walk's byte-pair filter, shared by its scans (bigrams.go)
	tokens   []string
	tokensOK bool
	text     *string
	norm     *string
	tlen     int
	role     *string
	lead     string // how Norm starts, when it is not known yet (see mayStart)
	leadOK   bool
	running  int8 // inRunningText: 0 not asked yet, 1 yes, -1 no
}

func (s *scan) textLen() int {
	if s.tlen < 0 {
		if n, ok := s.lens[s.n]; ok {
			s.tlen = n
		} else {
			s.tlen = dom.TextLen(s.n)
		}
	}
	return s.tlen
}

// textLens returns the non-space text length of every element under root in
// one bottom-up walk, so rules need not walk each subtree again. Removals
// during the pass only shrink ancestors already visited, so the figures stay
// right for what is still to be visited.
func textLens(root *html.Node) map[*html.Node]int {
	order := dom.Elements(root)
	lens := make(map[*html.Node]int, len(order))
	for i := len(order) - 1; i >= 0; i-- {
		n := order[i]
		total := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				total += len(strings.TrimSpace(c.Data))
			case html.ElementNode:
				total += lens[c]
			}
		}
		lens[n] = total
	}
	return lens
}

// echoesParent reports an element that is its parent's only content, so its
// text is the parent's text, which the text rules have already judged.
func (s *scan) echoesParent() bool {
	p := s.n.Parent
	if p == nil || p == s.root || protected(p.Data) || !isTextBlock(p.Data) {
		return false
	}
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c == s.n {
			continue
		}
		if c.Type == html.ElementNode || (c.Type == html.TextNode && strings.TrimSpace(c.Data) != "") {
			return false
		}
	}
	return true
}

// Text is the element's text, white space collapsed.
func (s *scan) Text() string {
	if s.text == nil {
		t := dom.Text(s.n)
		s.text = &t
	}
	return *s.text
}

// Norm is the text lower-cased with surrounding punctuation trimmed.
func (s *scan) Norm() string {
	if s.norm == nil {
		t := dom.NormalizeCollapsed(s.Text())
		s.norm = &t
	}
	return *s.norm
}

// leadMin is how many bytes of normalized text lead reads past any
// punctuation the text opens with: more than any word a rule asks the text
// to start with.
const leadMin = 64

// mayStart reports whether Norm may start as starts says, reading only the
// first words of the element's text when Norm is not known yet: most
// elements are ruled out by their first words, and a long block's whole
// text is costly to build. starts must look at no more than the first
// leadMin-1 bytes, and hold for Norm only if it holds for any longer text
// that begins the same; a yes still needs checking against Norm.
func (s *scan) mayStart(starts func(string) bool) bool {
	if s.norm != nil || s.text != nil {
		return starts(s.Norm())
	}
	if !s.leadOK {
		lead, whole := dom.TextPrefix(s.n, leadMin)
		lead = strings.TrimLeftFunc(strings.ToLower(lead), dom.IsEdgeRune)
		if !whole && len(lead) < leadMin {
			// The text opens with a long run of punctuation: read it all.
			return starts(s.Norm())
		}
		s.lead, s.leadOK = lead, true
	}
	return starts(s.lead)
}

// startsWithAny reports whether Norm starts with one of prefixes, each
// shorter than leadMin.
func (s *scan) startsWithAny(prefixes []string) bool {
	return s.mayStart(func(t string) bool { return dom.StartsWithAny(t, prefixes) }) &&
		dom.StartsWithAny(s.Norm(), prefixes)
}

// Role is the element's ARIA role, lower-cased.
func (s *scan) Role() string {
	if s.role == nil {
		r := strings.ToLower(strings.TrimSpace(dom.Attr(s.n, "role")))
		s.role = &r
	}
	return *s.role
}

// inRunningText is inRunningText of the element, asked once.
func (s *scan) inRunningText() bool {
	if s.running == 0 {
		s.running = -1
		if inRunningText(s.n) {
			s.running = 1
		}
	}
	return s.running > 0
}

// Tokens are the element's class and id tokens, with neighbouring pairs
// joined.
func (s *scan) Tokens() []string {
	if !s.tokensOK {
		s.tokens = withJoinedPairs(dom.Tokens(s.n))
		s.tokensOK = true
	}
	return s.tokens
}

// withJoinedPairs adds each pair of neighbouring tokens joined, so a rule can
// name "mostread" and match "most-read", "most_read" and "mostRead".
func withJoinedPairs(t []string) []string {
	n := len(t)
	for i := 0; i+1 < n; i++ {
		t = append(t, t[i]+t[i+1])
	}
	return t
}

// midSentence reports an inline element with words right before or after
// it in the same parent: part of a sentence, whatever its own text.
func midSentence(n *html.Node) bool {
	if !dom.IsInline(n.Data) {
		return false
	}
	for _, sib := range [...]*html.Node{n.PrevSibling, n.NextSibling} {
		if sib != nil && sib.Type == html.TextNode && strings.IndexFunc(sib.Data, unicode.IsLetter) >= 0 {
			return true
		}
	}
	return false
}

// inRunningText reports an inline element inside a paragraph of text.
func inRunningText(n *html.Node) bool {
	if !dom.IsInline(n.Data) {
		return false
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		switch p.Data {
		case "p", "li", "td", "dd", "blockquote", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6":
			return true
		}
		if !dom.IsInline(p.Data) {
			return false
		}
	}
	return false
}
