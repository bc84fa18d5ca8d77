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

import "syscall/js"

// version is set at build time with -ldflags '-X main.version=...'.
var version = "dev"

func main() {
	register(js.Global(), version)
	select {} // keep the Go program, and so the clean function, alive
}
