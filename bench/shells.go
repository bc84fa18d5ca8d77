package main

import (
	"cmp"
	"fmt"
	"os"
	"slices"
)

// The shells section measures what a user of each shell waits for: from
// the click to the story painted, in a browser of the bench's own, against
// the same shell built around Readability.js + DOMPurify (the build program
// bundles that variant; shellsite.go serves both). "Painted" is the
// animation frame after the shell's page sets body[data-state] to done (see
// www/paint-probe.js); the click is the moment the bench sends it, on its
// own clock (see painted in cdp.go).

// flow is one thing a user does that the section times.
type flow struct {
	Key   string // in the JSON result
	Label string // in the table
}

// flows are the shell timings, in the order they are printed.
var flows = []flow{
	{"bookmarklet-first", "bookmarklet, first click (fresh browser)"},
	{"bookmarklet-second", "bookmarklet, second click (another page)"},
	{"popup-fresh", "popup, toolbar click (fresh browser)"},
	{"popup-used", "popup, toolbar click (browser used once)"},
	{"reader-tab", "reader tab, from the popup's button"},
}

// shellTrial is one timed click.
type shellTrial struct {
	Flow   string  `json:"flow"`
	Engine string  `json:"engine"`
	Page   string  `json:"page"`
	Run    int     `json:"run"`
	Ms     float64 `json:"ms,omitempty"`
	Error  string  `json:"error,omitempty"`
	// The page's clock minus the bench's, as measured (see painted).
	ClockOffsetMs float64 `json:"clockOffsetMs,omitempty"`
	// Painted while the page was hidden: a user would not see it yet.
	Hidden bool `json:"hidden,omitempty"`
}

// record keeps p in t.
func (t *shellTrial) record(p paint) {
	t.Ms, t.ClockOffsetMs, t.Hidden = p.Ms, p.OffsetMs, p.Hidden
}

// shellFigure is one flow on one page, both engines.
type shellFigure struct {
	Flow     string   `json:"flow"`
	Page     string   `json:"page"`
	CR       spread   `json:"cleanread"`
	JS       spread   `json:"js"`
	Ratio    float64  `json:"ratio"`
	CRErrors []string `json:"cleanreadErrors,omitempty"`
	JSErrors []string `json:"jsErrors,omitempty"`
}

// samplePage is the name of the demo's built-in sample among the shell pages.
const samplePage = "sample"

// shellPages are the pages the shells are timed on: the built-in sample,
// the Mozilla page of median size and the three largest.
func shellPages(names []string, size map[string]int) []string {
	s := slices.Clone(names)
	slices.SortStableFunc(s, func(a, b string) int { return cmp.Compare(size[a], size[b]) })
	n := len(s)
	out := []string{samplePage, s[n/2]}
	for i := n - 1; i >= max(0, n-3); i-- {
		if !slices.Contains(out, s[i]) {
			out = append(out, s[i])
		}
	}
	return out
}

// engineOrder alternates which engine goes first.
func engineOrder(i int) []string {
	if i%2 == 1 {
		return []string{"js", "cr"}
	}
	return []string{"cr", "js"}
}

// shells runs every flow -shell-runs times per page and engine. Trial k of
// a run starts on page k and goes on to page k+1 (the "another page" of the
// second click and of the browser used once), so each page is timed in
// every flow once per run.
func shells(c config, pages []string) ([]shellTrial, error) {
	env, err := newShellEnv(c, pages)
	if err != nil {
		return nil, err
	}
	defer env.close()
	var trials []shellTrial
	for r := range c.shellRuns {
		for k, first := range pages {
			second := pages[(k+1)%len(pages)]
			for _, engine := range engineOrder(r + k) {
				trials = append(trials, env.bookmarklet(engine, first, second, r)...)
			}
		}
		for k, first := range pages {
			second := pages[(k+1)%len(pages)]
			for _, engine := range engineOrder(r + k) {
				trials = append(trials, env.extension(engine, first, second, r)...)
			}
		}
		fmt.Fprintf(os.Stderr, "bench: shells, run %d/%d done\n", r+1, c.shellRuns)
	}
	return trials, nil
}

func summarizeShells(trials []shellTrial) []shellFigure {
	var pages []string
	for _, t := range trials {
		if !slices.Contains(pages, t.Page) {
			pages = append(pages, t.Page)
		}
	}
	var out []shellFigure
	for _, f := range flows {
		for _, p := range pages {
			fig := shellFigure{Flow: f.Key, Page: p}
			var cr, js []float64
			for _, t := range trials {
				if t.Flow != f.Key || t.Page != p {
					continue
				}
				switch {
				case t.Error != "" && t.Engine == "cr":
					fig.CRErrors = append(fig.CRErrors, t.Error)
				case t.Error != "":
					fig.JSErrors = append(fig.JSErrors, t.Error)
				case t.Engine == "cr":
					cr = append(cr, t.Ms)
				default:
					js = append(js, t.Ms)
				}
			}
			if len(cr)+len(js)+len(fig.CRErrors)+len(fig.JSErrors) == 0 {
				continue
			}
			fig.CR, fig.JS = spreadOf(cr), spreadOf(js)
			fig.Ratio = fig.CR.Median / fig.JS.Median
			out = append(out, fig)
		}
	}
	return out
}
