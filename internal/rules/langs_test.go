package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// knownLangs are the ISO 639-1 codes the rules may name.
var knownLangs = map[string]bool{
	"en": true, "de": true, "fr": true, "es": true, "it": true, "pt": true, "nl": true, "pl": true, "sv": true,
	"da": true, "ru": true, "uk": true, "zh": true, "ja": true, "ko": true, "tr": true, "cs": true,
}

// TestRuleLanguages: a rule's word lists name their languages, each with
// words of its own; a rule whose shape reads words names their languages;
// every name is a language code.
func TestRuleLanguages(t *testing.T) {
	for _, r := range table() {
		for _, b := range [...]byLang{r.labels, r.starts, r.contains} {
			for lang, words := range b {
				assert.NotEmpty(t, words, "%s: %q names no words", r.name, lang)
			}
		}
		hasLists := len(r.labels)+len(r.starts)+len(r.contains) > 0
		if len(r.langs) > 0 {
			assert.NotNil(t, r.shape, "%s: languages of a shape, but no shape", r.name)
			assert.False(t, hasLists, "%s: a rule with word lists takes its languages from them", r.name)
		}
		for _, l := range r.info().Langs {
			assert.True(t, knownLangs[l], "%s: %q is not a language code the rules know", r.name, l)
		}
	}
}
