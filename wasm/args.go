//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"syscall/js"
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
	maxBytes          int
	disabledRules     string // sorted rule names joined with "\n"
}

func defaultOptions() options { return options{teaserPass: true} }

// errArgs is wrapped by every argument error.
var errArgs = errors.New("bad arguments to cleanread.clean(html, url, options)")

// parseArgs checks clean's arguments: html a string; url a string, undefined
// or null; options an object, undefined or null. Unknown option names are
// errors, so a typo does not silently change nothing.
func parseArgs(args []js.Value) (request, error) {
	var req request
	if len(args) < 1 || args[0].Type() != js.TypeString {
		return req, fmt.Errorf("%w: html must be a string, got %s", errArgs, typeOf(args, 0))
	}
	req.html = args[0].String()
	switch t := typeOf(args, 1); t {
	case "undefined", "null":
	case "string":
		req.url = args[1].String()
	default:
		return req, fmt.Errorf("%w: url must be a string, undefined or null, got %s", errArgs, t)
	}
	if len(args) > 3 {
		return req, fmt.Errorf("%w: want at most 3 arguments, got %d", errArgs, len(args))
	}
	opts, err := parseOptions(argAt(args, 2))
	if err != nil {
		return req, err
	}
	req.opts = opts
	return req, nil
}

// parseOptions reads {teaserPass, blockRemoteImages, maxBytes, disabledRules}.
func parseOptions(v js.Value) (options, error) {
	o := defaultOptions()
	switch v.Type() {
	case js.TypeUndefined, js.TypeNull:
		return o, nil
	case js.TypeObject:
	default:
		return o, fmt.Errorf("%w: options must be an object, undefined or null, got %s", errArgs, v.Type())
	}
	if js.Global().Get("Array").Call("isArray", v).Bool() {
		return o, fmt.Errorf("%w: options must be a plain object, got an array", errArgs)
	}
	keys := js.Global().Get("Object").Call("keys", v)
	for i := range keys.Length() {
		name := keys.Index(i).String()
		field := v.Get(name)
		if field.IsUndefined() {
			continue
		}
		var err error
		switch name {
		case "teaserPass":
			o.teaserPass, err = boolField(name, field)
		case "blockRemoteImages":
			o.blockRemoteImages, err = boolField(name, field)
		case "maxBytes":
			o.maxBytes, err = positiveIntField(name, field)
		case "disabledRules":
			o.disabledRules, err = ruleNamesField(name, field)
		default:
			err = fmt.Errorf("%w: unknown option %q (known: teaserPass, blockRemoteImages, maxBytes, disabledRules)", errArgs, name)
		}
		if err != nil {
			return o, err
		}
	}
	return o, nil
}

func boolField(name string, v js.Value) (bool, error) {
	if v.Type() != js.TypeBoolean {
		return false, fmt.Errorf("%w: option %s must be a boolean, got %s", errArgs, name, v.Type())
	}
	return v.Bool(), nil
}

func positiveIntField(name string, v js.Value) (int, error) {
	if v.Type() != js.TypeNumber {
		return 0, fmt.Errorf("%w: option %s must be a number, got %s", errArgs, name, v.Type())
	}
	f := v.Float()
	if f < 1 || f != math.Trunc(f) || f > math.MaxInt32 {
		return 0, fmt.Errorf("%w: option %s must be a whole number from 1 to %d, got %v", errArgs, name, math.MaxInt32, f)
	}
	return int(f), nil
}

func ruleNamesField(name string, v js.Value) (string, error) {
	if v.Type() != js.TypeObject || !js.Global().Get("Array").Call("isArray", v).Bool() {
		return "", fmt.Errorf("%w: option %s must be an array of strings, got %s", errArgs, name, v.Type())
	}
	names := make([]string, 0, v.Length())
	for i := range v.Length() {
		e := v.Index(i)
		if e.Type() != js.TypeString {
			return "", fmt.Errorf("%w: option %s[%d] must be a string, got %s", errArgs, name, i, e.Type())
		}
		if s := e.String(); s != "" && !strings.Contains(s, "\n") {
			names = append(names, s)
		}
	}
	slices.Sort(names)
	return strings.Join(slices.Compact(names), "\n"), nil
}

func argAt(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

func typeOf(args []js.Value, i int) string {
	return argAt(args, i).Type().String()
}
