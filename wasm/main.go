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
	"runtime"
	"runtime/debug"
	"strconv"
	"syscall/js"
)

// version is set at build time with -ldflags '-X main.version=...'.
var version = "dev"

// The collector's settings. By default the collector runs only when the
// heap reaches memLimitMiB (GC percent off, a memory limit set): measured
// in Chromium over 50 Mozilla pages, cleaning was 10-18% faster per page
// than with Go's default of collecting at every doubling, and the worker's
// memory stays bounded near the limit however many pages it cleans. Both can
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
		reserveHeap(n)
	}
	register(js.Global(), version)
	select {} // keep the Go program, and so the clean function, alive
}

// reserveHeap grows the wasm memory to about the heap's limit in one step,
// at start-up, while it holds next to nothing. The heap gets there after a
// few cleans anyway, but step by step: V8 grows a memory by moving it when
// it cannot grow it in place, so each step copies all that came before, in
// the middle of the first cleans. The block is freed at once; its pages
// stay with Go's heap for the cleans to use.
func reserveHeap(limitMiB int) {
	const headroomMiB = 8 // the runtime's own needs, next to the heap
	if limitMiB <= headroomMiB {
		return
	}
	b := make([]byte, (limitMiB-headroomMiB)<<20)
	runtime.KeepAlive(b)
	b = nil
	runtime.GC()
}
