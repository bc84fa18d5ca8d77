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
	Engine       string `json:"engine"`
	PeakRSS      int64  `json:"peakRendererRSSBytes"`
	WasmMemory   int64  `json:"wasmMemoryBytes,omitempty"`
	JSHeapUsed   int64  `json:"mainThreadJSHeapUsedBytes"`
	RendererPID  int64  `json:"rendererPID"`
	PagesCleaned int    `json:"pagesCleaned"`
	// Over many cleans (cleanread only): the wasm memory and the live Go
	// heap after a collection, after FlatFromAt cleans (flatFrom, or the
	// corpus's length when that is longer) and after flatTo.
	FlatFrom, FlatTo workerMem `json:",omitzero"`
	FlatFromAt       int       `json:"flatFromAt,omitempty"`
	MeasuredWhat     string    `json:"measured"`
	ErrorIfFailed    string    `json:"error,omitempty"`
}

// workerMem is the worker's answer to {type: 'memory'}.
type workerMem struct {
	Bytes int64 `json:"bytes"`
	Heap  int64 `json:"heap"`
}

// flatFrom and flatTo are the clean counts at which the memory section
// reads the worker's memory, to show it flat over many cleans.
const flatFrom, flatTo = 100, 500

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
		if err := manyCleans(ctx, &m, names); err != nil {
			return fail(err)
		}
	}
	return m
}

// manyCleans goes on cleaning the corpus round and round in the same tab,
// one run per page, up to flatTo cleans, and reads the worker's memory
// after flatFrom cleans (at once when the corpus was longer) and after flatTo.
func manyCleans(ctx context.Context, m *memResult, names []string) error {
	read := func() (workerMem, error) {
		return evalIn[workerMem](ctx, 30*time.Second, `bench.workerMemory()`)
	}
	if m.PagesCleaned >= flatFrom {
		w, err := read()
		if err != nil {
			return err
		}
		m.FlatFrom, m.FlatFromAt = w, m.PagesCleaned
	}
	for i := m.PagesCleaned; i < flatTo; i++ {
		n := names[i%len(names)]
		if _, err := evalIn[pageResult](ctx, 120*time.Second, fmt.Sprintf(`bench.page(%q, 1, "cr")`, n)); err != nil {
			return err
		}
		if i+1 != flatFrom && i+1 != flatTo {
			continue
		}
		w, err := read()
		if err != nil {
			return err
		}
		if i+1 == flatFrom {
			m.FlatFrom, m.FlatFromAt = w, flatFrom
		} else {
			m.FlatTo = w
		}
	}
	return nil
}
