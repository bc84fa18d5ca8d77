package main

import (
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// table prints rows of figures and keeps every ratio it prints, for the
// closing line.
type table struct {
	w      io.Writer
	ratios []string
}

func (t *table) row(name, cr, js, ratio string) {
	fmt.Fprintf(t.w, "  %-46s %20s %20s %8s\n", name, cr, js, ratio)
}

// compare prints a row with both engines and their ratio, and keeps the
// ratio under short.
func (t *table) compare(name, short string, cr, js float64, crs, jss string) {
	r := cr / js
	t.row(name, crs, jss, x(r))
	t.ratios = append(t.ratios, fmt.Sprintf("%s %s", short, x(r)))
}

func (t *table) spreads(name, short string, cr, js spread) {
	t.compare(name, short, cr.Median, js.Median, cr.String(), js.String())
}

func mb(n int64) string { return fmt.Sprintf("%.2f MB", float64(n)/1e6) }

func printTable(w io.Writer, r result, out string) {
	fmt.Fprintf(w, "\ncleanread in-browser benchmark%s — %s, %s CPUs, %s; took %s\n",
		labelSuffix(r.Label), r.Machine["browser"], r.Machine["cpus"], r.Machine["cpu"], r.Duration)
	for _, l := range r.GoBench {
		fmt.Fprintf(w, "  native: %s\n", l)
	}
	t := &table{w: w}
	t.row("", "cleanread", "Readab.+DOMP.", "ratio")
	if s := r.Pages; s != nil {
		t.row(fmt.Sprintf("per page (%d pages × %d runs, warm):", len(r.PageRuns), r.Runs), "", "", "")
		t.row("  time, median of page medians", ms(s.CRMedianPageMs), ms(s.JSMedianPageMs), "")
		t.row("  ratio, median over pages", "", "", x(s.PerPageRatioMedian))
		t.ratios = append(t.ratios, "per-page median "+x(s.PerPageRatioMedian))
		t.compare("  whole corpus, sum of page medians", "corpus total", s.CRTotalMs, s.JSTotalMs, ms(s.CRTotalMs), ms(s.JSTotalMs))
		t.row("  pages without an article", strconv.Itoa(s.CRFailures), strconv.Itoa(s.JSFailures), "")
	}
	if s := r.Cold; s != nil {
		t.row(fmt.Sprintf("cold start, fresh context (%s, %d runs):", s.Page, s.CRFirst.N), "", "", "")
		t.spreads("  to the first article", "cold start", s.CRFirst, s.JSFirst)
		t.row("    loaded and ready", s.CRReady.String(), s.JSReady.String(), "")
		t.row("      fetch (request → last byte)", s.Fetch.String(), "", "")
		t.row("      compile, after the last byte", s.Compile.String(), "", "")
		t.row("      instantiate + Go init (posted → ready)", s.InstantiateInit.String(), "", "")
		t.row("        module to the worker (posted → arrived)", s.HandOver.String(), "", "")
		t.row("        instantiate", s.Instantiate.String(), "", "")
		t.row("        Go runtime and package init", s.GoInit.String(), "", "")
		t.row("    first clean", s.CRFirstClean.String(), "", "")
		t.row(fmt.Sprintf("  warm-up in the worker (%d pages)", s.WarmUps), s.WarmUp.String(), "", "")
		t.spreads(fmt.Sprintf("  first clean, page %.0f s after ready", float64(laterMs)/1000), "first clean after warm-up", s.CRLater, s.JSLater)
		t.spreads("  second visit, new tab: to the first article", "second visit", s.CRSecond, s.JSSecond)
		t.row(fmt.Sprintf("    wasm from the HTTP cache in %d of %d", s.SecondFromCache, s.SecondVisits), "", "", "")
		t.row("    loaded and ready", s.CRSecondReady.String(), "", "")
		t.spreads("    first clean", "second visit first clean", s.CRSecondClean, s.JSSecondClean)
		t.spreads("  warm second clean of that page", "warm second clean", s.CRWarm, s.JSWarm)
	}
	if s := r.Big; s != nil {
		t.row(fmt.Sprintf("big article in the demo (%.1f MB, %d runs):", float64(s.Bytes)/1e6, s.Done.N), "", "", "")
		t.row("  Clean → story shown", s.Done.String(), "", "")
		t.row("    cleaning (the demo's measure)", s.Clean.String(), "", "")
		t.row("    showing it", s.Show.String(), "", "")
		t.row("  longest main-thread gap (10 ms timer)", s.Gap.String(), "", "")
	}
	if len(r.Memory) > 0 {
		var crMem, jsMem memResult
		for _, m := range r.Memory {
			if m.Engine == "cr" {
				crMem = m
			} else {
				jsMem = m
			}
		}
		t.compare("peak renderer RSS (VmHWM), whole corpus", "memory", float64(crMem.PeakRSS), float64(jsMem.PeakRSS), mb(crMem.PeakRSS), mb(jsMem.PeakRSS))
		t.row("  wasm linear memory at the end", mb(crMem.WasmMemory), "", "")
		if crMem.FlatTo.Bytes > 0 {
			t.row(fmt.Sprintf("  after %d / %d cleans: wasm memory", crMem.FlatFromAt, flatTo),
				mb(crMem.FlatFrom.Bytes)+" / "+mb(crMem.FlatTo.Bytes), "", "")
			t.row("    live Go heap after a collection",
				mb(crMem.FlatFrom.Heap)+" / "+mb(crMem.FlatTo.Heap), "", "")
		}
	}
	printShells(t, r.Shells)
	t.row("download: wasm raw / gzip / brotli", mb(r.Wasm.Raw), "", "")
	t.row("", mb(r.Wasm.Gzip)+" gz", "", "")
	t.row("", mb(r.Wasm.Brotli)+" br", "", "")
	var loads []string
	for _, s := range r.Sections {
		loads = append(loads, fmt.Sprintf("%s %s → %s (%s)", s.Name, s.LoadStart, s.LoadEnd, s.Duration))
	}
	fmt.Fprintf(w, "  full result: %s\n", out)
	fmt.Fprintf(w, "ratios cleanread/(Readability.js+DOMPurify), medians: %s; load (1/5/15 min) per section: %s\n",
		strings.Join(t.ratios, ", "), strings.Join(loads, "; "))
}

// printShells prints the shell figures, a block per flow, a row per page.
func printShells(t *table, figs []shellFigure) {
	for _, f := range flows {
		header := false
		for _, g := range figs {
			if g.Flow != f.Key {
				continue
			}
			if !header {
				t.row(f.Label+", click → painted:", "", "", "")
				header = true
			}
			cr, js := g.CR.String(), g.JS.String()
			if n := len(g.CRErrors); n > 0 {
				cr = fmt.Sprintf("%d failed; %s", n, cr)
			}
			if n := len(g.JSErrors); n > 0 {
				js = fmt.Sprintf("%d failed; %s", n, js)
			}
			t.compare("  "+g.Page, f.Key+" "+g.Page, g.CR.Median, g.JS.Median, cr, js)
		}
	}
	for _, g := range figs {
		for i, errs := range [][]string{g.CRErrors, g.JSErrors} {
			engine := []string{"cleanread", "JS"}[i]
			seen := map[string]int{}
			for _, e := range errs {
				seen[e]++
			}
			for _, e := range slices.Sorted(maps.Keys(seen)) {
				fmt.Fprintf(t.w, "  ! %s, %s, %s, %d×: %s\n", g.Flow, g.Page, engine, seen[e], e)
			}
		}
	}
}

func labelSuffix(l string) string {
	if l == "" {
		return ""
	}
	return " [" + l + "]"
}

func ms(v float64) string { return fmt.Sprintf("%.1f ms", v) }

func x(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return fmt.Sprintf("%.2fx", v)
}
