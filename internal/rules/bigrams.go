package rules

import (
	"strings"

	"cleanread/internal/dom"
)

// bigrams is a filter over one text's byte pairs: a word can only occur in
// the text if each of its pairs does, so most words of a rule's list are
// ruled out by a few bit tests instead of a search of the whole text. One
// is kept per walk and filled for one element at a time.
type bigrams struct {
	of   *scan // the element whose text is indexed
	bits [bigramBits / 64]uint64
}

// bigramBits is the filter's size: enough that a block of a few hundred
// bytes sets few of them.
const bigramBits = 4096

// bigramMinText is the shortest text worth indexing.
const bigramMinText = 48

func bigramHash(a, b byte) uint { return (uint(a)<<5 ^ uint(b)) % bigramBits }

func (g *bigrams) index(s *scan, t string) {
	g.of = s
	clear(g.bits[:])
	for i := 0; i+1 < len(t); i++ {
		h := bigramHash(t[i], t[i+1])
		g.bits[h/64] |= 1 << (h % 64)
	}
}

func (g *bigrams) has(a, b byte) bool {
	h := bigramHash(a, b)
	return g.bits[h/64]&(1<<(h%64)) != 0
}

// mayHold reports whether w can occur in the indexed text: false means it
// does not; true still needs a search.
func (g *bigrams) mayHold(w string) bool {
	n := len(w)
	if n < 2 {
		return true
	}
	m := n / 2
	return g.has(w[0], w[1]) && g.has(w[n-2], w[n-1]) && g.has(w[m-1], w[m])
}

// containsAny reports whether the element's normalized text contains one
// of words, as dom.ContainsAny(s.Norm(), words) does.
func (s *scan) containsAny(words []string) bool {
	t := s.Norm()
	if len(t) < bigramMinText {
		return dom.ContainsAny(t, words) // a few bytes are searched faster than indexed
	}
	g := s.grams
	if g == nil {
		g = &bigrams{} // a scan made outside a walk
		s.grams = g
	}
	if g.of != s {
		g.index(s, t)
	}
	for _, w := range words {
		if g.mayHold(w) && strings.Contains(t, w) {
			return true
		}
	}
	return false
}
