package dom

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Text returns the text of n with white space collapsed to single spaces
// and trimmed, in one pass.
func Text(n *html.Node) string {
	t, _ := TextPrefix(n, -1)
	return t
}

// TextPrefix returns the start of Text(n): at least max bytes of it, or all
// of it when it is shorter, and whether that is all of it. A negative max
// reads all. It stops reading as soon as it has enough, so asking how a long
// block opens costs what its first words cost.
func TextPrefix(n *html.Node, max int) (string, bool) {
	var sb strings.Builder
	if max >= 0 {
		sb.Grow(max + utf8.UTFMax)
	}
	space := false
	for d := n; d != nil; d = Next(n, d, false) {
		if d.Type != html.TextNode {
			continue
		}
		if max >= 0 && sb.Len() >= max {
			return sb.String(), false
		}
		data := d.Data
		for i := 0; i < len(data); {
			// ASCII is most text: it is copied a byte at a time, without
			// decoding.
			r, size := rune(data[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(data[i:])
			}
			i += size
			if isSpace(r) {
				space = sb.Len() > 0
				continue
			}
			if space {
				if !strings.ContainsRune(",.;:!?)]»”’", r) {
					sb.WriteByte(' ') // not before punctuation that closes on the word before
				}
				space = false
			}
			switch {
			case r < utf8.RuneSelf:
				sb.WriteByte(byte(r))
			case size == 1:
				sb.WriteRune(r) // an invalid byte, written as U+FFFD as range does
			default:
				sb.WriteString(data[i-size : i])
			}
		}
		space = sb.Len() > 0
	}
	return sb.String(), true
}

// isSpace is unicode.IsSpace with the ASCII answer first.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r)
}

// TextLen returns the number of bytes of non-space text under n, cheaply.
func TextLen(n *html.Node) int {
	total := 0
	for d := n; d != nil; d = Next(n, d, false) {
		if d.Type == html.TextNode {
			total += len(strings.TrimSpace(d.Data))
		}
	}
	return total
}

// LinkTextLen returns the bytes of non-space text inside links under n.
func LinkTextLen(n *html.Node) int {
	total := 0
	for d := n; d != nil; {
		if d.Type == html.ElementNode && d.Data == "a" {
			total += TextLen(d)
			d = Next(n, d, true)
			continue
		}
		d = Next(n, d, false)
	}
	return total
}

// LinkDensity is the share of n's text that sits inside links.
func LinkDensity(n *html.Node) float64 {
	t := TextLen(n)
	if t == 0 {
		return 0
	}
	return float64(LinkTextLen(n)) / float64(t)
}

// ProseMin is how much non-link text (bytes) makes a paragraph prose.
const ProseMin = 80

// IsProse reports a paragraph-like element (p, pre, blockquote, li, td,
// dd) with enough text outside links to be a run of prose.
func IsProse(n *html.Node) bool {
	switch n.Data {
	case "p", "pre", "blockquote", "li", "td", "dd":
		return TextLen(n)-LinkTextLen(n) >= ProseMin
	}
	return false
}

// Normalize lower-cases s, folds white space and trims punctuation at both ends.
func Normalize(s string) string {
	return NormalizeCollapsed(strings.Join(strings.Fields(s), " "))
}

// NormalizeCollapsed is Normalize for text whose white space is already
// folded to single spaces and trimmed, as Text returns it.
func NormalizeCollapsed(s string) string {
	return strings.TrimFunc(strings.ToLower(s), IsEdgeRune)
}

// IsEdgeRune reports the runes Normalize trims from both ends: punctuation,
// symbols and white space.
func IsEdgeRune(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)
}

// Set turns a word list into a lookup set; nil for no words.
func Set(words []string) map[string]bool {
	if len(words) == 0 {
		return nil
	}
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// AnyIn reports whether one of words is in m.
func AnyIn(words []string, m map[string]bool) bool {
	for _, w := range words {
		if m[w] {
			return true
		}
	}
	return false
}

// StartsWithWord reports whether s starts with one of the prefixes, followed
// by the end of s or a non-letter (so "subscribe" does not match "subscribers").
// A prefix that ends in a space or a colon may be followed by anything.
func StartsWithWord(s string, prefixes []string) bool {
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

// StartsWithAny reports whether s starts with one of the prefixes.
func StartsWithAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// ContainsAny reports whether s contains one of subs.
func ContainsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
