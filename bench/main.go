// Command bench is the in-browser half of `./build.sh bench`. It
// serves the built web app (dist/web) together with the benchmark pages
// (bench/www), the JavaScript baseline from bench/node_modules
// (@mozilla/readability and dompurify, never shipped) and the Mozilla test
// pages, then drives Debian's headless Chromium to measure:
//
//   - per-page time: cleanread through the public web/cleanread.js API (worker
//     included) against Readability.js + DOMPurify, interleaved per page and
//     alternating which goes first, median of -runs runs each;
//   - cold start in a fresh browser context, from the first byte of the
//     engine's code requested to the first cleaned article, on the page of
//     median size; and a repeat visit in the same context (HTTP cache warm);
//   - peak renderer memory for each engine alone, in its own browser context:
//     the peak resident set (VmHWM from /proc/PID/status) of the renderer
//     process, which holds the page, its worker and the wasm memory; plus the
//     wasm linear memory size the worker reports;
//   - the wasm's size raw, gzip and brotli.
//
// It writes bench/out/result.json and prints a table whose last line states
// the ratios. Run it through ./build.sh bench, which builds dist/web first.
package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/systeminfo"
	"github.com/chromedp/chromedp"

	"cleanread/internal/corpus"
	"cleanread/internal/webserve"
)

type config struct {
	web, www, nodeModules, out, goBench, chromium, label string
	runs, maxPages, cold                                 int
	prune, memory                                        bool
}

func main() {
	var c config
	flag.StringVar(&c.web, "web", "dist/web", "the built web app")
	flag.StringVar(&c.www, "www", "bench/www", "the benchmark pages")
	flag.StringVar(&c.nodeModules, "node-modules", "bench/node_modules", "where npm installed the JavaScript baseline")
	flag.StringVar(&c.out, "out", "bench/out/result.json", "the JSON result file")
	flag.StringVar(&c.goBench, "gobench", "", "output of the native Go benchmarks to include (optional)")
	flag.StringVar(&c.chromium, "chromium", cmp.Or(os.Getenv("CHROMIUM"), "/usr/bin/chromium"), "the browser")
	flag.StringVar(&c.label, "label", "", "a name for this run (for comparing levers)")
	flag.IntVar(&c.runs, "runs", 5, "runs per page and engine; the median counts")
	flag.IntVar(&c.maxPages, "pages", 0, "use only the first N pages (0: the whole corpus)")
	flag.IntVar(&c.cold, "cold", 5, "cold starts per engine")
	flag.BoolVar(&c.prune, "prune", false, "cleanread gets a pruned copy of the page (clone, prune, serialize: timed)")
	flag.BoolVar(&c.memory, "memory", true, "measure peak renderer memory per engine")
	flag.Parse()
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// pageResult is what bench.page returns for one page.
type pageResult struct {
	Name        string    `json:"name"`
	Bytes       int       `json:"bytes"`
	CR          []float64 `json:"cr"`
	JS          []float64 `json:"js"`
	CROK        bool      `json:"crOK"`
	JSOK        bool      `json:"jsOK"`
	CRMedian    float64   `json:"crMedian"`
	JSMedian    float64   `json:"jsMedian"`
	PruneMedian float64   `json:"pruneMedian,omitempty"`
	PrunedBytes int       `json:"prunedBytes,omitempty"`
	Ratio       float64   `json:"ratio"`
}

type coldResult struct {
	Engine        string  `json:"engine"`
	Page          string  `json:"page"`
	Bytes         int     `json:"bytes"`
	ReadyMs       float64 `json:"readyMs"`
	FirstMs       float64 `json:"firstMs"`
	FirstCleanMs  float64 `json:"firstCleanMs"`
	WarmMs        float64 `json:"warmMs"`
	WasmTransfer  float64 `json:"wasmTransfer,omitempty"`
	OK            bool    `json:"ok"`
	Error         string  `json:"error,omitempty"`
	RepeatVisit   bool    `json:"repeatVisit"`
	LaterMs       int     `json:"laterMs,omitempty"`
	WasmRespEndMs float64 `json:"wasmResponseEnd,omitempty"`
	Start         float64 `json:"start"`
}

type memResult struct {
	Engine        string `json:"engine"`
	PeakRSS       int64  `json:"peakRendererRSSBytes"`
	WasmMemory    int64  `json:"wasmMemoryBytes,omitempty"`
	JSHeapUsed    int64  `json:"mainThreadJSHeapUsedBytes"`
	RendererPID   int64  `json:"rendererPID"`
	PagesCleaned  int    `json:"pagesCleaned"`
	MeasuredWhat  string `json:"measured"`
	ErrorIfFailed string `json:"error,omitempty"`
}

type sizes struct {
	Raw    int64 `json:"raw"`
	Gzip   int64 `json:"gzip"`
	Brotli int64 `json:"brotli"`
}

type summary struct {
	PerPageRatioMedian float64 `json:"perPageRatioMedian"`
	TotalRatio         float64 `json:"totalRatio"`
	CRTotalMs          float64 `json:"cleanreadTotalMs"`
	JSTotalMs          float64 `json:"jsTotalMs"`
	CRMedianPageMs     float64 `json:"cleanreadMedianPageMs"`
	JSMedianPageMs     float64 `json:"jsMedianPageMs"`
	ColdPage           string  `json:"coldPage"`
	ColdCRMs           float64 `json:"coldCleanreadMs"`
	ColdCRReadyMs      float64 `json:"coldCleanreadReadyMs"`
	ColdCRFirstClean   float64 `json:"coldCleanreadFirstCleanMs"`
	ColdJSMs           float64 `json:"coldJSMs"`
	LaterCRFirstClean  spread  `json:"laterCleanreadFirstCleanMs"`
	LaterJSFirstClean  spread  `json:"laterJSFirstCleanMs"`
	RepeatCRMs         float64 `json:"repeatVisitCleanreadMs"`
	RepeatJSMs         float64 `json:"repeatVisitJSMs"`
	WarmSecondCRMs     float64 `json:"warmSecondCleanCleanreadMs"`
	WarmSecondJSMs     float64 `json:"warmSecondCleanJSMs"`
	CRFailures         int     `json:"cleanreadFailures"`
	JSFailures         int     `json:"jsFailures"`
}

type result struct {
	Label    string            `json:"label,omitempty"`
	When     time.Time         `json:"when"`
	Machine  map[string]string `json:"machine"`
	Runs     int               `json:"runsPerPage"`
	Prune    bool              `json:"prune"`
	Wasm     sizes             `json:"wasm"`
	GoBench  []string          `json:"goBench,omitempty"`
	Summary  summary           `json:"summary"`
	Memory   []memResult       `json:"memory,omitempty"`
	Cold     []coldResult      `json:"cold"`
	Pages    []pageResult      `json:"pages"`
	Duration string            `json:"duration"`
}

func run(c config) error {
	began := time.Now()
	res := result{Label: c.label, When: began.UTC(), Runs: c.runs, Prune: c.prune}

	pages, err := corpus.MozillaPages()
	if err != nil {
		return err
	}
	if c.maxPages > 0 && c.maxPages < len(pages) {
		pages = pages[:c.maxPages]
	}
	fsys, names, err := benchFS(c, pages)
	if err != nil {
		return err
	}
	if res.Wasm, err = wasmSizes(filepath.Join(c.web, "cleanread.wasm")); err != nil {
		return err
	}
	if c.goBench != "" {
		res.GoBench = goBenchLines(c.goBench)
	}

	srv := httptest.NewServer(webserve.Handler(fsys))
	defer srv.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(c.chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("enable-precise-memory-info", true),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(bctx); err != nil {
		return fmt.Errorf("starting %s: %w", c.chromium, err)
	}
	res.Machine = machine(bctx)

	// 1. Per-page times, both engines interleaved in one tab.
	res.Pages, err = throughput(bctx, srv.URL, c, names)
	if err != nil {
		return err
	}
	// 2. Peak renderer memory, each engine alone in a fresh renderer.
	if c.memory {
		for _, engine := range []string{"js", "cr"} {
			m := memory(bctx, srv.URL, engine, names)
			res.Memory = append(res.Memory, m)
		}
	}
	// 3. Cold starts on the page of median size, alternating engines: the
	// page at once (and a repeat visit), then the page arriving a while after
	// the engine is ready.
	coldPage := medianPage(res.Pages)
	for i := range c.cold {
		order := []string{"cr", "js"}
		if i%2 == 1 {
			slices.Reverse(order)
		}
		for _, engine := range order {
			rs, err := coldStart(bctx, srv.URL, engine, coldPage)
			if err != nil {
				return err
			}
			r, err := laterStart(bctx, srv.URL, engine, coldPage)
			if err != nil {
				return err
			}
			res.Cold = append(res.Cold, append(rs, r)...)
		}
	}
	res.Machine["loadEnd"] = loadAverage()
	res.Summary = summarize(res.Pages, res.Cold)
	res.Summary.ColdPage = coldPage
	res.Duration = time.Since(began).Round(time.Second).String()

	if err := os.MkdirAll(filepath.Dir(c.out), 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(c.out, b, 0o644); err != nil {
		return err
	}
	printTable(os.Stdout, res, c.out)
	return nil
}

// benchFS lays the benchmark files over the built web app: /bench/ from
// bench/www, /vendor/ from bench/node_modules, /pages/NAME.html from the
// Mozilla corpus. It returns the page names in corpus order.
func benchFS(c config, pages []corpus.MozillaPage) (fs.FS, []string, error) {
	m := fstest.MapFS{}
	vendor := map[string]string{
		"vendor/Readability.js": "@mozilla/readability/Readability.js",
		"vendor/purify.js":      "dompurify/dist/purify.js",
	}
	for name, src := range vendor {
		b, err := os.ReadFile(filepath.Join(c.nodeModules, src))
		if err != nil {
			return nil, nil, fmt.Errorf("%w (install the baseline with: npm ci --prefix bench)", err)
		}
		m[name] = &fstest.MapFile{Data: b}
	}
	entries, err := os.ReadDir(c.www)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(c.www, e.Name()))
		if err != nil {
			return nil, nil, err
		}
		m["bench/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	names := make([]string, 0, len(pages))
	for _, p := range pages {
		b, err := p.Source()
		if err != nil {
			return nil, nil, err
		}
		m["pages/"+p.Name+".html"] = &fstest.MapFile{Data: b}
		names = append(names, p.Name)
	}
	if _, err := os.Stat(filepath.Join(c.web, "cleanread.wasm")); err != nil {
		return nil, nil, fmt.Errorf("%w: build the web app first (./build.sh)", err)
	}
	return overlay{m, os.DirFS(c.web)}, names, nil
}

// overlay serves names from the first layer that has them.
type overlay []fs.FS

func (o overlay) Open(name string) (fs.File, error) {
	var last error
	for _, l := range o {
		f, err := l.Open(name)
		if err == nil {
			return f, nil
		}
		last = err
	}
	return nil, last
}

func wasmSizes(path string) (sizes, error) {
	var s sizes
	fi, err := os.Stat(path)
	if err != nil {
		return s, err
	}
	s.Raw = fi.Size()
	s.Gzip = compressedSize(path+".gz", "gzip", "-9", "-n", "-c", path)
	s.Brotli = compressedSize(path+".br", "brotli", "-q", "11", "-c", path)
	return s, nil
}

// compressedSize is the size of the precompressed file, or of the tool's
// output when that file is missing (-1 when neither works).
func compressedSize(file, tool string, args ...string) int64 {
	if fi, err := os.Stat(file); err == nil {
		return fi.Size()
	}
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		return -1
	}
	return int64(len(out))
}

func goBenchLines(path string) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var lines []string
	for l := range strings.SplitSeq(string(b), "\n") {
		if strings.HasPrefix(l, "Benchmark") || strings.HasPrefix(l, "cpu:") {
			lines = append(lines, strings.Join(strings.Fields(l), " "))
		}
	}
	return lines
}

// loadAverage is the machine's 1, 5 and 15 minute load, so a reader can tell
// a quiet run from a noisy one.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

func machine(ctx context.Context) map[string]string {
	m := map[string]string{
		"cpus": strconv.Itoa(runtime.NumCPU()),
		"go":   runtime.Version(),
		"os":   runtime.GOOS + "/" + runtime.GOARCH,
	}
	m["load"] = loadAverage()
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for l := range strings.SplitSeq(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m["cpu"] = strings.TrimSpace(v)
				break
			}
		}
	}
	if v, err := chromedp.CallBrowser(ctx, browser.GetVersion, cdp.Empty{}); err == nil {
		m["browser"] = v.Product
		m["v8"] = v.JsVersion
	}
	if out, err := exec.Command("node", "--version").Output(); err == nil {
		m["node"] = strings.TrimSpace(string(out))
	}
	return m
}

// evalIn evaluates expr (awaiting a promise) with a timeout.
func evalIn[T any](ctx context.Context, d time.Duration, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

func open(ctx context.Context, url, ready string) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	return chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS(ready)))
}

func throughput(bctx context.Context, base string, c config, names []string) ([]pageResult, error) {
	ctx, cancel := chromedp.NewContext(bctx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		return nil, err
	}
	q := ""
	if c.prune {
		q = "?prune=1"
	}
	if err := open(ctx, base+"/bench/bench.html"+q, `body[data-state="ready"]`); err != nil {
		return nil, fmt.Errorf("opening the bench page: %w", err)
	}
	if _, err := evalIn[map[string]any](ctx, 60*time.Second, `bench.ready()`); err != nil {
		return nil, fmt.Errorf("starting cleanread: %w", err)
	}
	// Warm-up: both engines see a few pages once, so the engines' optimizing
	// tiers have kicked in before anything counts.
	for _, n := range names[:min(10, len(names))] {
		if _, err := evalIn[pageResult](ctx, 120*time.Second, fmt.Sprintf(`bench.page(%q, 1)`, n)); err != nil {
			return nil, fmt.Errorf("warm-up on %s: %w", n, err)
		}
	}
	out := make([]pageResult, 0, len(names))
	for i, n := range names {
		r, err := evalIn[pageResult](ctx, 120*time.Second, fmt.Sprintf(`bench.page(%q, %d)`, n, c.runs))
		if err != nil {
			return nil, fmt.Errorf("page %s: %w", n, err)
		}
		r.Ratio = r.CRMedian / r.JSMedian
		out = append(out, r)
		if (i+1)%25 == 0 {
			fmt.Fprintf(os.Stderr, "bench: %d/%d pages\n", i+1, len(names))
		}
	}
	return out, nil
}

// rendererPIDs lists the browser's renderer processes.
func rendererPIDs(ctx context.Context) (map[int64]bool, error) {
	info, err := chromedp.CallBrowser(ctx, systeminfo.GetProcessInfo, cdp.Empty{})
	if err != nil {
		return nil, err
	}
	pids := map[int64]bool{}
	for _, p := range info.ProcessInfo {
		if p.Type == "renderer" {
			pids[p.ID] = true
		}
	}
	return pids, nil
}

// procStatus reads a field in kB (VmHWM, VmRSS) of /proc/PID/status.
func procStatus(pid int64, field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1
	}
	for l := range strings.SplitSeq(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && k == field {
			f := strings.Fields(v)
			if len(f) > 0 {
				n, _ := strconv.ParseInt(f[0], 10, 64)
				return n * 1024
			}
		}
	}
	return -1
}

// memory cleans every page once with one engine in a fresh browser context,
// so in a renderer process of its own, and reads that process's peak RSS.
func memory(bctx context.Context, base, engine string, names []string) memResult {
	m := memResult{Engine: engine, MeasuredWhat: "VmHWM (peak resident set) of the renderer process hosting the bench tab and its worker, from /proc/PID/status"}
	fail := func(err error) memResult { m.ErrorIfFailed = err.Error(); return m }
	before, err := rendererPIDs(bctx)
	if err != nil {
		return fail(err)
	}
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		return fail(err)
	}
	if err := open(ctx, base+"/bench/bench.html", `body[data-state="ready"]`); err != nil {
		return fail(err)
	}
	if engine == "cr" {
		if _, err := evalIn[map[string]any](ctx, 60*time.Second, `bench.ready()`); err != nil {
			return fail(err)
		}
	}
	for _, n := range names {
		if _, err := evalIn[pageResult](ctx, 120*time.Second, fmt.Sprintf(`bench.page(%q, 1, %q)`, n, engine)); err != nil {
			return fail(err)
		}
		m.PagesCleaned++
	}
	// The tab's renderer is the new renderer process with the highest peak;
	// Chromium may also keep a small spare renderer started.
	after, err := rendererPIDs(bctx)
	if err != nil {
		return fail(err)
	}
	for pid := range after {
		if hwm := procStatus(pid, "VmHWM"); !before[pid] && hwm > m.PeakRSS {
			m.RendererPID, m.PeakRSS = pid, hwm
		}
	}
	if m.RendererPID == 0 {
		return fail(errors.New("could not tell which renderer process hosts the tab"))
	}
	m.JSHeapUsed, _ = evalIn[int64](ctx, 10*time.Second, `bench.jsHeap()`)
	if engine == "cr" {
		m.WasmMemory, _ = evalIn[int64](ctx, 10*time.Second, `bench.wasmMemory()`)
	}
	return m
}

// coldStart opens the cold page in a fresh browser context (empty cache),
// then once more in the same context (a repeat visit).
func coldStart(bctx context.Context, base, engine, page string) ([]coldResult, error) {
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		return nil, err
	}
	var out []coldResult
	for visit := range 2 {
		url := fmt.Sprintf("%s/bench/cold.html?engine=%s&page=%s&visit=%d", base, engine, page, visit)
		if err := open(ctx, url, `body[data-state="done"], body[data-state="error"]`); err != nil {
			return nil, fmt.Errorf("cold start %s: %w", engine, err)
		}
		r, err := evalIn[coldResult](ctx, 10*time.Second, `window.coldResult`)
		if err != nil {
			return nil, err
		}
		if r.Error != "" {
			return nil, fmt.Errorf("cold start %s: %s", engine, r.Error)
		}
		r.RepeatVisit = visit == 1
		out = append(out, r)
	}
	return out, nil
}

// laterMs is how long after ready the page comes in laterStart: about what
// a shell waits for its page, and enough for the worker's warm-up.
const laterMs = 2000

// laterStart is one cold start in a fresh context where the page arrives
// laterMs after the engine is ready.
func laterStart(bctx context.Context, base, engine, page string) (coldResult, error) {
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		return coldResult{}, err
	}
	url := fmt.Sprintf("%s/bench/cold.html?engine=%s&page=%s&later=%d", base, engine, page, laterMs)
	if err := open(ctx, url, `body[data-state="done"], body[data-state="error"]`); err != nil {
		return coldResult{}, fmt.Errorf("later start %s: %w", engine, err)
	}
	r, err := evalIn[coldResult](ctx, 20*time.Second, `window.coldResult`)
	if err != nil {
		return coldResult{}, err
	}
	if r.Error != "" {
		return coldResult{}, fmt.Errorf("later start %s: %s", engine, r.Error)
	}
	r.LaterMs = laterMs
	return r, nil
}

// spread is a median with the smallest and largest value seen.
type spread struct {
	Median float64 `json:"median"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
	N      int     `json:"n"`
}

func spreadOf(xs []float64) spread {
	if len(xs) == 0 {
		return spread{}
	}
	return spread{Median: median(xs), Min: slices.Min(xs), Max: slices.Max(xs), N: len(xs)}
}

func (s spread) String() string {
	return fmt.Sprintf("%.0f (%.0f–%.0f) ms", s.Median, s.Min, s.Max)
}

func medianPage(pages []pageResult) string {
	s := slices.Clone(pages)
	slices.SortFunc(s, func(a, b pageResult) int { return cmp.Compare(a.Bytes, b.Bytes) })
	return s[len(s)/2].Name
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func summarize(pages []pageResult, cold []coldResult) summary {
	var s summary
	var ratios, crs, jss []float64
	for _, p := range pages {
		ratios = append(ratios, p.Ratio)
		crs = append(crs, p.CRMedian)
		jss = append(jss, p.JSMedian)
		s.CRTotalMs += p.CRMedian
		s.JSTotalMs += p.JSMedian
		if !p.CROK {
			s.CRFailures++
		}
		if !p.JSOK {
			s.JSFailures++
		}
	}
	s.PerPageRatioMedian = median(ratios)
	s.TotalRatio = s.CRTotalMs / s.JSTotalMs
	s.CRMedianPageMs, s.JSMedianPageMs = median(crs), median(jss)
	pick := func(engine string, repeat bool, f func(coldResult) float64) float64 {
		var xs []float64
		for _, c := range cold {
			if c.Engine == engine && c.RepeatVisit == repeat && c.LaterMs == 0 {
				xs = append(xs, f(c))
			}
		}
		return median(xs)
	}
	first := func(c coldResult) float64 { return c.FirstMs }
	s.ColdCRMs, s.ColdJSMs = pick("cr", false, first), pick("js", false, first)
	s.ColdCRReadyMs = pick("cr", false, func(c coldResult) float64 { return c.ReadyMs })
	s.ColdCRFirstClean = pick("cr", false, func(c coldResult) float64 { return c.FirstCleanMs })
	s.RepeatCRMs, s.RepeatJSMs = pick("cr", true, first), pick("js", true, first)
	warm := func(c coldResult) float64 { return c.WarmMs }
	s.WarmSecondCRMs, s.WarmSecondJSMs = pick("cr", false, warm), pick("js", false, warm)
	later := func(engine string) spread {
		var xs []float64
		for _, c := range cold {
			if c.Engine == engine && c.LaterMs > 0 {
				xs = append(xs, c.FirstCleanMs)
			}
		}
		return spreadOf(xs)
	}
	s.LaterCRFirstClean, s.LaterJSFirstClean = later("cr"), later("js")
	return s
}

func mb(n int64) string { return fmt.Sprintf("%.2f MB", float64(n)/1e6) }

func printTable(w io.Writer, r result, out string) {
	s := r.Summary
	fmt.Fprintf(w, "\ncleanread in-browser benchmark%s — %s, %s CPUs, %s; %d pages × %d runs; took %s\n",
		labelSuffix(r.Label), r.Machine["browser"], r.Machine["cpus"], r.Machine["cpu"], len(r.Pages), r.Runs, r.Duration)
	for _, l := range r.GoBench {
		fmt.Fprintf(w, "  native: %s\n", l)
	}
	row := func(name, cr, js, ratio string) { fmt.Fprintf(w, "  %-40s %14s %14s %8s\n", name, cr, js, ratio) }
	row("", "cleanread", "Readab.+DOMP.", "ratio")
	row("per-page time, median of page medians", ms(s.CRMedianPageMs), ms(s.JSMedianPageMs), "")
	row("per-page ratio, median over pages", "", "", x(s.PerPageRatioMedian))
	row("whole corpus, sum of page medians", ms(s.CRTotalMs), ms(s.JSTotalMs), x(s.TotalRatio))
	row("cold start to first article ("+s.ColdPage+")", ms(s.ColdCRMs), ms(s.ColdJSMs), x(s.ColdCRMs/s.ColdJSMs))
	row("  of which: loaded and ready", ms(s.ColdCRReadyMs), "", "")
	row("  of which: first clean", ms(s.ColdCRFirstClean), "", "")
	row(fmt.Sprintf("first clean, page %.0f s after ready", float64(laterMs)/1000), s.LaterCRFirstClean.String(), s.LaterJSFirstClean.String(),
		x(s.LaterCRFirstClean.Median/s.LaterJSFirstClean.Median))
	row("repeat visit, same context (HTTP cache)", ms(s.RepeatCRMs), ms(s.RepeatJSMs), x(s.RepeatCRMs/s.RepeatJSMs))
	row("warm second clean of that page", ms(s.WarmSecondCRMs), ms(s.WarmSecondJSMs), x(s.WarmSecondCRMs/s.WarmSecondJSMs))
	var crMem, jsMem memResult
	for _, m := range r.Memory {
		if m.Engine == "cr" {
			crMem = m
		} else {
			jsMem = m
		}
	}
	if len(r.Memory) > 0 {
		row("peak renderer RSS (VmHWM), whole corpus", mb(crMem.PeakRSS), mb(jsMem.PeakRSS), x(float64(crMem.PeakRSS)/float64(jsMem.PeakRSS)))
		row("  wasm linear memory at the end", mb(crMem.WasmMemory), "", "")
	}
	row("download: wasm raw / gzip / brotli", mb(r.Wasm.Raw), "", "")
	row("", mb(r.Wasm.Gzip)+" gz", "", "")
	row("", mb(r.Wasm.Brotli)+" br", "", "")
	row("pages without an article", strconv.Itoa(s.CRFailures), strconv.Itoa(s.JSFailures), "")
	fmt.Fprintf(w, "  full result: %s\n", out)
	fmt.Fprintf(w, "ratios cleanread/(Readability.js+DOMPurify): per-page median %.2fx, corpus total %.2fx, cold start %.2fx (%.0f ms vs %.0f ms), first clean of a page that comes later %.2fx; load %s\n",
		s.PerPageRatioMedian, s.TotalRatio, s.ColdCRMs/s.ColdJSMs, s.ColdCRMs, s.ColdJSMs,
		s.LaterCRFirstClean.Median/s.LaterJSFirstClean.Median, r.Machine["load"]+" → "+r.Machine["loadEnd"])
}

func labelSuffix(l string) string {
	if l == "" {
		return ""
	}
	return " [" + l + "]"
}

func ms(v float64) string { return fmt.Sprintf("%.1f ms", v) }
func x(v float64) string  { return fmt.Sprintf("%.2fx", v) }
