//go:build js && wasm

package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"syscall/js"

	"cleanread/reader"
)

// codeBadArgument is the error code for a call whose arguments have the wrong
// types. The reader's own codes come from reader.Code.
const codeBadArgument = "bad_argument"

// register sets global.cleanread = {version, clean, testHeap}. testHeap is
// a test hook, not part of the API: only the browser tests and the
// benchmark call it, through the worker's test:memory message.
func register(global js.Value, version string) {
	api := js.Global().Get("Object").New()
	api.Set("version", version)
	api.Set("clean", js.FuncOf(cleanFunc))
	api.Set("testHeap", js.FuncOf(heapFunc))
	global.Set("cleanread", api)
}

// heapFunc is the test hook testHeap(): the bytes of live Go heap
// after a full collection. Unlike the size of the wasm memory, which never
// shrinks, it shows a leak at once.
func heapFunc(_ js.Value, _ []js.Value) any {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc)
}

// cleanFunc is the JS function clean(html, url, options). It returns a plain
// object and never throws, whatever it is given.
func cleanFunc(_ js.Value, args []js.Value) any {
	return clean(args).toJS()
}

// result is what clean returns to JS: an article as JSON, or an error.
type result struct {
	article []byte // the Article marshaled with encoding/json
	code    string
	message string
}

// toJS turns r into {ok:true, article} or {ok:false, error:{code, message}}.
// The article crosses as one JSON string and is parsed on the JS side, so it
// has exactly the shape of the CLI's JSON output.
func (r result) toJS() (v any) {
	defer func() {
		if p := recover(); p != nil {
			v = errorObject("internal", fmt.Sprintf("internal error while returning the article: %v", p))
		}
	}()
	if r.code != "" {
		return errorObject(r.code, r.message)
	}
	article := js.Global().Get("JSON").Call("parse", string(r.article))
	return map[string]any{"ok": true, "article": article}
}

func errorObject(code, message string) map[string]any {
	return map[string]any{"ok": false, "error": map[string]any{"code": code, "message": message}}
}

func failure(code string, err error) result {
	return result{code: code, message: err.Error()}
}

// cleanPage is the call into the reader; tests replace it to check that
// panics and unexpected errors are contained.
var cleanPage = (*reader.Cleaner).CleanString

// clean checks the arguments, cleans the page with a cached Cleaner and
// marshals the Article. A panic anywhere becomes an "internal" error: one
// escaping panic would end the Go program and every later call with it.
func clean(args []js.Value) (res result) {
	defer func() {
		if p := recover(); p != nil {
			res = result{code: "internal", message: fmt.Sprintf("internal error: %v\n%s", p, debug.Stack())}
		}
	}()
	req, err := parseArgs(args)
	if err != nil {
		return failure(codeBadArgument, err)
	}
	a, err := cleanPage(cleaners.get(req.opts), req.html, req.url)
	if err != nil {
		return failure(reader.Code(err), err)
	}
	b, err := json.Marshal(a)
	if err != nil {
		return failure("internal", fmt.Errorf("encoding the article: %w", err))
	}
	return result{article: b}
}
