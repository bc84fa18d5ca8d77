//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/extensions"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const extDir = "../dist/extension"

// The extension, loaded unpacked from dist/extension into a browser of its
// own: toolbar click → popup → reader tab; the keyboard-shortcut handler;
// a browser page.
func TestExtension(t *testing.T) {
	bctx, extID, sw := extensionBrowser(t)
	extURL := "chrome-extension://" + extID + "/"

	story := newsSite(t, false, func() string { return newsPage })
	openIn(t, bctx, story)

	t.Run("popup and reader tab", func(t *testing.T) {
		seen := targetIDs(t, bctx)
		clickToolbar(t, bctx, extID, story)
		popup := attach(t, bctx, waitTarget(t, bctx, "page", extURL+"popup.html", seen).TargetID)
		popup.waitReader()
		assertNewsStory(t, popup)
		popup.screenshotViewport("extension-popup")
		assert.Regexp(t, `^\d+ blocks? removed · [\d,]+ words · in (\d+ ms|\d+\.\d s)$`, popup.text("#status"), "what was done and how long it took")
		assert.Empty(t, popup.consoleProblems())
		engineID := eval[string](popup, `document.body.dataset.engineId`)
		require.NotEmpty(t, engineID, "the popup cleaned in the shared engine")
		cleans := eval[string](popup, `document.body.dataset.engineCleans`)
		assert.False(t, loadedWasm(popup), "the popup starts no cleaner of its own")
		assert.Len(t, offscreenDocuments(t, bctx, extURL), 1, "one offscreen document hosts the engine")

		seen = targetIDs(t, bctx)
		popup.do(chromedp.Click(chromedp.ID("open")))
		reader := attach(t, bctx, waitTarget(t, bctx, "page", extURL+"read.html", seen).TargetID)
		reader.waitReader()
		assertNewsStory(t, reader)
		reader.screenshot("extension-reader-tab")
		assert.Equal(t, "extension", eval[string](reader, `document.body.dataset.source`))
		assert.Regexp(t, `^#ext=page-\d+-\w+$`, eval[string](reader, `location.hash`), "a reload shows the page again")
		assert.Empty(t, reader.consoleProblems())
		// The popup's article is shown as it came, by the same engine, which
		// cleaned nothing more for it.
		assert.Equal(t, "yes", eval[string](reader, `document.body.dataset.handed`))
		reader.waitFor(`body[data-engine-id]`)
		assert.Equal(t, engineID, eval[string](reader, `document.body.dataset.engineId`), "the reader tab uses the popup's engine")
		assert.Equal(t, cleans, eval[string](reader, `document.body.dataset.engineCleans`), "the article was not cleaned again")
		assert.False(t, loadedWasm(reader), "the reader tab starts no cleaner of its own")
		assert.Len(t, offscreenDocuments(t, bctx, extURL), 1)

		// A second toolbar click finds the same engine, still warm. Closing
		// the reader tab makes the news tab the active one again.
		closeTarget(t, reader)
		seen = targetIDs(t, bctx)
		clickToolbar(t, bctx, extID, story)
		again := attach(t, bctx, waitTarget(t, bctx, "page", extURL+"popup.html", seen).TargetID)
		again.waitReader()
		assert.Equal(t, engineID, eval[string](again, `document.body.dataset.engineId`), "the engine outlives the popup")
		assert.NotEqual(t, cleans, eval[string](again, `document.body.dataset.engineCleans`))
		closeTarget(t, again)
	})

	t.Run("keyboard shortcut", func(t *testing.T) {
		// A headless browser has no window to receive the shortcut keys, so
		// the test calls the command's handler in the service worker, on the
		// news tab. The real shortcut grants activeTab itself; here a toolbar
		// click grants it first (the popup it opens is closed again).
		seen := targetIDs(t, bctx)
		clickToolbar(t, bctx, extID, story)
		popup := attach(t, bctx, waitTarget(t, bctx, "page", extURL+"popup.html", seen).TargetID)
		popup.waitReader()
		closeTarget(t, popup)

		worker := attach(t, bctx, sw.TargetID)
		seen = targetIDs(t, bctx)
		ok := eval[bool](worker, fmt.Sprintf(`(async () => {
			const tabs = await chrome.tabs.query({});
			const tab = tabs.find((t) => t.url === %q);
			if (!tab) return false;
			await self.cleanreadOpenReaderFor(tab);
			return true;
		})()`, story))
		require.True(t, ok, "the news tab was not found from the service worker")
		reader := attach(t, bctx, waitTarget(t, bctx, "page", extURL+"read.html#ext=", seen).TargetID)
		reader.waitReader()
		assertNewsStory(t, reader)
		// Without a popup the reader tab cleans the page itself, in the
		// shared engine.
		assert.Equal(t, "no", eval[string](reader, `document.body.dataset.handed`))
		assert.NotEmpty(t, eval[string](reader, `document.body.dataset.engineId`))
		assert.False(t, loadedWasm(reader))
	})

	t.Run("hostile pages", func(t *testing.T) {
		// The popup's preview and the article it hands to the reader tab are
		// both new ways into the view: every hostile page goes through both.
		rh := newRemoteHost(t)
		pages := hostilePages(t, rh.url)
		for _, name := range slices.Sorted(maps.Keys(pages)) {
			t.Run(name, func(t *testing.T) {
				html := pages[name]
				site := newsSite(t, false, func() string { return html })
				news := openIn(t, bctx, site)
				seen := targetIDs(t, bctx)
				clickToolbar(t, bctx, extID, site)
				popup := attach(t, bctx, waitTarget(t, bctx, "page", extURL+"popup.html", seen).TargetID)
				popup.waitReader()
				assertHarmless(t, popup)

				seen = targetIDs(t, bctx)
				popup.do(chromedp.Click(chromedp.ID("open")))
				reader := attach(t, bctx, waitTarget(t, bctx, "page", extURL+"read.html", seen).TargetID)
				reader.waitReader()
				assert.Equal(t, "yes", eval[string](reader, `document.body.dataset.handed`))
				assertHarmless(t, reader)
				closeTarget(t, reader)
				closeTarget(t, news)
			})
		}
	})

	t.Run("browser page", func(t *testing.T) {
		for _, u := range []string{"chrome://version/", "about:blank"} {
			t.Run(u, func(t *testing.T) {
				openIn(t, bctx, u)
				seen := targetIDs(t, bctx)
				clickToolbar(t, bctx, extID, u)
				popup := attach(t, bctx, waitTarget(t, bctx, "page", extURL+"popup.html", seen).TargetID)
				popup.waitState("error")
				assert.Equal(t, "restricted", eval[string](popup, `document.body.dataset.errorCode`))
				assert.Equal(t, "cleanread can't read this page: browsers keep their own pages, the extension store and the PDF viewer closed to extensions.",
					popup.text("#message"))
				assert.True(t, eval[bool](popup, `document.getElementById('open').hidden`))
				if strings.HasPrefix(u, "chrome:") {
					popup.screenshotViewport("extension-popup-browser-page")
				}
				closeTarget(t, popup)
			})
		}
	})
}

// extensionBrowser starts a browser with the built extension loaded and
// returns it with the extension's id and its service worker's target.
func extensionBrowser(t *testing.T) (context.Context, string, *target.Info) {
	t.Helper()
	dir, err := filepath.Abs(extDir)
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(dir, "manifest.json"))
	require.NoError(t, err, "the extension is not built: run ./build.sh first")

	// chromedp's defaults pass --disable-extensions, which silently drops
	// --load-extension: all three flags are needed.
	bctx := newBrowser(t,
		chromedp.Flag("disable-extensions", false),
		chromedp.Flag("load-extension", dir),
		chromedp.Flag("disable-extensions-except", dir),
	)
	// The id of an unpacked extension depends on its folder: read it from
	// the service worker's URL.
	sw := waitTarget(t, bctx, "service_worker", "chrome-extension://", nil)
	extID := strings.TrimPrefix(sw.URL, "chrome-extension://")
	extID = extID[:strings.Index(extID, "/")]
	require.Equal(t, "chrome-extension://"+extID+"/background.js", sw.URL)
	return bctx, extID, sw
}

// clickToolbar clicks the extension's toolbar button on the tab showing url,
// with CDP Extensions.triggerAction. It wants the TAB target id; the page
// target id is refused.
func clickToolbar(t *testing.T, bctx context.Context, extID, url string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(bctx, stepTimeout)
	defer cancel()
	res, err := chromedp.CallBrowser(ctx, target.GetTargets, target.GetTargetsParams{Filter: target.Filter{{Type: "tab"}}})
	require.NoError(t, err)
	var tabID target.ID
	var urls []string
	for _, info := range res.TargetInfos {
		urls = append(urls, info.URL)
		if info.URL == url {
			tabID = info.TargetID
		}
	}
	require.NotEmpty(t, tabID, "no tab shows %s; tabs: %q", url, urls)
	_, err = chromedp.CallBrowser(ctx, extensions.TriggerAction, extensions.TriggerActionParams{ID: extID, TargetID: string(tabID)})
	require.NoError(t, err, "Extensions.triggerAction")
}

// assertHarmless checks that the extension page tb shows the hostile
// page's story and that nothing of the page can run there.
func assertHarmless(t *testing.T, tb *tab) {
	t.Helper()
	eval[bool](tb, `new Promise(r => requestAnimationFrame(() => setTimeout(() => r(true), 200)))`)
	assert.Contains(t, tb.text("#view"), "The harbour committee met on Tuesday", "the story is shown")
	assert.Equal(t, "undefined", eval[string](tb, `typeof window.__pwned`), "a payload ran")
	assert.Empty(t, eval[[]string](tb, activeContent), "no active content in the view")
	assert.True(t, eval[bool](tb, `location.protocol === 'chrome-extension:'`), "the page did not navigate")
}

// loadedWasm reports whether tb's page fetched cleanread.wasm itself.
func loadedWasm(tb *tab) bool {
	return eval[bool](tb, `performance.getEntriesByType('resource').some((e) => e.name.includes('cleanread.wasm'))`)
}

// offscreenDocuments lists the URLs of the extension's offscreen documents.
func offscreenDocuments(t *testing.T, bctx context.Context, extURL string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(bctx, stepTimeout)
	defer cancel()
	res, err := chromedp.CallBrowser(ctx, target.GetTargets, target.GetTargetsParams{})
	require.NoError(t, err)
	var urls []string
	for _, info := range res.TargetInfos {
		if info.URL == extURL+"offscreen.html" {
			urls = append(urls, info.Type+" "+info.URL)
		}
	}
	return urls
}

// closeTarget closes the target of tb (a popup).
func closeTarget(t *testing.T, tb *tab) {
	t.Helper()
	require.NoError(t, chromedp.Cancel(tb.ctx))
}

// screenshotViewport saves a PNG of what the window shows, to
// e2e/out/name.png. A popup's window is fixed in size and scrolls, so a
// capture beyond it would repeat the viewport instead of showing more.
func (tb *tab) screenshotViewport(name string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	shot, err := chromedp.Run(ctx, chromedp.Action[[]byte](func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		r, err := cdp.Call(ctx, tg, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng})
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	}))
	require.NoError(tb.t, err)
	require.NoError(tb.t, os.WriteFile(filepath.Join(outDir, name+".png"), shot, 0o644))
}
