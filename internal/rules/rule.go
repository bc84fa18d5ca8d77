package rules

import (
	"slices"

	"cleanread/internal/dom"

	"golang.org/x/net/html"
)

// pass says where a rule runs: over the whole page before readability
// scores it, inside the chosen story afterwards, or both.
type pass uint8

const (
	pagePass  pass = 1 << iota // whole page, before readability: high-confidence clutter only
	storyPass                  // inside the story readability chose
	sweepPass                  // inside the story again, once the story pass is done: what other removals left behind
	both      = pagePass | storyPass
)

// rule is one teaser and ad rule, as data. A rule matches an element when
// every condition it sets holds. Rules name only general signals: tags, ARIA
// roles, class/id tokens, label words and page structure — never a site.
type rule struct {
	name  string // stable name, used in Article.Removed and WithDisabledRules
	label string // what a reader is told was removed, in plain words
	// labelOf optionally names what matched more precisely than label (""
	// keeps label): which family of class tokens, say.
	labelOf func(*scan) string
	why     string   // one line on why this is clutter
	langs   []string // languages the words of its shape cover; the word lists above name their own
	pass    pass

	tags   []string // element names it looks at; empty means any block-ish element
	roles  []string // ARIA roles (any one)
	tokens []string // class/id tokens or joined token pairs (any one)

	labels   byLang // the block's whole text is one of these (normalized)
	starts   byLang // the block's text starts with one of these words (normalized)
	contains byLang // the block's text contains one of these (normalized)
	maxChars int    // the block's text is at most this long (bytes); 0 = no limit

	quotes bool                   // also look at blockquotes, which text rules otherwise leave to the story
	guard  bool                   // skip story-shaped blocks (several long prose paragraphs)
	shape  func(*scan) bool       // a structural condition, in the rule's family file
	also   func(*scan) *html.Node // optionally a sibling to remove with the match
}

// byLang are a rule's words by language (ISO 639-1 code). Which language
// a word is in does not change what it matches; it keeps the list honest
// about what it covers.
type byLang map[string][]string

// all returns every word, languages in code order.
func (b byLang) all() []string {
	var out []string
	for _, l := range b.langs() {
		out = append(out, b[l]...)
	}
	return out
}

func (b byLang) langs() []string {
	out := make([]string, 0, len(b))
	for l := range b {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// compiled is a rule with its word lists turned into lookup sets.
type compiled struct {
	rule
	tagSet, roleSet, tokenSet, labelSet map[string]bool
	startWords, containWords            []string
}

func compile(r rule) compiled {
	return compiled{
		rule: r, tagSet: dom.Set(r.tags), roleSet: dom.Set(r.roles), tokenSet: dom.Set(r.tokens),
		labelSet: dom.Set(r.labels.all()), startWords: r.starts.all(), containWords: r.contains.all(),
	}
}

// languages are the languages of the rule's shape and of its word lists.
func (r *rule) languages() []string {
	var out []string
	out = append(out, r.langs...)
	for _, b := range [...]byLang{r.labels, r.starts, r.contains} {
		out = append(out, b.langs()...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// matches reports whether the rule matches the element in s. Every
// condition the rule sets must hold; they are checked cheapest first, and
// an embedded post is spared last (embeds.go).
func (r *compiled) matches(s *scan) bool {
	return r.inScope(s) && r.tokensMatch(s) && r.textMatches(s) &&
		!(r.guard && storyShaped(s.n)) && (r.shape == nil || r.shape(s)) && !s.embedSpared()
}

// inScope reports whether the element is of a kind the rule looks at: one
// of its tags or roles, or, for a rule without them or tokens, a text block.
func (r *compiled) inScope(s *scan) bool {
	n := s.n
	if r.tagSet != nil || r.roleSet != nil {
		return r.tagSet[n.Data] || r.roleSet != nil && r.roleSet[s.Role()]
	}
	if r.tokenSet != nil {
		return true
	}
	if !isTextBlock(n.Data) && !(r.quotes && n.Data == "blockquote") {
		return false
	}
	// A block that only wraps one other block says what that one says: a
	// plain text rule judges the inner one.
	return r.shape != nil || !s.echoesParent()
}

// tokensMatch reports whether a rule with class/id tokens names one of the
// element's. Inside running text, classes say how words look, not what
// they are.
func (r *compiled) tokensMatch(s *scan) bool {
	return r.tokenSet == nil || !s.inRunningText() && dom.AnyIn(s.Tokens(), r.tokenSet)
}

// textMatches checks the rule's length limit and word lists against the
// element's normalized text.
func (r *compiled) textMatches(s *scan) bool {
	if r.maxChars > 0 && s.textLen() > r.maxChars {
		return false
	}
	if r.labelSet != nil && !r.labelSet[s.Norm()] {
		return false
	}
	if len(r.startWords) > 0 && !(s.mayStart(r.startsWord) && r.startsWord(s.Norm())) {
		return false
	}
	return len(r.containWords) == 0 || s.containsAny(r.containWords)
}

// startsWord reports whether t starts with one of the rule's start words
// as a whole word.
func (r *compiled) startsWord(t string) bool { return dom.StartsWithWord(t, r.startWords) }

// protected reports an element a rule never removes: it holds the page or
// the story.
func protected(tag string) bool {
	switch tag {
	case "html", "head", "body", "main", "article":
		return true
	}
	return false
}

// isTextBlock reports the elements text rules look at (blockquotes only
// for rules that ask for them).
func isTextBlock(tag string) bool {
	switch tag {
	case "p", "div", "section", "aside", "span", "li", "ul", "ol", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em",
		"a", "figure", "header", "small", "dl", "table", "time":
		return true
	}
	return false
}

// isHeading reports an h1–h6 element name.
func isHeading(tag string) bool {
	switch tag {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return true
	}
	return false
}
