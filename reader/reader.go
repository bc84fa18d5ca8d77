package reader

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
)

// Cleaner turns pages into Articles. It is safe for concurrent use; build it
// once with New and reuse it, since the sanitizing policy is built only once.
type Cleaner struct {
	cfg    config
	policy *bluemonday.Policy
	rules  *ruleTable
}

// New returns a Cleaner configured by opts.
func New(opts ...Option) *Cleaner {
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	p := cfg.policy
	if p == nil {
		p = readingPolicy()
	}
	return &Cleaner{cfg: cfg, policy: p, rules: enabledRules(cfg.disabledRules)}
}

// defaultCleaner is built on first use, not at package init, so a program
// that never calls Clean (the wasm builds its own) does not pay for it.
var defaultCleaner = sync.OnceValue(func() *Cleaner { return New() })

// Clean cleans the page read from r with a default Cleaner. See Cleaner.Clean.
func Clean(r io.Reader, pageURL string, opts ...Option) (*Article, error) {
	c := defaultCleaner()
	if len(opts) > 0 {
		c = New(opts...)
	}
	return c.Clean(r, pageURL)
}

// Clean reads a page's bytes from r, detects their character encoding (BOM,
// <meta charset>, then content sniffing) and returns the page's story.
// pageURL, when not empty, must be an absolute http(s) URL; relative links
// and images are resolved against it (or the page's <base>). When it is
// empty, the address the page names for itself is used (Article.URLSource
// says which part of the page named it).
func (c *Cleaner) Clean(r io.Reader, pageURL string) (*Article, error) {
	b, err := c.readLimited(r)
	if err != nil {
		return nil, err
	}
	if err := checkBytes(b); err != nil {
		return nil, err
	}
	text, err := decode(b, "")
	if err != nil {
		return nil, err
	}
	return c.CleanString(text, pageURL)
}

// CleanString cleans a page that is already decoded text, such as a string
// that came from a browser. No charset sniffing is done.
func (c *Cleaner) CleanString(page string, pageURL string) (*Article, error) {
	if len(page) > c.cfg.maxBytes {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(page), c.cfg.maxBytes)
	}
	if err := checkText(page); err != nil {
		return nil, err
	}
	if _, err := parsePageURL(pageURL); err != nil {
		return nil, err
	}
	if err := c.prescan(page); err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		if strings.Contains(err.Error(), "exceeds") {
			// x/net/html refuses trees more than 512 elements deep.
			return nil, fmt.Errorf("%w: elements nested too deep: %w", ErrTooLarge, err)
		}
		return nil, fmt.Errorf("%w: %w", ErrNotHTML, err)
	}
	// The page's own address is read once, from the whole page: a second
	// opinion may clean a part of it that no longer names it.
	addr := ownAddress(doc, pageURL)
	o, err := c.cleanNode(doc, addr)
	var a *Article
	if c.cfg.teaserPass {
		a, err = c.secondOpinion(page, addr, o, err)
	} else {
		a = o.article()
	}
	return a, err
}

// secondOpinion looks again at a page whose first clean (o, err) shows a
// sign that readability chose the wrong block or that the teaser pass cost
// the page its story, and returns the better of the answers.
func (c *Cleaner) secondOpinion(page string, addr address, o *outcome, err error) (*Article, error) {
	if err == nil && c.missedTheSummary(o) {
		// The page's own summary is on the page but not in the story:
		// readability chose a side block over a short post. Clean the
		// block that holds the summary, and keep that if it holds the
		// summary and at least half as much text (a standfirst outside a
		// short story is not the story).
		if b, berr := c.scoped(page, addr); berr == nil && 2*b.Length >= o.Length-o.standfirst && strings.Contains(spaceless(b.TextContent), o.summary) {
			return b.Article, nil
		}
	}
	switch {
	case errors.Is(err, ErrNotArticle):
		// The teaser pass must never cost a page its story: when a page
		// comes out empty with it, clean a fresh parse without it.
		if b, berr := c.again(page, addr, func(cfg *config) { cfg.teaserPass = false }); berr == nil {
			return b.Article, nil
		}
	case err == nil && c.lostTheStory(o):
		// The whole-page pass can tip readability towards the wrong block
		// (a comment instead of the post): ask again without it, and keep
		// whichever answer holds more of the page's prose.
		if b, berr := c.again(page, addr, func(cfg *config) { cfg.skipPrePass = true }); berr == nil && b.Length > o.Length {
			return b.Article, nil
		}
	}
	return o.article(), err
}

// again cleans a fresh parse of page with the configuration changed by edit.
func (c *Cleaner) again(page string, addr address, edit func(*config)) (*outcome, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotHTML, err)
	}
	other := *c
	edit(&other.cfg)
	return other.cleanNode(doc, addr)
}

// missedTheSummary reports a story that does not hold the opening words of
// the page's summary (see scope.go).
func (c *Cleaner) missedTheSummary(a *outcome) bool {
	return a.summary != "" && a.Length < shortStory && (a.standfirst > 0 || !strings.Contains(spaceless(a.TextContent), a.summary))
}

// shortStory is the story length (characters) under which a missed summary
// makes the story suspect: a long story without the summary has a
// standfirst of its own outside it, a short one is often a side block.
const shortStory = 2000

// scoped cleans a fresh parse of page cut down to the block that holds the
// page's summary.
func (c *Cleaner) scoped(page string, addr address) (*outcome, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotHTML, err)
	}
	if !scopeTo(doc, summaryProbe(doc)) {
		return nil, ErrNotArticle
	}
	return c.cleanNode(doc, addr)
}

// lostTheStory reports a story that holds little of a page rich in prose,
// the sign that readability chose a side block.
func (c *Cleaner) lostTheStory(a *outcome) bool {
	return a.pageProse >= 3000 && a.Length*4 < a.pageProse
}

// CleanNode cleans an already parsed document. It changes doc: pass a copy if
// the tree is needed afterwards. Unlike CleanString it cannot retry a page
// that the teaser pass left empty without the pass, since doc is consumed.
func (c *Cleaner) CleanNode(doc *html.Node, pageURL string) (*Article, error) {
	o, err := c.cleanNode(doc, ownAddress(doc, pageURL))
	return o.article(), err
}

// address is the page's address as the caller gave it, or as the page
// named it when none was given (source says where it came from; both are
// empty when the page names none).
type address struct{ url, source string }

// ownAddress is pageURL when given, else the address the page names for
// itself. It is read once per page, before any pass changes the page.
func ownAddress(doc *html.Node, pageURL string) address {
	if pageURL != "" {
		return address{pageURL, URLGiven}
	}
	if u, source := guessPageURL(doc); u != nil {
		return address{u.String(), source}
	}
	return address{}
}

// cleanNode is CleanNode with the run's outcome, for the second opinions.
func (c *Cleaner) cleanNode(doc *html.Node, addr address) (o *outcome, err error) {
	defer func() {
		if r := recover(); r != nil {
			o, err = nil, fmt.Errorf("internal error while cleaning: %v", r)
		}
	}()
	u, err := parsePageURL(addr.url)
	if err != nil {
		return nil, err
	}
	return c.clean(doc, u, addr.source)
}

func (c *Cleaner) readLimited(r io.Reader) ([]byte, error) {
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(r, int64(c.cfg.maxBytes)+1))
	if err != nil {
		return nil, fmt.Errorf("reading the page: %w", err)
	}
	if n > int64(c.cfg.maxBytes) {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, c.cfg.maxBytes)
	}
	return buf.Bytes(), nil
}
