package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/systeminfo"
	"github.com/chromedp/chromedp"
)

// memResult is one engine's memory over the whole corpus.
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
