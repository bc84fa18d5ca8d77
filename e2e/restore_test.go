//go:build e2e

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// genericLabels are what a removal said before labels named the kind of
// block: none of the drawer's entries may say only this.
var genericLabels = []string{"Marked as page clutter", "Clutter named by its class"}

// The sample's Removed drawer says what each block was, and a restored
// block from the pre-pass comes back with its link, resolved and opening
// in a new tab.
func TestRemovedDrawerSampleLabelsAndLinks(t *testing.T) {
	tb := openViewTab(t, "/")
	tb.waitDone()
	labels := eval[[]string](tb, `[...document.querySelectorAll('#view .cr-removed-rule')].map((e) => e.firstChild.textContent.trim())`)
	require.NotEmpty(t, labels)
	for _, l := range labels {
		assert.NotContains(t, genericLabels, l)
	}
	for _, want := range []string{"Advertisement", "Breadcrumb trail", "Share buttons", "Related stories or teasers", "Tags and categories", "Comments"} {
		assert.Contains(t, labels, want)
	}

	restored := eval[map[string]string](tb, `(() => {
		const li = [...document.querySelectorAll('#view .cr-removed-list li')].find((l) => l.textContent.includes('What the N4 battery trial found'));
		li.querySelector('button').click();
		const a = document.querySelector('#view .cr-content .cr-restored a');
		return { href: a?.href ?? '', rel: a?.rel ?? '', target: a?.target ?? '', text: a?.textContent ?? '' };
	})()`)
	assert.Equal(t, baseURL+"/news/transport/n4-trial-results", restored["href"])
	assert.Equal(t, "What the N4 battery trial found", restored["text"])
	assert.Equal(t, "noopener noreferrer", restored["rel"])
	assert.Equal(t, "_blank", restored["target"])
	assert.Empty(t, tb.problemsBut())
}

// copiedMarkdown copies the story as Markdown (viewStubs records it) and
// returns it.
func copiedMarkdown(tb *tab) string {
	tb.t.Helper()
	eval[bool](tb, `(window.__clip = null, document.querySelector('#view [data-control="copy-md"]').click(), true)`)
	require.Eventually(tb.t, func() bool { return eval[bool](tb, `window.__clip !== null`) }, stepTimeout, 20*time.Millisecond)
	return eval[string](tb, `window.__clip`)
}

// pageOrder is the fixture's blocks in the page's own order, as the first
// 24 characters of each paragraph, item and row.
var pageOrder = []string{
	"The council voted on Thu", "Read more: Ferry timetab", "Read more: Tram works st", "The plan replaces the di",
	"Fares stay the same on e", "Half-price tickets for s", "Free rides on Sundays", "Depots get chargers firs",
	"Drivers who took part in", "RouteBuses", "N4 harbour12", "AdvertisementBuy a depot", "AdvertisementSponsored s",
	"N7 castle9", "Family tickets at half p", "Season passes for night ", "The depot rebuild is due", "A decision on the daytim",
}

// Restored blocks go back in the page's order whatever order they are
// restored in; removed list items and table rows come back as items of a
// list and rows of their table (no empty list, nothing but items in a
// list, no row outside a table section); a javascript: link does not come
// back live; hiding them all gives the story as it was.
func TestRestoreKeepsPageOrderAndStructure(t *testing.T) {
	axe := axeSource(t)
	tb := openViewTab(t, "/")
	tb.waitDone()
	cleanFile(t, tb, "restore-fixture.html", "https://news.example/2026/night-buses")
	eval[bool](tb, axe+";true")
	order := func() []string {
		return eval[[]string](tb, `[...document.querySelectorAll('#view .cr-content :is(p, li, tr)')]
			.map((e) => e.textContent.replace(/\s+/g, ' ').trim().slice(0, 24))`)
	}
	structure := func(what string) {
		t.Helper()
		assert.Empty(t, listProblems(tb), what)
		assert.Zero(t, eval[int](tb, `[...document.querySelectorAll('#view .cr-content tr')].filter((r) => !['thead', 'tbody', 'tfoot'].includes(r.parentElement.localName)).length`), "%s: rows in table sections", what)
		assert.Zero(t, eval[int](tb, `document.querySelectorAll('#view .cr-content :is(td, th, li) :is(tr, li)').length`), "%s: no row in a cell, no item in an item", what)
	}
	story := order()
	n := eval[int](tb, `document.querySelectorAll('#view .cr-removed-list li button').length`)
	require.Equal(t, 8, n, "the fixture's removed blocks can all be restored")
	structure("before restoring")

	for _, seq := range [][]int{{7, 6, 5, 4, 3, 2, 1, 0}, {3, 0, 6, 5, 2, 7, 1, 4}} {
		for _, i := range seq {
			eval[bool](tb, fmt.Sprintf(`(document.querySelectorAll('#view .cr-removed-list li button')[%d].click(), true)`, i))
		}
		what := fmt.Sprintf("restored in the order %v", seq)
		assert.Equal(t, pageOrder, order(), what)
		structure(what)
		assert.True(t, eval[bool](tb, `(() => { const a = [...document.querySelectorAll('#view .cr-content li')].filter((l) => /Family|Season/.test(l.textContent));
			return a.length === 2 && a[0].parentElement === a[1].parentElement; })()`), "%s: the items of one list share a list again", what)
		assert.Zero(t, eval[int](tb, `document.querySelectorAll('#view .cr-content a[href^="javascript:" i]').length`), what)
		assert.Equal(t, "", eval[string](tb, `[...document.querySelectorAll('#view .cr-content a')].find((a) => a.textContent === 'win a prize')?.href ?? ''`),
			"%s: the javascript: link is text", what)
		assert.Equal(t, []string{"https://news.example/2026/ferry", "https://news.example/2026/trams", "https://news.example/ads/depot"},
			eval[[]string](tb, `[...document.querySelectorAll('#view .cr-content .cr-restored a, #view .cr-content tr.cr-restored a')].map((a) => a.href).filter((h) => /ferry|trams|ads/.test(h))`),
			"%s: links come back", what)
		checkAxe(t, tb, what)
		tb.screenshot("view-restore-order")
		md := copiedMarkdown(tb)
		assert.Contains(t, md, "| N4 harbour | 12 |\n| Advertisement | [Buy a depot](https://news.example/ads/depot) |\n"+
			"| Advertisement | Sponsored seats |\n| N7 castle | 9 |", "%s: the Markdown has the rows as rows, in place", what)
		assert.Regexp(t, `(?s)- Fares stay.*\n- \[Half-price tickets.*\n- \[Free rides.*\n- Depots get`, md, what)

		for i := range n {
			eval[bool](tb, fmt.Sprintf(`(document.querySelectorAll('#view .cr-removed-list li button')[%d].click(), true)`, i))
		}
		assert.Equal(t, story, order(), "hidden again, the story is as it was")
		structure("hidden again")
		assert.Zero(t, eval[int](tb, `document.querySelectorAll('#view .cr-content [data-cr-list-for], #view .cr-content .cr-restored').length`))
	}
	assert.Empty(t, tb.problemsBut())
}
