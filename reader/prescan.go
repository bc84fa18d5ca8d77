package reader

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// prescan enforces the element-count and nesting-depth limits while only
// tokenizing the page, so a page far over them is refused before a tree of
// its elements is built. It reads tags only (no tokens are built, nothing is
// kept but a stack of open tag names), and stops at the first limit passed.
//
// Counts are lower bounds of what the parser will build, so no page within
// the limits is refused here: start tags of html, head and body are not
// counted (the parser merges repeats of them), and the open-element stack
// applies the end tags the parser implies (a new paragraph, list item,
// cell, row or option closes the open one; a block closes an open
// paragraph; an HTML tag inside svg or math leaves it) and never keeps
// what the parser would pop. Where the parser nests deeper or adds
// elements of its own, the exact check on the tree (checkTree) still
// holds.
func (c *Cleaner) prescan(page string) error {
	z := html.NewTokenizer(strings.NewReader(page))
	open := openStack{counts: map[atom.Atom]int{}, named: map[string]int{}}
	elements := 0
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return nil // the end of the page; the parser reports what else went wrong
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Html || a == atom.Head || a == atom.Body {
				continue
			}
			if !open.start(a, name, tt == html.SelfClosingTagToken) {
				continue
			}
			elements++
			if elements > c.cfg.maxElements {
				return c.tooManyElements()
			}
			if open.depth() > c.cfg.maxDepth {
				return c.nestedTooDeep()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			open.end(atom.Lookup(name), name)
		}
	}
}

// tooManyElements and nestedTooDeep are the errors of the two limits, the
// same whether tokenizing or the tree found the page over them.
func (c *Cleaner) tooManyElements() error {
	return fmt.Errorf("%w: more than %d elements", ErrTooLarge, c.cfg.maxElements)
}

func (c *Cleaner) nestedTooDeep() error {
	return fmt.Errorf("%w: elements nested more than %d deep", ErrTooLarge, c.cfg.maxDepth)
}

// openEntry is one open element: its atom, or its name when it has none
// (a custom element), and whether it is inside svg or math.
type openEntry struct {
	a       atom.Atom
	name    string
	foreign bool
}

// openStack models the parser's stack of open elements from tags alone.
// counts and named hold how many elements of each kind are open (named for
// custom elements, which have no atom), so a tag that closes nothing open
// needs no look down the stack: a page of stray end tags costs one lookup
// each.
type openStack struct {
	entries []openEntry
	counts  map[atom.Atom]int
	named   map[string]int
}

func (s *openStack) depth() int { return len(s.entries) }

// start takes a start tag: it closes what the tag implies closed, then
// opens the tag unless it is void, self-closing or dropped by the parser.
// It reports whether the tag makes an element (false when it is dropped).
func (s *openStack) start(a atom.Atom, name []byte, selfClosing bool) bool {
	if s.inForeign() && breaksOutOfForeign[a] {
		for len(s.entries) > 0 && s.entries[len(s.entries)-1].foreign {
			s.pop(len(s.entries) - 1)
		}
	}
	foreign := s.inForeign()
	if !foreign {
		if s.dropped(a) {
			return false
		}
		if closers, ok := impliedClose[a]; ok {
			s.popTo(closers...)
		}
		if closesParagraph[a] {
			s.popTo(atom.P)
		}
	}
	if selfClosing || (!foreign && voidElements[a]) {
		return true
	}
	e := openEntry{a: a, foreign: foreign || a == atom.Svg || a == atom.Math}
	if a == 0 {
		e.name = string(name)
		s.named[e.name]++
	}
	s.entries = append(s.entries, e)
	s.counts[a]++
	return true
}

// inForeign reports whether the next tag is read as svg or math content.
func (s *openStack) inForeign() bool {
	if len(s.entries) == 0 {
		return false
	}
	top := s.entries[len(s.entries)-1]
	return top.foreign && !integrationPoints[top.a]
}

// dropped reports a start tag the parser ignores where it stands: anything
// but an option inside a select, a table part outside a table, a form
// inside a form.
func (s *openStack) dropped(a atom.Atom) bool {
	switch {
	case s.counts[atom.Select] > 0:
		return a != atom.Option && a != atom.Optgroup
	case tableParts[a]:
		return s.counts[atom.Table] == 0
	case a == atom.Form:
		return s.counts[atom.Form] > 0
	}
	return false
}

// end takes an end tag: it closes the nearest open element of that name and
// everything opened inside it; an end tag with nothing to close is ignored.
func (s *openStack) end(a atom.Atom, name []byte) {
	if s.counts[a] == 0 || (a == 0 && s.named[string(name)] == 0) {
		return
	}
	for i := len(s.entries) - 1; i >= 0; i-- {
		e := s.entries[i]
		if e.a == a && (a != 0 || e.name == string(name)) {
			s.pop(i)
			return
		}
	}
}

// popTo closes the nearest open element named one of tags and everything
// inside it, if one is open. Closing without regard to scope closes at
// least what the parser closes.
func (s *openStack) popTo(tags ...atom.Atom) {
	open := false
	for _, t := range tags {
		open = open || s.counts[t] > 0
	}
	if !open {
		return
	}
	for i := len(s.entries) - 1; i >= 0; i-- {
		for _, t := range tags {
			if s.entries[i].a == t {
				s.pop(i)
				return
			}
		}
	}
}

// pop closes the entries from i up.
func (s *openStack) pop(i int) {
	for _, e := range s.entries[i:] {
		s.counts[e.a]--
		if e.a == 0 {
			s.named[e.name]--
		}
	}
	s.entries = s.entries[:i]
}
