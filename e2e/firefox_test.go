//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	extFirefoxDir = "../dist/extension-firefox"
	// ffExtID is the add-on id of the manifest's browser_specific_settings.
	ffExtID = "cleanread@cleanread.invalid"
	// ffExtUUID is pinned through extensions.webextensions.uuids, so the
	// tests know the add-on's moz-extension:// origin before installing it.
	ffExtUUID = "0c1ea4ed-5eed-4c1e-8ead-00000000c1ea"
	ffExtURL  = "moz-extension://" + ffExtUUID + "/"
	// ffWidget is how Firefox names the add-on's toolbar button and keyset.
	ffWidget = "cleanread_cleanread_invalid"
)

// extensionPrefs are prefs plus the pin of the add-on's moz-extension://
// origin.
func extensionPrefs(t *testing.T, prefs map[string]any) map[string]any {
	t.Helper()
	uuids, err := json.Marshal(map[string]string{ffExtID: ffExtUUID})
	require.NoError(t, err)
	out := map[string]any{"extensions.webextensions.uuids": string(uuids)}
	for k, v := range prefs {
		out[k] = v
	}
	return out
}

// installExtension installs the built Firefox add-on as a temporary one.
func (ff *firefox) installExtension(t *testing.T) {
	t.Helper()
	dir, err := filepath.Abs(extFirefoxDir)
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(dir, "manifest.json"))
	require.NoError(t, err, "the extension is not built: run ./build.sh first")
	var installed struct {
		Extension string `json:"extension"`
	}
	ff.call("webExtension.install", map[string]any{"extensionData": map[string]any{"type": "path", "path": dir}}, &installed)
	require.Equal(t, ffExtID, installed.Extension)
}

// The demo, the bookmarklet's reader window and the extension in headless
// Firefox, driven over WebDriver BiDi.
func TestFirefox(t *testing.T) {
	ff := startFirefox(t, extensionPrefs(t, nil))
	ff.call("session.subscribe", map[string]any{"events": []string{"log.entryAdded"}}, nil)
	story := newsSite(t, false, func() string { return newsPage })

	t.Run("demo", func(t *testing.T) {
		demo := ff.newTab(t, "")
		demo.preload(hookScript + viewStubs)
		demo.navigate(baseURL + "/?autoclean=0")
		demo.waitTrue(`document.body.dataset.state === 'ready'`, "waiting for the cleaner")
		// Paste: the news page and its address into the form, then Clean.
		b, err := json.Marshal(newsPage)
		require.NoError(t, err)
		ffEval[bool](demo, fmt.Sprintf(`(document.getElementById('html').value = %s, document.getElementById('url').value = %q, true)`, b, story))
		ffEval[bool](demo, `(document.getElementById('clean').click(), true)`)
		demo.waitReader()
		assertNewsText(t, demo) // the demo blocks remote images unless asked
		assert.Equal(t, 0, ffEval[int](demo, `document.querySelectorAll('#view .cr-content img[src^="http"]').length`))
		assert.Regexp(t, `^Cleaned in (\d+ ms|\d+\.\d s) · \d+ blocks? removed · [\d,]+ words$`, demo.text("#stats"), "a loaded machine may take seconds")
		demo.screenshot("firefox-demo")

		// The view's toolbar: the removed drawer, then export.
		ffEval[bool](demo, `(document.querySelector('#view [data-control="removed"]').click(), true)`)
		demo.waitFor(`#view .cr-removed-list li`)
		demo.screenshot("firefox-demo-removed")
		ffEval[bool](demo, `(document.querySelector('#view [data-control="export"]').click(), document.querySelector('#view [data-control="copy-md"]').click(), true)`)
		demo.waitTrue(`window.__clip !== null`, "copying the Markdown")
		md := ffEval[string](demo, `window.__clip`)
		assert.True(t, strings.HasPrefix(md, "# "+newsTitle+"\n"), "the Markdown starts with the title: %.80q", md)
		assert.Contains(t, md, newsStory[2])
		ffEval[bool](demo, `(document.querySelector('#view [data-control="save-html"]').click(), true)`)
		demo.waitTrue(`window.__downloads.length > 0`, "saving the HTML")
		saved := ffEval[map[string]string](demo, `Promise.all(window.__downloads).then((d) => d[0])`)
		assert.True(t, strings.HasSuffix(saved["name"], ".html"), "file name %q", saved["name"])
		assert.NotContains(t, strings.ToLower(saved["text"]), "<script")
		assert.Contains(t, saved["text"], `script-src 'none'`)
		assert.Contains(t, saved["text"], newsStory[0])
		assert.Empty(t, ffEval[[]string](demo, `window.__violations`), "no CSP violations")
		assert.Empty(t, demo.consoleProblems(), "the demo logs no errors or warnings")
	})

	t.Run("bookmarklet reader window", func(t *testing.T) {
		demo := ff.newTab(t, baseURL+"/")
		// The link is there from the start but gets its code after a fetch;
		// the install hint is shown only once it has it.
		demo.waitTrue(`!document.getElementById('bookmarklet-install').hidden`, "the bookmarklet's code")
		link := ffEval[string](demo, `document.getElementById('bookmarklet').getAttribute('href')`)
		require.True(t, strings.HasPrefix(link, "javascript:"), "the link is a bookmarklet: %.60s", link)
		news := ff.newTab(t, story)
		news.preload(hookScript)
		news.navigate(story)
		news.activate()
		seen := ff.contextIDs()
		// What a click on the bookmark does in Firefox: the javascript: URL
		// loads in the selected tab, with popups allowed as for any click.
		ff.chromeEval(t, fmt.Sprintf(`(openTrustedLinkIn(%q, 'current', { allowPopups: true, allowInheritPrincipal: true, triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }), true)`, link))
		reader := ff.waitTab(t, baseURL+"/read.html", seen)
		reader.waitReader()
		assert.Equal(t, "message", ffEval[string](reader, `document.body.dataset.source`))
		assertNewsStory(t, reader)
		reader.screenshot("firefox-bookmarklet-reader")
		assert.Equal(t, "/read.html", ffEval[string](reader, `location.pathname + location.search + location.hash`))
		assert.Empty(t, ffEval[[]string](news, `window.__violations`), "the bookmarklet must not trip the page's CSP")
		assert.Empty(t, ffEval[[]string](news, `window.__fired`), "no alert on success")
		assert.Empty(t, reader.consoleProblems())
	})

	t.Run("extension", func(t *testing.T) {
		ff.installExtension(t)

		// A page of the add-on's own, in a background tab, reaches the popup
		// through extension.getViews: BiDi does not list popups.
		probe := ff.backgroundTab(t, ffExtURL+"read.html#ext-error=unreadable")
		news := ff.newTab(t, story)
		news.activate()

		popup := ff.clickToolbar(t, probe)
		popup.waitReader()
		assertNewsStory(t, popup)
		assert.Regexp(t, `^\d+ blocks? removed · [\d,]+ words · in (\d+ ms|\d+\.\d s)$`, popup.text("#status"))
		engineID := valueOf[string](t, popup, `document.body.dataset.engineId`)
		cleans := valueOf[string](t, popup, `document.body.dataset.engineCleans`)
		require.NotEmpty(t, engineID, "the popup cleaned in the shared engine")
		assert.False(t, valueOf[bool](t, popup, `performance.getEntriesByType('resource').some((e) => e.name.includes('cleanread.wasm'))`),
			"the popup starts no cleaner of its own")
		ff.popupScreenshot(t, "firefox-extension-popup")

		// Open in reader tab: the popup's article, shown as it came.
		seen := ff.contextIDs()
		valueOf[bool](t, popup, `(document.getElementById('open').click(), true)`)
		reader := ff.waitTab(t, ffExtURL+"read.html", seen)
		reader.waitReader()
		assertNewsStory(t, reader)
		assert.Equal(t, "extension", ffEval[string](reader, `document.body.dataset.source`))
		assert.Equal(t, "yes", ffEval[string](reader, `document.body.dataset.handed`))
		reader.waitFor(`body[data-engine-id]`)
		assert.Equal(t, engineID, ffEval[string](reader, `document.body.dataset.engineId`), "the reader tab uses the popup's engine")
		assert.Equal(t, cleans, ffEval[string](reader, `document.body.dataset.engineCleans`), "the article was not cleaned again")
		reader.screenshot("firefox-extension-reader-tab")
		assert.Empty(t, reader.consoleProblems())
		reader.close()

		// The keyboard command, as the shortcut fires it: Firefox's <key>
		// for the manifest's Alt+Shift+R, which grants activeTab and calls
		// commands.onCommand. (Headless Firefox has no window that takes
		// real key presses for its own shortcuts.)
		news.activate()
		key := ff.chromeEval(t, fmt.Sprintf(`(() => { const k = document.getElementById('ext-keyset-id-%s').firstElementChild;
			return k.getAttribute('modifiers') + '+' + k.getAttribute('key'); })()`, ffWidget))
		assert.Equal(t, `"alt,shift+R"`, string(key))
		seen = ff.contextIDs()
		ff.chromeEval(t, fmt.Sprintf(`(document.getElementById('ext-keyset-id-%s').firstElementChild.doCommand(), true)`, ffWidget))
		byKey := ff.waitTab(t, ffExtURL+"read.html", seen)
		byKey.waitReader()
		assertNewsStory(t, byKey)
		assert.Equal(t, "no", ffEval[string](byKey, `document.body.dataset.handed`), "without a popup the reader tab cleans the page")
		assert.Equal(t, engineID, ffEval[string](byKey, `document.body.dataset.engineId`), "in the same engine")
		byKey.screenshot("firefox-extension-shortcut")
		byKey.close()

		// A page Firefox keeps closed to extensions gets the sentence.
		restricted := ff.newTab(t, "about:robots")
		restricted.activate()
		popup = ff.clickToolbar(t, probe)
		popup.waitState("error")
		assert.Equal(t, "restricted", valueOf[string](t, popup, `document.body.dataset.errorCode`))
		assert.Equal(t, "cleanread can't read this page: browsers keep their own pages, the extension store and the PDF viewer closed to extensions.",
			popup.text("#message"))
		assert.True(t, valueOf[bool](t, popup, `document.getElementById('open').hidden`))
		ff.popupScreenshot(t, "firefox-extension-popup-restricted")
		ff.closePopup(t)

		engineWhileBrowsing(t, ff, probe, story)
	})
}
