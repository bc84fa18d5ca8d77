//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"

	"cleanread/wasm/bridgeargs"
)

// request is a checked call of clean(html, url, options).
type request struct {
	html string
	url  string
	opts options
}

// options are the per-call settings JS may pass. They are comparable, so
// they can key the Cleaner cache once disabledRules is joined.
type options struct {
	teaserPass        bool
	blockRemoteImages bool
	captionsInText    bool
	maxBytes          int
	disabledRules     string // sorted rule names joined with "\n"
}

func defaultOptions() options { return fromArgs(bridgeargs.DefaultOptions()) }

// errArgs is wrapped by every argument error.
var errArgs = bridgeargs.ErrArgs

// parseArgs checks clean's arguments: html a string; url a string, undefined
// or null; options an object, undefined or null. Unknown option names are
// errors, so a typo does not silently change nothing. The checks live in
// package bridgeargs, which reads values through an interface so that they
// can be fuzzed on the host too.
//
// Reading an options object runs its getters and Proxy traps. wasm_exec.js
// lets an exception from a plain property read (js.Value.Get, Index, Length)
// unwind straight through the Go program and end it ("fatal error: unknown
// caller pc"), so jsValue reads properties with Reflect.get through
// js.Value.Call, which turns the exception into a Go panic; parseArgs
// recovers that into an argument error.
func parseArgs(args []js.Value) (req request, err error) {
	defer func() {
		if p := recover(); p != nil {
			jerr, ok := p.(js.Error)
			if !ok {
				panic(p)
			}
			err = fmt.Errorf("%w: reading the arguments threw %s", errArgs, jerr.Error())
		}
	}()
	vs := make([]bridgeargs.Value, len(args))
	for i, a := range args {
		vs[i] = jsValue{a}
	}
	r, err := bridgeargs.Parse(vs)
	return request{html: r.HTML, url: r.URL, opts: fromArgs(r.Options)}, err
}

// parseOptions reads {teaserPass, blockRemoteImages, captionsInText, maxBytes,
// disabledRules}.
func parseOptions(v js.Value) (options, error) {
	o, err := bridgeargs.ParseOptions(jsValue{v})
	return fromArgs(o), err
}

func fromArgs(o bridgeargs.Options) options {
	return options{
		teaserPass:        o.TeaserPass,
		blockRemoteImages: o.BlockRemoteImages,
		captionsInText:    o.CaptionsInText,
		maxBytes:          o.MaxBytes,
		disabledRules:     o.DisabledRules,
	}
}

// jsValue adapts js.Value to bridgeargs.Value.
type jsValue struct{ v js.Value }

func (j jsValue) Type() bridgeargs.Type { return bridgeargs.Type(j.v.Type()) }
func (j jsValue) String() string        { return j.v.String() }
func (j jsValue) Bool() bool            { return j.v.Bool() }
func (j jsValue) Float() float64        { return j.v.Float() }

// Length, Index and Get read through Reflect.get: see parseArgs.
func (j jsValue) Length() int {
	return reflectGet(j.v, "length").Int()
}

func (j jsValue) Index(i int) bridgeargs.Value { return jsValue{reflectGet(j.v, i)} }

func (j jsValue) Get(name string) bridgeargs.Value { return jsValue{reflectGet(j.v, name)} }

var reflectObject = js.Global().Get("Reflect")

func reflectGet(v js.Value, key any) js.Value { return reflectObject.Call("get", v, key) }

func (j jsValue) IsArray() bool {
	return js.Global().Get("Array").Call("isArray", j.v).Bool()
}

func (j jsValue) Keys() []string {
	keys := js.Global().Get("Object").Call("keys", j.v)
	out := make([]string, keys.Length())
	for i := range out {
		out[i] = keys.Index(i).String()
	}
	return out
}
