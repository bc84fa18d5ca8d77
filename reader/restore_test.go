package reader_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRemovedBlocksCanBeRestored checks that every block removed from inside
// the story comes back with sanitized HTML and an anchor that sits exactly
// once in the content, so a view can put it back in place.
func TestRemovedBlocksCanBeRestored(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "pages", "de-radweg", "source.html"))
	require.NoError(t, err)
	a, err := reader.New().CleanString(string(src), "https://tagesblick.example/region/ilm-radweg")
	require.NoError(t, err)

	restorable := 0
	for i, r := range a.Removed {
		if r.Anchor == "" {
			assert.Empty(t, r.HTML, "page clutter removed before readability has no place in the story")
			continue
		}
		restorable++
		assert.Equal(t, 1, strings.Count(a.Content, `<span id="`+r.Anchor+`"></span>`), "anchor of removal %d", i)
		assert.True(t, strings.HasSuffix(r.Anchor, "-"+strconv.Itoa(i)), "anchor %q names its index %d", r.Anchor, i)
		assert.NotContains(t, strings.ToLower(r.HTML), "<script")
		assert.Equal(t, r.HTML, reader.ReadingPolicy().Sanitize(r.HTML), "removed HTML is sanitized")
	}
	require.Positive(t, restorable)

	// Putting the "Lesen Sie auch" line back restores its text in place.
	for _, r := range a.Removed {
		if strings.Contains(r.Text, "Lesen Sie auch") {
			restored := strings.Replace(a.Content, `<span id="`+r.Anchor+`"></span>`, r.HTML, 1)
			assert.Contains(t, restored, "Radverkehr in Weimar erreicht Rekordwert")
			before := strings.Index(restored, "Nur an zwei Stellen")
			at := strings.Index(restored, "Radverkehr in Weimar")
			after := strings.Index(restored, "Wir haben lange")
			assert.True(t, before < at && at < after, "restored between its neighbours")
			return
		}
	}
	t.Fatal("the cta line was not recorded as removed")
}
