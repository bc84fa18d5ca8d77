package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/chromedp/chromedp"
)

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
	if s.N == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f (%.0f–%.0f) ms", s.Median, s.Min, s.Max)
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

// pagesSummary holds the per-page figures over the corpus.
type pagesSummary struct {
	PerPageRatioMedian float64 `json:"perPageRatioMedian"`
	TotalRatio         float64 `json:"totalRatio"`
	CRTotalMs          float64 `json:"cleanreadTotalMs"`
	JSTotalMs          float64 `json:"jsTotalMs"`
	CRMedianPageMs     float64 `json:"cleanreadMedianPageMs"`
	JSMedianPageMs     float64 `json:"jsMedianPageMs"`
	CRFailures         int     `json:"cleanreadFailures"`
	JSFailures         int     `json:"jsFailures"`
}

func summarizePages(pages []pageResult) pagesSummary {
	var s pagesSummary
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
	return s
}
