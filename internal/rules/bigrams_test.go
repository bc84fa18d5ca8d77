package rules

import (
	"strings"
	"testing"

	"cleanread/internal/dom"

	"github.com/stretchr/testify/assert"
	"golang.org/x/net/html"
)

// TestContainsAnyAgreesWithASearch: the byte-pair filter only saves
// searches; every answer is the plain search's.
func TestContainsAnyAgreesWithASearch(t *testing.T) {
	words := []string{"subscribe", "sign up", "newsletter", "ad", "x", "à lire", "paywall", "our partners"}
	texts := []string{
		"", "ad", "Sign up for our newsletter today and never miss a story from the harbour",
		"The committee met for six hours on Tuesday and heard from engineers and residents",
		"À LIRE AUSSI : les plus lus de la semaine, dans la même rubrique que celle-ci",
		strings.Repeat("word ", 100) + "paywall", "subscrib e news letter " + strings.Repeat("padding ", 10),
	}
	g := &bigrams{}
	for _, text := range texts {
		n := &html.Node{Type: html.ElementNode, Data: "p"}
		n.AppendChild(&html.Node{Type: html.TextNode, Data: text})
		s := &scan{n: n, grams: g, tlen: -1}
		for _, w := range words {
			assert.Equal(t, dom.ContainsAny(s.Norm(), []string{w}), s.containsAny([]string{w}), "%q in %q", w, text)
		}
	}
}
