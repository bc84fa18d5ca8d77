//go:build e2e

package e2e

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixtureURL is the address given with the view fixture, so links resolve
// and the Markdown golden does not depend on the test server's port.
const fixtureURL = "https://news.example/coast/lighthouse-keepers"

// viewStubs runs before any page script, in tests only: it replaces
// speechSynthesis with a recorder (an utterance ends when the test calls
// __speechEnd()), records what is copied to the clipboard, and captures
// downloads instead of saving them.
const viewStubs = `
window.__spoken = [];
window.__speech = { cancels: 0, current: null };
window.__speechEnd = () => { const u = window.__speech.current; window.__speech.current = null; if (u) u.dispatchEvent(new Event('end')); return true; };
const voices = [{ name: 'Stub Voice', lang: 'en-GB', voiceURI: 'stub-voice', default: true, localService: true }];
const synth = new EventTarget();
Object.assign(synth, {
  speaking: false, pending: false, paused: false,
  getVoices: () => voices,
  speak(u) { window.__spoken.push({ text: u.text, rate: u.rate, lang: u.lang }); window.__speech.current = u; },
  cancel() { window.__speech.cancels++; window.__speech.current = null; },
  pause() {}, resume() {},
});
Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
window.__clip = null;
Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true,
  get: () => ({ writeText: (t) => { window.__clip = t; return Promise.resolve(); } }) });
window.__downloads = [];
const blobs = new Map();
const createObjectURL = URL.createObjectURL;
URL.createObjectURL = (b) => { const u = createObjectURL.call(URL, b); blobs.set(u, b); return u; };
const click = HTMLAnchorElement.prototype.click;
HTMLAnchorElement.prototype.click = function () {
  if (this.download) {
    const name = this.download;
    window.__downloads.push(blobs.get(this.href).text().then((text) => ({ name, text })));
    return;
  }
  return click.call(this);
};
`

// openViewTab opens a tab like openTab does, with viewStubs installed too,
// and clears the stored view settings so each test starts from defaults.
func openViewTab(t *testing.T, path string) *tab {
	t.Helper()
	tb := &tab{t: t}
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithListener(tb.listen))
	t.Cleanup(cancel)
	tb.ctx = ctx
	require.NoError(t, chromedp.Do(ctx), "opening a tab")
	for _, src := range []string{hookScript, viewStubs} {
		tb.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument,
				page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
			return err
		}))
	}
	clear := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, storage.ClearDataForOrigin, storage.ClearDataForOriginParams{
			Origin: baseURL, StorageTypes: "local_storage"})
		return err
	})
	tb.do(clear)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
		defer cancel()
		_ = chromedp.Do(ctx, clear)
	})
	tb.do(chromedp.Navigate(baseURL + path))
	return tb
}

// cleanFixture cleans e2e/testdata/view-fixture.html in the demo.
func cleanFixture(t *testing.T, tb *tab) {
	t.Helper()
	cleanFile(t, tb, "view-fixture.html", fixtureURL)
	require.Equal(t, "Lighthouse keepers return to Skerry Point", tb.text("#view .cr-title"))
}

// cleanFile pastes e2e/testdata/name into the demo with the address
// pageURL and cleans it.
func cleanFile(t *testing.T, tb *tab, name, pageURL string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	tb.waitState("ready", "done")
	tb.setValue("html", string(b))
	tb.setValue("url", pageURL)
	eval[bool](tb, `(delete document.body.dataset.cleanMs, true)`)
	tb.do(chromedp.Click(chromedp.ID("clean")), chromedp.WaitReady(chromedp.CSS(`body[data-clean-ms]`)))
	tb.waitDone()
}

// problemsBut returns the console problems except failed loads from the
// fixture's image host (unreachable here; the view asked for them only when
// remote images were allowed).
func (tb *tab) problemsBut() []string {
	var out []string
	for _, p := range tb.consoleProblems() {
		if !strings.Contains(p, "https://images.example/") {
			out = append(out, p)
		}
	}
	return out
}

func (tb *tab) click(sel string) {
	tb.t.Helper()
	tb.do(chromedp.Click(chromedp.CSS(sel)))
}

func (tb *tab) key(k string) {
	tb.t.Helper()
	tb.do(chromedp.KeyEvent(k))
}

func (tb *tab) attr(sel, name string) string {
	tb.t.Helper()
	return eval[string](tb, fmt.Sprintf(`document.querySelector(%q)?.getAttribute(%q) ?? ''`, sel, name))
}

func (tb *tab) style(sel, prop string) string {
	tb.t.Helper()
	return eval[string](tb, fmt.Sprintf(`getComputedStyle(document.querySelector(%q)).getPropertyValue(%q)`, sel, prop))
}

func (tb *tab) px(sel, prop string) float64 {
	tb.t.Helper()
	f, err := strconv.ParseFloat(strings.TrimSuffix(tb.style(sel, prop), "px"), 64)
	require.NoError(tb.t, err, "%s %s", sel, prop)
	return f
}

func (tb *tab) emulate(media string, features ...*emulation.MediaFeature) {
	tb.t.Helper()
	tb.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media, Features: features})
		return err
	}))
}

// Every typography and theme control changes the view and is remembered
// across a reload, applied before the page's modules run.
func TestViewControlsPersist(t *testing.T) {
	tb := openViewTab(t, "/")
	tb.waitDone()
	root := "html"

	tb.click(`#view [data-control="type"]`)
	assert.Equal(t, "true", tb.attr(`#view [data-control="type"]`, "aria-expanded"))
	assert.False(t, eval[bool](tb, `document.querySelector('#view .cr-panel[data-panel="type"]').hidden`))

	// Font family.
	assert.Contains(t, tb.style("#view .cr-article", "font-family"), "Charter")
	tb.click(`#view [data-font="sans"]`)
	assert.Equal(t, "sans", tb.attr(root, "data-cr-font"))
	assert.Contains(t, tb.style("#view .cr-article", "font-family"), "system-ui")
	assert.Equal(t, "true", tb.attr(`#view [data-font="sans"]`, "aria-pressed"))
	tb.click(`#view [data-font="mono"]`)
	assert.Contains(t, tb.style("#view .cr-article", "font-family"), "monospace")

	// Size: ten steps, clamped at both ends.
	size := tb.px("#view .cr-article", "font-size")
	tb.click(`#view [data-step="size+"]`)
	tb.click(`#view [data-step="size+"]`)
	assert.Equal(t, "7", tb.attr(root, "data-cr-size"))
	assert.Greater(t, tb.px("#view .cr-article", "font-size"), size)
	for range 10 {
		if eval[bool](tb, `document.querySelector('#view [data-step="size-"]').disabled`) {
			break
		}
		tb.click(`#view [data-step="size-"]`)
	}
	assert.Equal(t, "1", tb.attr(root, "data-cr-size"))
	assert.Equal(t, 14.0, tb.px("#view .cr-article", "font-size"))
	tb.click(`#view [data-step="size+"]`)
	tb.click(`#view [data-step="size+"]`)

	// Line width and line height.
	width := tb.px("#view .cr-article", "max-width")
	tb.click(`#view [data-step="width+"]`)
	assert.Greater(t, tb.px("#view .cr-article", "max-width"), width)
	lh := tb.px("#view .cr-article", "line-height")
	tb.click(`#view [data-step="leading+"]`)
	assert.Greater(t, tb.px("#view .cr-article", "line-height"), lh)

	// Themes.
	want := map[string]string{
		"light": "rgb(251, 249, 244)", "sepia": "rgb(244, 236, 216)",
		"dark": "rgb(25, 26, 28)", "contrast": "rgb(0, 0, 0)",
	}
	for theme, bg := range want {
		tb.click(fmt.Sprintf(`#view [data-theme=%q]`, theme))
		assert.Equal(t, theme, tb.attr(root, "data-cr-theme"))
		assert.Equal(t, bg, tb.style("#view", "background-color"), theme)
	}
	tb.click(`#view [data-theme="sepia"]`)

	// Remote images: the demo blocks them by default; the switch flips it.
	assert.Equal(t, "true", tb.attr(`#view [data-control="block-images"]`, "aria-checked"))
	tb.click(`#view [data-control="block-images"]`)
	assert.Equal(t, "false", tb.attr(`#view [data-control="block-images"]`, "aria-checked"))
	assert.Empty(t, tb.problemsBut())

	// Reload: everything is back, and the theme was on <html> before any
	// module ran (at DOMContentLoaded the view has not been mounted yet).
	tb.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `document.addEventListener('DOMContentLoaded', () => { window.__early = {
				theme: document.documentElement.dataset.crTheme,
				bg: getComputedStyle(document.getElementById('view')).backgroundColor,
				mounted: !!document.querySelector('#view .cr-controls') }; });`,
		})
		return err
	}))
	tb.do(chromedp.Reload())
	tb.waitDone()
	early := eval[map[string]any](tb, `window.__early`)
	assert.Equal(t, "sepia", early["theme"], "the stored theme is applied before first paint")
	assert.Equal(t, "rgb(244, 236, 216)", early["bg"])
	assert.Equal(t, false, early["mounted"])
	assert.Equal(t, "mono", tb.attr(root, "data-cr-font"))
	assert.Equal(t, "3", tb.attr(root, "data-cr-size"))
	assert.Equal(t, "3", tb.attr(root, "data-cr-width"))
	assert.Equal(t, "4", tb.attr(root, "data-cr-leading"))
	tb.click(`#view [data-control="type"]`)
	assert.Equal(t, "true", tb.attr(`#view [data-theme="sepia"]`, "aria-pressed"))
	assert.Equal(t, "3 / 10", tb.text(`#view .cr-panel[data-panel="type"] output`))
	assert.Equal(t, "false", tb.attr(`#view [data-control="block-images"]`, "aria-checked"), "the image choice persists")
	assert.Empty(t, tb.problemsBut())
}

// Keyboard: shortcuts for size, theme, drawer and help; Escape closes a
// panel and gives focus back to its button; everything is a button or field.
func TestViewKeyboard(t *testing.T) {
	tb := openViewTab(t, "/")
	tb.waitDone()
	tb.do(chromedp.Focus(chromedp.ID("clean")))

	tb.key("+")
	tb.key("+")
	assert.Equal(t, "7", tb.attr("html", "data-cr-size"))
	tb.key("-")
	assert.Equal(t, "6", tb.attr("html", "data-cr-size"))
	tb.key("t")
	assert.Equal(t, "light", tb.attr("html", "data-cr-theme"), "auto → light")
	tb.key("t")
	assert.Equal(t, "sepia", tb.attr("html", "data-cr-theme"))

	tb.key("d")
	assert.Equal(t, "true", tb.attr(`#view [data-control="removed"]`, "aria-expanded"))
	assert.Equal(t, "removed", eval[string](tb, `document.querySelector('#view').dataset.crPanel`))
	tb.key(kb.Escape)
	assert.Equal(t, "false", tb.attr(`#view [data-control="removed"]`, "aria-expanded"))
	assert.Equal(t, "removed", eval[string](tb, `document.activeElement.dataset.control`), "focus returns to the button")

	tb.key("?")
	assert.Equal(t, "true", tb.attr(`#view [data-control="help"]`, "aria-expanded"))
	help := tb.text(`#view .cr-panel[data-panel="help"]`)
	for _, s := range []string{"Larger text", "Smaller text", "Next theme", "Read aloud", "removed", "Close the open panel"} {
		assert.Contains(t, help, s)
	}
	tb.screenshot("view-help")
	tb.key(kb.Escape)

	// Typing in the page's text area is not a shortcut.
	tb.do(chromedp.Focus(chromedp.ID("url")))
	tb.key("t")
	assert.Equal(t, "sepia", tb.attr("html", "data-cr-theme"))

	// Every control has a name, and focus is visible.
	unnamed := eval[[]string](tb, `[...document.querySelectorAll('#view button, #view select, #view textarea')]
		.filter((b) => !(b.getAttribute('aria-label') || b.getAttribute('aria-labelledby') || b.labels?.length || b.textContent.trim()))
		.map((b) => b.outerHTML)`)
	assert.Empty(t, unnamed)
	tb.do(chromedp.Focus(chromedp.CSS(`#view [data-control="type"]`)))
	tb.key(kb.Tab)
	assert.NotEqual(t, "none", eval[string](tb, `getComputedStyle(document.activeElement).outlineStyle`))
	assert.Empty(t, tb.problemsBut())
}

// The drawer lists every removal; "Restore" puts a block from inside the
// story back at its anchor, "Hide again" takes it out.
func TestViewRemovedDrawerRestores(t *testing.T) {
	tb := openViewTab(t, "/")
	tb.waitDone()

	// The sample: most removals are page clutter around the story.
	n := eval[int](tb, `Number(document.body.dataset.removed)`)
	assert.Equal(t, fmt.Sprintf("Removed (%d)", n), tb.text(`#view [data-control="removed"]`))
	tb.key("d")
	assert.Equal(t, n, eval[int](tb, `document.querySelectorAll('#view .cr-removed-list li').length`))
	assert.Contains(t, tb.text(`#view .cr-removed-list`), "Read more: What the N4 battery trial found")
	// Every entry names its rule in plain words, as the cleaner labels it.
	labels := eval[[]string](tb, `[...document.querySelectorAll('#view .cr-removed-rule')].map((e) => e.firstChild.textContent.trim())`)
	require.Len(t, labels, n)
	for _, l := range labels {
		assert.NotRegexp(t, `^[a-z]+(-[a-z]+)*$`, l, "a label, not a bare rule name")
	}
	assert.Contains(t, labels, "Pop-up or cookie banner")
	tb.screenshot("view-removed-sample")
	tb.key(kb.Escape)

	cleanFixture(t, tb)
	tb.click(`#view [data-control="removed"]`)
	items := `#view .cr-removed-list li`
	assert.Equal(t, 2, eval[int](tb, `document.querySelectorAll('#view .cr-removed-list li').length`))
	assert.Contains(t, tb.text(items+`[data-index="0"]`), "Advertisement")
	// The ad label stood inside the story, so it can be restored too.
	assert.Equal(t, "Restore", tb.text(items+`[data-index="0"] button`))
	assert.Contains(t, tb.text(items+`[data-index="1"]`), "Read more: The last keepers of the northern lights")
	assert.NotContains(t, tb.text("#view .cr-content"), "The last keepers")

	tb.click(items + `[data-index="1"] button`)
	restored := eval[map[string]any](tb, `(() => {
		const anchor = document.getElementById('cr--rm-1');
		const p = anchor.nextElementSibling;
		let prev = anchor.previousElementSibling;
		while (prev && prev.id.startsWith('cr--rm-')) prev = prev.previousElementSibling; // other anchors
		return { tag: p.localName, text: p.textContent, cls: p.className,
			prev: prev.textContent.slice(0, 30),
			href: p.querySelector('a').href, rel: p.querySelector('a').rel, target: p.querySelector('a').target };
	})()`)
	assert.Equal(t, "p", restored["tag"])
	assert.Equal(t, "Read more: The last keepers of the northern lights", restored["text"])
	assert.Contains(t, restored["cls"], "cr-restored")
	assert.Equal(t, "The trust that owns the light ", restored["prev"], "back in its place, after the second paragraph")
	assert.Equal(t, "https://news.example/other", restored["href"])
	assert.Equal(t, "noopener noreferrer", restored["rel"])
	assert.Contains(t, tb.text(items+`[data-index="1"]`), "Restored")
	assert.Equal(t, "Hide again", tb.text(items+`[data-index="1"] button`))
	tb.screenshot("view-removed-restored")
	tb.do(chromedp.EmulateViewport(390, 844))
	tb.screenshot("view-removed-restored-phone")
	tb.do(chromedp.EmulateViewport(1280, 900))

	// A restored block survives a re-render (the image switch re-renders).
	tb.click(`#view [data-control="type"]`)
	tb.click(`#view [data-control="block-images"]`)
	assert.Contains(t, tb.text("#view .cr-content"), "The last keepers")
	tb.click(`#view [data-control="block-images"]`)

	tb.click(`#view [data-control="removed"]`)
	tb.click(items + `[data-index="1"] button`)
	assert.NotContains(t, tb.text("#view .cr-content"), "The last keepers")
	assert.Equal(t, "Restore", tb.text(items+`[data-index="1"] button`))
	assert.Equal(t, 0, eval[int](tb, `document.querySelectorAll('#view [data-cr-restored]').length`))
	assert.Empty(t, tb.problemsBut())
}

// The header and the story's content: date, original link, lead image,
// figures, code and tables that scroll in their own box, remote images.
func TestViewContent(t *testing.T) {
	tb := openViewTab(t, "/")
	tb.waitDone()
	cleanFixture(t, tb)

	assert.Equal(t, "The Coast Weekly", tb.text("#view .cr-site"))
	assert.Equal(t, "2025-04-02T08:00:00.000Z", tb.attr("#view time.cr-date", "datetime"))
	assert.Equal(t, "noopener noreferrer", tb.attr("#view a.cr-original", "rel"))
	assert.Equal(t, "_blank", tb.attr("#view a.cr-original", "target"))

	// Blocked (the demo's default): no remote image element, and the alt
	// text says what is missing; no lead image either.
	assert.Equal(t, 0, eval[int](tb, `document.querySelectorAll('#view img').length`))
	assert.Contains(t, tb.text("#view .cr-img-blocked"), "The white tower of Skerry Point at dusk")
	assert.Contains(t, tb.text("#view .cr-img-blocked"), "images.example")
	assert.Equal(t, "The tower was built in 1871 and automated in 1984.", tb.text("#view figure figcaption"))
	assert.Empty(t, eval[[]string](tb, `performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.includes('images.example'))`),
		"nothing was requested from the image host")

	// Unblocked: images are lazy, without referrer; the lead image comes first.
	tb.click(`#view [data-control="type"]`)
	tb.click(`#view [data-control="block-images"]`)
	imgs := eval[[]map[string]string](tb, `[...document.querySelectorAll('#view img')].map((i) => ({
		src: i.getAttribute('src'), loading: i.loading, ref: i.referrerPolicy, lead: String(!!i.closest('.cr-lead')) }))`)
	require.Len(t, imgs, 2)
	assert.Equal(t, map[string]string{"src": "https://images.example/lighthouse-lead.jpg", "loading": "lazy", "ref": "no-referrer", "lead": "true"}, imgs[0])
	assert.Equal(t, map[string]string{"src": "https://images.example/tower.jpg", "loading": "lazy", "ref": "no-referrer", "lead": "false"}, imgs[1])
	tb.click(`#view [data-control="block-images"]`)
	tb.key(kb.Escape)

	// Code and tables scroll in their own box; the page never scrolls sideways.
	tb.do(chromedp.EmulateViewport(390, 844))
	assert.Equal(t, "auto", tb.style("#view pre", "overflow-x"))
	assert.Equal(t, "pre", tb.style("#view pre", "white-space"))
	assert.True(t, eval[bool](tb, `(() => { const b = document.querySelector('#view .cr-scroll'); return b.scrollWidth > b.clientWidth && b.tabIndex === 0; })()`))
	assert.LessOrEqual(t, eval[int](tb, `document.documentElement.scrollWidth`), 390)
	tb.screenshot("view-fixture-phone")
	eval[bool](tb, `(document.querySelector('#view .cr-scroll').scrollIntoView({block: 'center'}), true)`)
	viewportShot(t, tb, "view-table-phone")
	tb.do(chromedp.EmulateViewport(1280, 900))

	// Right-to-left stories read right to left.
	dir := eval[string](tb, `import('/view.js').then((m) => {
		const box = document.createElement('div');
		document.body.append(box);
		const el = m.renderArticle(box, {title: 'عنوان', lang: 'ar', dir: 'rtl', content: '<p>نص</p>'});
		return el.dir + ' ' + el.lang + ' ' + getComputedStyle(el).direction;
	})`)
	assert.Equal(t, "rtl ar rtl", dir)
}

// Read aloud speaks the title then the story, sentence by sentence, with
// the current sentence highlighted; a click on a paragraph starts there.
func TestViewReadAloud(t *testing.T) {
	tb := openViewTab(t, "/")
	tb.waitDone()
	cleanFixture(t, tb)

	tb.click(`#view [data-control="speech"]`)
	assert.Contains(t, tb.text(`#view [data-control="voice"]`), "Stub Voice (en-GB)")
	tb.do(chromedp.SetValue(chromedp.CSS(`#view [data-control="rate"]`), "1.5"))
	eval[bool](tb, `(document.querySelector('#view [data-control="rate"]').dispatchEvent(new Event('change')), true)`)
	tb.click(`#view [data-control="play"]`)
	assert.Equal(t, "playing", tb.attr("#view", "data-cr-speech"))
	assert.Equal(t, "Pause", tb.text(`#view [data-control="play"]`))

	spoken := func() []map[string]any { return eval[[]map[string]any](tb, `window.__spoken`) }
	require.Len(t, spoken(), 1)
	assert.Equal(t, "Lighthouse keepers return to Skerry Point", spoken()[0]["text"])
	assert.Equal(t, 1.5, spoken()[0]["rate"])
	assert.Equal(t, "en", spoken()[0]["lang"])
	eval[bool](tb, `window.__speechEnd()`)
	eval[bool](tb, `window.__speechEnd()`)
	got := spoken()
	require.Len(t, got, 3)
	assert.Equal(t, "For the first time in forty years, the lighthouse on Skerry Point has keepers again: two volunteers who will live in the old cottage from April to October and open the tower to visitors on weekends.", got[1]["text"])
	assert.True(t, strings.HasPrefix(got[2]["text"].(string), "The trust that owns the light"))
	assert.Equal(t, got[2]["text"], eval[string](tb, `(() => { const h = CSS.highlights.get('cr-speaking'); return [...h][0].toString(); })()`),
		"the sentence being spoken is highlighted")
	tb.screenshot("view-read-aloud")

	// Pause and resume: the same sentence again.
	tb.click(`#view [data-control="play"]`)
	assert.Equal(t, "paused", tb.attr("#view", "data-cr-speech"))
	tb.click(`#view [data-control="play"]`)
	got = spoken()
	assert.Equal(t, got[2]["text"], got[3]["text"])

	// A click on a paragraph starts reading there.
	tb.click(`#view .cr-content blockquote p`)
	got = spoken()
	assert.Equal(t, `"It is the quietest job in the country and the loudest at night," said one of them.`, got[len(got)-1]["text"])

	// r pauses; Stop clears the highlight.
	tb.key("r")
	assert.Equal(t, "paused", tb.attr("#view", "data-cr-speech"))
	tb.click(`#view [data-control="stop"]`)
	assert.Equal(t, "idle", tb.attr("#view", "data-cr-speech"))
	assert.False(t, eval[bool](tb, `CSS.highlights.has('cr-speaking')`))
	assert.Empty(t, tb.problemsBut())
}

// Export: Markdown matches its golden file, the saved HTML opens on its own
// with no script and shows the story, and print media shows only the story.
func TestViewExport(t *testing.T) {
	tb := openViewTab(t, "/")
	tb.waitDone()
	cleanFixture(t, tb)
	tb.click(`#view [data-control="removed"]`)
	tb.click(`#view .cr-removed-list li[data-index="1"] button`)
	tb.click(`#view [data-control="type"]`)
	tb.click(`#view [data-theme="dark"]`)

	tb.click(`#view [data-control="export"]`)
	tb.click(`#view [data-control="copy-md"]`)
	require.Eventually(t, func() bool { return eval[bool](tb, `window.__clip !== null`) }, stepTimeout, 20*time.Millisecond)
	md := eval[string](tb, `window.__clip`)
	golden := filepath.Join("testdata", "view-fixture.md")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		require.NoError(t, os.WriteFile(golden, []byte(md), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), md, "Markdown differs from %s (UPDATE_GOLDEN=1 rewrites it)", golden)
	assert.Contains(t, tb.text(`#view .cr-panel[data-panel="export"]`), "Copied the story as Markdown.")

	tb.click(`#view [data-control="save-html"]`)
	require.Eventually(t, func() bool { return eval[int](tb, `window.__downloads.length`) > 0 }, stepTimeout, 20*time.Millisecond,
		"no download; the panel says: %s", tb.text(`#view .cr-panel[data-panel="export"]`))
	saved := eval[map[string]string](tb, `Promise.all(window.__downloads).then((d) => d[0])`)
	assert.Equal(t, "lighthouse-keepers-return-to-skerry-point.html", saved["name"])
	assert.Empty(t, eval[[]string](tb, `window.__violations`), "saving trips no CSP of the page that saves")
	assert.Empty(t, tb.problemsBut(), "saving logs nothing")
	html := saved["text"]
	assert.False(t, strings.Contains(strings.ToLower(html), "<script"), "the saved file has no script")
	assert.Contains(t, html, `http-equiv="Content-Security-Policy"`)
	assert.Contains(t, html, `script-src 'none'`)
	assert.Contains(t, html, `img-src data:;`, "remote images stay blocked in the file")
	assert.Contains(t, html, `data-cr-theme="dark"`)
	assert.False(t, strings.Contains(html, `class="cr-controls"`), "the saved file has no toolbar")
	path, err := filepath.Abs(filepath.Join(outDir, "view-saved.html"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, []byte(html), 0o644))

	// Open it on its own, from a file: styled (the inline style's hash
	// matches the CSP), dark, with the story and the restored block.
	st := openTab(t, "/favicon.svg")
	st.do(chromedp.Navigate("file://" + path))
	assert.Equal(t, "Lighthouse keepers return to Skerry Point", st.text(".cr-title"))
	assert.Contains(t, st.text(".cr-content"), "The tower opens to the public on the first Saturday of April")
	assert.Contains(t, st.text(".cr-content"), "Read more: The last keepers")
	assert.Equal(t, "rgb(25, 26, 28)", st.style(".cr-view", "background-color"))
	assert.Contains(t, st.style(".cr-article", "font-family"), "Charter")
	assert.Empty(t, eval[[]string](st, `window.__violations`), "no CSP violations in the saved file")
	st.screenshot("view-saved-html")

	// Print: only the story.
	tb.click(`#view [data-control="export"]`)
	tb.emulate("print")
	for _, sel := range []string{"#view .cr-controls", "#input-panel", ".app-bar", "#stats"} {
		assert.Equal(t, "none", tb.style(sel, "display"), "%s is hidden in print", sel)
	}
	assert.Equal(t, "block", tb.style("#view .cr-article", "display"))
	assert.Equal(t, "rgb(255, 255, 255)", tb.style("#view", "background-color"), "paper is white in every theme")
	tb.emulate("")
	assert.Equal(t, "block", tb.style("#view .cr-controls", "display"))
}

// axe-core finds no serious or critical problems in any theme, with the
// panels open; screenshots of every theme at desktop and phone widths.
func TestViewAccessibilityAndScreenshots(t *testing.T) {
	axe := axeSource(t)
	tb := openViewTab(t, "/")
	tb.waitDone()
	cleanFixture(t, tb)
	eval[bool](tb, axe+";true") // injected through DevTools, never shipped

	for _, theme := range []string{"auto", "light", "sepia", "dark", "contrast"} {
		t.Run(theme, func(t *testing.T) {
			tb.t = t
			tb.click(`#view [data-control="type"]`)
			tb.click(fmt.Sprintf(`#view [data-theme=%q]`, theme))
			tb.key(kb.Escape)
			require.Equal(t, theme, tb.attr("html", "data-cr-theme"))
			for _, panel := range []string{"", "type", "removed"} {
				if panel != "" {
					tb.click(fmt.Sprintf(`#view [data-control=%q]`, panel))
				}
				checkAxe(t, tb, fmt.Sprintf("%s theme, panel %q", theme, panel))
				if panel == "removed" {
					tb.screenshot("view-" + theme + "-removed")
				}
				if panel != "" {
					tb.key(kb.Escape)
				}
			}
			tb.screenshot("view-" + theme)
			tb.do(chromedp.EmulateViewport(390, 844))
			tb.screenshot("view-" + theme + "-phone")
			tb.click(`#view [data-control="type"]`)
			eval[bool](tb, `(document.querySelector('#view .cr-controls').scrollIntoView(), true)`)
			viewportShot(t, tb, "view-"+theme+"-phone-panel")
			tb.key(kb.Escape)
			tb.do(chromedp.EmulateViewport(1280, 900))
		})
	}
	tb.t = t
	// The dark auto theme (the system's preference).
	tb.darkMode()
	eval[bool](tb, `(document.documentElement.dataset.crTheme = 'auto', true)`)
	assert.Equal(t, "rgb(25, 26, 28)", tb.style("#view", "background-color"))
	checkAxe(t, tb, "auto theme in a dark system")
	tb.screenshot("view-auto-dark")
}

// viewportShot saves just what is on screen (sticky panels show where they are).
func viewportShot(t *testing.T, tb *tab, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(outDir, name+".png"), png, 0o644))
}

// checkAxe runs axe-core on the reading view and fails on serious or
// critical violations (WCAG 2 A/AA, contrast included, and best practice).
func checkAxe(t *testing.T, tb *tab, what string) {
	t.Helper()
	checkAxeOn(t, tb, `document.getElementById('view')`, what)
}

// checkAxeOn runs axe-core on the element root (a JS expression; "document"
// for the whole page) and fails on serious or critical violations. Besides
// the WCAG and best-practice tags it runs label-content-name-mismatch, still
// tagged experimental by axe: a button whose spoken name differs from its
// text cannot be clicked by voice.
func checkAxeOn(t *testing.T, tb *tab, root, what string) {
	t.Helper()
	res := eval[string](tb, `axe.run(`+root+`, {
		runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
		rules: { 'label-content-name-mismatch': { enabled: true } },
		resultTypes: ['violations'],
	}).then((r) => JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
		nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ': ' + n.failureSummary) }))))`)
	var violations []struct {
		ID, Impact, Help string
		Nodes            []string
	}
	require.NoError(t, json.Unmarshal([]byte(res), &violations))
	for _, v := range violations {
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Errorf("%s: axe %s (%s): %s\n  %s", what, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
		} else {
			t.Logf("%s: axe %s (%s): %s", what, v.ID, v.Impact, v.Help)
		}
	}
}

// axeSource reads axe.min.js from AXE_JS, or from the cache folder build.sh
// installs tools/package-lock.json in (named by the lockfile's hash). A
// missing axe-core fails the test: it is never skipped.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("AXE_JS")
	if path == "" {
		cache, err := os.UserCacheDir()
		require.NoError(t, err)
		lock, err := os.ReadFile(filepath.Join("..", "tools", "package-lock.json"))
		require.NoError(t, err)
		key := fmt.Sprintf("%x", sha256.Sum256(lock))[:12]
		path = filepath.Join(cache, "cleanread", "tools-"+key, "node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(path)
	require.NoError(t, err, "axe-core is needed: ./build.sh test installs it (or set AXE_JS, or run: npm ci --prefix tools and AXE_JS=tools/node_modules/axe-core/axe.min.js)")
	return string(b)
}
