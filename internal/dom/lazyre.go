package dom

import (
	"regexp"
	"sync"
)

// LazyRegexp returns a function that compiles pattern on its first call and
// returns the same Regexp from then on. Package-level patterns use it so
// that package init stays cheap: in the browser, init runs before the
// engine can say it is ready, while the first page is still on its way.
// A bad pattern panics on first use; the tests use every one. Not inlined:
// each inlined copy of sync.OnceValue would add its code to the binary.
//
//go:noinline
func LazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
