//go:build js && wasm

package main

import (
	"strings"
	"sync"

	"cleanread/reader"
)

// maxCleaners bounds the cache: a page that passes a new option set on
// every call must not grow memory without end.
const maxCleaners = 16

// cleanerCache keeps one Cleaner per distinct option set, since a Cleaner
// builds its sanitizing policy and rule table once, in New.
type cleanerCache struct {
	mu sync.Mutex
	m  map[options]*reader.Cleaner
}

var cleaners = &cleanerCache{}

// get returns the Cleaner for o, building it on first use.
func (c *cleanerCache) get(o options) *reader.Cleaner {
	c.mu.Lock()
	defer c.mu.Unlock()
	if cl, ok := c.m[o]; ok {
		return cl
	}
	if c.m == nil || len(c.m) >= maxCleaners {
		c.m = make(map[options]*reader.Cleaner)
	}
	cl := reader.New(o.readerOptions()...)
	c.m[o] = cl
	return cl
}

func (o options) readerOptions() []reader.Option {
	opts := []reader.Option{
		reader.WithTeaserPass(o.teaserPass),
		reader.WithBlockRemoteImages(o.blockRemoteImages),
		reader.WithCaptionsInText(o.captionsInText),
	}
	if o.maxBytes > 0 {
		opts = append(opts, reader.WithMaxBytes(o.maxBytes))
	}
	if o.disabledRules != "" {
		opts = append(opts, reader.WithDisabledRules(strings.Split(o.disabledRules, "\n")...))
	}
	return opts
}
