package rules

import (
	"strings"
	"testing"

	"cleanread/internal/dom"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// TestStartWordsFitTheLead: the cheap check of how a block opens reads
// leadMin bytes, so every word a block's text must start with is shorter.
func TestStartWordsFitTheLead(t *testing.T) {
	lists := map[string][]string{"server-error": serverErrorStarts, "ad-label": adLabelStarts, "teaser-heading": teaserHeadings}
	for _, r := range table() {
		lists[r.name] = r.startWords
	}
	for name, words := range lists {
		for _, w := range words {
			assert.Less(t, len(w), leadMin, "%s: %q", name, w)
		}
	}
}

// TestServerErrorStartsMatchTheRegexp: each start word begins a line the
// regexp takes, and a line starting otherwise is not one.
func TestServerErrorStartsMatchTheRegexp(t *testing.T) {
	for _, w := range serverErrorStarts {
		assert.True(t, rxServerError().MatchString(w+": something in /srv/x.php on line 12"), w)
	}
	assert.False(t, rxServerError().MatchString("caution: something in /srv/x.php on line 12"))
}

// TestStartsWithAnyReadsTheLead: the lead decides like the whole text,
// also when the block opens with punctuation, spreads its first word over
// elements, or is longer than the lead.
func TestStartsWithAnyReadsTheLead(t *testing.T) {
	long := strings.Repeat("word ", 40)
	cases := []struct {
		html string
		want bool
	}{
		{"<div>Warning: x in /a.php on line 3</div>", true},
		{"<div>“— WARNING: " + long + "</div>", true},
		{"<div>" + strings.Repeat("… ", 30) + "warning: " + long + "</div>", true},
		{"<div><b>Fatal</b> error: " + long + "</div>", true},
		{"<div>Fa<b>tal</b> error</div>", false}, // element edges are word breaks
		{"<div>" + long + "warning</div>", false},
		{"<div></div>", false},
	}
	for _, c := range cases {
		n := parseDiv(t, c.html)
		s := &scan{n: n, tlen: -1}
		assert.Equal(t, c.want, s.startsWithAny(serverErrorStarts), c.html)
		whole := &scan{n: n, tlen: -1}
		assert.Equal(t, dom.StartsWithAny(whole.Norm(), serverErrorStarts), s.startsWithAny(serverErrorStarts), c.html)
	}
}

func parseDiv(t *testing.T, src string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	require.NoError(t, err)
	n := dom.FindFirst(doc, "div")
	require.NotNil(t, n)
	return n
}
