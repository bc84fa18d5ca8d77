//go:build e2e

package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The worker warms up again once the reader is reading its first story,
// and only then: a worker that is kept busy never spends a clean's time on
// warm-up pages, and one left idle after its first page runs them all.
func TestWorkerSettlesWhileIdle(t *testing.T) {
	tb := openTab(t, "/?autoclean=0")
	tb.waitState("ready")
	probe := `(async () => {
` + workerProbe("settle-probe") + `
  const html = await (await fetch('/sample.html')).text();
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const out = {};
  // Busy: a page every 300 ms after the last one's answer, for 3 s.
  const t0 = performance.now();
  while (performance.now() - t0 < 3000) {
    await m.clean(html, { url: 'https://news.example/sample.html' });
    await sleep(300);
  }
  out.busy = (await ask()).settled;
  // Then idle: well past the worker's wait, the warm-up has run.
  await sleep(4000);
  out.idle = (await ask()).settled;
  // And once only: more pages and more idle time start no second round.
  await m.clean(html, { url: 'https://news.example/sample.html' });
  await sleep(2500);
  const last = await ask();
  out.again = last.settled;
  out.warmed = last.warmed;
  out.pages = last.warmUpPages;
  m.terminate();
  return out;
})()`
	ctx, cancel := context.WithTimeout(tb.ctx, 60*time.Second)
	defer cancel()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]int](probe, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	t.Logf("warm-up pages after the first real page: busy %d, idle %d, later %d (before it: %d)",
		got["busy"], got["idle"], got["again"], got["warmed"])
	assert.Zero(t, got["busy"], "no warm-up while pages keep coming")
	require.Positive(t, got["pages"])
	assert.Equal(t, got["pages"], got["idle"], "every warm-up page once the worker is left idle")
	assert.Equal(t, got["idle"], got["again"], "one round only")
}
