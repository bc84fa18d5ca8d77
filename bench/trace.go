package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// traceCategories are what a traced cold start records: V8's wasm compile
// and tier-up events, and the timeline that places them.
var traceCategories = []string{
	"v8.wasm", "disabled-by-default-v8.wasm.detailed", "disabled-by-default-v8.wasm.turbofan",
	"v8", "devtools.timeline", "blink",
}

// traceEvent is the part of a Chrome trace event the summary reads.
type traceEvent struct {
	Name string         `json:"name"`
	Cat  string         `json:"cat"`
	Ph   string         `json:"ph"`
	Dur  float64        `json:"dur"`
	Pid  int            `json:"pid"`
	Tid  int            `json:"tid"`
	Args map[string]any `json:"args"`
}

// traceCold runs one cleanread cold start on page in a fresh context with
// Chrome's tracing on, writes the whole trace to path (open it in Perfetto
// or chrome://tracing) and prints where the threads' time went by event.
func traceCold(bctx context.Context, base, page, path string, w io.Writer) error {
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		return err
	}
	var (
		mu     sync.Mutex
		events []json.RawMessage
		done   = make(chan struct{})
	)
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, v := range e.Value {
				b, err := json.Marshal(v)
				if err == nil {
					events = append(events, b)
				}
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			close(done)
		}
	})
	if err != nil {
		return err
	}
	call := func(cmd func(ctx context.Context, tg *chromedp.Target) error) error {
		return chromedp.Do(ctx, chromedp.Func(cmd))
	}
	err = call(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, tracing.Start, tracing.StartParams{
			TransferMode: tracing.StartTransferModeReportEvents,
			TraceConfig:  &tracing.TraceConfig{IncludedCategories: traceCategories},
		})
		return err
	})
	if err != nil {
		return fmt.Errorf("starting the trace: %w", err)
	}
	r, err := coldVisit(ctx, fmt.Sprintf("%s/bench/cold.html?engine=cr&page=%s&visit=0", base, page))
	if err != nil {
		return fmt.Errorf("traced cold start: %w", err)
	}
	err = call(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, tracing.End, cdp.Empty{})
		return err
	})
	if err != nil {
		return fmt.Errorf("ending the trace: %w", err)
	}
	<-done
	mu.Lock()
	defer mu.Unlock()
	b, err := json.Marshal(map[string]any{"traceEvents": events})
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(w, "traced cold start (%s): first article %.0f ms, first clean %.0f ms; trace: %s\n",
		page, r.FirstMs, r.FirstCleanMs, path)
	printTraceSummary(w, events)
	return nil
}

// printTraceSummary prints, per thread that ran wasm work, the events that
// took the most time. Events nest (an execution holds the compiles it
// waited for), so the figures are per name, not parts of one sum.
func printTraceSummary(w io.Writer, raw []json.RawMessage) {
	type key struct{ pid, tid int }
	type total struct {
		name  string
		ms    float64
		count int
	}
	names := map[key]string{}
	sums := map[key]map[string]*total{}
	for _, r := range raw {
		var e traceEvent
		if json.Unmarshal(r, &e) != nil {
			continue
		}
		k := key{e.Pid, e.Tid}
		if e.Ph == "M" && e.Name == "thread_name" {
			names[k], _ = e.Args["name"].(string)
			continue
		}
		if e.Ph != "X" || e.Dur <= 0 {
			continue
		}
		if sums[k] == nil {
			sums[k] = map[string]*total{}
		}
		t := sums[k][e.Name]
		if t == nil {
			t = &total{name: e.Name}
			sums[k][e.Name] = t
		}
		t.ms += e.Dur / 1000
		t.count++
	}
	for k, byName := range sums {
		wasm := false
		for n := range byName {
			if len(n) > 5 && n[:5] == "wasm." {
				wasm = true
			}
		}
		if !wasm {
			continue
		}
		list := make([]*total, 0, len(byName))
		for _, t := range byName {
			list = append(list, t)
		}
		slices.SortFunc(list, func(a, b *total) int { return cmp.Compare(b.ms, a.ms) })
		fmt.Fprintf(w, "  thread %q (pid %d, tid %d):\n", cmp.Or(names[k], "?"), k.pid, k.tid)
		for _, t := range list[:min(len(list), 14)] {
			fmt.Fprintf(w, "    %-48s %8.1f ms  ×%d\n", t.name, t.ms, t.count)
		}
	}
}
