package reader

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cleanread/internal/storytest"
)

// Words on either side of an inline element that held only a space stay
// apart once the element is gone; where a space is there already, or there
// was none to begin with, nothing is added.
func TestSpaceSurvivesEmptyInlineElements(t *testing.T) {
	cases := []struct{ snippet, want string }{
		{"<p>The vote was close<strong> </strong>and the chamber was full, officials said afterwards at the hall.</p>", "close and the chamber"},
		{"<p>The vote was close<em>\n</em>and the chamber was full, officials said afterwards at the hall.</p>", "close and the chamber"},
		{"<p>The vote was close <b> </b> and the chamber was full, officials said afterwards at the hall.</p>", "close and the chamber"},
		{"<p>The vote was close<span> </span>, and the chamber was full, officials said afterwards at the hall.</p>", "close, and the chamber"},
		{"<p>The vote was close<i></i>ly watched and the chamber was full, officials said afterwards.</p>", "closely watched"},
	}
	c := New()
	for _, tc := range cases {
		a, err := c.CleanString(storytest.At(tc.snippet, 3), "https://news.example/story")
		require.NoError(t, err, tc.snippet)
		assert.Contains(t, a.TextContent, tc.want, tc.snippet)
	}
}
