//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gapMonitor runs a 10 ms timer on the page's main thread and keeps the
// longest gaps between its ticks: a gap is time the page could not answer
// input, scroll or Esc.
const gapMonitor = `(() => {
	const m = { gaps: [], last: performance.now() };
	m.timer = setInterval(() => {
		const now = performance.now();
		const gap = now - m.last;
		m.last = now;
		if (gap < 50) return;
		m.gaps.push({ ms: Math.round(gap), at: Math.round(now), state: document.body.dataset.state });
		m.gaps.sort((a, b) => b.ms - a.ms);
		m.gaps.length = Math.min(m.gaps.length, 5);
	}, 10);
	// What the long frames spent their time on, for the log.
	m.frames = [];
	if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				if (e.duration < 100) continue;
				const layout = e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0;
				m.frames.push(Math.round(e.duration) + ' ms at ' + Math.round(e.startTime) + ' (layout ' + Math.round(layout) + '): ' +
					e.scripts.map((s) => s.invoker + ' ' + Math.round(s.duration) + ' ms').join(', '));
			}
		}).observe({ type: 'long-animation-frame' });
	}
	window.__gapMonitor = m;
	return true;
})()`

// bigPageBytes is the size of the generated page: 8 MB, or BIG_PAGE_MB
// megabytes when set (to measure other sizes).
func bigPageBytes(t *testing.T) int {
	mb := 8.0
	if s := os.Getenv("BIG_PAGE_MB"); s != "" {
		v, err := strconv.ParseFloat(s, 64)
		require.NoError(t, err, "BIG_PAGE_MB")
		mb = v
	}
	return int(mb * 1e6)
}

// A very long article pasted into the demo cleans without a timeout and
// renders whole, and the page's main thread keeps answering meanwhile.
func TestDemoBigArticleStaysResponsive(t *testing.T) {
	html, paragraphs := bigStoryPage(bigPageBytes(t))
	tb := openTab(t, "/?autoclean=0")
	tb.waitState("ready")
	require.Equal(t, "visible", eval[string](tb, `document.visibilityState`), "timers run at full rate only in a visible tab")
	tb.setValue("html", html)
	tb.setValue("url", "https://gazette.example/news/breakwater")
	// Let the text area's layout of the pasted page settle before measuring.
	eval[bool](tb, `new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(true), 100)))`)
	eval[bool](tb, gapMonitor)

	start := time.Now()
	eval[bool](tb, `(document.getElementById('clean').click(), true)`)
	tb.waitStateFor(3*time.Minute, "done", "error")
	elapsed := time.Since(start)
	// The render's last layout and paint come after the state changes.
	eval[bool](tb, `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(true), 200))))`)
	type gap struct {
		Ms, At int
		State  string
	}
	gaps := eval[[]gap](tb, `(clearInterval(window.__gapMonitor.timer), window.__gapMonitor.gaps)`)
	require.Equal(t, "done", eval[string](tb, `document.body.dataset.state`),
		"the big page cleaned: %s", eval[string](tb, `document.body.dataset.errorCode || ''`))

	longest := 0
	if len(gaps) > 0 {
		longest = gaps[0].Ms
	}
	t.Logf("long frames: %v", eval[[]string](tb, `window.__gapMonitor.frames`))
	load, _ := os.ReadFile("/proc/loadavg")
	t.Logf("%.1f MB page, %d paragraphs: clean %s ms, then showing it %s ms (the page's own measures), done after %.1f s; longest main-thread gap %d ms; gaps %v; loadavg %s",
		float64(len(html))/1e6, paragraphs, eval[string](tb, `document.body.dataset.cleanMs`), eval[string](tb, `document.body.dataset.showMs`),
		elapsed.Seconds(), longest, gaps, load)

	story := eval[map[string]any](tb, `(() => {
		const c = document.querySelector('#view .cr-content');
		const ps = c.querySelectorAll('p');
		return { paragraphs: ps.length, last: ps[ps.length - 1]?.textContent ?? '', clutter: c.textContent.includes('More from') };
	})()`)
	assert.EqualValues(t, paragraphs, story["paragraphs"], "every paragraph is shown")
	assert.Equal(t, fmt.Sprintf("Last paragraph %d: the board meets again in the new year.", paragraphs), story["last"])
	assert.Equal(t, false, story["clutter"])
	assert.Less(t, longest, 1000, "the main thread is never blocked for a second or more")
	assert.Empty(t, tb.consoleProblems())
}

// waitStateFor is waitState with a time limit of its own, for work that
// takes longer than a step.
func (tb *tab) waitStateFor(limit time.Duration, states ...string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, limit)
	defer cancel()
	require.NoError(tb.t, chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS(stateSelector(states)))), "waiting for %v", states)
}

// A long story takes the stepped path (parsed a chunk at a time in an inert
// document, moved into the page in batches): active content is dropped there
// too, wherever the chunks happen to split it, and remote images stay
// blocked.
func TestViewLongStoryScrubbed(t *testing.T) {
	tb := openTab(t, "/?autoclean=0")
	tb.waitState("ready")
	out := eval[map[string]any](tb, `import('/view.js').then(async (m) => {
		const payload = '<p onclick="window.__pwned=1">text</p><img src="x" onerror="window.__pwned=2">' +
			'<script>window.__pwned=3<\/script><a href=" java\tscript:window.__pwned=4">a</a>' +
			'<iframe srcdoc="<script>parent.__pwned=5<\/script>"></iframe><svg onload="window.__pwned=6"></svg>' +
			'<form action="https://evil.example"><button>go</button></form><a href="https://ok.example/x">ok</a>' +
			'<img src="https://tracker.example/p.png" alt="tracker">';
		// Paragraphs of odd lengths move the payload across the parser's chunk boundaries.
		let content = '<div><div>';
		for (let i = 0; content.length < 600000; i++) content += payload + '<p>' + 'word '.repeat(7 + (i % 13)) + i + '</p>\n';
		content += '<p>The end.</p></div></div>';
		const box = document.createElement('div');
		document.body.append(box);
		const root = await m.renderArticleInSteps(document, {title: 'T', content}, {blockRemoteImages: true}, (r) => box.replaceChildren(r));
		await new Promise((r) => setTimeout(r, 100));
		const html = box.innerHTML;
		return {html, whole: root !== null, long: !!box.querySelector('.cr-content.cr-long'), chunks: box.querySelectorAll('.cr-chunk').length,
			blocked: box.querySelectorAll('.cr-img-blocked').length, remote: box.querySelectorAll('img[src^="https:"]').length,
			last: [...box.querySelectorAll('.cr-content p')].pop()?.textContent ?? '',
			tracked: performance.getEntriesByType('resource').filter((e) => e.name.includes('tracker.example')).length, outsideLinks: box.querySelectorAll('a[href="https://ok.example/x"][rel="noopener noreferrer"]').length};
	})`)
	assert.Equal(t, true, out["whole"])
	assert.Equal(t, true, out["long"], "the story took the long path")
	assert.Greater(t, out["chunks"], 10.0, "the story came in chunks")
	assert.NotRegexp(t, `(?i)onclick|onerror|onload|<script|javascript|<iframe|<svg|<form|<button|srcdoc`, out["html"])
	assert.Equal(t, 0.0, out["remote"], "no remote image reaches the page")
	assert.Equal(t, out["outsideLinks"], out["blocked"], "each remote image became a placeholder, each outside link opens apart")
	assert.Equal(t, "The end.", out["last"])
	assert.Equal(t, "undefined", eval[string](tb, `typeof window.__pwned`))
	assert.Empty(t, eval[[]string](tb, `window.__fired`))
	assert.Equal(t, 0.0, out["tracked"], "the remote image was never requested, not even while the story was parsed")
}
