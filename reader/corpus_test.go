package reader_test

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"codeberg.org/readeck/go-readability/v2/render"

	"cleanread/internal/corpus"
	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// TestMozillaPagesKeepTheirStory cleans every Mozilla Readability test page
// (read from the module cache at run time) and checks that the teaser pass
// keeps the story: at least 95% of the expected words on average, and no
// page that loses most of its story (as one did when the whole-page pass
// tipped readability towards a comment).
func TestMozillaPagesKeepTheirStory(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test: skipped with -short")
	}
	pages, err := corpus.MozillaPages()
	if err != nil && os.Getenv("CI") != "true" {
		t.Skipf("Mozilla test pages not available: %v", err)
	}
	require.NoError(t, err)
	require.Greater(t, len(pages), 100)
	c := reader.New()
	total := 0.0
	for _, p := range pages {
		src, err := p.Source()
		require.NoError(t, err)
		exp, err := os.ReadFile(p.ExpectedPath)
		require.NoError(t, err)
		a, err := c.CleanString(string(src), corpus.MozillaURL)
		require.NoError(t, err, p.Name)
		r := wordRecall(htmlText(t, string(exp)), a.TextContent)
		total += r
		assert.GreaterOrEqual(t, r, 0.6, "%s keeps only %.0f%% of its story", p.Name, 100*r)
	}
	assert.GreaterOrEqual(t, total/float64(len(pages)), 0.95, "mean recall over the corpus")
}

// htmlText renders expected HTML as text the way the eval does.
func htmlText(t *testing.T, s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	require.NoError(t, err)
	return render.InnerText(doc)
}

// wordRecall is the share of want's words (as a multiset) found in got.
func wordRecall(want, got string) float64 {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	have := map[string]int{}
	for _, w := range split(got) {
		have[w]++
	}
	words := split(want)
	if len(words) == 0 {
		return 1
	}
	found := 0
	for _, w := range words {
		if have[w] > 0 {
			have[w]--
			found++
		}
	}
	return float64(found) / float64(len(words))
}
