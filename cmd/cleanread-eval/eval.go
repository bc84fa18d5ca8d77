package main

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"cleanread/internal/bodytext"
	"cleanread/internal/corpus"
	"cleanread/reader"

	"golang.org/x/net/html"
)

// page is one page of either corpus, ready to evaluate.
type page struct {
	Corpus string // "A" or "B"
	Name   string // folder name (A) or file name (B)
	URL    string
	Source func() ([]byte, error)
	// Expected reads corpus A's expected text; nil for corpus B.
	Expected      func() (string, error)
	With, Without []string
}

// pageResult is one extractor's score on one page.
type pageResult struct {
	Corpus, Extractor, Page, URL string
	counts
	Lost, Leaked []string
	// LostSample and LeakSample (corpus A) are the first block of the
	// expected text we mostly dropped and the first block of ours that is
	// mostly not expected.
	LostSample, LeakSample string
	Removed                []reader.Removal
	Code                   string
	Dur                    time.Duration
}

// mozillaPages lists corpus A; captions keeps the captions in the expected
// text.
func mozillaPages(captions bool) ([]page, error) {
	ps, err := corpus.MozillaPages()
	if err != nil {
		return nil, err
	}
	out := make([]page, 0, len(ps))
	for _, p := range ps {
		out = append(out, page{
			Corpus: "A", Name: p.Name, URL: corpus.MozillaURL, Source: p.Source,
			Expected: func() (string, error) {
				b, err := p.Expected()
				if err != nil {
					return "", err
				}
				return expectedText(b, captions)
			},
		})
	}
	return out, nil
}

// expectedText is the block-separated text of an expected.html, without
// its captions unless captions is set: the article's text covers the
// story's prose only.
func expectedText(b []byte, captions bool) (string, error) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return "", fmt.Errorf("parsing expected.html: %w", err)
	}
	if !captions {
		bodytext.MarkCredits(doc) // the captions and credits written as paragraphs, as the cleaner reads them
	}
	return bodytext.InnerText(doc, captions), nil
}

// comparisonPages returns corpus B's pages and the entries whose file is missing.
func comparisonPages() (pages []page, missing []corpus.ComparisonPage, err error) {
	ps, err := corpus.ComparisonPages()
	if err != nil {
		return nil, nil, err
	}
	for _, p := range ps {
		if p.Path == "" {
			missing = append(missing, p)
			continue
		}
		pages = append(pages, page{
			Corpus: "B", Name: p.File, URL: p.URL, Source: p.Source,
			With: p.With, Without: p.Without,
		})
	}
	return pages, missing, nil
}

// evaluate runs every extractor on every page with j workers. Results are in
// page order, extractors in order within a page. A page that cannot be read
// is an error.
func evaluate(pages []page, exts []extractor, j int) ([]pageResult, error) {
	results := make([]pageResult, len(pages)*len(exts))
	errs := make([]error, len(pages))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(j, 1) {
		wg.Go(func() {
			for i := range next {
				errs[i] = evaluatePage(pages[i], exts, results[i*len(exts):(i+1)*len(exts)])
			}
		})
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return results, nil
}

func evaluatePage(p page, exts []extractor, out []pageResult) error {
	src, err := p.Source()
	if err != nil {
		return err
	}
	var want bag
	var nWant int
	var wantText string
	if p.Expected != nil {
		wantText, err = p.Expected()
		if err != nil {
			return fmt.Errorf("corpus A page %s: %w", p.Name, err)
		}
		want, nWant = newBag(wantText)
	}
	for k, ex := range exts {
		start := time.Now()
		got := ex.Run(src, p.URL)
		r := pageResult{
			Corpus: p.Corpus, Extractor: ex.Name, Page: p.Name, URL: p.URL,
			Removed: got.Removed, Code: got.Code, Dur: time.Since(start),
		}
		if p.Corpus == "A" {
			r.counts = scoreWords(want, nWant, got.Text)
			gotBag, _ := newBag(got.Text)
			r.LostSample = firstForeignBlock(wantText, gotBag)
			r.LeakSample = firstForeignBlock(got.Text, want)
		} else {
			s := scoreSnippets(p.With, p.Without, got.Text)
			r.counts, r.Lost, r.Leaked = s.counts, s.Lost, s.Leaked
		}
		out[k] = r
	}
	return nil
}

// summary is one row of the table: one extractor on one corpus.
type summary struct {
	Corpus, Extractor string
	Pages, Errors     int
	Codes             map[string]int
	P, R, F           float64
	MeanMS, MedianMS  float64
}

// summarize scores results of one corpus and extractor. Corpus A is the mean
// over pages (precision over pages that produced text); corpus B sums the
// snippet counts over pages first, as go-trafilatura does.
func summarize(rs []pageResult) summary {
	s := summary{Codes: map[string]int{}}
	if len(rs) == 0 {
		return s
	}
	s.Corpus, s.Extractor, s.Pages = rs[0].Corpus, rs[0].Extractor, len(rs)
	var total counts
	var sumP float64
	nP := 0
	ms := make([]float64, 0, len(rs))
	for _, r := range rs {
		if r.Code != "" {
			s.Errors++
			s.Codes[r.Code]++
		}
		total.add(r.counts)
		if p, ok := r.precision(); ok {
			sumP += p
			nP++
		}
		s.R += r.recall()
		s.F += r.fscore()
		ms = append(ms, float64(r.Dur.Microseconds())/1000)
	}
	if rs[0].Corpus == "A" {
		s.R /= float64(len(rs))
		s.F /= float64(len(rs))
		if nP > 0 {
			s.P = sumP / float64(nP)
		}
	} else {
		s.P, _ = total.precision()
		s.R, s.F = total.recall(), total.fscore()
	}
	sort.Float64s(ms)
	for _, m := range ms {
		s.MeanMS += m
	}
	s.MeanMS /= float64(len(ms))
	s.MedianMS = ms[len(ms)/2]
	if len(ms)%2 == 0 {
		s.MedianMS = (ms[len(ms)/2-1] + ms[len(ms)/2]) / 2
	}
	return s
}

// firstForeignBlock returns the first line of text with at least five words
// of which fewer than half occur in other, clipped; "" when there is none.
func firstForeignBlock(text string, other bag) string {
	for line := range strings.Lines(text) {
		ts := tokens(line)
		if len(ts) < 5 {
			continue
		}
		found := 0
		for _, t := range ts {
			if other[t] > 0 {
				found++
			}
		}
		if 2*found < len(ts) {
			return clip(strings.TrimSpace(line), 120)
		}
	}
	return ""
}
