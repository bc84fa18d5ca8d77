// Command cleanread-eval measures cleanread against two quality corpora read
// from Go module downloads (see internal/corpus):
//
//   - A, the Mozilla Readability test pages: per page, recall is the share of
//     the words of expected.html that our text keeps and precision the share
//     of our words found there (word multisets); the table shows means over
//     pages, with precision over the pages that produced text.
//   - B, go-trafilatura's comparison set: a "with" snippet must be in our
//     text, a "without" snippet must not; counts are summed over pages and
//     scored exactly as go-trafilatura's scripts/comparison does.
//
// Usage:
//
//	go run ./cmd/cleanread-eval [-corpus a|b|all] [-baseline] [-teaser-pass=false] [-no-url]
//	    [-captions] [-disabled-rules name[,name]] [-tsv file] [-v] [-j n]
//
// -no-url cleans every page with an empty URL, as the CLI on a saved file
// and the demo's pasted or opened page do, so the page's own address
// (canonical link, og:url …) is all the cleaner has.
//
// The article's text covers the story's prose without captions and photo
// credits, and corpus A's expected text is read the same way; -captions
// puts captions back into both, as reader.WithCaptionsInText does.
//
// Exit status: 0 on success, 1 on a usage error, 2 when a corpus cannot be
// loaded or the TSV file cannot be written.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"cleanread/reader"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// options are the parsed command-line flags.
type options struct {
	corpus        string
	tsv           string
	teaserPass    bool
	disabledRules []string
	baseline      bool
	noURL         bool
	captions      bool
	verbose       bool
	workers       int
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("cleanread-eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.corpus, "corpus", "all", "corpus to run: a (Mozilla test pages), b (go-trafilatura comparison) or all")
	fs.StringVar(&o.tsv, "tsv", "", "write one row per page and extractor to this TSV `file`")
	fs.BoolVar(&o.teaserPass, "teaser-pass", true, "run the teaser/ad pass (-teaser-pass=false for before/after comparisons)")
	fs.Func("disabled-rules", "switch teaser/ad rules off: a comma-separated list of rule `names` (repeatable)", func(s string) error {
		names, err := reader.ParseRuleList(s)
		o.disabledRules = append(o.disabledRules, names...)
		return err
	})
	fs.BoolVar(&o.baseline, "baseline", false, "also run plain readability v2 and score it the same way")
	fs.BoolVar(&o.noURL, "no-url", false, "clean every page without its URL, as a saved page or pasted HTML arrives")
	fs.BoolVar(&o.captions, "captions", false, "score text with its figure captions and photo credits, in ours and in corpus A's expected text")
	fs.BoolVar(&o.verbose, "v", false, "list the worst pages")
	fs.IntVar(&o.workers, "j", runtime.GOMAXPROCS(0), "number of parallel workers")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	o.corpus = strings.ToLower(o.corpus)
	switch {
	case fs.NArg() > 0:
		return o, fmt.Errorf("unexpected arguments: %q", fs.Args())
	case o.corpus != "a" && o.corpus != "b" && o.corpus != "all":
		return o, fmt.Errorf("-corpus must be a, b or all, not %q", o.corpus)
	case o.workers < 1:
		return o, fmt.Errorf("-j must be at least 1, not %d", o.workers)
	}
	return o, nil
}

func run(args []string, stdout, stderr io.Writer) int {
	o, err := parseFlags(args, stderr)
	if err == flag.ErrHelp {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "cleanread-eval:", err)
		return 1
	}

	opts := []reader.Option{
		reader.WithTeaserPass(o.teaserPass),
		reader.WithCaptionsInText(o.captions),
		reader.WithDisabledRules(o.disabledRules...),
	}
	exts := []extractor{cleanreadExtractor(reader.New(opts...))}
	if o.baseline {
		exts = append(exts, readabilityExtractor())
	}

	var all []pageResult
	var sums []summary
	for _, c := range []string{"a", "b"} {
		if o.corpus != "all" && o.corpus != c {
			continue
		}
		pages, err := loadCorpus(c, o.captions, stdout)
		if err != nil {
			fmt.Fprintln(stderr, "cleanread-eval:", err)
			return 2
		}
		if o.noURL {
			withoutURLs(pages)
		}
		rs, err := evaluate(pages, exts, o.workers)
		if err != nil {
			fmt.Fprintln(stderr, "cleanread-eval:", err)
			return 2
		}
		all = append(all, rs...)
		for _, ex := range exts {
			sums = append(sums, summarize(filter(rs, ex.Name)))
		}
	}

	printTable(stdout, sums)
	if o.verbose {
		printWorst(stdout, all)
	}
	if o.tsv != "" {
		if err := writeTSV(o.tsv, all); err != nil {
			fmt.Fprintln(stderr, "cleanread-eval:", err)
			return 2
		}
	}
	return 0
}

// loadCorpus lists the pages of corpus "a" or "b"; missing corpus B files
// are reported on w.
func loadCorpus(c string, captions bool, w io.Writer) ([]page, error) {
	if c == "a" {
		return mozillaPages(captions)
	}
	pages, missing, err := comparisonPages()
	if err != nil {
		return nil, err
	}
	if len(missing) > 0 {
		names := make([]string, len(missing))
		for i, m := range missing {
			names[i] = m.File
		}
		fmt.Fprintf(w, "corpus B: %d entries skipped, page file missing: %s\n", len(missing), strings.Join(names, ", "))
	}
	return pages, nil
}

// withoutURLs clears the URL of every page.
func withoutURLs(pages []page) {
	for i := range pages {
		pages[i].URL = ""
	}
}

// filter returns the results of one extractor.
func filter(rs []pageResult, extractor string) []pageResult {
	var out []pageResult
	for _, r := range rs {
		if r.Extractor == extractor {
			out = append(out, r)
		}
	}
	return out
}
