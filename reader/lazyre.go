package reader

import (
	"regexp"

	"cleanread/internal/dom"
)

// lazyRegexp compiles pattern on first use (dom.LazyRegexp).
func lazyRegexp(pattern string) func() *regexp.Regexp { return dom.LazyRegexp(pattern) }
