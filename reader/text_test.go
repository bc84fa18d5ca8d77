package reader_test

import (
	"strings"
	"testing"

	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTextContentSpaces: the plain text has plain spaces where the page has
// no-break or fixed-width ones, and no zero-width spaces or soft hyphens, so
// a search for a word finds it; the HTML content keeps the no-break spaces
// and soft hyphens for rendering, and both keep the joiners that spell
// words in Indic scripts.
func TestTextContentSpaces(t *testing.T) {
	para := "<p>The committee met for six hours on Tuesday and heard from engineers, residents and two former mayors before it voted to send the proposal to the council.</p>"
	page := "<html><body><article><h1>Wall</h1><p>Work starts on 1.&nbsp;January at 180&#8239;°C, says the sea\u200bwall plan&#8199;team.</p>" +
		"<p>Die Hafen&shy;mauer wird er&shy;neuert; অ\u200d্যাডভোকেট sagte es.</p>" +
		strings.Repeat(para, 5) + "</article></body></html>"
	a, err := reader.New().CleanString(page, "")
	require.NoError(t, err)
	assert.Contains(t, a.TextContent, "Work starts on 1. January at 180 °C, says the seawall plan team.")
	assert.NotContains(t, a.TextContent, "\u00a0")
	assert.Contains(t, a.Content, "1.\u00a0January", "the HTML keeps the no-break space")
	assert.Contains(t, a.TextContent, "Die Hafenmauer wird erneuert;", "soft hyphens leave the plain text")
	assert.Contains(t, a.Content, "Hafen\u00admauer", "the HTML keeps where the word may break")
	assert.Contains(t, a.TextContent, "অ\u200d্যাডভোকেট", "the joiner is part of the word's spelling")
}
