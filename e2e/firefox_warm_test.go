//go:build e2e

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ffIdle is the idle time after which Firefox suspends the add-on's
// background page in this check (Firefox's own default is 30 s).
const ffIdle = 2 * time.Second

// engineWhileBrowsing checks, in ff with the add-on installed and probe one
// of its pages, that the shared engine, which lives in the add-on's
// background page, stays while the browser is in use: a popup after some
// browsing finds the engine the last one used. Left alone, Firefox
// suspends the page, and the next popup starts an engine anew (which also
// shows the check can fail).
func engineWhileBrowsing(t *testing.T, ff *firefox, probe *ffTab, story string) {
	ff.chromeEval(t, fmt.Sprintf(`(Services.prefs.setIntPref('extensions.background.idle.timeout', %d), true)`, ffIdle.Milliseconds()))
	t.Cleanup(func() { ff.chromeEval(t, `(Services.prefs.clearUserPref('extensions.background.idle.timeout'), true)`) })
	// Firefox times a running page's idleness with the timeout it had when
	// it started: stop the page, so that it starts again with the short one.
	ff.chromeEval(t, fmt.Sprintf(`(async () => {
		await WebExtensionPolicy.getByID(%q).extension.terminateBackground({ ignoreDevToolsAttached: true });
		return true;
	})()`, ffExtID))

	news := ff.newTab(t, story)
	news.activate()
	engineOf := func() string {
		popup := ff.clickToolbar(t, probe)
		popup.waitReader()
		assertNewsStory(t, popup)
		id := valueOf[string](t, popup, `document.body.dataset.engineId`)
		require.NotEmpty(t, id)
		ff.closePopup(t)
		return id
	}
	first := engineOf()

	// Browsing: the reader moves on through pages, for three idle times.
	for end := time.Now().Add(3 * ffIdle); time.Now().Before(end); {
		news.navigate(story)
		time.Sleep(ffIdle / 4)
	}
	assert.Equal(t, first, engineOf(), "after browsing, the popup finds the engine warm")

	// Away: nothing happens for three idle times.
	time.Sleep(3 * ffIdle)
	assert.NotEqual(t, first, engineOf(), "an idle browser suspends the background page, engine and all")
}

// closePopup closes the add-on's open popup, as a click elsewhere does.
func (ff *firefox) closePopup(t *testing.T) {
	t.Helper()
	ff.chromeEval(t, `(() => {
		document.querySelector('.webextension-popup-browser')?.closest('panel')?.hidePopup();
		return true;
	})()`)
}
