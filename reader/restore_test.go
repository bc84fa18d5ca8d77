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
			assert.Empty(t, r.HTML, "page clutter outside the story has no place to go back to")
			continue
		}
		assert.NotContains(t, r.HTML, "cr-removed", "no placeholder leaks into restorable HTML")
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

// TestPrePassRemovalsInsideTheStoryAreRestorable: a block the pre-pass took
// out of what became the story can be restored too; clutter around the
// story cannot, and leaves no anchor behind.
func TestPrePassRemovalsInsideTheStoryAreRestorable(t *testing.T) {
	page := storyAt(`<p class="related-inline">Read more: <a href="/2026/ferry">Ferry timetable changes for the summer</a></p>`, 3)
	page = strings.Replace(page, "<body>", `<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>`, 1)
	a, err := reader.New().CleanString(page, "https://news.example/2026/harbour-plan")
	require.NoError(t, err)
	var inline, nav *reader.Removal
	for i := range a.Removed {
		switch a.Removed[i].Tag {
		case "p":
			inline = &a.Removed[i]
		case "nav":
			nav = &a.Removed[i]
		}
	}
	require.NotNil(t, inline)
	require.NotNil(t, nav)
	assert.Contains(t, inline.HTML, "Ferry timetable changes")
	assert.Equal(t, 1, strings.Count(a.Content, `<span id="`+inline.Anchor+`"></span>`))
	assert.Empty(t, nav.Anchor)
	assert.Empty(t, nav.HTML)
	assert.NotContains(t, a.Content, "cr-removed")
}

// TestRestoredBlocksKeepTheirLinks: a block the cleaner takes out comes back
// with its links, made safe exactly as the same block is when it stays in
// the story: relative links resolved, a javascript: link without its href,
// handlers gone. Both passes are covered: the pre-pass (class tokens) and
// the story pass ("Read more" line).
func TestRestoredBlocksKeepTheirLinks(t *testing.T) {
	cases := []struct{ name, block, rule string }{ // rule: the one that takes the block
		{"pre-pass", `<p class="related">See also <a href="/2026/ferry" onclick="track()">Ferry timetable changes</a> and <a href="javascript:alert(1)">a trap</a></p>`, "clutter-class"},
		{"story pass", `<p>Read more: <a href="/2026/ferry">Ferry timetable changes</a> <a href="javascript:alert(1)">a trap</a></p>`, "cta-line"},
	}
	const pageURL = "https://news.example/2026/harbour-plan"
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			page := storyAt(tc.block, 3)
			a, err := reader.New().CleanString(page, pageURL)
			require.NoError(t, err)
			var r *reader.Removal
			for i := range a.Removed {
				if strings.Contains(a.Removed[i].Text, "Ferry timetable") {
					r = &a.Removed[i]
				}
			}
			require.NotNil(t, r, "the block is removed")
			assert.Equal(t, tc.rule, r.Rule)
			require.NotEmpty(t, r.Anchor, "the block stood inside the story")
			assert.Contains(t, r.HTML, `href="https://news.example/2026/ferry"`, "its link comes back, resolved")
			assert.NotContains(t, strings.ToLower(r.HTML), "javascript:")
			assert.NotContains(t, r.HTML, "onclick")
			assert.Contains(t, r.HTML, "a trap", "the dead link keeps its text")

			// The same block, named as nothing in particular, kept in the story.
			plain := storyAt(strings.Replace(tc.block, ` class="related"`, "", 1), 3)
			kept, err := reader.New(reader.WithTeaserPass(false)).CleanString(plain, pageURL)
			require.NoError(t, err)
			link := r.HTML[strings.Index(r.HTML, "<a "):]
			link = link[:strings.Index(link, "</a>")+4]
			assert.Contains(t, kept.Content, link, "the link is made safe as the story's own links are")
		})
	}
}

// TestRemovedRowsKeepTheirPlaceInTheTable: the anchor of a removed table row
// stands inside a cell of a neighbouring row (a span between rows would be
// moved out of the table by a browser), and the row comes back as a row.
func TestRemovedRowsKeepTheirPlaceInTheTable(t *testing.T) {
	row := func(cls, a, b string) string { return `<tr` + cls + `><td>` + a + `</td><td>` + b + `</td></tr>` }
	table := `<table><thead><tr><th>Route</th><th>Buses</th></tr></thead><tbody>` +
		row(` class="ad-row"`, "Advertisement", `<a href="/deal">Deal</a>`) + row("", "N4", "12") +
		row(` class="ad-row"`, "Advertisement", "Two") + row(` class="promo"`, "Sponsored", "Three") +
		row("", "N7", "9") + `</tbody></table>`
	a, err := reader.New().CleanString(storyAt(table, 3), "https://news.example/2026/harbour-plan")
	require.NoError(t, err)
	var anchors []string
	for _, r := range a.Removed {
		if r.Tag == "tr" {
			require.NotEmpty(t, r.Anchor)
			assert.True(t, strings.HasPrefix(r.HTML, "<tr><td>"), "a row comes back as a row: %s", r.HTML)
			anchors = append(anchors, `<span id="`+r.Anchor+`"></span>`)
		}
	}
	require.Len(t, anchors, 3)
	assert.Contains(t, a.Content, "<tbody><tr><td>"+anchors[0]+"N4</td>", "before the section's first row: first in its first cell")
	assert.Contains(t, a.Content, "<td>12"+anchors[1]+anchors[2]+"</td>", "after a row: last in its last cell, in page order")
	assert.NotContains(t, a.Content, "</tr><span", "no anchor between rows")
}
