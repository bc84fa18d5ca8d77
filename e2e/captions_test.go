//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// captionsPage is a story with a captioned figure, a caption written as a
// paragraph under its picture, a credit line and gallery chrome.
var captionsPage = `<!doctype html><html lang="en"><head><title>Harbour wall | Ledger</title></head><body>
<article><h1>Council raises the harbour wall</h1>` + strings.Repeat(`<p>The committee met for six hours on Tuesday and heard from engineers, residents and two former mayors before it voted to send the proposal to the full council.</p>`, 2) + `
<figure><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==" alt="The quay" width="640" height="320"><figcaption>The old quay at dawn. Photo: Ana Ruiz / Harbour Agency</figcaption></figure>
<p>Image 3 of 12</p>` + strings.Repeat(`<p>Residents asked how the wall would hold in the storms the coast now sees every winter, and the engineers answered each question in turn.</p>`, 2) + `
<p><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==" alt="The mayor" width="640" height="320"></p>
<p>Image Credits: Sam Lee</p>` + strings.Repeat(`<p>A final vote is planned for next month, when the council will also decide how to pay for the first stage of the works.</p>`, 2) + `
</article></body></html>`

// The view shows each picture with its caption and a credit line small
// under its picture; gallery chrome is gone; read-aloud and the article's
// word count cover the prose only.
func TestViewCaptionsAndCredits(t *testing.T) {
	axe := axeSource(t)
	tb := openTab(t, "/?autoclean=0")
	tb.waitState("ready")
	tb.setValue("html", captionsPage)
	tb.setValue("url", "https://ledger.example/news/wall")
	tb.do(chromedp.Click(chromedp.ID("clean")))
	tb.waitDone()

	assert.Equal(t, "The old quay at dawn. Photo: Ana Ruiz / Harbour Agency", tb.text("#view .cr-content figure figcaption"))
	assert.Equal(t, "Image Credits: Sam Lee", tb.text("#view .cr-content p.cr-credit > small"))
	assert.NotContains(t, tb.text("#view .cr-content"), "Image 3 of 12")
	credit := eval[float64](tb, `parseFloat(getComputedStyle(document.querySelector('#view .cr-content p.cr-credit small')).fontSize)`)
	body := eval[float64](tb, `parseFloat(getComputedStyle(document.querySelector('#view .cr-content p:not(.cr-credit)')).fontSize)`)
	assert.Less(t, credit, body, "the credit is shown small")

	spoken := eval[[]string](tb, `import('./view.js').then((m) => m.readableBlocks(document.querySelector('#view .cr-content')).map((b) => b.textContent.trim()))`)
	require.NotEmpty(t, spoken)
	for _, s := range spoken {
		assert.NotContains(t, s, "Photo:", "read-aloud skips the caption")
		assert.NotContains(t, s, "Image Credits", "read-aloud skips the credit")
	}
	assert.Contains(t, tb.text("#stats"), " 157 words", "the count covers the headline and the six paragraphs only")

	eval[bool](tb, axe+";true")
	checkAxe(t, tb, "captions and credits")
	assert.Empty(t, tb.consoleProblems())
	tb.screenshot("view-captions-credits")
}
