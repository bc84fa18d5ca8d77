package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// compiledRule is a rule with its word lists turned into lookup sets.
type compiledRule struct {
	rule
	tagSet, roleSet, tokenSet, labelSet map[string]bool
}

func compile(r rule) compiledRule {
	return compiledRule{rule: r, tagSet: set(r.tags), roleSet: set(r.roles), tokenSet: set(r.tokens), labelSet: set(r.labels)}
}

func set(words []string) map[string]bool {
	if len(words) == 0 {
		return nil
	}
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// scan is one element under test, with what rules ask about it computed
// lazily and at most once.
type scan struct {
	n        *html.Node
	root     *html.Node // the page or the story
	inStory  bool
	host     string             // the page's host, to tell links to the same site
	lay      *layout            // where the story's prose is (inside the story only)
	lens     map[*html.Node]int // text length of every element, computed once per pass
	tokens   []string
	tokensOK bool
	text     *string
	norm     *string
	tlen     int
}

func newScan(n, root *html.Node, inStory bool, host string, lay *layout) *scan {
	return &scan{n: n, root: root, inStory: inStory, host: host, lay: lay, tlen: -1}
}

func (s *scan) textLen() int {
	if s.tlen < 0 {
		if n, ok := s.lens[s.n]; ok {
			s.tlen = n
		} else {
			s.tlen = textLen(s.n)
		}
	}
	return s.tlen
}

// textLens returns the non-space text length of every element under root in
// one bottom-up walk, so rules need not walk each subtree again. Removals
// during the pass only shrink ancestors already visited, so the figures stay
// right for what is still to be visited.
func textLens(root *html.Node) map[*html.Node]int {
	lens := map[*html.Node]int{}
	var order []*html.Node
	for n := root; n != nil; n = nextNode(root, n, false) {
		if n.Type == html.ElementNode {
			order = append(order, n)
		}
	}
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
	if p == nil || p == s.root || protectedTags[p.Data] || !textBlock[p.Data] {
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

func (s *scan) Text() string {
	if s.text == nil {
		t := textOf(s.n)
		s.text = &t
	}
	return *s.text
}

// Norm is the text lower-cased with surrounding punctuation trimmed.
func (s *scan) Norm() string {
	if s.norm == nil {
		t := normalize(s.Text())
		s.norm = &t
	}
	return *s.norm
}

func (s *scan) Tokens() []string {
	if !s.tokensOK {
		s.tokens = withJoinedPairs(tokens(s.n))
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

// normalize lower-cases s, folds white space and trims punctuation at both ends.
func normalize(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)
	})
}

// protectedTags are never removed by a rule: they hold the page or the story.
var protectedTags = map[string]bool{"html": true, "head": true, "body": true, "main": true, "article": true}

// matches reports whether rule r matches the element in s.
func (r *compiledRule) matches(s *scan) bool {
	n := s.n
	if protectedTags[n.Data] || n == s.root || midSentence(n) {
		return false // never cut a piece out of a sentence
	}
	if r.tagSet != nil || r.roleSet != nil {
		role := strings.ToLower(strings.TrimSpace(getAttr(n, "role")))
		if !r.tagSet[n.Data] && !r.roleSet[role] {
			return false
		}
	} else if r.tokenSet == nil && (!textBlock[n.Data] && !(r.quotes && n.Data == "blockquote") || (r.shape == nil && s.echoesParent())) {
		return false
	}
	if r.tokenSet != nil && (inRunningText(n) || !anyIn(s.Tokens(), r.tokenSet)) {
		return false
	}
	if r.maxChars > 0 && s.textLen() > r.maxChars {
		return false
	}
	if r.labelSet != nil && !r.labelSet[s.Norm()] {
		return false
	}
	if len(r.starts) > 0 && !startsWithWord(s.Norm(), r.starts) {
		return false
	}
	if len(r.contains) > 0 && !containsAny(s.Norm(), r.contains) {
		return false
	}
	if r.guard && storyShaped(n) {
		return false
	}
	if r.shape != nil && !r.shape(s) {
		return false
	}
	return true
}

// inlineTags are phrasing elements; inside running text, their class names
// say how they look (annotations, highlights), not that they are clutter.
var inlineTags = map[string]bool{"a": true, "span": true, "em": true, "strong": true, "b": true, "i": true, "u": true, "small": true, "mark": true, "abbr": true, "cite": true, "q": true, "sup": true, "sub": true}

// midSentence reports an inline element with words right before or after
// it in the same parent: part of a sentence, whatever its own text.
func midSentence(n *html.Node) bool {
	if !inlineTags[n.Data] {
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
	if !inlineTags[n.Data] {
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
		if !inlineTags[p.Data] {
			return false
		}
	}
	return false
}

// textBlock are the elements text rules look at.
var textBlock = map[string]bool{
	"p": true, "div": true, "section": true, "aside": true, "span": true, "li": true, "ul": true, "ol": true,
	"h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "strong": true, "b": true, "em": true,
	"a": true, "figure": true, "header": true, "blockquote": false, "small": true, "dl": true, "table": true,
	"time": true,
}

func anyIn(words []string, m map[string]bool) bool {
	for _, w := range words {
		if m[w] {
			return true
		}
	}
	return false
}

// startsWithWord reports whether s starts with one of the prefixes, followed
// by the end of s or a non-letter (so "subscribe" does not match "subscribers").
func startsWithWord(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if !strings.HasPrefix(s, p) {
			continue
		}
		rest := s[len(p):]
		if rest == "" {
			return true
		}
		r, _ := utf8.DecodeRuneInString(rest)
		if !unicode.IsLetter(r) || strings.HasSuffix(p, " ") || strings.HasSuffix(p, ":") {
			return true
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// removedTextLen is how much of a removed block's text is kept in Removed.
const removedTextLen = 120

// apply runs the rules of pass p over root, top-down, removing every match
// and recording it.
func (c *Cleaner) apply(root *html.Node, p pass, host string, lay *layout, offset int) []Removal {
	var removed []Removal
	lens := textLens(root)
	cut := func(rule string, n *html.Node) {
		r := record(rule, n)
		r.Anchor = leaveMarker(n, offset+len(removed))
		r.node = n
		removed = append(removed, r)
		detach(n)
	}
	for n := root; n != nil; {
		if n.Type != html.ElementNode || n == root {
			n = nextNode(root, n, false)
			continue
		}
		s := newScan(n, root, lay != nil, host, lay)
		s.lens = lens
		hit := c.firstMatch(s, p)
		if hit == nil {
			n = nextNode(root, n, false)
			continue
		}
		next := nextNode(root, n, true)
		var extra *html.Node
		if hit.also != nil {
			extra = hit.also(s)
		}
		if extra == next && next != nil {
			next = nextNode(root, next, true)
		}
		cut(hit.name, n)
		if extra != nil {
			cut(hit.name, extra)
		}
		n = next
	}
	return removed
}

func (c *Cleaner) firstMatch(s *scan, p pass) *compiledRule {
	for i := range c.rules {
		r := &c.rules[i]
		if r.pass&p != 0 && r.matches(s) {
			return r
		}
	}
	return nil
}

func record(rule string, n *html.Node) Removal {
	t := textOf(n)
	if utf8.RuneCountInString(t) > removedTextLen {
		t = string([]rune(t)[:removedTextLen]) + "…"
	}
	return Removal{Rule: rule, Tag: n.Data, Text: t}
}

// prePass removes high-confidence clutter from the whole page, so it is never
// chosen as the story or merged into it.
func (c *Cleaner) prePass(doc *html.Node, host string) []Removal {
	body := findFirst(doc, "body")
	if body == nil {
		return nil
	}
	return c.apply(body, pre, host, nil, 0)
}

// postPass removes the teasers, calls to action and labels readability kept
// inside the story.
// offset is the number of removals before this pass, so anchors match
// indexes into Article.Removed.
func (c *Cleaner) postPass(story *html.Node, host string, meta storyMeta, offset int) []Removal {
	removed := c.apply(story, post, host, newLayout(story, meta), offset)
	// The layout is taken again: removals can leave a line the last one
	// before the end that had prose after it when the pass began. A sweep
	// that removed something goes once more, since it visits top-down and
	// a heading is only left alone once what follows it is gone.
	for round := 0; round < sweepRounds; round++ {
		more := c.apply(story, sweep, host, newLayout(story, meta), offset+len(removed))
		removed = append(removed, more...)
		if len(more) == 0 {
			break
		}
	}
	return removed
}

// sweepRounds bounds the sweeps over the story after the post-pass.
const sweepRounds = 3
