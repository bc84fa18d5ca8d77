//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lateVoiceStub replaces speechSynthesis with one that lists no voice until
// the test calls __addVoice(), which fires voiceschanged as browsers do when
// their speech engine comes up late.
const lateVoiceStub = `
window.__spoken = [];
(() => {
  let voices = [];
  const synth = new EventTarget();
  Object.assign(synth, {
    speaking: false, pending: false, paused: false,
    getVoices: () => voices,
    speak(u) { window.__spoken.push(u.text); },
    cancel() {}, pause() {}, resume() {},
  });
  window.__addVoice = () => {
    voices = [{ name: 'Late Voice', lang: 'en-GB', voiceURI: 'late-voice', default: true, localService: true }];
    synth.dispatchEvent(new Event('voiceschanged'));
    return true;
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
})();
`

// liveText waits up to a few seconds for the view's live region to say
// something and returns what it says ("" if nothing).
func liveText(tb *tab) string {
	tb.t.Helper()
	return eval[string](tb, `new Promise((done) => {
		const t0 = Date.now();
		const look = () => {
			const s = document.querySelector('#view .cr-live').textContent;
			if (s || Date.now() - t0 > 3000) done(s); else setTimeout(look, 20);
		};
		look(); })`)
}

func clearLive(tb *tab) {
	tb.t.Helper()
	eval[bool](tb, `(document.querySelector('#view .cr-live').textContent = '', true)`)
}

// In a browser with no voice (headless Chromium has none) Read aloud says it
// cannot read: Play and its settings are disabled and described by the
// reason, the toolbar button's name says it, and neither "r" nor a click
// on a paragraph starts anything or announces that it did.
func TestReadAloudWithoutVoices(t *testing.T) {
	axe := axeSource(t)
	tb := openTab(t, "/")
	tb.waitDone()
	eval[bool](tb, axe+";true")
	require.Zero(t, eval[int](tb, `speechSynthesis.getVoices().length`), "this test needs a browser with no voice")
	tb.do(chromedp.WaitReady(chromedp.CSS(`#view[data-cr-voices="none"]`)))

	assert.Equal(t, "Read aloud, not available", tb.attr(`#view [data-control="speech"]`, "aria-label"))
	assert.Contains(t, tb.attr(`#view [data-control="speech"]`, "title"), "not available")
	tb.click(`#view [data-control="speech"]`)
	assert.True(t, eval[bool](tb, `document.querySelector('#view .cr-panel[data-panel="speech"]').contains(document.activeElement)`),
		"focus goes into the panel, where the reason is, though its controls are disabled")
	for _, c := range []string{"play", "rate", "voice"} {
		assert.True(t, eval[bool](tb, `document.querySelector('#view [data-control="`+c+`"]').disabled`), "%s is disabled", c)
	}
	reason := eval[string](tb, `(() => { const b = document.querySelector('#view [data-control="play"]');
		return document.getElementById(b.getAttribute('aria-describedby'))?.textContent ?? ''; })()`)
	assert.Contains(t, reason, "no voice")
	assert.Contains(t, tb.text(`#view .cr-panel[data-panel="speech"]`), reason, "the reason is shown")
	checkAxe(t, tb, "read aloud panel without a voice")
	tb.screenshot("view-read-aloud-no-voice")

	// A click on a paragraph with the panel open starts nothing.
	tb.click(`#view .cr-content p`)
	assert.Equal(t, "idle", tb.attr("#view", "data-cr-speech"))

	// "r" says why it cannot read, and never "Reading aloud".
	tb.click(`#view [data-control="speech"]`) // closes the panel
	clearLive(tb)
	tb.key("r")
	said := liveText(tb)
	assert.Contains(t, said, "Read aloud is not available")
	assert.Contains(t, said, "no voice")
	assert.NotContains(t, said, "Reading aloud")
	assert.Equal(t, "idle", tb.attr("#view", "data-cr-speech"))
	assert.Empty(t, tb.problemsBut())
}

// Voices that are listed late (voiceschanged after the view gave up on
// them) make Read aloud available again, and then "r" reads and says so.
func TestReadAloudVoicesArriveLate(t *testing.T) {
	tb := openTab(t, "/", lateVoiceStub)
	tb.waitDone()
	tb.do(chromedp.WaitReady(chromedp.CSS(`#view[data-cr-voices="none"]`)))
	assert.True(t, eval[bool](tb, `document.querySelector('#view [data-control="play"]').disabled`))

	eval[bool](tb, `window.__addVoice()`)
	assert.Equal(t, "ready", tb.attr("#view", "data-cr-voices"))
	assert.False(t, eval[bool](tb, `document.querySelector('#view [data-control="play"]').disabled`))
	assert.Equal(t, "Read aloud", tb.attr(`#view [data-control="speech"]`, "aria-label"))
	assert.Contains(t, tb.text(`#view [data-control="voice"]`), "Late Voice (en-GB)")

	clearLive(tb)
	tb.key("r")
	assert.Equal(t, "Reading aloud", liveText(tb))
	assert.Equal(t, "playing", tb.attr("#view", "data-cr-speech"))
	assert.NotEmpty(t, eval[[]string](tb, `window.__spoken`))
}
