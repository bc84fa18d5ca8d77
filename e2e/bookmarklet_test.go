//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The bookmarklet, as the demo page offers it, run on strict news pages in
// a browser with the popup blocker on (chromedp turns it off by default).
func TestBookmarklet(t *testing.T) {
	bctx := newBrowser(t, chromedp.Flag("disable-popup-blocking", false))
	link := bookmarkletLink(t, bctx)
	readerPrefix := baseURL + "/read.html"

	cases := []struct {
		name   string
		coop   bool
		source string // how the page must reach the reader
	}{
		{"strict CSP", false, "message"},
		{"strict CSP and COOP same-origin", true, "fragment"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			story := newsSite(t, tc.coop, func() string { return newsPage })
			news := openIn(t, bctx, story)
			require.Equal(t, "ran", eval[string](news, `document.documentElement.dataset.siteScript`), "the news site's own script must run")
			eval[bool](news, `(window.__violations.length = 0, true)`)
			seen := targetIDs(t, bctx)
			clickBookmark(news, link)

			info := waitTarget(t, bctx, "page", readerPrefix, seen)
			reader := attach(t, bctx, info.TargetID)
			reader.waitReader()
			assert.Equal(t, tc.source, eval[string](reader, `document.body.dataset.source`))
			assert.Equal(t, tc.source != "fragment", eval[bool](reader, `document.getElementById('origin').hidden`),
				"only a page from the address says where it claims to come from")
			if tc.source == "fragment" {
				// Its remote images start blocked: switch them on, as the reader would.
				assert.Equal(t, 0, eval[int](reader, `document.querySelectorAll('#view .cr-content img').length`))
				require.True(t, eval[bool](reader, `(document.querySelector('#view [data-control="block-images"]').click(), true)`))
			}
			assertNewsStory(t, reader)
			// The reader's head preloads the wasm, and the engine takes that
			// response rather than fetching it a second time.
			assert.Equal(t, []string{"link"}, eval[[]string](reader, `performance.getEntriesByType('resource')
				.filter((e) => new URL(e.name).pathname.endsWith('/cleanread.wasm')).map((e) => e.initiatorType)`),
				"one fetch of the wasm, the preload's")
			name := "bookmarklet-reader"
			if tc.coop {
				name += "-coop"
			}
			reader.screenshot(name)
			assert.Equal(t, "/read.html", eval[string](reader, `location.pathname + location.search + location.hash`),
				"the page copy must be cleared from the address")
			assert.Equal(t, "0", eval[string](news, `String(window.__fired.length)`), "no alert on success")
			assert.Empty(t, eval[[]string](news, `window.__violations`), "the bookmarklet must not trip the page's CSP")
			assert.Empty(t, reader.consoleProblems())
		})
	}

	t.Run("selection", func(t *testing.T) {
		story := newsSite(t, false, func() string { return newsPage })
		news := openIn(t, bctx, story)
		// Select paragraphs 3 to 6 of the story, as a reader would with the mouse.
		eval[bool](news, `(() => { const ps = document.querySelectorAll('article.story > p:not(.byline)');
			getSelection().setBaseAndExtent(ps[2], 0, ps[5], ps[5].childNodes.length); return true; })()`)
		seen := targetIDs(t, bctx)
		clickBookmark(news, link)
		reader := attach(t, bctx, waitTarget(t, bctx, "page", readerPrefix, seen).TargetID)
		reader.waitReader()
		assert.Equal(t, "Clean just the selection", reader.text("#scope"))
		assert.Contains(t, reader.text("#view .cr-content"), newsStory[0], "first the whole page")

		reader.do(chromedp.Click(chromedp.ID("scope")))
		reader.waitReader()
		assert.Equal(t, "selection", eval[string](reader, `document.body.dataset.scope`))
		content := reader.text("#view .cr-content")
		assert.Contains(t, content, newsStory[2])
		assert.Contains(t, content, newsStory[4])
		assert.NotContains(t, content, newsStory[0], "only the selection")
		assert.Equal(t, "Show the whole page", reader.text("#scope"))
		reader.screenshot("bookmarklet-reader-selection")
	})

	t.Run("second click reuses the reader", func(t *testing.T) {
		// Page B is another story on the same site, served at the same URL
		// once the test has read page A.
		const titleB = "Harbour board approves a new breakwater for Skerrow"
		pageB := strings.ReplaceAll(newsPage, newsTitle, titleB)
		var onB atomic.Bool
		story := newsSite(t, false, func() string {
			if onB.Load() {
				return pageB
			}
			return newsPage
		})
		news := openIn(t, bctx, story)
		seen := targetIDs(t, bctx)
		clickBookmark(news, link)
		reader := attach(t, bctx, waitTarget(t, bctx, "page", readerPrefix, seen).TargetID)
		reader.waitReader()
		assert.Equal(t, newsTitle, reader.text("#view .cr-title"))
		assert.Equal(t, "1", eval[string](reader, `document.body.dataset.pages`))
		id := eval[string](reader, `document.body.dataset.readerId`)
		require.NotEmpty(t, id)

		onB.Store(true)
		news.do(chromedp.Navigate(story + "?b"))
		require.Equal(t, titleB, eval[string](news, `document.querySelector('h1').textContent`))
		seen = targetIDs(t, bctx)
		clickBookmark(news, link)
		reader.waitFor(`body[data-pages="2"][data-state="done"], body[data-state="error"]`)
		reader.waitReader()
		assert.Equal(t, "2", eval[string](reader, `document.body.dataset.pages`))
		assert.Equal(t, id, eval[string](reader, `document.body.dataset.readerId`), "the same reader document")
		assert.Equal(t, titleB, reader.text("#view .cr-title"))
		assert.Equal(t, "message", eval[string](reader, `document.body.dataset.source`))
		assert.Equal(t, "done", eval[string](reader, `document.getElementById('status').dataset.progress`))
		assert.Regexp(t, `^Whole page · \d+ blocks? removed · [\d,]+ words · in \d+(\.\d)? m?s$`, reader.text("#status"))
		for _, info := range pageTargets(t, bctx) {
			assert.True(t, seen[info.TargetID], "no new window may open: %s", info.URL)
		}
		assert.Equal(t, "0", eval[string](news, `String(window.__fired.length)`), "no alert on success")
		assert.Empty(t, reader.consoleProblems())
		reader.screenshot("bookmarklet-reader-reused")

		// The reader takes a page only from the window that pinged it, and
		// only from that page's own origin. Messages from one window arrive
		// in order, so once the last one shows, the two before were seen.
		gesture := true // as a click has: window.open may find the reader
		news.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			res, err := cdp.Call(ctx, tg, runtime.Evaluate, runtime.EvaluateParams{UserGesture: &gesture, Expression: fmt.Sprintf(`(() => {
				const reader = window.open('', 'cleanread-reader');
				const page = (title, url) => ({ type: 'cleanread:page', url,
					html: document.documentElement.outerHTML.split(%[1]q).join(title) });
				reader.postMessage(page('Not pinged first', location.href), %[2]q);
				reader.postMessage({ type: 'cleanread:ping' }, %[2]q);
				reader.postMessage(page('From another origin', 'https://elsewhere.example/story'), %[2]q);
				reader.postMessage(page('The third story', location.href), %[2]q);
			})()`, titleB, baseURL)})
			if err == nil && res.ExceptionDetails != nil {
				t.Errorf("posting threw: %s", res.ExceptionDetails.Text)
			}
			return err
		}))
		reader.waitFor(`body[data-pages="3"][data-state="done"], body[data-state="error"]`)
		reader.waitReader()
		assert.Equal(t, "The third story", reader.text("#view .cr-title"))
		assert.Equal(t, "3", eval[string](reader, `document.body.dataset.pages`))
		assert.Equal(t, id, eval[string](reader, `document.body.dataset.readerId`))
	})

	t.Run("popup blocked", func(t *testing.T) {
		story := newsSite(t, false, func() string { return newsPage })
		news := openIn(t, bctx, story)
		seen := targetIDs(t, bctx)
		// Without a user gesture the popup blocker refuses window.open; so
		// run the code without one (Runtime.evaluate, no userGesture).
		code, err := bookmarkletCode(link)
		require.NoError(t, err)
		news.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			res, err := cdp.Call(ctx, tg, runtime.Evaluate, runtime.EvaluateParams{Expression: code})
			if err == nil && res.ExceptionDetails != nil {
				t.Errorf("the bookmarklet threw: %s", res.ExceptionDetails.Text)
			}
			return err
		}))
		fired := eval[[]string](news, `window.__fired`)
		require.Len(t, fired, 1)
		assert.Equal(t, "alert:cleanread: your browser blocked the reader window. Allow pop-ups for this site, then click the bookmarklet again.", fired[0])
		for id := range targetIDs(t, bctx) {
			assert.True(t, seen[id], "no new window may open")
		}
	})

	t.Run("too large for the address under COOP", func(t *testing.T) {
		// Over 1.5 MB of story text: too big for the fragment, and COOP cuts
		// the message channel, so the reader must say so.
		big := strings.Replace(newsPage, "</article>", strings.Repeat("<p>"+strings.Repeat("The keepers logged the weather every three hours. ", 40)+"</p>\n", 900)+"</article>", 1)
		story := newsSite(t, true, func() string { return big })
		news := openIn(t, bctx, story)
		seen := targetIDs(t, bctx)
		clickBookmark(news, link)
		reader := attach(t, bctx, waitTarget(t, bctx, "page", readerPrefix, seen).TargetID)
		reader.waitState("error")
		assert.Equal(t, "too_large_handover", eval[string](reader, `document.body.dataset.errorCode`))
		assert.Contains(t, reader.text("#message-text"), "This page is too large to hand over.")
		assert.Equal(t, baseURL+"/", eval[string](reader, `document.getElementById('demo-link').href`), "the paste fallback links to the demo")
		assert.False(t, eval[bool](reader, `document.getElementById('message-help').hidden`))
		reader.screenshot("bookmarklet-too-large")
	})

	t.Run("reader opened directly", func(t *testing.T) {
		reader := openIn(t, bctx, readerPrefix)
		reader.waitState("error")
		assert.Equal(t, "nothing", eval[string](reader, `document.body.dataset.errorCode`))
	})
}

// bookmarkletLink opens the demo and returns the href of its bookmarklet link.
func bookmarkletLink(t *testing.T, bctx context.Context) string {
	t.Helper()
	demo := openIn(t, bctx, baseURL+"/")
	demo.do(chromedp.WaitVisible(chromedp.ID("bookmarklet")))
	assert.Contains(t, demo.text("#bookmarklet-install"), "drag cleanread to your bookmarks bar")
	href := eval[string](demo, `document.getElementById('bookmarklet').getAttribute('href')`)
	require.True(t, strings.HasPrefix(href, "javascript:"), "the link is a bookmarklet: %.60s", href)
	code, err := bookmarkletCode(href)
	require.NoError(t, err)
	assert.Contains(t, code, `"`+baseURL+`"`, "built for the demo's origin")
	assert.NotContains(t, code, "__CLEANREAD_ORIGIN__")
	assert.NotContains(t, code, "SNAPSHOT;")
	return href
}

// bookmarkletCode decodes a javascript: link into its code.
func bookmarkletCode(href string) (string, error) {
	return decodeURIComponent(strings.TrimPrefix(href, "javascript:"))
}

// clickBookmark runs the bookmarklet the way a click on the bookmark does:
// a javascript: navigation of the page, which runs under the page's CSP
// with a user gesture.
func clickBookmark(tb *tab, href string) {
	tb.t.Helper()
	tb.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		// A javascript: URL never commits a navigation, so the answer is
		// net::ERR_ABORTED whatever the code does: the tests look at its effects.
		_, err := cdp.Call(ctx, tg, page.Navigate, page.NavigateParams{URL: href})
		return err
	}))
}

// waitReader waits for the reader page (or popup) to finish, failing with
// its message if it failed.
func (tb *tab) waitReader() {
	tb.t.Helper()
	if st := tb.waitState("done", "error"); st != "done" {
		tb.t.Fatalf("the reader failed: %s (%s)", eval[string](tb, `document.body.dataset.errorCode`),
			eval[string](tb, `(document.getElementById('message-text') || document.getElementById('message')).textContent`))
	}
}

// waitFor waits until sel matches in the page.
func (tb *tab) waitFor(sel string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	require.NoError(tb.t, chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS(sel))), "waiting for %s", sel)
}

// pageTargets lists the browser's page targets (tabs and windows).
func pageTargets(t *testing.T, bctx context.Context) []*target.Info {
	t.Helper()
	ctx, cancel := context.WithTimeout(bctx, stepTimeout)
	defer cancel()
	infos, err := allTargets(ctx)
	require.NoError(t, err)
	var pages []*target.Info
	for _, info := range infos {
		if info.Type == "page" {
			pages = append(pages, info)
		}
	}
	return pages
}

// storyPage is a page of either browser that the story assertions read.
type storyPage interface {
	text(sel string) string
	evalJSON(expr string) json.RawMessage
}

// evalJSON evaluates expr in the page (awaiting a promise) and returns it as JSON.
func (tb *tab) evalJSON(expr string) json.RawMessage {
	return eval[json.RawMessage](tb, expr)
}

// valueOf evaluates expr in p and decodes the result.
func valueOf[T any](t *testing.T, p storyPage, expr string) T {
	t.Helper()
	var v T
	raw := p.evalJSON(expr)
	require.NoError(t, json.Unmarshal(raw, &v), "decoding %s", raw)
	return v
}

// assertNewsStory checks that the view shows the news story, its lead
// image loaded, and none of its clutter.
func assertNewsStory(t *testing.T, p storyPage) {
	t.Helper()
	assertNewsText(t, p)
	lead := valueOf[string](t, p, `(document.querySelector('#view .cr-content img') || {}).src || ''`)
	assert.True(t, strings.HasSuffix(lead, "/img/lighthouse.png"), "the lazy lead image is resolved: %q", lead)
	assert.True(t, valueOf[bool](t, p, leadImageLoaded), "the lead image loads (remote images are allowed)")
}

// assertNewsText checks that the view shows the news story's words and
// none of its clutter.
func assertNewsText(t *testing.T, p storyPage) {
	t.Helper()
	assert.Equal(t, newsTitle, p.text("#view .cr-title"))
	content := p.text("#view .cr-content")
	for _, s := range newsStory {
		assert.Contains(t, content, s)
	}
	for name, s := range newsClutter {
		assert.NotContains(t, content, s, "the %s must be removed", name)
	}
	assert.NotEqual(t, "0", valueOf[string](t, p, `document.body.dataset.removed`), "the removed count is shown")
}

// leadImageLoaded resolves when the view's first image has loaded (true) or
// failed (false): screenshots then show it.
const leadImageLoaded = `new Promise((resolve) => {
	const img = document.querySelector('#view .cr-content img');
	if (!img) return resolve(false);
	if (img.complete) return resolve(img.naturalWidth > 0);
	img.addEventListener('load', () => resolve(true));
	img.addEventListener('error', () => resolve(false));
})`
