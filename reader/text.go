package reader

import (
	"strings"
	"unicode"

	"cleanread/internal/bodytext"

	"golang.org/x/net/html"
)

// storyText renders the story as a reader sees it: words of adjacent blocks
// never run together, blocks are separated by blank lines. Captions and
// credit lines are left out unless withCaptions is set: they are about the
// pictures, not the story's prose.
func storyText(story *html.Node, withCaptions bool) string {
	t := strings.Map(dropInvisible, bodytext.InnerText(story, withCaptions))
	lines := strings.Split(t, "\n")
	out := lines[:0]
	blank := false
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if strings.TrimSpace(l) == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// dropInvisible removes characters that show nothing but split words for
// search and counting — zero-width spaces, word joiners, byte-order marks
// and soft hyphens, which only say where a word may break and stay in the
// HTML content for that — and turns no-break and fixed-width spaces into
// plain ones: in plain text they only keep a search for "1. Januar" from
// finding "1.\u00a0Januar". The zero-width joiner and non-joiner stay:
// in Indic and Arabic scripts they change how a word is spelled.
func dropInvisible(r rune) rune {
	switch r {
	case '\u200b', '\u2060', '\ufeff', '\u00ad':
		return -1
	case '\u00a0', '\u2007', '\u202f', '\u2002', '\u2003', '\u2009':
		return ' '
	}
	return r
}

// Reading speeds used for ReadingMinutes.
const (
	wordsPerMinute    = 230
	cjkCharsPerMinute = 500
)

// fillCounts sets Length, WordCount and ReadingMinutes from TextContent.
func fillCounts(a *Article) {
	words, cjk := countWords(a.TextContent)
	a.Length = len([]rune(a.TextContent))
	a.WordCount = words + cjk
	minutes := float64(words)/wordsPerMinute + float64(cjk)/cjkCharsPerMinute
	a.ReadingMinutes = max(1, int(minutes+0.999))
}

// countWords counts space-separated words and, separately, CJK characters
// (which are read one by one, without spaces between words).
func countWords(s string) (words, cjk int) {
	inWord := false
	for _, r := range s {
		switch {
		case isCJK(r):
			cjk++
			inWord = false
		case unicode.IsSpace(r):
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inWord {
				words++
				inWord = true
			}
		}
	}
	return words, cjk
}

func isCJK(r rune) bool {
	return r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// dropEmptyWrappers removes elements left with no text and no media, from the
// innermost out.
func dropEmptyWrappers(story *html.Node) {
	all := elements(story)
	for i := len(all) - 1; i >= 0; i-- {
		n := all[i]
		if n == story || n.Parent == nil || !emptyDroppable[n.Data] {
			continue
		}
		if n.FirstChild == nil || (textLen(n) == 0 && !hasMedia(n)) {
			keepSpace(n)
			detach(n)
		}
	}
}

// emptyDroppable are wrappers that mean nothing once empty.
var emptyDroppable = map[string]bool{
	"div": true, "section": true, "span": true, "p": true, "figure": true, "ul": true, "ol": true,
	"li": true, "aside": true, "header": true, "footer": true, "article": true, "a": true,
	"blockquote": true, "figcaption": true, "strong": true, "em": true, "b": true, "i": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
}
