//go:build js && wasm

// Command wasm is the cleanread WebAssembly bridge. Built with
// GOOS=js GOARCH=wasm, it registers
//
//	globalThis.cleanread = {version, clean(html, url, options)}
//
// and then stays alive so JavaScript can call clean as often as it likes.
// clean never throws: it returns {ok: true, article} or
// {ok: false, error: {code, message}}. web/engine/cleanread.js is the public API
// built on top of it; this global is internal.
package main

import (
	"runtime/debug"
	"strconv"
	"syscall/js"
)

// version is set at build time with -ldflags '-X main.version=...'.
var version = "dev"

// The collector's settings. By default the collector runs only when the
// heap reaches memLimitMiB (GC percent off, a memory limit set): a clean
// makes much short-lived garbage, so collecting at every doubling of the
// heap costs time on every page, while the worker's memory stays bounded
// near the limit however many pages it cleans (the benchmark's memory and
// pages sections show both). Both can
// be changed at build time for the benchmark: -ldflags '-X main.gcPercent=N
// -X main.memLimitMiB=M'.
var (
	gcPercent   = "-1"
	memLimitMiB = "64"
)

func main() {
	if n, err := strconv.Atoi(gcPercent); err == nil {
		debug.SetGCPercent(n)
	}
	if n, err := strconv.Atoi(memLimitMiB); err == nil && n > 0 {
		debug.SetMemoryLimit(int64(n) << 20)
	}
	register(js.Global(), version)
	select {} // keep the Go program, and so the clean function, alive
}
