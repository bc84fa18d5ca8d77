package main

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/chromedp/chromedp"
)

// coldResult is one start of one engine on the cold page (www/cold.js).
type coldResult struct {
	Engine        string     `json:"engine"`
	Page          string     `json:"page"`
	Bytes         int        `json:"bytes"`
	ReadyMs       float64    `json:"readyMs"`
	FirstMs       float64    `json:"firstMs"`
	FirstCleanMs  float64    `json:"firstCleanMs"`
	WarmMs        float64    `json:"warmMs"`
	WasmTransfer  float64    `json:"wasmTransfer,omitempty"`
	OK            bool       `json:"ok"`
	Error         string     `json:"error,omitempty"`
	SecondVisit   bool       `json:"secondVisit"`
	LaterMs       int        `json:"laterMs,omitempty"`
	WasmRespEndMs float64    `json:"wasmResponseEnd,omitempty"`
	Start         float64    `json:"start"`
	Split         *coldSplit `json:"split,omitempty"`
}

// coldSplit is where cleanread's start went (see www/cold.js).
type coldSplit struct {
	FetchMs            float64 `json:"fetchMs"`
	CompileMs          float64 `json:"compileMs"`
	PostMs             float64 `json:"postMs"`
	HandOverMs         float64 `json:"handOverMs"`
	InstantiateMs      float64 `json:"instantiateMs"`
	GoInitMs           float64 `json:"goInitMs"`
	InitMs             float64 `json:"initMs"`
	WarmUps            int     `json:"warmUps"`
	WarmUpMs           float64 `json:"warmUpMs"`
	FirstCleanWorkerMs float64 `json:"firstCleanWorkerMs"`
}

// coldSummary holds the cold-start figures, each over the -cold starts.
type coldSummary struct {
	Page               string `json:"page"`
	CRFirst, JSFirst   spread
	CRReady, JSReady   spread
	CRFirstClean       spread
	Fetch, Compile     spread
	InstantiateInit    spread // module posted → ready
	HandOver           spread // module posted → arrived in the worker
	Instantiate        spread
	GoInit             spread
	WarmUp             spread // the worker's warm-up cleans, when the page comes later
	WarmUps            int
	CRLater, JSLater   spread // first clean of a page that comes laterMs after ready
	CRSecond, JSSecond spread // second visit, new tab: to the first article
	CRSecondReady      spread
	CRSecondClean      spread
	JSSecondClean      spread
	SecondFromCache    int // second visits whose wasm came from the HTTP cache (no transfer)
	SecondVisits       int
	CRWarm, JSWarm     spread // the second clean in the same page
}

// coldStarts runs -cold starts per engine on page, alternating which goes
// first: the page at once in a fresh browser (then a second visit in a new
// tab of the same profile), and the page coming laterMs after the engine is
// ready.
func coldStarts(bctx context.Context, c config, base, page string) ([]coldResult, error) {
	var out []coldResult
	for i := range c.cold {
		order := []string{"cr", "js"}
		if i%2 == 1 {
			slices.Reverse(order)
		}
		for _, engine := range order {
			rs, err := coldStart(c, base, engine, page)
			if err != nil {
				return nil, err
			}
			r, err := laterStart(bctx, base, engine, page)
			if err != nil {
				return nil, err
			}
			out = append(out, append(rs, r)...)
		}
	}
	return out, nil
}

// coldVisit opens cold.html in the tab of ctx and returns its result.
func coldVisit(ctx context.Context, url string) (coldResult, error) {
	if err := open(ctx, url, `body[data-state="done"], body[data-state="error"]`); err != nil {
		return coldResult{}, err
	}
	r, err := evalIn[coldResult](ctx, 20*time.Second, `window.coldResult`)
	if err != nil {
		return coldResult{}, err
	}
	if r.Error != "" {
		return coldResult{}, fmt.Errorf("%s", r.Error)
	}
	return r, nil
}

// coldStart opens the cold page in a fresh browser with a profile of its
// own (empty caches), leaves it open c.stay, closes that tab, and opens it
// again in a new tab: a second visit, with the wasm in the HTTP cache and
// its compiled code in V8's code cache. A browser of its own, not a new
// browser context of the shared one: such a context is like a private
// window, which keeps no compiled code for the next visit, so a second
// visit there measured a cost no returning reader pays. The stay is the
// first visit's reading time, during which Chrome tiers up and caches the
// hot code. The browser's own blank tab keeps it alive in between, and
// holds no engine that the second visit could borrow compiled code from.
func coldStart(c config, base, engine, page string) ([]coldResult, error) {
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), launchOptions(c)...)
	defer cancelAlloc()
	bc, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(bc); err != nil {
		return nil, err
	}
	var out []coldResult
	for visit := range 2 {
		tab, cancelTab := chromedp.NewContext(bc)
		if err := chromedp.Do(tab); err != nil {
			cancelTab()
			return nil, err
		}
		r, err := coldVisit(tab, fmt.Sprintf("%s/bench/cold.html?engine=%s&page=%s&visit=%d", base, engine, page, visit))
		if visit == 0 && err == nil {
			time.Sleep(c.stay)
		}
		cancelTab() // closes the tab
		if err != nil {
			return nil, fmt.Errorf("cold start %s, visit %d: %w", engine, visit+1, err)
		}
		r.SecondVisit = visit == 1
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
	r, err := coldVisit(ctx, fmt.Sprintf("%s/bench/cold.html?engine=%s&page=%s&later=%d", base, engine, page, laterMs))
	if err != nil {
		return coldResult{}, fmt.Errorf("later start %s: %w", engine, err)
	}
	r.LaterMs = laterMs
	return r, nil
}

func summarizeCold(page string, cold []coldResult) coldSummary {
	s := coldSummary{Page: page}
	// pick gathers f over the starts of engine of one kind; f says false for
	// a start that lacks the figure.
	pick := func(engine string, second, later bool, f func(coldResult) (float64, bool)) spread {
		var xs []float64
		for _, c := range cold {
			if c.Engine != engine || c.SecondVisit != second || (c.LaterMs > 0) != later {
				continue
			}
			if v, ok := f(c); ok {
				xs = append(xs, v)
			}
		}
		return spreadOf(xs)
	}
	field := func(f func(coldResult) float64) func(coldResult) (float64, bool) {
		return func(c coldResult) (float64, bool) { return f(c), true }
	}
	split := func(f func(*coldSplit) float64) func(coldResult) (float64, bool) {
		return func(c coldResult) (float64, bool) {
			if c.Split == nil {
				return 0, false
			}
			return f(c.Split), true
		}
	}
	first := field(func(c coldResult) float64 { return c.FirstMs })
	ready := field(func(c coldResult) float64 { return c.ReadyMs })
	clean := field(func(c coldResult) float64 { return c.FirstCleanMs })
	warm := field(func(c coldResult) float64 { return c.WarmMs })
	s.CRFirst, s.JSFirst = pick("cr", false, false, first), pick("js", false, false, first)
	s.CRReady, s.JSReady = pick("cr", false, false, ready), pick("js", false, false, ready)
	s.CRFirstClean = pick("cr", false, false, clean)
	s.CRLater, s.JSLater = pick("cr", false, true, clean), pick("js", false, true, clean)
	s.CRSecond, s.JSSecond = pick("cr", true, false, first), pick("js", true, false, first)
	s.CRSecondReady = pick("cr", true, false, ready)
	s.CRSecondClean, s.JSSecondClean = pick("cr", true, false, clean), pick("js", true, false, clean)
	s.CRWarm, s.JSWarm = pick("cr", false, false, warm), pick("js", false, false, warm)
	s.Fetch = pick("cr", false, false, split(func(p *coldSplit) float64 { return p.FetchMs }))
	s.Compile = pick("cr", false, false, split(func(p *coldSplit) float64 { return p.CompileMs }))
	s.InstantiateInit = pick("cr", false, false, split(func(p *coldSplit) float64 { return p.InitMs }))
	s.HandOver = pick("cr", false, false, split(func(p *coldSplit) float64 { return p.HandOverMs }))
	s.Instantiate = pick("cr", false, false, split(func(p *coldSplit) float64 { return p.InstantiateMs }))
	s.GoInit = pick("cr", false, false, split(func(p *coldSplit) float64 { return p.GoInitMs }))
	s.WarmUp = pick("cr", false, true, split(func(p *coldSplit) float64 { return p.WarmUpMs }))
	for _, c := range cold {
		if c.Engine == "cr" && c.SecondVisit {
			s.SecondVisits++
			if c.WasmTransfer == 0 {
				s.SecondFromCache++
			}
		}
		if c.Engine == "cr" && c.LaterMs > 0 && c.Split != nil {
			s.WarmUps = max(s.WarmUps, c.Split.WarmUps)
		}
	}
	return s
}
