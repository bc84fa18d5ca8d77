package rules

import (
	"strings"
	"unicode"
)

// Share bars: blocks made only of the words of share and follow buttons.
func shareRules() []rule {
	return []rule{
		{
			name: "share-bar", label: "Share buttons", pass: storyPass,
			why:   "a block made only of share and follow words is a share bar",
			langs: []string{"en", "de", "fr", "es", "it", "pt", "nl"},
			shape: onlyShareWords, maxChars: 300,
		},
	}
}

// shareWords are the words of share and follow bars (en, de, fr, es, it, pt, nl).
var shareWords = lazySet(
	"share", "shares", "sharing", "tweet", "facebook", "twitter", "x", "whatsapp", "linkedin", "email", "e-mail", "mail",
	"pinterest", "reddit", "telegram", "messenger", "flipboard", "threads", "bluesky", "mastodon", "xing", "copy", "link",
	"copied", "print", "save", "follow", "us", "on", "this", "article", "story", "page", "via", "the", "and", "or", "with",
	"teilen", "artikel", "drucken", "kopieren", "folgen", "sie", "uns", "auf", "partager", "imprimer", "copier", "le",
	"lien", "suivez-nous", "compartir", "imprimir", "copiar", "enlace", "síguenos", "condividi", "stampa", "partilhar",
	"delen", "kopiëren", "comments", "comment", "gift", "send", "instagram", "youtube", "tiktok", "rss",
)

// shareCoreList are the words that make a block a share bar at all.
var shareCoreList = []string{
	"share", "tweet", "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "flipboard",
	"teilen", "partager", "compartir", "condividi", "partilhar", "delen", "instagram",
}

var shareCore = lazySet(shareCoreList...)

// onlyShareWords holds for a non-empty block whose every word is a share or
// follow word (or a count), with at least one word that names sharing.
func onlyShareWords(s *scan) bool {
	t := s.Norm()
	if !s.containsAny(shareCoreList) {
		return false // cheap reject before splitting into words
	}
	words := strings.FieldsFunc(t, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
	core := false
	for _, w := range words {
		if shareCore()[w] {
			core = true
		}
		if !shareWords()[w] && !isNumber(w) {
			return false
		}
	}
	return core
}

func isNumber(w string) bool {
	w = strings.TrimRight(w, "kKmM")
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
