// Package bridgeargs checks the arguments of the wasm bridge's
// cleanread.clean(html, url, options). It reads JavaScript values through the
// small Value interface rather than syscall/js, so the same checks run in the
// js/wasm build (wasm/args.go adapts js.Value) and on the host, where they
// can be fuzzed: Go cannot fuzz a js/wasm test binary (`go test -fuzz`
// needs coverage instrumentation and worker processes that GOOS=js lacks).
package bridgeargs

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Type is the type of a JavaScript value, named as syscall/js names them.
type Type int

// The JavaScript types, in syscall/js order.
const (
	TypeUndefined Type = iota
	TypeNull
	TypeBoolean
	TypeNumber
	TypeString
	TypeSymbol
	TypeObject
	TypeFunction
)

func (t Type) String() string {
	switch t {
	case TypeUndefined:
		return "undefined"
	case TypeNull:
		return "null"
	case TypeBoolean:
		return "boolean"
	case TypeNumber:
		return "number"
	case TypeString:
		return "string"
	case TypeSymbol:
		return "symbol"
	case TypeObject:
		return "object"
	case TypeFunction:
		return "function"
	}
	return fmt.Sprintf("Type(%d)", int(t))
}

// Value is what the checks read of a JavaScript value. Methods are only
// called when Type says they apply: String on strings, Bool on booleans,
// Float on numbers, IsArray/Keys/Get on objects, Length/Index on arrays.
type Value interface {
	Type() Type
	String() string
	Bool() bool
	Float() float64
	IsArray() bool
	Keys() []string // own enumerable property names, as Object.keys
	Get(name string) Value
	Length() int
	Index(i int) Value
}

// MaxInt is the largest maxBytes accepted.
const MaxInt = math.MaxInt32

// Request is a checked call of clean(html, url, options).
type Request struct {
	HTML    string
	URL     string
	Options Options
}

// Options are the per-call settings JS may pass. They are comparable, so the
// bridge can key its Cleaner cache on them.
type Options struct {
	TeaserPass        bool
	BlockRemoteImages bool
	CaptionsInText    bool   // captions and photo credits in textContent too
	MaxBytes          int    // 0: the reader's default
	DisabledRules     string // sorted, distinct, non-empty rule names joined with "\n"
}

// DefaultOptions are the options of a call that passes none.
func DefaultOptions() Options { return Options{TeaserPass: true} }

// ErrArgs is wrapped by every argument error.
var ErrArgs = errors.New("bad arguments to cleanread.clean(html, url, options)")

// Parse checks clean's arguments: html a string; url a string, undefined or
// null; options an object, undefined or null; at most three arguments.
// Unknown option names are errors, so a typo does not silently change
// nothing. Every error wraps ErrArgs.
func Parse(args []Value) (Request, error) {
	var req Request
	if len(args) < 1 || args[0].Type() != TypeString {
		return req, fmt.Errorf("%w: html must be a string, got %s", ErrArgs, typeOf(args, 0))
	}
	req.HTML = args[0].String()
	switch t := typeOf(args, 1); t {
	case TypeUndefined, TypeNull:
	case TypeString:
		req.URL = args[1].String()
	default:
		return req, fmt.Errorf("%w: url must be a string, undefined or null, got %s", ErrArgs, t)
	}
	if len(args) > 3 {
		return req, fmt.Errorf("%w: want at most 3 arguments, got %d", ErrArgs, len(args))
	}
	var opts Options
	var err error
	if len(args) > 2 {
		opts, err = ParseOptions(args[2])
	} else {
		opts = DefaultOptions()
	}
	if err != nil {
		return req, err
	}
	req.Options = opts
	return req, nil
}

// ParseOptions reads {teaserPass, blockRemoteImages, captionsInText, maxBytes,
// disabledRules}.
// A nil v is undefined.
func ParseOptions(v Value) (Options, error) {
	o := DefaultOptions()
	if v == nil {
		return o, nil
	}
	switch v.Type() {
	case TypeUndefined, TypeNull:
		return o, nil
	case TypeObject:
	default:
		return o, fmt.Errorf("%w: options must be an object, undefined or null, got %s", ErrArgs, v.Type())
	}
	if v.IsArray() {
		return o, fmt.Errorf("%w: options must be a plain object, got an array", ErrArgs)
	}
	for _, name := range v.Keys() {
		field := v.Get(name)
		if field.Type() == TypeUndefined {
			continue
		}
		var err error
		switch name {
		case "teaserPass":
			o.TeaserPass, err = boolField(name, field)
		case "blockRemoteImages":
			o.BlockRemoteImages, err = boolField(name, field)
		case "captionsInText":
			o.CaptionsInText, err = boolField(name, field)
		case "maxBytes":
			o.MaxBytes, err = positiveIntField(name, field)
		case "disabledRules":
			o.DisabledRules, err = ruleNamesField(name, field)
		default:
			err = fmt.Errorf("%w: unknown option %q (known: teaserPass, blockRemoteImages, captionsInText, maxBytes, disabledRules)", ErrArgs, name)
		}
		if err != nil {
			return o, err
		}
	}
	return o, nil
}

func boolField(name string, v Value) (bool, error) {
	if v.Type() != TypeBoolean {
		return false, fmt.Errorf("%w: option %s must be a boolean, got %s", ErrArgs, name, v.Type())
	}
	return v.Bool(), nil
}

func positiveIntField(name string, v Value) (int, error) {
	if v.Type() != TypeNumber {
		return 0, fmt.Errorf("%w: option %s must be a number, got %s", ErrArgs, name, v.Type())
	}
	f := v.Float()
	// NaN fails every comparison, so test for the good range, not the bad one.
	if !(f >= 1 && f <= MaxInt && f == math.Trunc(f)) {
		return 0, fmt.Errorf("%w: option %s must be a whole number from 1 to %d, got %v", ErrArgs, name, MaxInt, f)
	}
	return int(f), nil
}

func ruleNamesField(name string, v Value) (string, error) {
	if v.Type() != TypeObject || !v.IsArray() {
		return "", fmt.Errorf("%w: option %s must be an array of strings, got %s", ErrArgs, name, v.Type())
	}
	n := v.Length()
	names := make([]string, 0, min(n, 64))
	for i := range n {
		e := v.Index(i)
		if e.Type() != TypeString {
			return "", fmt.Errorf("%w: option %s[%d] must be a string, got %s", ErrArgs, name, i, e.Type())
		}
		if s := e.String(); s != "" && !strings.Contains(s, "\n") {
			names = append(names, s)
		}
	}
	slices.Sort(names)
	return strings.Join(slices.Compact(names), "\n"), nil
}

func typeOf(args []Value, i int) Type {
	if i < len(args) && args[i] != nil {
		return args[i].Type()
	}
	return TypeUndefined
}
