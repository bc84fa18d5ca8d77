package dom

import (
	"strings"

	"golang.org/x/net/html"
)

// Tokens splits class and id values into lower-case words at every
// non-alphanumeric character and at camelCase humps, so "ad" matches
// "ad-slot" and "adSlot" but not "header" or "shadow". A custom element's
// name ("pp-inline-teaser", "related-articles") names it like a class does.
func Tokens(n *html.Node) []string {
	var out []string
	if strings.Contains(n.Data, "-") {
		out = appendTokens(out, n.Data)
	}
	for _, key := range [...]string{"class", "id"} {
		out = appendTokens(out, Attr(n, key))
	}
	return out
}

func appendTokens(out []string, s string) []string {
	if s == "" {
		return out
	}
	lower := asciiLower(s)
	start := -1
	flush := func(i int) {
		if start >= 0 {
			out = append(out, lower[start:i])
			start = -1
		}
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if !isAlnum(ch) {
			flush(i)
			continue
		}
		if isUpper(ch) && start >= 0 && i > 0 && isLower(s[i-1]) {
			flush(i) // a camelCase hump
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(s))
	return out
}

// isAlnum reports an ASCII letter or digit, or a byte of a non-ASCII
// character (which counts as a letter).
func isAlnum(ch byte) bool { return isLower(ch) || isUpper(ch) || ch >= '0' && ch <= '9' || ch >= 0x80 }

func isLower(ch byte) bool { return ch >= 'a' && ch <= 'z' }
func isUpper(ch byte) bool { return ch >= 'A' && ch <= 'Z' }

// asciiLower lower-cases ASCII letters only, so byte offsets stay those of s
// (class names are ASCII in practice; other bytes are kept as they are).
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
