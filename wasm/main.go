//go:build js && wasm

// Command wasm is the cleanread WebAssembly bridge. Built with
// GOOS=js GOARCH=wasm, it registers
//
//	globalThis.cleanread = {version, clean(html, url, options)}
//
// and then stays alive so JavaScript can call clean as often as it likes.
// clean never throws: it returns {ok: true, article} or
// {ok: false, error: {code, message}}. web/cleanread.js is the public API
// built on top of it; this global is internal.
package main

import (
	"runtime/debug"
	"strconv"
	"syscall/js"
)

// version is set at build time with -ldflags '-X main.version=...'.
var version = "dev"

// gcPercent, when set at build time with -ldflags '-X main.gcPercent=N', is
// passed to debug.SetGCPercent: the benchmark's lever for the collector.
var gcPercent = ""

func main() {
	if n, err := strconv.Atoi(gcPercent); err == nil {
		debug.SetGCPercent(n)
	}
	register(js.Global(), version)
	select {} // keep the Go program, and so the clean function, alive
}
