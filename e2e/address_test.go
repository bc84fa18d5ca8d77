//go:build e2e

package e2e

import (
	"encoding/json"
	"maps"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// addressURL is the reader page with a page in its address, as any link
// may open it: read.html#page=<JSON {html, url}>.
func addressURL(t *testing.T, html, pageURL string, selection ...string) string {
	t.Helper()
	page := map[string]string{"html": html, "url": pageURL}
	if len(selection) > 0 {
		page["selectionHtml"] = selection[0]
	}
	b, err := json.Marshal(page)
	require.NoError(t, err)
	return baseURL + "/read.html#page=" + strings.ReplaceAll(url.QueryEscape(string(b)), "+", "%20")
}

// A page that arrives in the reader's address was chosen by whoever wrote
// the link: the reader says where it claims to come from, starts with
// remote images blocked (even when the user shows them elsewhere), and
// shows them once the user flips the switch.
func TestReaderFromAddress(t *testing.T) {
	bctx := newBrowser(t)
	rh := newRemoteHost(t)
	pages := hostilePages(t, rh.url)

	// The user has chosen to show remote images in the reader before.
	setup := openIn(t, bctx, baseURL+"/read.html")
	setup.waitState("error")
	eval[bool](setup, `(localStorage.setItem('cleanread.view', JSON.stringify({ blockRemoteImages: false })), true)`)

	t.Run("banner and images blocked until switched on", func(t *testing.T) {
		rh.take()
		tb := openIn(t, bctx, addressURL(t, pages["15-tracking-pixels"], hostilePageURL, payloadStory))
		tb.waitReader()
		assert.Equal(t, "fragment", eval[string](tb, `document.body.dataset.source`))
		assert.False(t, eval[bool](tb, `document.getElementById('origin').hidden`), "the origin line is shown")
		assert.Equal(t, "This page came in the reader's address, which any link can fill: it says it is from news.example, but cleanread can't check that. Remote images are blocked until you switch them on.",
			tb.text("#origin"))
		assert.Equal(t, 0, eval[int](tb, `document.querySelectorAll('#view .cr-content img').length`), "blocked at first")
		assert.Equal(t, "true", eval[string](tb, `document.querySelector('#view [data-control="block-images"]').getAttribute('aria-checked')`))
		eval[bool](tb, `new Promise(r => setTimeout(() => r(true), 300))`)
		assert.Empty(t, rh.take(), "nothing was fetched from the remote host")
		tb.screenshot("reader-from-address")

		require.True(t, eval[bool](tb, `(document.querySelector('#view [data-control="block-images"]').click(), true)`))
		eval[bool](tb, `new Promise(r => setTimeout(() => r(true), 500))`)
		assert.Equal(t, 2, eval[int](tb, `[...document.querySelectorAll('#view .cr-content img')].filter((i) => i.complete && i.naturalWidth > 0).length`),
			"the story's two images load once switched on")
		paths := []string{}
		for _, h := range rh.take() {
			paths = append(paths, h.Path)
		}
		assert.ElementsMatch(t, []string{"/story/photo-1.jpg", "/story/photo-2.jpg"}, paths)

		// The other scope keeps the user's choice for this page.
		tb.do(chromedp.Click(chromedp.ID("scope")))
		tb.waitFor(`body[data-scope="selection"][data-state="done"], body[data-state="error"]`)
		tb.waitReader()
		assert.Equal(t, "selection", eval[string](tb, `document.body.dataset.scope`))
		assert.Equal(t, "false", eval[string](tb, `document.querySelector('#view [data-control="block-images"]').getAttribute('aria-checked')`))
	})

	t.Run("hostile pages are harmless", func(t *testing.T) {
		names := slices.Sorted(maps.Keys(pages))
		for _, name := range names {
			t.Run(name, func(t *testing.T) {
				rh.take()
				tb := openIn(t, bctx, addressURL(t, pages[name], hostilePageURL))
				tb.waitReader()
				eval[bool](tb, `new Promise(r => requestAnimationFrame(() => setTimeout(() => r(true), 300)))`)
				assert.Contains(t, tb.text("#view .cr-content"), "The harbour committee met on Tuesday", "the story is shown")
				assert.Empty(t, eval[[]string](tb, `window.__fired`), "alert, confirm, prompt or print was called")
				assert.Equal(t, "undefined", eval[string](tb, `typeof window.__pwned`), "a payload ran")
				assert.Empty(t, eval[[]string](tb, activeContent), "no active content in the view")
				assert.Equal(t, baseURL+"/read.html", eval[string](tb, `location.href`), "the reader did not navigate")
				assert.False(t, eval[bool](tb, `document.getElementById('origin').hidden`))
				assert.Empty(t, rh.take(), "the remote host was contacted")
			})
		}
	})

	t.Run("the cleaner's too_large keeps its own sentence", func(t *testing.T) {
		deep := "<html><body><article>" + strings.Repeat("<div>", 600) + "<p>Deep text.</p></article></body></html>"
		tb := openIn(t, bctx, addressURL(t, deep, hostilePageURL))
		tb.waitState("error")
		assert.Equal(t, "too_large", eval[string](tb, `document.body.dataset.errorCode`))
		assert.Equal(t, "This page is too large to clean here.", tb.text("#message-text"))
	})
}
