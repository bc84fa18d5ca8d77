package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/chromedp/chromedp"

	"cleanread/internal/bigpage"
)

// The big section pastes a generated news article (internal/bigpage) into
// the demo and times it from Clean to the story shown, with the longest
// gap of a 10 ms timer on the page's main thread during the clean and the
// render: time in which the page could not answer typing, scrolling or Esc.
// Only cleanread runs it: the JS pair has no such page to compare with.

// bigRun is one big-article clean in the demo.
type bigRun struct {
	Bytes        int     `json:"bytes"`
	DoneMs       float64 `json:"doneMs"`       // Clean clicked → story shown
	CleanMs      float64 `json:"cleanMs"`      // the demo's own measure of the clean
	ShowMs       float64 `json:"showMs"`       // and of showing the article after it
	LongestGapMs float64 `json:"longestGapMs"` // longest gap of the 10 ms timer
	Load         string  `json:"load"`
}

// bigSummary is the big section's medians.
type bigSummary struct {
	Bytes int    `json:"bytes"`
	Done  spread `json:"done"`
	Clean spread `json:"clean"`
	Show  spread `json:"show"`
	Gap   spread `json:"longestGap"`
}

// bigScript clicks Clean on the demo, whose text area already holds the
// page, and resolves once the story is shown and painted with what it
// measured. The timer starts after the pasted text has been laid out, so
// the gap is the clean's and the render's own.
const bigScript = `(async () => {
	const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)));
	await frame();
	let last = performance.now(), longest = 0;
	const timer = setInterval(() => {
		const now = performance.now();
		longest = Math.max(longest, now - last);
		last = now;
	}, 10);
	const t0 = performance.now();
	document.getElementById('clean').click();
	await new Promise((resolve) => {
		const check = () => ['done', 'error'].includes(document.body.dataset.state) ? resolve() : setTimeout(check, 20);
		check();
	});
	const doneMs = performance.now() - t0;
	await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200))));
	clearInterval(timer);
	const d = document.body.dataset;
	return { state: d.state, code: d.errorCode || '', doneMs, longestGapMs: longest,
		cleanMs: Number(d.cleanMs || 0), showMs: Number(d.showMs || 0) };
})()`

// bigArticles cleans a generated page of size bytes in the demo, runs
// times, each in a tab of its own.
func bigArticles(bctx context.Context, base string, size, runs int) ([]bigRun, error) {
	page := bigpage.Page(size)
	literal, err := json.Marshal(page)
	if err != nil {
		return nil, fmt.Errorf("big page: %w", err)
	}
	var out []bigRun
	for i := range runs {
		r, err := bigArticle(bctx, base, string(literal))
		if err != nil {
			return out, fmt.Errorf("big article, run %d: %w", i+1, err)
		}
		r.Bytes = len(page)
		out = append(out, r)
		fmt.Fprintf(os.Stderr, "bench: big article, run %d/%d done\n", i+1, runs)
	}
	return out, nil
}

func bigArticle(bctx context.Context, base, literal string) (bigRun, error) {
	tab, cancel := chromedp.NewContext(bctx)
	defer cancel()
	// The tab is made by a Run on its own context: one made under open's
	// timeout would close with it.
	if err := chromedp.Do(tab); err != nil {
		return bigRun{}, err
	}
	if err := open(tab, base+"/?autoclean=0", `body[data-state="ready"]`); err != nil {
		return bigRun{}, err
	}
	set := `(document.getElementById('html').value = ` + literal + `, document.getElementById('url').value = '', true)`
	if _, err := evalIn[bool](tab, time.Minute, set); err != nil {
		return bigRun{}, fmt.Errorf("pasting the page: %w", err)
	}
	load := loadAverage()
	got, err := evalIn[struct {
		State, Code                           string
		DoneMs, LongestGapMs, CleanMs, ShowMs float64
	}](tab, 5*time.Minute, bigScript)
	if err != nil {
		return bigRun{}, err
	}
	if got.State != "done" {
		return bigRun{}, fmt.Errorf("the demo ended in %q (%s)", got.State, got.Code)
	}
	return bigRun{DoneMs: got.DoneMs, CleanMs: got.CleanMs, ShowMs: got.ShowMs, LongestGapMs: got.LongestGapMs,
		Load: load + " → " + loadAverage()}, nil
}

func summarizeBig(runs []bigRun) *bigSummary {
	if len(runs) == 0 {
		return nil
	}
	pick := func(f func(bigRun) float64) spread {
		xs := make([]float64, len(runs))
		for i, r := range runs {
			xs[i] = f(r)
		}
		return spreadOf(xs)
	}
	return &bigSummary{
		Bytes: runs[0].Bytes,
		Done:  pick(func(r bigRun) float64 { return r.DoneMs }),
		Clean: pick(func(r bigRun) float64 { return r.CleanMs }),
		Show:  pick(func(r bigRun) float64 { return r.ShowMs }),
		Gap:   pick(func(r bigRun) float64 { return r.LongestGapMs }),
	}
}
