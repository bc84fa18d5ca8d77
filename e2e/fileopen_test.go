//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// savedSampleURL is where the saved copy of the sample says it came from.
const savedSampleURL = "https://harbourcourier.example/news/night-buses"

// savedSample writes the demo's sample as a browser saves a page: with the
// "saved from" comment at its top and no address given anywhere else.
func savedSample(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "web", "shells", "demo", "sample.html"))
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "night-buses.html")
	comment := "<!-- saved from url=(0047)" + savedSampleURL + " -->\n"
	require.NoError(t, os.WriteFile(path, []byte(comment+string(src)), 0o644))
	return path
}

// openFile chooses path in the demo's file field, as a reader picking a
// saved page does, and waits for the clean to finish.
func (tb *tab) openFile(path string) {
	tb.t.Helper()
	tb.do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{path}))
	tb.waitDone()
}

// Opening a saved page fills the empty address field with the address the
// page names for itself, and the view links back to it.
func TestOpenFileFillsTheAddress(t *testing.T) {
	tb := openTab(t, "/?autoclean=0")
	tb.waitState("ready")
	require.Equal(t, baseURL+"/sample.html", eval[string](tb, `document.getElementById('url').value`))

	tb.openFile(savedSample(t))
	assert.Equal(t, savedSampleURL, eval[string](tb, `document.getElementById('url').value`),
		"the sample's address is dropped and the page's own fills the field")
	assert.Equal(t, sampleTitle, tb.text("#view .cr-title"))
	assert.Equal(t, savedSampleURL, tb.attr("#view a.cr-original", "href"))
	assert.True(t, strings.HasSuffix(tb.text("#view a.cr-original"), "harbourcourier.example"))

	// Editing the page makes the filled-in address stale, like the sample's.
	eval[bool](tb, `(document.getElementById('html').dispatchEvent(new Event('input')), true)`)
	assert.Empty(t, eval[string](tb, `document.getElementById('url').value`))
}

// An address the reader typed is kept when a file is opened.
func TestOpenFileKeepsATypedAddress(t *testing.T) {
	tb := openTab(t, "/?autoclean=0")
	tb.waitState("ready")
	tb.setValue("url", "https://typed.example/news/story")

	tb.openFile(savedSample(t))
	assert.Equal(t, "https://typed.example/news/story", eval[string](tb, `document.getElementById('url').value`))
	assert.Equal(t, "https://typed.example/news/story", tb.attr("#view a.cr-original", "href"))
}
