//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sampleTitle = "Night buses to run on batteries by 2027, council confirms"

// storyParagraphs are sentences from the sample's story that must survive.
var storyParagraphs = []string{
	"Every night bus in Port Ellery will run on batteries by the spring of 2027",
	"the quiet workhorse of this city for fifteen years",
	"Night routes were chosen first because they are the easiest to electrify",
	"Not everyone in the chamber was convinced.",
	"The council has promised that night fares will remain frozen until at least April 2026.",
}

// sampleClutter is text of the sample's non-story blocks, none of which may
// appear in the reading view.
var sampleClutter = map[string]string{
	"teaser list":     "Summer ferry timetable adds late sailings",
	"teaser heading":  "More from The Harbour Courier",
	"newsletter box":  "Get the Morning Courier",
	"newsletter form": "Enter your email address",
	"ad label":        "Advertisement",
	"cookie banner":   "We and our 214 partners use cookies",
	"navigation":      "Opinion",
	"share bar":       "Share on Facebook",
	"copy link":       "Copy link",
	"comments":        "The N7 sounds like a tractor",
	"comment login":   "Log in to comment",
	"read more line":  "Read more: What the N4 battery trial found",
	"tags":            "Port Ellery Council Climate",
	"footer":          "All rights reserved",
	"breadcrumbs":     "Home",
}

// The demo opens with the sample and cleans it by itself.
func TestDemoCleansTheSampleOnLoad(t *testing.T) {
	tb := openTab(t, "/")
	tb.waitDone()
	tb.screenshot("demo-sample-cleaned")

	assert.Equal(t, sampleTitle, tb.text("#view .cr-title"))
	assert.Equal(t, "The Harbour Courier", tb.text("#view .cr-site"))
	assert.Contains(t, tb.text("#view .cr-byline"), "Mara Lindqvist")
	assert.Equal(t, "2025-03-14T06:30:00.000Z", eval[string](tb, `document.querySelector('#view time.cr-date').dateTime`))
	assert.Regexp(t, `^\d+ min read$`, tb.text("#view .cr-reading-time"))

	link := eval[map[string]string](tb, `(() => { const a = document.querySelector('#view a.cr-original');
		return {href: a.href, target: a.target, rel: a.rel}; })()`)
	assert.Equal(t, baseURL+"/sample.html", link["href"])
	assert.Equal(t, "_blank", link["target"])
	assert.Equal(t, "noopener noreferrer", link["rel"])

	content := tb.text("#view .cr-content")
	for _, p := range storyParagraphs {
		assert.Contains(t, content, p)
	}
	for name, text := range sampleClutter {
		assert.NotContains(t, content, text, "the %s must be removed", name)
	}
	assert.Equal(t, 0, eval[int](tb, `document.querySelectorAll('#view .cr-content h1').length`),
		"the title is shown once, in the header")
	lead := eval[map[string]any](tb, `(() => { const img = document.querySelector('#view .cr-lead img');
		return img ? {inline: img.src.startsWith('data:image/png'), alt: img.alt, loaded: img.complete && img.naturalWidth > 0} : {}; })()`)
	assert.Equal(t, true, lead["inline"], "the story's lead picture is shown (the sample declares no og:image)")
	assert.Equal(t, true, lead["loaded"])
	assert.Equal(t, "A trial battery bus on the N4 harbour route last autumn. Illustration: Courier graphics",
		tb.text("#view .cr-lead figcaption"), "the lead picture keeps its caption")

	first := eval[string](tb, `document.body.dataset.cleanMs`)
	stats := tb.text("#stats")
	assert.Regexp(t, `^Cleaned in (\d+ ms|\d+\.\d s) · \d+ blocks? removed · [\d,]+ words$`, stats)
	assert.Equal(t, "en-GB", eval[string](tb, `document.querySelector('#view article').lang`))

	// Clean the same page again: the wasm is warm and the Cleaner built.
	eval[bool](tb, `(delete document.body.dataset.cleanMs, true)`)
	tb.do(chromedp.Click(chromedp.ID("clean")), chromedp.WaitReady(chromedp.CSS(`body[data-clean-ms]`)))
	tb.waitDone()
	warm := eval[string](tb, `document.body.dataset.cleanMs`)
	recordTimings(t, tb, first, warm)

	assert.Empty(t, tb.consoleProblems(), "the demo logs no errors or warnings")

	tb.darkMode()
	assert.Equal(t, "rgb(25, 26, 28)", eval[string](tb, `getComputedStyle(document.getElementById('view')).backgroundColor`),
		"the reading view follows prefers-color-scheme: dark")
	tb.screenshot("demo-sample-cleaned-dark")
}

// recordTimings logs the page's measurements and saves them to e2e/out.
func recordTimings(t *testing.T, tb *tab, firstClean, warmClean string) {
	m := eval[map[string]string](tb, `({readyMs: document.body.dataset.readyMs,
		removed: document.body.dataset.removed, version: document.body.dataset.version})`)
	m["firstCleanMs"], m["warmCleanMs"] = firstClean, warmClean
	require.NotEmpty(t, m["readyMs"], "data-ready-ms is set")
	require.NotEmpty(t, firstClean, "data-clean-ms is set")
	t.Logf("page load to ready: %s ms; cleaning the sample: %s ms the first time, %s ms warm; %s blocks removed; version %s",
		m["readyMs"], firstClean, warmClean, m["removed"], m["version"])
	b, err := json.MarshalIndent(m, "", "  ")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(outDir, "timings.json"), b, 0o644))
}

// Before and after: the sample waits in the text area, then Clean is pressed.
func TestDemoBeforeAndAfter(t *testing.T) {
	tb := openTab(t, "/?autoclean=0")
	tb.waitState("ready")
	require.Eventually(t, func() bool {
		return strings.Contains(eval[string](tb, `document.getElementById('html').value`), sampleTitle)
	}, stepTimeout, 50*time.Millisecond, "the sample is loaded into the text area")
	assert.Equal(t, baseURL+"/sample.html", eval[string](tb, `document.getElementById('url').value`))
	assert.Contains(t, tb.text("#view"), "The cleaned article will appear here.")
	assert.Regexp(t, `^Ready: the cleaner loaded in \d+\.\d s\.$`, tb.text("#status"))
	tb.screenshot("demo-before")

	tb.do(chromedp.Click(chromedp.ID("clean")))
	tb.waitDone()
	assert.Equal(t, sampleTitle, tb.text("#view .cr-title"))
	assert.Empty(t, tb.consoleProblems(), "the demo logs no errors or warnings")
	tb.screenshot("demo-after")
}

// A page full of script payloads is cleaned and shown with nothing running.
func TestPastedPayloadsDoNotRun(t *testing.T) {
	tb := openTab(t, "/?autoclean=0")
	tb.waitState("ready")
	tb.setValue("html", payloadPage)
	tb.setValue("url", "https://evil.example/story")
	tb.do(chromedp.Click(chromedp.ID("clean")))
	tb.waitDone()
	tb.screenshot("payload-cleaned")

	content := tb.text("#view .cr-content")
	assert.Contains(t, content, "The harbour committee met on Tuesday")

	// Give any deferred payload (timers, image errors) a chance to run
	// before checking: wait for two animation frames and a macrotask.
	eval[bool](tb, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(true), 50))))`)

	assert.Empty(t, eval[[]string](tb, `window.__fired`), "alert, confirm, prompt or print was called")
	assert.Equal(t, "undefined", eval[string](tb, `typeof window.__pwned`), "a payload set the flag")
	assert.Equal(t, 0, eval[int](tb, `document.querySelectorAll('#view script, #view iframe, #view object, #view embed, #view form, #view style').length`))
	assert.Equal(t, 0, eval[int](tb, `[...document.querySelectorAll('#view *')].filter(e => [...e.attributes].some(a => a.name.startsWith('on') || /^\s*(javascript|vbscript|data:text)/i.test(a.value))).length`),
		"no event handlers or script URLs reach the view")
	t.Logf("CSP violations reported: %v", eval[[]string](tb, `window.__violations`))
}

// The view module itself drops active content, even from HTML that did not
// pass through the Go sanitizer.
func TestViewScrubsUnsanitizedContent(t *testing.T) {
	tb := openTab(t, "/?autoclean=0")
	tb.waitState("ready")
	html := eval[string](tb, `import('/view.js').then((m) => {
		const box = document.createElement('div');
		document.body.append(box);
		m.renderArticle(box, {title: 'T', url: 'javascript:alert(1)', content:
			'<p onclick="window.__pwned=1">text</p><img src="x" onerror="window.__pwned=2">' +
			'<script>window.__pwned=3<\/script><a href=" java\tscript:window.__pwned=4">a</a>' +
			'<iframe srcdoc="<script>parent.__pwned=5<\/script>"></iframe><svg onload="window.__pwned=6"></svg>' +
			'<form action="https://evil.example"><button>go</button></form><a href="https://ok.example/x">ok</a>'});
		return new Promise((r) => setTimeout(() => r(box.innerHTML), 100));
	})`)
	assert.NotRegexp(t, `(?i)onclick|onerror|onload|<script|javascript|<iframe|<svg|<form|<button`, html)
	assert.Contains(t, html, `href="https://ok.example/x"`)
	assert.Contains(t, html, `rel="noopener noreferrer"`)
	assert.NotContains(t, html, "cr-original", "no link to a javascript: original")
	assert.Equal(t, "undefined", eval[string](tb, `typeof window.__pwned`))
	assert.Empty(t, eval[[]string](tb, `window.__fired`))
}

// Each failure shows its own plain sentence.
func TestErrorSentences(t *testing.T) {
	tests := []struct {
		name, path, html, url, code, sentence string
	}{
		{"empty", "/?autoclean=0", "", "", "empty", "Paste some HTML first: the input is empty."},
		{"not an article", "/?autoclean=0", notArticlePage, "", "not_article", "This page doesn't look like an article."},
		{"not html", "/?autoclean=0", "Just a few words of plain text, with no markup at all.", "", "not_html", "This doesn't look like an HTML page."},
		{"bad url", "/?autoclean=0", "", "ftp://example.com/x", "bad_url", "The page address must be a full http:// or https:// address"},
		{"too large", "/?autoclean=0&maxBytes=2000", "", "", "too_large", "This page is too large to clean here."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := openTab(t, tt.path)
			tb.waitState("ready")
			html := tt.html
			if tt.code == "bad_url" || tt.code == "too_large" {
				html = payloadPage // a real article, so only the URL or the size is wrong
			}
			tb.setValue("html", html)
			tb.setValue("url", tt.url)
			tb.do(
				// Ctrl+Enter in the text area cleans, as the Clean button does.
				chromedp.Focus(chromedp.ID("html")),
				chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierCtrl)),
			)
			require.Equal(t, "error", tb.waitState("done", "error"))
			assert.Equal(t, tt.code, eval[string](tb, `document.body.dataset.errorCode`))
			assert.Contains(t, tb.text("#error-sentence"), tt.sentence)
			assert.True(t, eval[bool](tb, `!document.getElementById('error').hidden`), "the error is visible")
			assert.Equal(t, "alert", eval[string](tb, `document.getElementById('error').getAttribute('role')`))
			if tt.code == "empty" {
				tb.screenshot("error-empty")
			}
		})
	}
}

// A clean past the time limit stops the worker and says so; the next clean
// runs on a fresh worker. ?timeoutMs=1 lowers the limit for the demo.
func TestTimeLimit(t *testing.T) {
	tb := openTab(t, "/?autoclean=0&timeoutMs=1")
	tb.waitState("ready")
	big := strings.Repeat(payloadStory, 400) // about 400 KB: far more than 1 ms of work
	tb.setValue("html", "<html><body><article>"+big+"</article></body></html>")
	tb.setValue("url", "")
	tb.do(chromedp.Click(chromedp.ID("clean")))
	require.Equal(t, "error", tb.waitState("done", "error"))
	assert.Equal(t, "timeout", eval[string](tb, `document.body.dataset.errorCode`))
	assert.Equal(t, "Cleaning took too long and was stopped. The page may be very large or unusually built.",
		tb.text("#error-sentence"))

	// The public module in a real browser: a call past its limit rejects
	// with "timeout", and the same module, with a generous limit for the
	// next call, works again in a fresh worker.
	title := eval[string](tb, `import('/cleanread.js').then(async (m) => {
		await m.init({timeoutMs: 1, timeoutPerMBMs: 0});
		const html = document.getElementById('html').value;
		const code = await m.clean(html).then(() => 'none', (e) => e.code);
		const a = await m.clean(html, {timeoutMs: 20000});
		return code + ':' + (a.wordCount > 1000 ? 'ok' : 'short');
	})`)
	assert.Equal(t, "timeout:ok", title)
}

// On a phone-sized screen the demo stacks its panels and nothing scrolls
// sideways.
func TestDemoNarrowScreen(t *testing.T) {
	tb := openTab(t, "/?autoclean=0")
	tb.waitState("ready")
	tb.do(chromedp.EmulateViewport(390, 844))
	tb.do(chromedp.Click(chromedp.ID("clean")))
	tb.waitDone()
	assert.LessOrEqual(t, eval[int](tb, `document.documentElement.scrollWidth`), 390, "no horizontal scrolling")
	assert.Greater(t, eval[float64](tb, `document.querySelector('#view').getBoundingClientRect().top`),
		eval[float64](tb, `document.querySelector('#input-panel').getBoundingClientRect().bottom`)-1,
		"the reading view sits below the input panel")
	tb.screenshot("demo-narrow")
}

// A returning visit takes the wasm from the browser's cache without asking
// the server at all: the page requests cleanread.wasm?v=<content hash>, which
// the server marks immutable. (A revalidation would show as a transfer of
// the response headers; a download as the whole file.)
func TestReturningVisitTakesTheWasmFromCache(t *testing.T) {
	tb := openTab(t, "/")
	tb.waitDone()
	const entry = `(() => { const e = performance.getEntriesByType('resource').find((r) => r.name.includes('cleanread.wasm'));
		return e ? {name: e.name, transfer: e.transferSize, size: e.decodedBodySize} : {}; })()`
	first := eval[map[string]any](tb, entry)
	require.NotEmpty(t, first, "the demo fetched the wasm")
	assert.Regexp(t, `/cleanread\.wasm\?v=[0-9a-f]{16}$`, first["name"])

	tb.do(chromedp.Navigate(baseURL + "/")) // a new visit, not a reload (which revalidates)
	tb.waitDone()
	again := eval[map[string]any](tb, entry)
	require.NotEmpty(t, again, "the reloaded demo fetched the wasm")
	assert.Equal(t, first["name"], again["name"])
	assert.EqualValues(t, 0, again["transfer"], "served from the cache, no request: %v", again)
	assert.Greater(t, again["size"], float64(1<<20), "the whole wasm came from the cache")
}

// A clean that takes a while shows a moving indicator that says what it is
// doing, and the time taken once done. The page is big enough (about 2 MB)
// that cleaning it takes far longer than the indicator's delay; a
// MutationObserver records every state the status line went through, so the
// test checks what was shown, not how long it took.
func TestProgressOnASlowClean(t *testing.T) {
	tb := openTab(t, "/?autoclean=0")
	tb.waitState("ready")
	big := strings.Repeat(payloadStory, 3000)
	tb.setValue("html", "<html><body><article>"+big+"</article></body></html>")
	tb.setValue("url", "")
	eval[bool](tb, `(() => {
		const el = document.getElementById('status');
		window.progressSeen = [];
		new MutationObserver(() => {
			const bar = el.querySelector('.cr-progress-bar');
			window.progressSeen.push({progress: el.dataset.progress || '', bar: !!bar,
				moving: !!bar && getComputedStyle(bar).animationName === 'cr-progress',
				busy: el.getAttribute('aria-busy') || '', text: el.textContent});
		}).observe(el, {childList: true, subtree: true, characterData: true, attributes: true});
		return true; })()`)
	tb.do(chromedp.Click(chromedp.ID("clean")))
	assert.True(t, eval[bool](tb, `document.getElementById('clean').disabled`), "Clean is off while a clean runs")
	tb.waitDone()

	type seen struct {
		Progress, Busy, Text string
		Bar, Moving          bool
	}
	states := eval[[]seen](tb, `window.progressSeen`)
	var shown *seen
	for i := range states {
		if states[i].Progress == "on" && states[i].Bar {
			shown = &states[i]
			break
		}
	}
	require.NotNil(t, shown, "the indicator appeared during the clean; states seen: %v", states)
	assert.True(t, shown.Moving, "the bar moves")
	assert.Equal(t, "true", shown.Busy)
	assert.Regexp(t, `^Cleaning the page \(1\.\d MB\)… \d+\.\d s$`, shown.Text, "what runs, how big the page is, for how long")
	assert.Regexp(t, `^Cleaned in \d`, tb.text("#status"), "the time taken is shown once done")
	assert.False(t, eval[bool](tb, `document.getElementById('clean').disabled`), "Clean is back once done")
	assert.Empty(t, eval[string](tb, `document.getElementById('status').getAttribute('aria-busy') || ''`))
}

// Ctrl+Enter while a clean runs starts no second clean: the page goes into
// "cleaning" once, and the story shown is from that one clean.
func TestCtrlEnterIgnoredWhileCleaning(t *testing.T) {
	tb := openTab(t, "/?autoclean=0")
	tb.waitState("ready")
	tb.setValue("html", "<html><body><article>"+strings.Repeat(payloadStory, 3000)+"</article></body></html>")
	tb.setValue("url", "")
	eval[bool](tb, `(() => {
		window.cleanings = 0;
		new MutationObserver(() => { if (document.body.dataset.state === 'cleaning') window.cleanings++; })
			.observe(document.body, {attributes: true, attributeFilter: ['data-state']});
		return true; })()`)
	tb.do(chromedp.Click(chromedp.ID("clean")))
	require.Equal(t, "cleaning", eval[string](tb, `document.body.dataset.state`))
	for range 3 {
		tb.do(chromedp.Focus(chromedp.ID("html")), chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	}
	require.Equal(t, "cleaning", eval[string](tb, `document.body.dataset.state`), "the keys came while the clean ran")
	tb.waitDone()
	assert.Equal(t, 1, eval[int](tb, `window.cleanings`), "one clean for one click and three Ctrl+Enter during it")
}
