//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"cleanread/internal/webserve"
)

const (
	webDir      = "../dist/web"
	outDir      = "out"
	stepTimeout = 30 * time.Second
)

// Shared by every test: one server and one browser; each test opens a tab.
var (
	baseURL    string
	browserCtx context.Context
)

func TestMain(m *testing.M) {
	code, err := runMain(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func runMain(m *testing.M) (int, error) {
	if _, err := os.Stat(filepath.Join(webDir, "index.html")); err != nil {
		return 0, fmt.Errorf("the web app is not built (%w): run ./build.sh first", err)
	}
	if _, err := os.Stat(filepath.Join(webDir, "cleanread.wasm")); err != nil {
		return 0, fmt.Errorf("dist/web has no cleanread.wasm (%w): run ./build.sh first", err)
	}
	exe := chromiumPath()
	if _, err := os.Stat(exe); err != nil {
		return 0, fmt.Errorf("no browser at %s (%w): install it with apt-get install -y chromium, or set CHROMIUM", exe, err)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return 0, fmt.Errorf("creating %s: %w", outDir, err)
	}

	srv := httptest.NewServer(webserve.Handler(os.DirFS(webDir)))
	defer srv.Close()
	baseURL = srv.URL

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), launchOptions()...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	// Start the browser with a context without a deadline: a deadline on
	// the first run would stop the browser when it expires.
	if err := chromedp.Do(ctx); err != nil {
		return 0, fmt.Errorf("starting %s: %w", exe, err)
	}
	browserCtx = ctx
	return m.Run(), nil
}

// chromiumPath is the browser the tests drive: $CHROMIUM or Debian's chromium.
func chromiumPath() string {
	if exe := os.Getenv("CHROMIUM"); exe != "" {
		return exe
	}
	return "/usr/bin/chromium"
}

// launchOptions are chromedp's defaults plus what works on these machines
// (see shared/notes/browser-testing.md), then extra.
func launchOptions(extra ...chromedp.ExecAllocatorOption) []chromedp.ExecAllocatorOption {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(1280, 900),
	)
	return append(opts, extra...)
}

// tab is one browser tab opened for a test.
type tab struct {
	t   *testing.T
	ctx context.Context

	mu       sync.Mutex
	problems []string // console errors and warnings, uncaught exceptions, browser log errors
}

// listen records what the page reports as going wrong.
func (tb *tab) listen(ev any) {
	var msg string
	switch e := ev.(type) {
	case *runtime.EventExceptionThrown:
		msg = "exception: " + e.ExceptionDetails.Text
		if e.ExceptionDetails.Exception != nil {
			msg += " " + e.ExceptionDetails.Exception.Description
		}
	case *runtime.EventConsoleAPICalled:
		if e.Type != runtime.ConsoleAPICalledTypeError && e.Type != runtime.ConsoleAPICalledTypeWarning {
			return
		}
		msg = "console." + string(e.Type) + ":"
		for _, a := range e.Args {
			msg += " " + string(a.Value) + a.Description
		}
	case *cdplog.EventEntryAdded:
		if e.Entry.Level != cdplog.EntryLevelError && e.Entry.Level != cdplog.EntryLevelWarning {
			return
		}
		msg = fmt.Sprintf("log.%s: %s %s", e.Entry.Level, e.Entry.Text, e.Entry.URL)
	default:
		return
	}
	tb.mu.Lock()
	tb.problems = append(tb.problems, msg)
	tb.mu.Unlock()
}

// consoleProblems returns what the page reported as going wrong so far.
func (tb *tab) consoleProblems() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return slices.Clone(tb.problems)
}

// hookScript runs before any page script: it records calls to alert,
// confirm and prompt, and CSP violations, so tests can assert nothing ran.
const hookScript = `
window.__fired = [];
window.__violations = [];
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  window[name] = (...args) => { window.__fired.push(name + ':' + args.join(' ')); };
}
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI);
});
`

// openTab opens a new tab with the alert hooks installed, and then the
// scripts given (each run before any page script), and loads path.
func openTab(t *testing.T, path string, scripts ...string) *tab {
	t.Helper()
	tb := &tab{t: t}
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithListener(tb.listen))
	t.Cleanup(cancel)
	tb.ctx = ctx
	require.NoError(t, chromedp.Do(ctx), "opening a tab") // no deadline on the tab's first run
	for _, src := range append([]string{hookScript}, scripts...) {
		tb.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument,
				page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
			return err
		}))
	}
	tb.do(chromedp.Navigate(baseURL + path))
	return tb
}

// do runs steps with the step timeout and fails the test on error.
func (tb *tab) do(steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	require.NoError(tb.t, chromedp.Do(ctx, steps...))
}

// eval evaluates expr in the page (awaiting a promise) and decodes the result.
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	require.NoError(tb.t, err, "evaluating %s", expr)
	return v
}

// setValue sets the value of the form field with the given id. (chromedp's
// SetValue refuses an empty string.)
func (tb *tab) setValue(id, value string) {
	tb.t.Helper()
	b, err := json.Marshal(value)
	require.NoError(tb.t, err)
	eval[bool](tb, fmt.Sprintf(`(document.getElementById(%q).value = %s, true)`, id, b))
}

// text returns the text of the first element matching sel.
func (tb *tab) text(sel string) string {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS(sel)))
	require.NoError(tb.t, err, "reading %s", sel)
	return s
}

// waitState waits until body[data-state] is one of states and returns it.
func (tb *tab) waitState(states ...string) string {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS(stateSelector(states))))
	if errors.Is(err, context.DeadlineExceeded) {
		tb.t.Fatalf("body[data-state] did not become %v within %v; it is %q", states, stepTimeout,
			eval[string](tb, "document.body.dataset.state"))
	}
	require.NoError(tb.t, err)
	return eval[string](tb, "document.body.dataset.state")
}

// stateSelector matches a body whose data-state is one of states.
func stateSelector(states []string) string {
	sel := make([]string, len(states))
	for i, s := range states {
		sel[i] = fmt.Sprintf(`body[data-state=%q]`, s)
	}
	return strings.Join(sel, ", ")
}

// waitDone waits for a clean to finish and fails with the page's error
// sentence if it failed.
func (tb *tab) waitDone() {
	tb.t.Helper()
	if st := tb.waitState("done", "error"); st != "done" {
		tb.t.Fatalf("cleaning failed: %s (%s)", tb.text("#error-sentence"), tb.text("#error-detail"))
	}
}

// darkMode makes the page match prefers-color-scheme: dark.
func (tb *tab) darkMode() {
	tb.t.Helper()
	tb.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
		})
		return err
	}))
}

// screenshot saves a PNG of the whole page, not just the viewport, to
// e2e/out/name.png.
func (tb *tab) screenshot(name string) {
	tb.t.Helper()
	eval[bool](tb, `(window.scrollTo(0, 0), true)`) // clicks may have scrolled; sticky parts follow the scroll
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, fullPagePNG())
	require.NoError(tb.t, err)
	require.NoError(tb.t, os.WriteFile(filepath.Join(outDir, name+".png"), png, 0o644))
}

// fullPagePNG captures the page's whole content size. chromedp's
// FullScreenshot(100) captures only the viewport in this version, so the
// clip is set from the layout metrics, as DevTools' "Capture full size
// screenshot" does.
func fullPagePNG() chromedp.Action[[]byte] {
	return func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		m, err := cdp.Call(ctx, t, page.GetLayoutMetrics, cdp.Empty{})
		if err != nil {
			return nil, fmt.Errorf("reading layout metrics: %w", err)
		}
		size := m.CSSContentSize
		beyond := true
		r, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Format:                page.CaptureScreenshotFormatPng,
			CaptureBeyondViewport: &beyond,
			Clip:                  &page.Viewport{X: 0, Y: 0, Width: size.Width, Height: size.Height, Scale: 1},
		})
		if err != nil {
			return nil, fmt.Errorf("capturing the page: %w", err)
		}
		return r.Data, nil
	}
}
