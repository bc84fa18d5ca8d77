package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// kind says how a script is loaded, and so how it is built.
type kind int

const (
	// module is an ES module bundle, minified: what pages and workers load
	// with type="module".
	module kind = iota
	// classic is a classic script bundled into one function expression,
	// minified: the bookmarklet and the extension's background script.
	classic
	// classicPlain is a classic script left readable; its value is the
	// value of its last expression (the extension injects it and reads it).
	classicPlain
	// asIs is a classic script that must run before first paint: only
	// minified, never wrapped (it is already one function expression).
	asIs
)

// script is one file a browser loads, built from one entry point.
type script struct {
	in, out string   // in under web/, out under the target folder
	kind    kind     // how it is loaded
	global  string   // classicPlain: the global holding the module's exports
	footer  string   // classicPlain: the last expression, whose value the script gives
	extern  []string // imports left to run time
	why     string
}

// webScripts are the scripts of dist/web: the demo, the bookmarklet's
// reader window and the public API.
var webScripts = []script{
	{in: "engine/cleanread.js", out: "cleanread.js", kind: module,
		why: "the public API for pages that embed the cleaner"},
	{in: "engine/worker.js", out: "worker.js", kind: module,
		why: "the module worker that hosts the wasm, with Go's wasm_exec.js bundled in"},
	{in: "view/view.js", out: "view.js", kind: module,
		why: "the reading view as a module of its own, for pages that embed it"},
	{in: "shells/demo/demo.js", out: "demo.js", kind: module,
		why: "the demo page: paste, drop or the sample"},
	{in: "shells/reader/read.js", out: "read.js", kind: module,
		why: "the reader window the bookmarklet opens"},
	{in: "view/settings-boot.classic.js", out: "settings-boot.js", kind: asIs,
		why: "applies stored view settings in <head>, before first paint"},
	{in: "shells/bookmarklet/bookmarklet.js", out: "bookmarklet.min.js", kind: classic,
		why: "the bookmarklet's code; the demo turns it into a javascript: link"},
	{in: "shells/bookmarklet/snapshot.js", out: "snapshot.js", kind: classicPlain,
		global: "cleanreadSnapshot", footer: "cleanreadSnapshot.takeSnapshot();",
		why: "the extension injects it into a tab; its value is the page's copy"},
}

// extensionScripts are the extension's own scripts, next to the shared
// ones it copies from dist/web.
var extensionScripts = []script{
	{in: "shells/extension/popup.js", out: "popup.js", kind: module,
		why: "the toolbar popup"},
	{in: "shells/extension/reader-tab.js", out: "reader-tab.js", kind: module,
		why: "the reader tab, which shows what the popup or the shortcut stored, cleaned in the shared engine"},
	{in: "shells/extension/background.js", out: "background.js", kind: classic, extern: []string{"./engine-host.js"},
		why: "Chromium's service worker and Firefox's background page; Firefox loads engine-host.js from it"},
	{in: "shells/extension/offscreen.js", out: "offscreen.js", kind: module,
		why: "Chromium's offscreen document, host of the shared engine"},
	{in: "shells/extension/engine-host.js", out: "engine-host.js", kind: module,
		why: "Firefox's host of the shared engine, imported by the background page"},
}

// bundle builds scripts into outDir. wasmURL, when set, becomes the
// engine's default wasm address (CLEANREAD_WASM_FILE in cleanread.js).
func (c *config) bundle(scripts []script, outDir, wasmURL string) error {
	define := map[string]string{}
	if wasmURL != "" {
		q, err := json.Marshal("./" + wasmURL)
		if err != nil {
			return fmt.Errorf("quoting the wasm URL: %w", err)
		}
		define["CLEANREAD_WASM_FILE"] = string(q)
	}
	for _, s := range scripts {
		if !c.keeps(s.out) {
			continue
		}
		if err := c.bundleOne(s, outDir, define); err != nil {
			return err
		}
	}
	return nil
}

func (c *config) bundleOne(s script, outDir string, define map[string]string) error {
	in := filepath.Join(c.web, filepath.FromSlash(s.in))
	out := filepath.Join(outDir, s.out)
	if s.kind == asIs {
		return c.minifyAsIs(in, out)
	}
	opts := api.BuildOptions{
		EntryPoints:   []string{in},
		Outfile:       out,
		Bundle:        true,
		Write:         true,
		Target:        api.ES2022,
		Define:        define,
		External:      s.extern,
		LegalComments: api.LegalCommentsNone,
		Charset:       api.CharsetUTF8,
		LogLevel:      api.LogLevelWarning,
		Plugins:       []api.Plugin{c.wasmExecPlugin()},
	}
	if c.engine != "" {
		opts.Plugins = append(opts.Plugins, c.enginePlugin())
	}
	switch s.kind {
	case module:
		opts.Format = api.FormatESModule
		minify(&opts)
	case classic:
		opts.Format = api.FormatIIFE
		minify(&opts)
	case classicPlain:
		opts.Format = api.FormatIIFE
		opts.GlobalName = s.global
		opts.Footer = map[string]string{"js": s.footer}
	}
	r := api.Build(opts)
	if len(r.Errors) > 0 {
		return fmt.Errorf("bundling %s: %s", s.in, messages(r.Errors))
	}
	return nil
}

func minify(o *api.BuildOptions) {
	o.MinifyWhitespace, o.MinifyIdentifiers, o.MinifySyntax = true, true, true
}

// minifyAsIs minifies one classic script without bundling or wrapping it.
func (c *config) minifyAsIs(in, out string) error {
	src, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("reading %s: %w", in, err)
	}
	r := api.Transform(string(src), api.TransformOptions{
		Loader: api.LoaderJS, Target: api.ES2022, Sourcefile: in,
		MinifyWhitespace: true, MinifyIdentifiers: true, MinifySyntax: true,
		LegalComments: api.LegalCommentsNone, Charset: api.CharsetUTF8,
	})
	if len(r.Errors) > 0 {
		return fmt.Errorf("minifying %s: %s", in, messages(r.Errors))
	}
	if err := os.WriteFile(out, r.Code, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	return nil
}

// wasmExecPlugin resolves the worker's import of ./wasm_exec.js to the
// copy in GOROOT, so the glue always matches the Go that built the wasm
// and is never kept in the repository.
func (c *config) wasmExecPlugin() api.Plugin {
	path := filepath.Join(c.goroot, "lib", "wasm", "wasm_exec.js")
	return api.Plugin{Name: "wasm_exec", Setup: func(b api.PluginBuild) {
		b.OnResolve(api.OnResolveOptions{Filter: `^\./wasm_exec\.js$`}, func(api.OnResolveArgs) (api.OnResolveResult, error) {
			return api.OnResolveResult{Path: path}, nil
		})
	}}
}

func messages(ms []api.Message) string {
	var b strings.Builder
	for i, m := range ms {
		if i > 0 {
			b.WriteString("; ")
		}
		if m.Location != nil {
			fmt.Fprintf(&b, "%s:%d:%d: ", m.Location.File, m.Location.Line, m.Location.Column)
		}
		b.WriteString(m.Text)
	}
	return b.String()
}
