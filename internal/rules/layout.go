package rules

import (
	"slices"

	"cleanread/internal/dom"

	"golang.org/x/net/html"
)

// layout knows where the story's prose starts and ends, so rules can treat
// blocks before the first and after the last prose paragraph differently.
type layout struct {
	order      map[*html.Node]int // pre-order index of every element
	end        map[*html.Node]int // index of the last element inside each element
	firstProse int                // index of the first prose paragraph, -1 if none
	lastProse  int                // index of the last prose paragraph's last element
	proseStart []int              // start index of every prose paragraph, in order
	byline     string             // the article's byline, normalized
	title      string             // the article's title, normalized
}

func newLayout(root *html.Node, meta Meta) *layout {
	els := dom.Elements(root)
	l := &layout{
		order: make(map[*html.Node]int, len(els)), end: make(map[*html.Node]int, len(els)), firstProse: -1, lastProse: -1,
		byline: dom.Normalize(meta.Byline), title: dom.Normalize(meta.Title),
	}
	for i, n := range els {
		l.order[n] = i
	}
	// In reverse pre-order every element's children come before it: its
	// subtree ends where its last element child's subtree ends.
	for i := len(els) - 1; i >= 0; i-- {
		n := els[i]
		l.end[n] = i
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			if c.Type == html.ElementNode {
				l.end[n] = l.end[c]
				break
			}
		}
	}
	for _, n := range els {
		if dom.IsProse(n) {
			if l.firstProse < 0 {
				l.firstProse = l.order[n]
			}
			l.lastProse = l.lastIndexIn(n)
			l.proseStart = append(l.proseStart, l.order[n])
		}
	}
	return l
}

// lastIndexIn is the index of the last element inside n (n included), as
// the story stood when the layout was taken.
func (l *layout) lastIndexIn(n *html.Node) int {
	if i, ok := l.end[n]; ok {
		return i
	}
	return l.order[n]
}

// after reports whether n starts after the story's last prose paragraph.
func (l *layout) after(n *html.Node) bool {
	i, ok := l.order[n]
	return ok && l.lastProse >= 0 && i > l.lastProse
}

// before reports whether n and everything in it comes before the first prose paragraph.
func (l *layout) before(n *html.Node) bool {
	i, ok := l.order[n]
	return ok && l.firstProse >= 0 && i < l.firstProse && l.lastIndexIn(n) < l.firstProse
}

// atTop reports whether n ends before the story's second prose paragraph:
// before the story, or in its first paragraph, which may be a byline line
// long enough to count as prose.
func (l *layout) atTop(n *html.Node) bool {
	if _, ok := l.order[n]; !ok || l.firstProse < 0 {
		return false
	}
	return len(l.proseStart) < 2 || l.lastIndexIn(n) < l.proseStart[1]
}

// afterLead reports whether n lies between the story's first prose
// paragraph (a standfirst) and its second.
func (l *layout) afterLead(n *html.Node) bool {
	i, ok := l.order[n]
	if !ok || len(l.proseStart) < 2 || i <= l.proseStart[0] {
		return false
	}
	return l.lastIndexIn(n) < l.proseStart[1]
}

// proseAfter counts the prose paragraphs that start after n ends.
func (l *layout) proseAfter(n *html.Node) int {
	// proseStart is in document order, so the paragraphs after n are the
	// ones past where n's end would be inserted: a search, not a count,
	// keeps asking this of every block linear in the story.
	i, found := slices.BinarySearch(l.proseStart, l.lastIndexIn(n))
	if found {
		i++
	}
	return len(l.proseStart) - i
}

// closesStory holds for a block that follows some of the story's prose and
// has none after it: the last thing in the story, prose of its own or not.
func closesStory(s *scan) bool {
	l := s.lay
	if l == nil || l.firstProse < 0 {
		return false
	}
	i, ok := l.order[s.n]
	return ok && i > l.firstProse && l.proseAfter(s.n) == 0
}

// atStoryEdge holds for a block before the story's first prose paragraph,
// or one with no prose after it (it may be the last prose itself).
func atStoryEdge(s *scan) bool {
	return s.lay != nil && (s.lay.before(s.n) || closesStory(s))
}

// tailRegion: n sits in the story's closing part, with at most one prose
// paragraph after it.
func tailRegion(s *scan) bool {
	return s.lay != nil && s.lay.lastProse >= 0 && s.lay.proseAfter(s.n) <= 1 && !s.lay.before(s.n)
}
