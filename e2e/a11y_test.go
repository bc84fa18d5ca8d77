//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// themes are every value of the view's theme setting.
var themes = []string{"auto", "light", "sepia", "dark", "contrast"}

// checkAxeThemes runs axe-core on the whole page in every theme, setting
// the theme as the stored settings do before first paint, and again with
// the Type panel open where the page has one. Motion is reduced so a theme
// change lands at once: axe would otherwise measure colours mid-transition.
func checkAxeThemes(t *testing.T, tb *tab, what string) {
	t.Helper()
	tb.emulate("", &emulation.MediaFeature{Name: "prefers-reduced-motion", Value: "reduce"})
	hasType := eval[bool](tb, `!!document.querySelector('#view [data-control="type"]')`)
	for _, theme := range themes {
		eval[bool](tb, fmt.Sprintf(`(document.documentElement.dataset.crTheme = %q, true)`, theme))
		checkAxeOn(t, tb, "document", fmt.Sprintf("%s, %s theme", what, theme))
		if hasType {
			tb.click(`#view [data-control="type"]`)
			checkAxeOn(t, tb, "document", fmt.Sprintf("%s, %s theme, Type panel open", what, theme))
			tb.key(kb.Escape)
		}
	}
	eval[bool](tb, `(document.documentElement.dataset.crTheme = 'auto', true)`)
}

// listProblems lists the lists in the story that are empty or hold anything
// but items (restore anchors once did both).
func listProblems(tb *tab) []string {
	return eval[[]string](tb, `[...document.querySelectorAll('.cr-content ul, .cr-content ol, .cr-content menu')]
		.filter((l) => l.children.length === 0 || [...l.children].some((c) => !['li', 'script', 'template'].includes(c.localName)))
		.map((l) => l.outerHTML.slice(0, 160))`)
}

// restoreAll restores every block the drawer can put back and returns how
// many it restored.
func restoreAll(tb *tab) int {
	return eval[int](tb, `(() => { let n = 0;
		for (const b of document.querySelectorAll('.cr-removed-list li button')) {
			if (b.textContent === 'Restore') { b.click(); n++; }
		}
		return n; })()`)
}

// The demo before a clean, after it and in its error state has no serious
// or critical axe problem in any theme, and a level-one heading throughout.
func TestDemoAccessibility(t *testing.T) {
	axe := axeSource(t)
	tb := openTab(t, "/?autoclean=0")
	tb.waitState("ready")
	eval[bool](tb, axe+";true")

	assert.Equal(t, 1, eval[int](tb, `document.querySelectorAll('h1').length`), "a level-one heading before cleaning")
	checkAxeThemes(t, tb, "demo before clean")
	tb.screenshot("a11y-demo-before")

	tb.do(chromedp.Click(chromedp.ID("clean")))
	require.Equal(t, "done", tb.waitState("done", "error"))
	checkAxeThemes(t, tb, "demo after clean")
	assert.Empty(t, listProblems(tb))
	assert.Positive(t, restoreAll(tb), "the sample has blocks to restore")
	assert.Empty(t, listProblems(tb), "restored blocks keep the lists whole")
	checkAxeThemes(t, tb, "demo with every block restored")

	tb.setValue("html", "")
	tb.do(chromedp.Click(chromedp.ID("clean")))
	require.Equal(t, "error", tb.waitState("done", "error"))
	assert.Equal(t, 1, eval[int](tb, `document.querySelectorAll('h1').length`), "a level-one heading in the error state")
	checkAxeThemes(t, tb, "demo error state")
	tb.screenshot("a11y-demo-error")
}

// The bookmarklet's reader window, on the news page, as cleaned and with
// every removed block restored.
func TestBookmarkletReaderAccessibility(t *testing.T) {
	axe := axeSource(t)
	bctx := newBrowser(t, chromedp.Flag("disable-popup-blocking", false))
	link := bookmarkletLink(t, bctx)
	news := openIn(t, bctx, newsSite(t, false, func() string { return newsPage }))
	seen := targetIDs(t, bctx)
	clickBookmark(news, link)
	reader := attach(t, bctx, waitTarget(t, bctx, "page", baseURL+"/read.html", seen).TargetID)
	reader.waitReader()
	eval[bool](reader, axe+";true")

	assert.Empty(t, listProblems(reader), "restore anchors leave no empty list or stray list child")
	checkAxeThemes(t, reader, "reader window")
	assert.Positive(t, restoreAll(reader), "the news page has blocks to restore")
	assert.Empty(t, listProblems(reader), "restored blocks keep the lists whole")
	checkAxeThemes(t, reader, "reader window with every block restored")
	reader.screenshot("a11y-reader-restored")
}

// The extension's popup and its reader tab, on the news page.
func TestExtensionAccessibility(t *testing.T) {
	axe := axeSource(t)
	bctx, extID, _ := extensionBrowser(t)
	extURL := "chrome-extension://" + extID + "/"
	story := newsSite(t, false, func() string { return newsPage })
	openIn(t, bctx, story)

	seen := targetIDs(t, bctx)
	clickToolbar(t, bctx, extID, story)
	popup := attach(t, bctx, waitTarget(t, bctx, "page", extURL+"popup.html", seen).TargetID)
	popup.waitReader()
	eval[bool](popup, axe+";true")
	checkAxeThemes(t, popup, "popup")

	seen = targetIDs(t, bctx)
	popup.do(chromedp.Click(chromedp.ID("open")))
	reader := attach(t, bctx, waitTarget(t, bctx, "page", extURL+"read.html", seen).TargetID)
	reader.waitReader()
	eval[bool](reader, axe+";true")
	assert.Empty(t, listProblems(reader))
	checkAxeThemes(t, reader, "reader tab")
	assert.Positive(t, restoreAll(reader))
	assert.Empty(t, listProblems(reader), "restored blocks keep the lists whole")
	checkAxeThemes(t, reader, "reader tab with every block restored")
	reader.screenshot("a11y-extension-reader-restored")
}

// anchorArticle has restore anchors where removed list items stood: a list
// whose every item was removed, an anchor between two items and one before
// the first item. Its removals carry the items back.
const anchorArticle = `{
	title: 'Lists with removed items',
	content: '<p>Intro</p><ul><span id="cr--rm-0"></span><span id="cr--rm-1"></span></ul>' +
		'<ul><li>One</li><span id="cr--rm-2"></span><li>Two</li></ul><ol><span id="cr--rm-3"></span><li>First</li></ol>',
	removed: [
		{ rule: 'teaser-card', label: 'Teaser', tag: 'li', text: 'Card A', html: '<li>Card A</li>', anchor: 'cr--rm-0' },
		{ rule: 'teaser-card', label: 'Teaser', tag: 'li', text: 'Card B', html: '<li>Card B</li>', anchor: 'cr--rm-1' },
		{ rule: 'teaser-card', label: 'Teaser', tag: 'li', text: 'Mid', html: '<li>Mid</li>', anchor: 'cr--rm-2' },
		{ rule: 'teaser-card', label: 'Teaser', tag: 'li', text: 'Zero', html: '<li>Zero</li>', anchor: 'cr--rm-3' },
	],
}`

// Restore anchors never leave an empty list or a list holding anything but
// items, and restored items go back where they stood, inside a list.
func TestRestoreAnchorsKeepListsWhole(t *testing.T) {
	tb := openTab(t, "/?autoclean=0")
	tb.waitState("ready")
	require.True(t, eval[bool](tb, `(async () => {
		const { mountView } = await import('./view.js');
		const host = document.getElementById('view');
		host.hidden = false;
		await mountView(host, `+anchorArticle+`, {});
		return true; })()`))
	items := func() []string {
		return eval[[]string](tb, `[...document.querySelectorAll('.cr-content li')].map((li) => li.parentElement.localName + ':' + li.textContent)`)
	}
	assert.Empty(t, listProblems(tb))
	assert.Equal(t, []string{"ul:One", "ul:Two", "ol:First"}, items())
	assert.Equal(t, 4, eval[int](tb, `document.querySelectorAll('.cr-content span[id^="cr--rm-"]').length`), "every anchor is kept")

	assert.Equal(t, 4, restoreAll(tb))
	assert.Empty(t, listProblems(tb))
	assert.Equal(t, []string{"ul:Card A", "ul:Card B", "ul:One", "ul:Mid", "ul:Two", "ol:Zero", "ol:First"}, items())
	assert.Equal(t, 0, eval[int](tb, `document.querySelectorAll('.cr-content li li').length`), "no item inside an item")

	// Hidden again, the story is as it was.
	eval[bool](tb, `([...document.querySelectorAll('.cr-removed-list li button')].forEach((b) => b.click()), true)`)
	assert.Empty(t, listProblems(tb))
	assert.Equal(t, []string{"ul:One", "ul:Two", "ol:First"}, items())
}

// Every theme's swatch looks different from every other: paper and ink
// together differ by a clear step (a distance in RGB), so light and sepia,
// or dark and high contrast, cannot be told apart only by their names.
func TestThemeSwatchesDistinct(t *testing.T) {
	tb := openViewTab(t, "/")
	tb.waitDone()
	tb.click(`#view [data-control="type"]`)
	type swatch struct{ Theme, Paper, Ink, Image string }
	var swatches []swatch
	require.NoError(t, json.Unmarshal([]byte(eval[string](tb, `JSON.stringify([...document.querySelectorAll('#view [data-theme]')].map((b) => {
		const s = getComputedStyle(b.querySelector('.cr-swatch'));
		return { theme: b.dataset.theme, paper: s.backgroundColor, ink: s.borderTopColor, image: s.backgroundImage };
	}))`)), &swatches))
	require.Len(t, swatches, len(themes))
	for i, a := range swatches {
		if a.Theme == "auto" {
			assert.Contains(t, a.Image, "gradient", "auto shows both papers")
			continue
		}
		for _, b := range swatches[i+1:] {
			if b.Theme == "auto" {
				continue
			}
			d := rgbDistance(t, a.Paper, b.Paper) + rgbDistance(t, a.Ink, b.Ink)
			assert.GreaterOrEqual(t, d, 80.0, "%s (%s on %s) and %s (%s on %s) look alike", a.Theme, a.Ink, a.Paper, b.Theme, b.Ink, b.Paper)
		}
	}
	viewportShot(t, tb, "a11y-theme-swatches")
}

// rgbDistance is the Euclidean distance between two computed rgb() colours.
func rgbDistance(t *testing.T, a, b string) float64 {
	t.Helper()
	parse := func(s string) [3]float64 {
		var c [3]float64
		_, err := fmt.Sscanf(s, "rgb(%g, %g, %g)", &c[0], &c[1], &c[2])
		require.NoError(t, err, "colour %q", s)
		return c
	}
	x, y := parse(a), parse(b)
	return math.Sqrt((x[0]-y[0])*(x[0]-y[0]) + (x[1]-y[1])*(x[1]-y[1]) + (x[2]-y[2])*(x[2]-y[2]))
}
