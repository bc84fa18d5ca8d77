package main

import (
	"strings"
	"unicode"
)

// bag is a multiset of lowercase word tokens.
type bag map[string]int

// tokens splits s into lowercase word tokens: runs of letters, digits and
// combining marks, with every CJK character a token of its own.
func tokens(s string) []string {
	var out []string
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			out = append(out, word.String())
			word.Reset()
		}
	}
	for _, r := range s {
		switch {
		case isCJK(r):
			flush()
			out = append(out, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word.WriteRune(unicode.ToLower(r))
		case unicode.IsMark(r) && word.Len() > 0:
			word.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return out
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// newBag counts the tokens of s; n is their total.
func newBag(s string) (b bag, n int) {
	b = bag{}
	for _, t := range tokens(s) {
		b[t]++
		n++
	}
	return b, n
}

// counts are true/false positives and negatives: words for corpus A,
// snippets for corpus B.
type counts struct {
	TP, FP, FN, TN int
}

func (c *counts) add(o counts) {
	c.TP += o.TP
	c.FP += o.FP
	c.FN += o.FN
	c.TN += o.TN
}

// precision is TP/(TP+FP); ok is false when nothing was extracted.
func (c counts) precision() (p float64, ok bool) {
	if c.TP+c.FP == 0 {
		return 0, false
	}
	return float64(c.TP) / float64(c.TP+c.FP), true
}

// recall is TP/(TP+FN), 1 when nothing was expected.
func (c counts) recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// fscore is 2TP/(2TP+FP+FN), 1 when there was nothing to find or leak.
func (c counts) fscore() float64 {
	d := 2*c.TP + c.FP + c.FN
	if d == 0 {
		return 1
	}
	return float64(2*c.TP) / float64(d)
}

// scoreWords compares the words we extracted with the expected words as
// multisets: a word counts as found as many times as it occurs in both.
func scoreWords(expected bag, nExpected int, got string) counts {
	g, nGot := newBag(got)
	tp := 0
	for w, n := range g {
		tp += min(n, expected[w])
	}
	return counts{TP: tp, FP: nGot - tp, FN: nExpected - tp}
}

// snippetResult is the outcome of one corpus B entry.
type snippetResult struct {
	counts
	// Lost are the With snippets missing from the text.
	Lost []string
	// Leaked are the Without snippets found in the text.
	Leaked []string
}

// scoreSnippets is go-trafilatura's scripts/comparison evaluateEntry: a
// snippet counts when the text contains it; an empty text (an error) makes
// every With a false negative and every Without a true negative.
func scoreSnippets(with, without []string, text string) snippetResult {
	var r snippetResult
	if text == "" {
		r.FN = len(with)
		r.TN = len(without)
		r.Lost = with
		return r
	}
	for _, s := range with {
		if strings.Contains(text, s) {
			r.TP++
		} else {
			r.FN++
			r.Lost = append(r.Lost, s)
		}
	}
	for _, s := range without {
		if strings.Contains(text, s) {
			r.FP++
			r.Leaked = append(r.Leaked, s)
		} else {
			r.TN++
		}
	}
	return r
}
