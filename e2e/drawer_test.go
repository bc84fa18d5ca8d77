//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
)

// On a 375 px phone the Removed drawer opens at its top: its heading and
// first entry in sight, the page where it was, and focus on something the
// reader can see.
func TestRemovedDrawerOpensAtItsTopOnAPhone(t *testing.T) {
	tb := openViewTab(t, "/")
	tb.do(chromedp.EmulateViewport(375, 700))
	tb.waitDone()
	// The reader scrolled to the story; the toolbar sticks at the top.
	eval[bool](tb, `(document.querySelector('#view .cr-content p').scrollIntoView(), true)`)
	before := eval[float64](tb, `scrollY`)
	for _, open := range []func(){
		func() { eval[bool](tb, `(document.querySelector('#view [data-control="removed"]').click(), true)`) },
		func() { tb.key("d") },
	} {
		open()
		got := eval[map[string]float64](tb, `(() => {
			const p = document.querySelector('#view .cr-panel[data-panel="removed"]');
			const top = p.getBoundingClientRect().top;
			const f = document.activeElement.getBoundingClientRect();
			return { scrollTop: p.scrollTop, scrollY,
				heading: p.querySelector('h2').getBoundingClientRect().top - top,
				first: p.querySelector('.cr-removed-list li').getBoundingClientRect().top - top,
				focusTop: f.top - top, focusBottom: f.bottom - top, height: p.clientHeight,
				inPanel: Number(p.contains(document.activeElement)) }; })()`)
		assert.Zero(t, got["scrollTop"], "the drawer is not scrolled")
		assert.Equal(t, before, got["scrollY"], "the page did not move")
		assert.Less(t, got["heading"], 40.0, "its heading is at its top")
		assert.Less(t, got["first"], got["height"], "its first entry is in sight")
		assert.Equal(t, 1.0, got["inPanel"], "focus is in the drawer")
		assert.GreaterOrEqual(t, got["focusTop"], 0.0, "focus is in sight")
		assert.LessOrEqual(t, got["focusBottom"], got["height"], "focus is in sight")
		viewportShot(t, tb, "view-removed-phone-375")
		tb.key(kb.Escape)
	}
}
