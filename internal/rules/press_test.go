package rules_test

import (
	"testing"

	"cleanread/internal/storytest"
	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPressBoilerplateTakesItsParts: an "About" heading goes with the
// company's description, a contact label with the details under it.
func TestPressBoilerplateTakesItsParts(t *testing.T) {
	cases := []struct{ name, html, gone string }{
		{
			"about heading and description",
			`<h3>About Northwind Ports</h3><p>Northwind Ports operates eleven container terminals on three continents and employs 4,200 people.</p>`,
			"operates eleven container terminals",
		},
		{
			"contact label and details",
			`<h4>Press contact</h4><p>Katrin Vogel<br>Phone: 040 123 456 78<br><a href="mailto:presse@hafen.example">presse@hafen.example</a></p>`,
			"Katrin Vogel",
		},
	}
	c := reader.New()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := c.CleanString(storytest.At(tc.html, storytest.Paras+1), "https://news.example/2026/harbour-plan")
			require.NoError(t, err)
			assert.NotContains(t, a.TextContent, tc.gone)
			assert.Contains(t, a.TextContent, "voted, 6, to send")
			assert.Equal(t, []string{"press-boilerplate", "press-boilerplate"}, rulesOf(a.Removed), "the block and what it takes along")
		})
	}
}

// rulesOf lists the rules of the removals, in order.
func rulesOf(removed []reader.Removal) []string {
	var out []string
	for _, r := range removed {
		out = append(out, r.Rule)
	}
	return out
}
