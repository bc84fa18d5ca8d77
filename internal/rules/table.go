package rules

import "sync"

// families lists the rule families in the order the table checks them;
// within a family, its rules are checked in the order its file lists them.
// An element is removed by the first rule that matches it, so the order
// decides which rule names a removal and what it takes along.
//
// The order runs from what a block is to what it says, and from signals
// that need nothing to those that need the story's layout: landmarks (tag
// or role), then class names, then the shapes of teaser rails and cards,
// then the words that name a block (ad labels, share words, notices, calls
// to action; a notice before a call, since a paywall notice also says
// "subscribe"), then the story's edges and endings, which need the layout
// and name what is left at the ends, and last the widgets' few control
// words ("Next", "3 comments"), which the rules before name better when
// they match too.
var families = []func() []rule{
	landmarkRules,
	classRules,
	teaserRules,
	cardRules,
	adRules,
	shareRules,
	noticeRules,
	ctaRules,
	edgeRules,
	popupRules,
	endingRules,
	widgetRules,
}

// Info describes one rule for readers and for tests.
type Info struct {
	Name  string   // stable name, used in Article.Removed and to disable the rule
	Label string   // what a reader is told was removed, in plain words
	Why   string   // one line on why this is clutter
	Langs []string // languages its words cover; empty for language-neutral rules
}

// table is every rule in order, compiled once on first use.
var table = sync.OnceValue(func() []compiled {
	var out []compiled
	for _, family := range families {
		for _, r := range family() {
			out = append(out, compile(r))
		}
	}
	return out
})

// All describes every rule, in the order the table checks them.
func All() []Info {
	t := table()
	out := make([]Info, len(t))
	for i := range t {
		out[i] = t[i].info()
	}
	return out
}

func (r *compiled) info() Info {
	return Info{Name: r.name, Label: r.label, Why: r.why, Langs: r.languages()}
}

// Table is the rule table without the rules a caller disabled. It is safe
// for concurrent use.
type Table struct {
	rules []compiled
	info  []Info
}

// Compile returns the table without the rules named in disabled.
func Compile(disabled map[string]bool) *Table {
	all := table()
	t := &Table{rules: make([]compiled, 0, len(all)), info: make([]Info, 0, len(all))}
	for i := range all {
		if !disabled[all[i].name] {
			t.rules = append(t.rules, all[i])
			t.info = append(t.info, all[i].info())
		}
	}
	return t
}
