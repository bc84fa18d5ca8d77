//go:build e2e

package e2e

// ffTab: one Firefox tab (a BiDi top-level browsing context) with the same
// helpers the Chromium tests have on tab.

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// ffTab is one tab of a Firefox.
type ffTab struct {
	t   *testing.T
	ff  *firefox
	ctx string // the BiDi browsing context id

	mu       sync.Mutex
	problems []string // console errors and warnings, uncaught exceptions
}

// evalResult is what script.evaluate and script.callFunction answer.
type evalResult struct {
	Type   string `json:"type"` // success or exception
	Result struct {
		Type  string `json:"type"`
		Value any    `json:"value"`
	} `json:"result"`
	ExceptionDetails struct {
		Text string `json:"text"`
	} `json:"exceptionDetails"`
}

// newTab opens a tab in ff that records its console problems, and loads
// url when it is not empty.
func (ff *firefox) newTab(t *testing.T, url string) *ffTab {
	t.Helper()
	var created struct {
		Context string `json:"context"`
	}
	ff.call("browsingContext.create", map[string]any{"type": "tab"}, &created)
	tb := ff.tabFor(t, created.Context)
	t.Cleanup(func() { tb.close() })
	if url != "" {
		tb.navigate(url)
	}
	return tb
}

// tabFor returns an ffTab for an existing context (a tab the page or the
// extension opened).
func (ff *firefox) tabFor(t *testing.T, id string) *ffTab {
	tb := &ffTab{t: t, ff: ff, ctx: id}
	ff.listen(tb.record)
	return tb
}

// record keeps the tab's console errors and warnings.
func (tb *ffTab) record(ev bidiEvent) {
	if ev.Method != "log.entryAdded" {
		return
	}
	var e struct {
		Level  string `json:"level"`
		Text   string `json:"text"`
		Type   string `json:"type"`
		Source struct {
			Context string `json:"context"`
		} `json:"source"`
	}
	if json.Unmarshal(ev.Params, &e) != nil || e.Source.Context != tb.ctx {
		return
	}
	if e.Level != "error" && e.Level != "warn" {
		return
	}
	tb.mu.Lock()
	tb.problems = append(tb.problems, e.Type+"."+e.Level+": "+e.Text)
	tb.mu.Unlock()
}

// consoleProblems returns what the page reported as going wrong so far.
func (tb *ffTab) consoleProblems() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return slices.Clone(tb.problems)
}

// navigate loads url and waits for its load event.
func (tb *ffTab) navigate(url string) {
	tb.t.Helper()
	tb.ff.call("browsingContext.navigate", map[string]any{"context": tb.ctx, "url": url, "wait": "complete"}, nil)
}

// close closes the tab; a tab already closed is fine.
func (tb *ffTab) close() {
	ctx, cancel := context.WithTimeout(context.Background(), stepTimeout)
	defer cancel()
	_ = tb.ff.send(ctx, "browsingContext.close", map[string]any{"context": tb.ctx}, nil)
}

// evalRaw evaluates expr in the page, awaiting a promise, and returns its
// value as JSON.
func (tb *ffTab) evalRaw(expr string) (json.RawMessage, error) {
	ctx, cancel := context.WithTimeout(context.Background(), stepTimeout)
	defer cancel()
	var res evalResult
	err := tb.ff.send(ctx, "script.evaluate", map[string]any{
		"expression":     "(async () => JSON.stringify(await (" + expr + ")))()",
		"target":         map[string]any{"context": tb.ctx},
		"awaitPromise":   true,
		"userActivation": true,
	}, &res)
	if err != nil {
		return nil, err
	}
	if res.Type != "success" {
		return nil, fmt.Errorf("evaluating %.80s: %s", expr, res.ExceptionDetails.Text)
	}
	s, ok := res.Result.Value.(string)
	if !ok {
		return json.RawMessage("null"), nil
	}
	return json.RawMessage(s), nil
}

// evalJSON evaluates expr in the page (awaiting a promise) and returns it
// as JSON; an error fails the test.
func (tb *ffTab) evalJSON(expr string) json.RawMessage {
	tb.t.Helper()
	raw, err := tb.evalRaw(expr)
	require.NoError(tb.t, err)
	return raw
}

// ffEval evaluates expr in tb's page (awaiting a promise) and decodes it.
func ffEval[T any](tb *ffTab, expr string) T {
	tb.t.Helper()
	return valueOf[T](tb.t, tb, expr)
}

// preload runs src in the tab before any page script of every later load.
func (tb *ffTab) preload(src string) {
	tb.t.Helper()
	tb.ff.call("script.addPreloadScript", map[string]any{
		"functionDeclaration": "() => {" + src + "}",
		"contexts":            []string{tb.ctx},
	}, nil)
}

// activate makes the tab the selected one of its window.
func (tb *ffTab) activate() {
	tb.t.Helper()
	tb.ff.call("browsingContext.activate", map[string]any{"context": tb.ctx}, nil)
}

// text returns the text of the first element matching sel.
func (tb *ffTab) text(sel string) string {
	tb.t.Helper()
	return ffEval[string](tb, fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) throw new Error('no ' + %q); return e.textContent; })()`, sel, sel))
}

// waitFor waits until sel matches in the page.
func (tb *ffTab) waitFor(sel string) {
	tb.t.Helper()
	tb.waitTrue(fmt.Sprintf(`document.querySelector(%q) !== null`, sel), "waiting for "+sel)
}

// waitTrue polls expr until it is true.
func (tb *ffTab) waitTrue(expr, what string) {
	tb.t.Helper()
	pollTrue(tb.t, func() (json.RawMessage, error) { return tb.evalRaw(expr) }, what)
}

// pollTrue calls eval until it answers true. A page still loading (or a tab
// just opened, a popup not yet open) may refuse the evaluation: that counts
// as not yet.
func pollTrue(t *testing.T, eval func() (json.RawMessage, error), what string) {
	t.Helper()
	deadline := time.Now().Add(stepTimeout)
	var last error
	for time.Now().Before(deadline) {
		raw, err := eval()
		if err == nil && string(raw) == "true" {
			return
		}
		last = err
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: not within %v (last error: %v)", what, stepTimeout, last)
}

// waitReader waits for body[data-state] to be done, failing with the
// page's message if it is error.
func (tb *ffTab) waitReader() {
	tb.t.Helper()
	tb.waitTrue(`['done', 'error'].includes(document.body?.dataset.state)`, "waiting for the page to finish")
	if st := ffEval[string](tb, `document.body.dataset.state`); st != "done" {
		tb.t.Fatalf("the page failed: %s (%s)", ffEval[string](tb, `document.body.dataset.errorCode`),
			ffEval[string](tb, `(document.getElementById('message-text') || document.getElementById('message') || document.getElementById('error-sentence') || document.body).textContent`))
	}
}

// screenshot saves a PNG of the whole page to e2e/out/name.png.
func (tb *ffTab) screenshot(name string) {
	tb.t.Helper()
	ffEval[bool](tb, `(window.scrollTo(0, 0), true)`)
	var shot struct {
		Data string `json:"data"`
	}
	tb.ff.call("browsingContext.captureScreenshot", map[string]any{"context": tb.ctx, "origin": "document"}, &shot)
	png, err := base64.StdEncoding.DecodeString(shot.Data)
	require.NoError(tb.t, err)
	require.NoError(tb.t, os.WriteFile(filepath.Join(outDir, name+".png"), png, 0o644))
}

// ffContext is one entry of browsingContext.getTree.
type ffContext struct {
	Context string `json:"context"`
	URL     string `json:"url"`
}

// contexts lists the top-level browsing contexts (tabs).
func (ff *firefox) contexts() []ffContext {
	var tree struct {
		Contexts []ffContext `json:"contexts"`
	}
	ff.call("browsingContext.getTree", map[string]any{"maxDepth": 0}, &tree)
	return tree.Contexts
}

// contextIDs returns the ids of the tabs open now, to tell new ones.
func (ff *firefox) contextIDs() map[string]bool {
	ids := map[string]bool{}
	for _, c := range ff.contexts() {
		ids[c.Context] = true
	}
	return ids
}

// waitTab waits for a tab not in seen whose URL starts with prefix.
func (ff *firefox) waitTab(t *testing.T, prefix string, seen map[string]bool) *ffTab {
	t.Helper()
	deadline := time.Now().Add(stepTimeout)
	var urls []string
	for time.Now().Before(deadline) {
		urls = urls[:0]
		for _, c := range ff.contexts() {
			urls = append(urls, c.URL)
			if !seen[c.Context] && strings.HasPrefix(c.URL, prefix) {
				tb := ff.tabFor(t, c.Context)
				t.Cleanup(tb.close)
				return tb
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no tab at %s… within %v; tabs: %q", prefix, stepTimeout, urls)
	return nil
}

// backgroundTab opens url in a tab that is not selected.
func (ff *firefox) backgroundTab(t *testing.T, url string) *ffTab {
	t.Helper()
	var created struct {
		Context string `json:"context"`
	}
	ff.call("browsingContext.create", map[string]any{"type": "tab", "background": true}, &created)
	tb := ff.tabFor(t, created.Context)
	t.Cleanup(tb.close)
	tb.navigate(url)
	return tb
}

// chromeEval evaluates expr in Firefox's own browser window, with its
// privileges (the browser runs with --remote-allow-system-access), and
// returns the result as JSON. The tests use it only for what a user does
// with the browser's own controls: a toolbar click, a bookmark, a shortcut.
func (ff *firefox) chromeEval(t *testing.T, expr string) json.RawMessage {
	t.Helper()
	var tree struct {
		Contexts []ffContext `json:"contexts"`
	}
	ff.call("browsingContext.getTree", map[string]any{"moz:scope": "chrome", "maxDepth": 0}, &tree)
	require.NotEmpty(t, tree.Contexts, "Firefox lists no browser window")
	win := &ffTab{t: t, ff: ff, ctx: tree.Contexts[0].Context}
	return win.evalJSON(expr)
}

// clickToolbar clicks the add-on's toolbar button, as Firefox's button does
// (its action's triggerAction grants activeTab on the selected tab and opens
// the popup), and returns the popup, reached from probe, a page of the
// add-on.
func (ff *firefox) clickToolbar(t *testing.T, probe *ffTab) *ffPopup {
	t.Helper()
	ff.chromeEval(t, fmt.Sprintf(`(async () => {
		const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
		const ext = WebExtensionPolicy.getByID(%q).extension;
		await ExtensionParent.apiManager.global.browserActionFor(ext).triggerAction(window);
		return true;
	})()`, ffExtID))
	p := &ffPopup{t: t, probe: probe}
	p.waitTrue(`document.body.dataset.state !== undefined`, "waiting for the popup")
	return p
}

// popupScreenshot saves a PNG of the open popup to e2e/out/name.png,
// drawn by the browser window (the popup is no BiDi browsing context).
func (ff *firefox) popupScreenshot(t *testing.T, name string) {
	t.Helper()
	raw := ff.chromeEval(t, `(async () => {
		const b = document.querySelector('.webextension-popup-browser');
		const bitmap = await b.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
		const c = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
		c.width = bitmap.width;
		c.height = bitmap.height;
		c.getContext('2d').drawImage(bitmap, 0, 0);
		return c.toDataURL('image/png');
	})()`)
	var url string
	require.NoError(t, json.Unmarshal(raw, &url))
	png, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(url, "data:image/png;base64,"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(outDir, name+".png"), png, 0o644))
}

// ffPopup is the add-on's open popup, evaluated through probe.
type ffPopup struct {
	t     *testing.T
	probe *ffTab
}

// popupView is the popup's window, as a page of the add-on sees it.
const popupView = `browser.extension.getViews({ type: 'popup' })[0]`

// evalJSON evaluates expr with document and window those of the popup.
func (p *ffPopup) evalJSON(expr string) json.RawMessage {
	p.t.Helper()
	raw, err := p.eval(expr)
	require.NoError(p.t, err)
	return raw
}

func (p *ffPopup) eval(expr string) (json.RawMessage, error) {
	return p.probe.evalRaw(`((w) => { if (!w) throw new Error('no popup is open'); const window = w, document = w.document, performance = w.performance; return (` + expr + `); })(` + popupView + `)`)
}

// text returns the text of the first element matching sel.
func (p *ffPopup) text(sel string) string {
	p.t.Helper()
	return valueOf[string](p.t, p, fmt.Sprintf(`document.querySelector(%q).textContent`, sel))
}

// waitTrue polls expr in the popup until it is true.
func (p *ffPopup) waitTrue(expr, what string) {
	p.t.Helper()
	pollTrue(p.t, func() (json.RawMessage, error) { return p.eval(expr) }, what)
}

// waitState waits for body[data-state] to be state.
func (p *ffPopup) waitState(state string) {
	p.t.Helper()
	p.waitTrue(fmt.Sprintf(`document.body.dataset.state === %q`, state), "waiting for the popup to be "+state)
}

// waitReader waits for the popup to finish cleaning, failing with its
// message if it failed.
func (p *ffPopup) waitReader() {
	p.t.Helper()
	p.waitTrue(`['done', 'error'].includes(document.body.dataset.state)`, "waiting for the popup")
	if st := valueOf[string](p.t, p, `document.body.dataset.state`); st != "done" {
		p.t.Fatalf("the popup failed: %s (%s)", valueOf[string](p.t, p, `document.body.dataset.errorCode`), p.text("#message"))
	}
}
