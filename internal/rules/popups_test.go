package rules_test

import (
	"testing"

	"cleanread/internal/storytest"
	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHoverCardKeepsTheLink: the card goes, the link keeps its text and
// the sentence around it stays.
func TestHoverCardKeepsTheLink(t *testing.T) {
	cases := []struct{ name, html, before, link, after string }{
		{
			"card inside the link",
			`<p>The figures were checked by <a href="/staff/kim-osei">Kim Osei<span class="hovercard">Kim Osei · Latest: Ferry timetable changes</span></a> before the vote.</p>`,
			"The figures were checked by", "Kim Osei", "before the vote.",
		},
		{
			"tooltip beside the link",
			`<p>The harbour master, <a href="/people/sam-lee">Sam Lee</a> <span role="tooltip">Sam Lee · Latest: Storm closes the north pier</span>, said no.</p>`,
			"The harbour master,", "Sam Lee", "said no.",
		},
	}
	c := reader.New()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := c.CleanString(storytest.At(tc.html, 4), "https://news.example/2026/harbour-plan")
			require.NoError(t, err)
			text := squash(a.TextContent)
			assert.Contains(t, text, tc.before+" "+tc.link)
			assert.Contains(t, text, tc.after)
			assert.NotContains(t, text, "Latest")
			assert.Contains(t, a.Content, `">`+tc.link+`<`, "the link keeps its text")
		})
	}
}
