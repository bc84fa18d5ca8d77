//go:build js && wasm

package main

import (
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cleanread/wasm/bridgeargs"
)

// toJS builds the real JavaScript value a bridgeargs.Node stands for.
func toJS(n *bridgeargs.Node) js.Value {
	switch n.Kind {
	case bridgeargs.TypeUndefined:
		return js.Undefined()
	case bridgeargs.TypeNull:
		return js.Null()
	case bridgeargs.TypeBoolean:
		return js.ValueOf(n.Bool_)
	case bridgeargs.TypeNumber:
		return js.ValueOf(n.Num)
	case bridgeargs.TypeString:
		return js.ValueOf(n.Str)
	case bridgeargs.TypeSymbol:
		return js.Global().Get("Symbol").Invoke("fuzz")
	case bridgeargs.TypeFunction:
		return js.Global().Get("Function").New("return 1")
	}
	if n.Array {
		a := js.Global().Get("Array").New()
		for _, it := range n.Items {
			a.Call("push", toJS(it))
		}
		return a
	}
	o := js.Global().Get("Object").New()
	for _, kv := range n.Props {
		// defineProperty, so "__proto__" becomes an own property as in JSON.parse.
		desc := js.Global().Get("Object").New()
		desc.Set("value", toJS(kv.Value))
		desc.Set("enumerable", true)
		desc.Set("writable", true)
		desc.Set("configurable", true)
		js.Global().Get("Object").Call("defineProperty", o, kv.Key, desc)
	}
	return o
}

var knownCodes = map[string]bool{"bad_argument": true, "empty": true, "not_html": true, "too_large": true,
	"not_article": true, "bad_url": true, "internal": true}

// FuzzBridgeArgs calls the registered clean function with decoded argument
// lists. Under GOOS=js only the seed corpus runs (go test cannot fuzz a
// js/wasm binary); `./build.sh fuzz` fuzzes the same checks on the host in
// package bridgeargs. Each call must return {ok} or {ok:false, error:{code,
// message}} with a known code, never throw, and the bridge must agree with
// the host checks on the same values.
func FuzzBridgeArgs(f *testing.F) {
	for _, s := range bridgeargs.Seeds() {
		f.Add(s)
	}
	g := js.Global().Get("Object").New()
	register(g, "fuzz")
	cleanJS := g.Get("cleanread").Get("clean")
	f.Fuzz(func(t *testing.T, data []byte) {
		nodes := bridgeargs.DecodeArgs(data)
		args := make([]any, len(nodes))
		jsArgs := make([]js.Value, len(nodes))
		for i, n := range nodes {
			jsArgs[i] = toJS(n)
			args[i] = jsArgs[i]
		}
		want, wantErr := bridgeargs.Parse(bridgeargs.Values(nodes))
		got, gotErr := parseArgs(jsArgs)
		require.Equal(t, wantErr == nil, gotErr == nil, "host %v, bridge %v", wantErr, gotErr)
		if wantErr == nil {
			assert.Equal(t, fromArgs(want.Options), got.opts)
			assert.Equal(t, want.HTML, got.html)
		} else {
			assert.Equal(t, wantErr.Error(), gotErr.Error())
		}

		v := cleanJS.Invoke(args...)
		require.Equal(t, js.TypeObject, v.Type())
		if v.Get("ok").Bool() {
			require.NoError(t, wantErr)
			assert.Equal(t, js.TypeObject, v.Get("article").Type())
			return
		}
		code := v.Get("error").Get("code").String()
		assert.True(t, knownCodes[code], "unknown code %q", code)
		assert.NotEmpty(t, v.Get("error").Get("message").String())
		if wantErr != nil {
			assert.Equal(t, "bad_argument", code)
		}
	})
}

// The bridge's Type values are syscall/js's, one for one.
func TestTypesMatchSyscallJS(t *testing.T) {
	for _, tt := range []js.Type{js.TypeUndefined, js.TypeNull, js.TypeBoolean, js.TypeNumber,
		js.TypeString, js.TypeSymbol, js.TypeObject, js.TypeFunction} {
		assert.Equal(t, tt.String(), bridgeargs.Type(tt).String())
	}
}

// Values that plain data cannot express: a huge sparse array, a throwing
// getter, a Proxy. None may end the Go program.
func TestHostileOptionValues(t *testing.T) {
	eval := func(src string) js.Value { return js.Global().Get("Function").New("return " + src).Invoke() }
	tests := []struct {
		name, options, code string
	}{
		{"sparse array of 2^32-1", `({disabledRules: new Array(2**32 - 1)})`, "bad_argument"},
		{"throwing getter", `({get teaserPass() { throw new Error('no') }})`, "bad_argument"},
		{"throwing ownKeys", `new Proxy({}, {ownKeys() { throw new Error('no') }})`, "bad_argument"},
		{"array proxy throwing on length", `({disabledRules: new Proxy([], {get() { throw new Error('no') }})})`, "bad_argument"},
		{"getter on an index", `({disabledRules: Object.defineProperty([], 0, {get() { throw new Error('no') }})})`, "bad_argument"},
		{"huge length from a proxy", `({disabledRules: new Proxy([], {get(t, k) { return k === 'length' ? 2**53 : undefined }})})`, "bad_argument"},
		{"array-like object", `({disabledRules: {length: 2, 0: 'a', 1: 'b'}})`, "bad_argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := call(t, storyPage, "", eval(tt.options))
			assert.Equal(t, tt.code, errorCode(v), "message: %s", v.Get("error").Get("message"))
		})
	}
	assert.True(t, call(t, storyPage).Get("ok").Bool(), "the bridge still works")
}
