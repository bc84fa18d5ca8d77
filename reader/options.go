package reader

import (
	"log/slog"

	"github.com/microcosm-cc/bluemonday"
)

// Default limits. They keep one hostile or broken page from costing the
// reader's machine more than a moment.
const (
	// DefaultMaxBytes is the largest input accepted: 16 MiB.
	DefaultMaxBytes = 16 << 20
	// DefaultMaxElements is the largest number of elements a page may have.
	DefaultMaxElements = 300_000
	// DefaultMaxDepth is the deepest element nesting accepted; the HTML
	// parser itself refuses more than 512 open elements.
	DefaultMaxDepth = 512
)

// Option configures a Cleaner built by New.
type Option func(*config)

type config struct {
	maxBytes          int
	maxElements       int
	maxDepth          int
	teaserPass        bool
	skipPrePass       bool // internal: the second opinion without the whole-page pass
	disabledRules     map[string]bool
	policy            *bluemonday.Policy
	logger            *slog.Logger
	blockRemoteImages bool
	captionsInText    bool
}

func defaultConfig() config {
	return config{
		maxBytes:    DefaultMaxBytes,
		maxElements: DefaultMaxElements,
		maxDepth:    DefaultMaxDepth,
		teaserPass:  true,
		logger:      slog.New(slog.DiscardHandler),
	}
}

// WithMaxBytes sets the largest input accepted; larger input fails with
// ErrTooLarge. Zero or less keeps the default.
func WithMaxBytes(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxBytes = n
		}
	}
}

// WithMaxElements sets the largest element count accepted; a page with more
// fails with ErrTooLarge. Zero or less keeps the default.
func WithMaxElements(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxElements = n
		}
	}
}

// WithMaxDepth sets the deepest element nesting accepted; a deeper page fails
// with ErrTooLarge. Zero or less keeps the default.
func WithMaxDepth(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxDepth = n
		}
	}
}

// WithTeaserPass switches the teaser and ad removal on (the default) or off.
func WithTeaserPass(on bool) Option {
	return func(c *config) { c.teaserPass = on }
}

// WithDisabledRules switches single teaser and ad rules off by name (see
// RuleNames and ParseRuleList).
func WithDisabledRules(names ...string) Option {
	return func(c *config) {
		if c.disabledRules == nil {
			c.disabledRules = map[string]bool{}
		}
		for _, n := range names {
			c.disabledRules[n] = true
		}
	}
}

// WithPolicy replaces the reading-view sanitizing policy. The policy must not
// be changed after it is passed in. A nil policy keeps the default.
func WithPolicy(p *bluemonday.Policy) Option {
	return func(c *config) { c.policy = p }
}

// WithLogger sets where the Cleaner logs what it decides. A nil logger keeps
// the default, which discards everything.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) {
		if l != nil {
			c.logger = l
		}
	}
}

// WithBlockRemoteImages drops every image that would load from the network,
// so showing the article makes no request the reader did not choose.
// Inline data: images are kept.
func WithBlockRemoteImages(on bool) Option {
	return func(c *config) { c.blockRemoteImages = on }
}

// WithCaptionsInText puts figure captions and photo credits back into the
// article's plain text, word count and reading time. By default they cover
// the story's prose only; the HTML content keeps the captions either way.
func WithCaptionsInText(on bool) Option {
	return func(c *config) { c.captionsInText = on }
}
