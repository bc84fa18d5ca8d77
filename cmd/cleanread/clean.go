package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"

	"cleanread/reader"
)

const cleanUsage = `Usage: cleanread clean [flags] FILE|-|URL

Cleans one page and writes its story. FILE is read as bytes (the charset comes
from a BOM, <meta charset> or sniffing); - reads standard input; an http(s) URL
is fetched (at most 5 redirects, HTML content types only, the charset from the
Content-Type header or <meta charset>) and the final URL becomes the page URL.
Without -url, a FILE or stdin is cleaned for the address the page names for
itself (canonical link, og:url, <base>, JSON-LD, the saved-from comment).

Formats:
  html  (default) a standalone reading page with its own CSS and a strict CSP
  json  the Article as indented JSON (title, byline, content, textContent, removed...)
  text  the story body only, blocks separated by blank lines

Flags:
`

// cleanOptions are the parsed flags of the clean command.
type cleanOptions struct {
	pageURL           string
	format            string
	out               string
	teaserPass        bool
	blockRemoteImages bool
	disabledRules     []string
	captions          bool
	maxBytes          int
	timeout           time.Duration
}

// inputError marks a failure to read the input itself (a missing file, a
// failed fetch, an HTTP error status), as opposed to input that was read but
// is not a usable page.
type inputError struct{ err error }

func (e *inputError) Error() string { return e.err.Error() }
func (e *inputError) Unwrap() error { return e.err }

// runClean implements "cleanread clean".
func runClean(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("clean", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var o cleanOptions
	fs.StringVar(&o.pageURL, "url", "", "the page's URL, for resolving relative links (default: the fetched URL, else the one the page names)")
	fs.StringVar(&o.format, "format", "html", "output format: html, json or text")
	fs.StringVar(&o.out, "o", "", "write the output to `FILE` instead of standard output")
	fs.BoolVar(&o.teaserPass, "teaser-pass", true, "remove teasers, ads and calls to action inside the story (-teaser-pass=false keeps them)")
	fs.BoolVar(&o.blockRemoteImages, "block-remote-images", false, "drop images that would load from the network")
	fs.Func("disabled-rules", "switch single teaser and ad rules off: a comma-separated list of rule `names` (an unknown name is refused with the list of rules)", func(s string) error {
		names, err := reader.ParseRuleList(s)
		o.disabledRules = append(o.disabledRules, names...)
		return err
	})
	fs.BoolVar(&o.captions, "captions", false, "put figure captions and photo credits into the text, word count and reading time too")
	fs.IntVar(&o.maxBytes, "max-bytes", reader.DefaultMaxBytes, "largest page accepted, in bytes")
	fs.DurationVar(&o.timeout, "timeout", 20*time.Second, "time limit for fetching a URL")

	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fmt.Fprint(stdout, cleanUsage)
		fs.PrintDefaults()
		return exitOK
	}
	if err != nil {
		return usageError(stderr, fmt.Errorf("clean: %w", err))
	}
	switch {
	case len(pos) != 1:
		return usageError(stderr, errors.New("clean needs exactly one FILE, - or URL"))
	case o.format != "html" && o.format != "json" && o.format != "text":
		return usageError(stderr, fmt.Errorf("unknown format %q: use html, json or text", o.format))
	case o.maxBytes <= 0:
		return usageError(stderr, fmt.Errorf("-max-bytes must be positive, not %d", o.maxBytes))
	case o.timeout <= 0:
		return usageError(stderr, fmt.Errorf("-timeout must be positive, not %s", o.timeout))
	}

	a, err := cleanInput(pos[0], o, stdin)
	if err != nil {
		return fail(stderr, exitCode(err), err)
	}
	out, err := render(a, o)
	if err != nil {
		return fail(stderr, exitInternal, err)
	}
	if o.out != "" {
		if err := os.WriteFile(o.out, out, 0o644); err != nil {
			return fail(stderr, exitOutput, fmt.Errorf("cannot write the output: %w", err))
		}
		return exitOK
	}
	if _, err := stdout.Write(out); err != nil {
		return fail(stderr, exitOutput, fmt.Errorf("cannot write the output: %w", err))
	}
	return exitOK
}

// parseInterspersed parses flags that may come before or after the
// positional arguments ("clean page.html -format text"). Everything after
// "--" is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
}

// usageError reports a bad command line.
func usageError(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "cleanread: %v; run \"cleanread help clean\".\n", err)
	return exitUsage
}

// cleanInput reads, fetches or takes from stdin the page named by arg and
// cleans it.
func cleanInput(arg string, o cleanOptions, stdin io.Reader) (*reader.Article, error) {
	if o.pageURL != "" {
		if err := checkPageURL(o.pageURL); err != nil {
			return nil, fmt.Errorf("-url: %w", err)
		}
	}
	c := reader.New(
		reader.WithMaxBytes(o.maxBytes),
		reader.WithTeaserPass(o.teaserPass),
		reader.WithBlockRemoteImages(o.blockRemoteImages),
		reader.WithDisabledRules(o.disabledRules...),
		reader.WithCaptionsInText(o.captions),
	)
	if isURL(arg) {
		p, err := fetch(arg, int64(o.maxBytes), o.timeout)
		if err != nil {
			return nil, err
		}
		pageURL := p.finalURL
		if o.pageURL != "" {
			pageURL = o.pageURL
		}
		a, err := c.CleanString(p.text, pageURL)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", arg, err)
		}
		return a, nil
	}

	name, r := arg, stdin
	if arg == "-" {
		name = "standard input"
	} else {
		f, err := os.Open(arg)
		if err != nil {
			return nil, &inputError{fmt.Errorf("cannot read the page: %w", err)}
		}
		defer f.Close()
		r = f
	}
	b, err := readAll(r, int64(o.maxBytes))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	a, err := c.Clean(bytes.NewReader(b), o.pageURL)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return a, nil
}

// readAll reads r up to max bytes; more than that is reader.ErrTooLarge, and
// a failure to read is an inputError.
func readAll(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, &inputError{fmt.Errorf("cannot read the page: %w", err)}
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", reader.ErrTooLarge, max)
	}
	return b, nil
}

// isURL reports whether arg names a page to fetch rather than a file.
func isURL(arg string) bool {
	l := strings.ToLower(arg)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// checkPageURL accepts only absolute http(s) URLs with a host, like the reader.
func checkPageURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("%w: %w", reader.ErrBadURL, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%w: %q", reader.ErrBadURL, s)
	}
	return nil
}

// exitCode maps an error from reading or cleaning a page to its exit code.
func exitCode(err error) int {
	switch reader.Code(err) {
	case "":
		return exitOK
	case "empty":
		return exitEmpty
	case "not_html":
		return exitNotHTML
	case "too_large":
		return exitTooLarge
	case "not_article":
		return exitNotArticle
	case "bad_url":
		return exitBadURL
	}
	var ie *inputError
	if errors.As(err, &ie) {
		return exitInput
	}
	return exitInternal
}
