// Command bench is the in-browser half of `./build.sh bench`. It serves the
// built web app (dist/web) together with the benchmark pages (bench/www),
// the JavaScript baseline from bench/node_modules (@mozilla/readability and
// dompurify, never shipped) and the Mozilla test pages, then drives Debian's
// headless Chromium through these sections (-sections picks some):
//
//   - pages: per-page time, cleanread through the public web/engine/cleanread.js API
//     (worker included) against Readability.js + DOMPurify, interleaved per
//     page and alternating which goes first, median of -runs runs each;
//   - memory: peak renderer memory for each engine alone, in its own browser
//     context: the peak resident set (VmHWM from /proc/PID/status) of the
//     renderer process, which holds the page, its worker and the wasm memory;
//     plus the wasm linear memory size the worker reports;
//   - cold: cold start in a fresh browser context, from the first byte of the
//     engine's code requested to the first cleaned article, on the page of
//     median size, with where cleanread's start goes (fetch, compile,
//     instantiate, Go init, warm-up, first clean); the page coming 2 s after
//     ready; a second visit in a new tab of the same context;
//   - big: a generated news article of -big-mb megabytes pasted into the
//     demo, Clean to story shown, with the longest gap of a 10 ms timer on
//     the page's main thread (cleanread only);
//   - shells: what a user of each shell waits for, click to story painted:
//     the bookmarklet (first click in a fresh browser, second click on
//     another page), the extension's popup (fresh browser, browser used once)
//     and its reader tab, each against the same shell built around the JS
//     pair (see shells.go);
//
// and the wasm's size raw, gzip and brotli. It writes bench/out/result.json
// and prints a table whose last line states every ratio and the machine's
// load in each section. Run it through ./build.sh bench, which builds
// dist/web first (the shells section also needs dist/extension: ./build.sh).
package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
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
	"github.com/chromedp/chromedp"

	"cleanread/internal/corpus"
	"cleanread/internal/webserve"
)

// allSections are the sections in the order they run.
var allSections = []string{"pages", "memory", "cold", "big", "shells"}

type config struct {
	web, www, ext, nodeModules, out, goBench, chromium, label, jsFlags, trace string
	runs, maxPages, cold, shellRuns, bigRuns                                  int
	bigMB                                                                     float64
	prune, memory                                                             bool
	stay                                                                      time.Duration // see coldStart
	read                                                                      time.Duration // see shells
	sections                                                                  map[string]bool
	jsVariant                                                                 string // see config.builds
}

func main() {
	var c config
	var sections string
	flag.StringVar(&c.web, "web", "dist/web", "the built web app")
	flag.StringVar(&c.ext, "extension", "dist/extension", "the built extension (shells section)")
	flag.StringVar(&c.jsVariant, "js-variant", "dist/bench-js", "the shells built around www/js-engine.js, in web/ and extension/ (shells section; the build program's -engine)")
	flag.StringVar(&c.www, "www", "bench/www", "the benchmark pages")
	flag.StringVar(&c.nodeModules, "node-modules", "bench/node_modules", "where npm installed the JavaScript baseline")
	flag.StringVar(&c.out, "out", "bench/out/result.json", "the JSON result file")
	flag.StringVar(&c.goBench, "gobench", "", "output of the native Go benchmarks to include (optional)")
	flag.StringVar(&c.chromium, "chromium", cmp.Or(os.Getenv("CHROMIUM"), "/usr/bin/chromium"), "the browser")
	flag.StringVar(&c.label, "label", "", "a name for this run (for comparing levers)")
	flag.StringVar(&c.trace, "trace", "", "after the cold section, trace one more cold start with Chrome's tracing and write the trace here (JSON), with a summary of where the worker's time went")
	flag.StringVar(&c.jsFlags, "js-flags", "", "V8 flags for every browser the bench starts, to see what a V8 tier or compile mode costs (say --no-liftoff)")
	flag.StringVar(&sections, "sections", strings.Join(allSections, ","), "comma-separated sections to run: "+strings.Join(allSections, ", "))
	flag.IntVar(&c.runs, "runs", 5, "runs per page and engine; the median counts")
	flag.IntVar(&c.maxPages, "pages", 0, "use only the first N pages of the corpus in the pages and memory sections (0: all)")
	flag.IntVar(&c.cold, "cold", 5, "cold starts per engine")
	flag.Float64Var(&c.bigMB, "big-mb", 10, "size of the generated article in the big section, in megabytes")
	flag.IntVar(&c.bigRuns, "big-runs", 3, "runs of the big section")
	flag.IntVar(&c.shellRuns, "shell-runs", 5, "runs per shell flow, page and engine")
	flag.DurationVar(&c.read, "read", 3*time.Second, "in the shells, how long the reader reads the first story before the second click or popup")
	flag.DurationVar(&c.stay, "stay", 5*time.Second, "how long a cold start's first visit stays open before the second visit: the reading time in which the browser caches compiled code")
	flag.BoolVar(&c.prune, "prune", false, "cleanread gets a pruned copy of the page (clone, prune, serialize: timed)")
	flag.BoolVar(&c.memory, "memory", true, "measure peak renderer memory per engine (false drops the memory section)")
	flag.Parse()
	var err error
	if c.sections, err = parseSections(sections); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	if !c.memory {
		delete(c.sections, "memory")
	}
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// parseSections reads the -sections list.
func parseSections(list string) (map[string]bool, error) {
	m := map[string]bool{}
	for s := range strings.SplitSeq(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !slices.Contains(allSections, s) {
			return nil, fmt.Errorf("unknown section %q (known: %s)", s, strings.Join(allSections, ", "))
		}
		m[s] = true
	}
	if len(m) == 0 {
		return nil, errors.New("-sections names no section")
	}
	return m, nil
}

type sizes struct {
	Raw    int64 `json:"raw"`
	Gzip   int64 `json:"gzip"`
	Brotli int64 `json:"brotli"`
}

// sectionRun says when a section ran and how loaded the machine was: the
// 1, 5 and 15 minute load averages at its start and end.
type sectionRun struct {
	Name      string `json:"name"`
	LoadStart string `json:"loadStart"`
	LoadEnd   string `json:"loadEnd"`
	Duration  string `json:"duration"`
}

type result struct {
	Label    string            `json:"label,omitempty"`
	When     time.Time         `json:"when"`
	Machine  map[string]string `json:"machine"`
	Runs     int               `json:"runsPerPage"`
	Prune    bool              `json:"prune"`
	Wasm     sizes             `json:"wasm"`
	GoBench  []string          `json:"goBench,omitempty"`
	Sections []sectionRun      `json:"sections"`
	Pages    *pagesSummary     `json:"pagesSummary,omitempty"`
	Cold     *coldSummary      `json:"coldSummary,omitempty"`
	Big      *bigSummary       `json:"bigSummary,omitempty"`
	BigRuns  []bigRun          `json:"big,omitempty"`
	Shells   []shellFigure     `json:"shellsSummary,omitempty"`
	Memory   []memResult       `json:"memory,omitempty"`
	ColdRuns []coldResult      `json:"cold,omitempty"`
	PageRuns []pageResult      `json:"pages,omitempty"`
	Trials   []shellTrial      `json:"shellTrials,omitempty"`
	Duration string            `json:"duration"`
}

func run(c config) error {
	began := time.Now()
	res := result{Label: c.label, When: began.UTC(), Runs: c.runs, Prune: c.prune}

	all, err := corpus.MozillaPages()
	if err != nil {
		return err
	}
	fsys, sizesByName, err := benchFS(c, all)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(all))
	for _, p := range all {
		names = append(names, p.Name)
	}
	corpusNames := names
	if c.maxPages > 0 && c.maxPages < len(names) {
		corpusNames = names[:c.maxPages]
	}
	if res.Wasm, err = wasmSizes(filepath.Join(c.web, "cleanread.wasm")); err != nil {
		return err
	}
	if c.goBench != "" {
		res.GoBench = goBenchLines(c.goBench)
	}

	srv := httptest.NewServer(webserve.Handler(fsys))
	defer srv.Close()

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), launchOptions(c)...)
	defer cancelAlloc()
	bctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(bctx); err != nil {
		return fmt.Errorf("starting %s: %w", c.chromium, err)
	}
	res.Machine = machine(bctx)

	section := func(name string, f func() error) error {
		if !c.sections[name] {
			return nil
		}
		s := sectionRun{Name: name, LoadStart: loadAverage()}
		t0 := time.Now()
		fmt.Fprintf(os.Stderr, "bench: section %s (load %s)\n", name, s.LoadStart)
		err := f()
		s.LoadEnd, s.Duration = loadAverage(), time.Since(t0).Round(time.Second).String()
		res.Sections = append(res.Sections, s)
		if err != nil {
			return fmt.Errorf("section %s: %w", name, err)
		}
		return nil
	}
	// 1. Per-page times, both engines interleaved in one tab.
	err = section("pages", func() error {
		var err error
		res.PageRuns, err = throughput(bctx, srv.URL, c, corpusNames)
		s := summarizePages(res.PageRuns)
		res.Pages = &s
		return err
	})
	if err != nil {
		return err
	}
	// 2. Peak renderer memory, each engine alone in a fresh renderer.
	err = section("memory", func() error {
		for _, engine := range []string{"js", "cr"} {
			res.Memory = append(res.Memory, memory(bctx, srv.URL, engine, corpusNames))
		}
		return nil
	})
	if err != nil {
		return err
	}
	// 3. Cold starts on the page of median size, alternating engines.
	coldPage := medianBySize(names, sizesByName)
	err = section("cold", func() error {
		var err error
		res.ColdRuns, err = coldStarts(bctx, c, srv.URL, coldPage)
		s := summarizeCold(coldPage, res.ColdRuns)
		res.Cold = &s
		if err == nil && c.trace != "" {
			err = traceCold(bctx, srv.URL, coldPage, c.trace, os.Stdout)
		}
		return err
	})
	if err != nil {
		return err
	}
	// 4. A generated article of c.bigMB megabytes in the demo.
	err = section("big", func() error {
		var err error
		res.BigRuns, err = bigArticles(bctx, srv.URL, int(c.bigMB*1e6), c.bigRuns)
		res.Big = summarizeBig(res.BigRuns)
		return err
	})
	if err != nil {
		return err
	}
	// 5. The shells, click to story painted, in browsers of their own; the
	// shared browser is done with, and closed so it takes nothing from them.
	cancel()
	err = section("shells", func() error {
		var err error
		res.Trials, err = shells(c, shellPages(names, sizesByName))
		res.Shells = summarizeShells(res.Trials)
		return err
	})
	if err != nil {
		return err
	}
	res.Machine["loadEnd"] = loadAverage()
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

// launchOptions are chromedp's defaults plus what works on these machines
// (see shared/notes/browser-testing.md), then extra.
func launchOptions(c config, extra ...chromedp.ExecAllocatorOption) []chromedp.ExecAllocatorOption {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(c.chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("enable-precise-memory-info", true),
		chromedp.WindowSize(1280, 900),
	)
	if c.jsFlags != "" {
		opts = append(opts, chromedp.Flag("js-flags", c.jsFlags))
	}
	return append(opts, extra...)
}

// medianBySize is the name of the page of median size.
func medianBySize(names []string, size map[string]int) string {
	s := slices.Clone(names)
	slices.SortStableFunc(s, func(a, b string) int { return cmp.Compare(size[a], size[b]) })
	return s[len(s)/2]
}

// jsLength is the length of b, decoded as UTF-8, as a JavaScript string
// (UTF-16 code units): what html.length says on the bench page, so that the
// page of median size is the same whichever side picks it.
func jsLength(b []byte) int {
	n := 0
	for _, r := range string(b) {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}

// benchFS lays the benchmark files over the built web app: /bench/ from
// bench/www, /vendor/ from bench/node_modules, /pages/NAME.html from the
// Mozilla corpus. It also returns each page's size (see jsLength).
func benchFS(c config, pages []corpus.MozillaPage) (fs.FS, map[string]int, error) {
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
	size := map[string]int{}
	for _, p := range pages {
		b, err := p.Source()
		if err != nil {
			return nil, nil, err
		}
		m["pages/"+p.Name+".html"] = &fstest.MapFile{Data: b}
		size[p.Name] = jsLength(b)
	}
	if _, err := os.Stat(filepath.Join(c.web, "cleanread.wasm")); err != nil {
		return nil, nil, fmt.Errorf("%w: build the web app first (./build.sh)", err)
	}
	return overlay{m, os.DirFS(c.web)}, size, nil
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
