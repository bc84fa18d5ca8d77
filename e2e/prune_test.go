//go:build e2e

package e2e

// The shells prune the page copy (web/shells/bookmarklet/snapshot.js) before it crosses to the
// worker. These tests load corpus pages in Chromium, take the copy with and
// without the pruning, and check that the Go cleaner makes the same article
// of both: pruning may only save bytes, never change a story.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cleanread/internal/corpus"
	"cleanread/reader"
)

// pruneAllEnv, when set to 1, makes TestSnapshotPruneKeepsTheArticle and
// BenchmarkCleanPrunedPage go over every corpus page instead of a sample.
const pruneAllEnv = "CLEANREAD_PRUNE_ALL"

// pruneSample is how many corpus pages the test takes by default: enough
// for every kind of page, few enough for CI.
const pruneSample = 20

// pruneCall is the line of snapshot.js that prunes the copy; without it the
// script returns the full copy it made before pruning was added.
const pruneCall = "  pruneCopy(root, inert);\n"

// pageCSP keeps a corpus page from loading or running anything: the copy is
// taken from the DOM as parsed, which is what pruning works on. DevTools'
// evaluate is not bound by it.
const pageCSP = "default-src 'none'; style-src 'unsafe-inline'"

// corpusPage is one page of the quality corpora, cleaned under url.
type corpusPage struct {
	name string
	url  string
	src  func() ([]byte, error)
}

// snapPair is the page copy of one corpus page, full and pruned.
type snapPair struct {
	page   corpusPage
	full   string
	pruned string
}

// pruneCorpus lists the pages of both corpora, or an even sample of them
// unless pruneAllEnv is set.
func pruneCorpus(tb testing.TB) []corpusPage {
	tb.Helper()
	moz, err := corpus.MozillaPages()
	require.NoError(tb, err)
	cmp, err := corpus.ComparisonPages()
	require.NoError(tb, err)
	var pages []corpusPage
	for _, p := range moz {
		pages = append(pages, corpusPage{name: "A/" + p.Name, url: corpus.MozillaURL, src: p.Source})
	}
	for _, p := range cmp {
		if p.Path != "" {
			pages = append(pages, corpusPage{name: "B/" + p.File, url: p.URL, src: p.Source})
		}
	}
	if os.Getenv(pruneAllEnv) == "1" {
		return pages
	}
	step := len(pages) / pruneSample
	var sample []corpusPage
	for i := 0; i < len(pages) && len(sample) < pruneSample; i += step {
		sample = append(sample, pages[i])
	}
	return sample
}

// snapshotScripts returns snapshot.js as built and the same script without
// its pruning step.
func snapshotScripts(tb testing.TB) (pruning, full string) {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(webDir, "snapshot.js"))
	require.NoError(tb, err)
	pruning = string(b)
	require.Equal(tb, 1, strings.Count(pruning, pruneCall), "snapshot.js must prune the copy in one line: %q", pruneCall)
	return pruning, strings.Replace(pruning, pruneCall, "", 1)
}

// servePages serves page i of pages at /i, under pageCSP.
func servePages(tb testing.TB, pages []corpusPage) string {
	tb.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
		if err != nil || i < 0 || i >= len(pages) {
			http.NotFound(w, r)
			return
		}
		src, err := pages[i].src()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Security-Policy", pageCSP)
		_, _ = w.Write(src)
	}))
	tb.Cleanup(srv.Close)
	return srv.URL
}

// takeSnapshots loads every page in a tab of the shared browser and takes
// its copy with both scripts.
func takeSnapshots(tb testing.TB, pages []corpusPage) []snapPair {
	tb.Helper()
	pruning, full := snapshotScripts(tb)
	base := servePages(tb, pages)
	ctx, cancel := chromedp.NewContext(browserCtx)
	tb.Cleanup(cancel)
	require.NoError(tb, chromedp.Do(ctx), "opening a tab")
	pairs := make([]snapPair, 0, len(pages))
	for i, p := range pages {
		pair, err := snapshotPage(ctx, fmt.Sprintf("%s/%d", base, i), pruning, full)
		require.NoError(tb, err, "page %s", p.name)
		pair.page = p
		pairs = append(pairs, pair)
	}
	return pairs
}

// snapshotPage loads url and returns the html of both copies.
func snapshotPage(tabCtx context.Context, url, pruning, full string) (snapPair, error) {
	ctx, cancel := context.WithTimeout(tabCtx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return snapPair{}, fmt.Errorf("loading %s: %w", url, err)
	}
	type copyOf struct {
		HTML string `json:"html"`
		URL  string `json:"url"`
	}
	var pair snapPair
	for _, s := range []struct {
		script string
		into   *string
	}{{full, &pair.full}, {pruning, &pair.pruned}} {
		c, err := chromedp.Run(ctx, chromedp.Evaluate[copyOf](s.script))
		if err != nil {
			return snapPair{}, fmt.Errorf("taking the copy of %s: %w", url, err)
		}
		if c.URL != url {
			return snapPair{}, fmt.Errorf("the page navigated away from %s to %s", url, c.URL)
		}
		*s.into = c.HTML
	}
	return pair, nil
}

// outcome is what the cleaner made of one copy: the article as the shells
// receive it (its JSON), or the error code.
type outcome map[string]any

func cleanOutcome(c *reader.Cleaner, page, url string) (outcome, error) {
	a, err := c.CleanString(page, url)
	if err != nil {
		return outcome{"error": reader.Code(err)}, nil // the error code is the outcome
	}
	b, err := json.Marshal(a)
	if err != nil {
		return nil, fmt.Errorf("encoding the article: %w", err)
	}
	var o outcome
	if err := json.Unmarshal(b, &o); err != nil {
		return nil, fmt.Errorf("decoding the article: %w", err)
	}
	return o, nil
}

// differentFields names the fields in which two outcomes differ.
func differentFields(a, b outcome) []string {
	var diff []string
	for k, v := range a {
		if !assert.ObjectsAreEqual(v, b[k]) {
			diff = append(diff, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			diff = append(diff, k)
		}
	}
	slices.Sort(diff)
	return diff
}

func TestSnapshotPruneKeepsTheArticle(t *testing.T) {
	pairs := takeSnapshots(t, pruneCorpus(t))
	c := reader.New()
	var fullBytes, prunedBytes []int
	identical := 0
	for _, p := range pairs {
		full, err := cleanOutcome(c, p.full, p.page.url)
		require.NoError(t, err)
		pruned, err := cleanOutcome(c, p.pruned, p.page.url)
		require.NoError(t, err)
		fullBytes = append(fullBytes, len(p.full))
		prunedBytes = append(prunedBytes, len(p.pruned))
		assert.LessOrEqual(t, len(p.pruned), len(p.full), "%s: pruning added bytes", p.page.name)
		if diff := differentFields(full, pruned); len(diff) > 0 {
			t.Errorf("%s: the pruned copy cleans differently in %v", p.page.name, diff)
			keepPair(t, p)
			continue
		}
		identical++
	}
	ft, fm := sumMedian(fullBytes)
	pt, pm := sumMedian(prunedBytes)
	assert.Less(t, pt, ft, "pruning saved nothing over the corpus")
	t.Logf("%d of %d pages clean the same; html bytes full → pruned: total %d → %d (%.2fx), median %d → %d",
		identical, len(pairs), ft, pt, float64(pt)/float64(ft), fm, pm)
}

// keepPair writes both copies of a page that cleans differently to out/.
func keepPair(t *testing.T, p snapPair) {
	name := strings.NewReplacer("/", "_", " ", "_").Replace(p.page.name)
	for kind, html := range map[string]string{"full": p.full, "pruned": p.pruned} {
		path := filepath.Join(outDir, "prune-"+name+"-"+kind+".html")
		require.NoError(t, os.WriteFile(path, []byte(html), 0o644))
	}
}

// sumMedian returns the total and the median of ns.
func sumMedian(ns []int) (total, median int) {
	if len(ns) == 0 {
		return 0, 0
	}
	s := slices.Clone(ns)
	slices.Sort(s)
	for _, n := range s {
		total += n
	}
	return total, s[len(s)/2]
}

// BenchmarkCleanPrunedPage cleans the sampled corpus pages (every page
// with CLEANREAD_PRUNE_ALL=1) as the worker gets them: the full copy and the
// pruned one. One op is a pass over all pages, parse included.
func BenchmarkCleanPrunedPage(b *testing.B) {
	pairs := takeSnapshots(b, pruneCorpus(b))
	c := reader.New()
	for _, kind := range []string{"full", "pruned"} {
		b.Run(kind, func(b *testing.B) {
			total := 0
			for _, p := range pairs {
				total += len(pick(p, kind))
			}
			b.SetBytes(int64(total))
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range pairs {
					_, _ = c.CleanString(pick(p, kind), p.page.url)
				}
			}
		})
	}
}

func pick(p snapPair, kind string) string {
	if kind == "full" {
		return p.full
	}
	return p.pruned
}
