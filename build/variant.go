package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/evanw/esbuild/pkg/api"
)

// The bench times each shell twice: as built, and built again around a
// stand-in engine (bench/www/js-engine.js, Readability.js + DOMPurify
// behind cleanread.js's API). The shells bundle the engine into their own
// scripts, so the stand-in has to go in at bundle time: every import of
// web/engine/cleanread.js resolves to it, and the files only the wasm
// engine needs are left out, so a shell that still reached for the wasm
// fails instead of timing the wrong engine.

// wasmOnly are the outputs a build around a stand-in engine leaves out.
var wasmOnly = []file{
	{out: "cleanread.wasm", why: "the cleaner itself"},
	{out: "worker.js", why: "the wasm's host; the stand-in runs in its page, which it needs for its DOM"},
	{out: "wasm_exec.js", why: "Go's glue, which only the wasm needs"},
}

// isWasmOnly reports whether a variant leaves the output name out.
func isWasmOnly(name string) bool {
	return slices.ContainsFunc(wasmOnly, func(f file) bool { return f.out == name })
}

// keeps reports whether this build writes the output name.
func (c *config) keeps(name string) bool {
	return c.engine == "" || !isWasmOnly(name)
}

// buildVariant writes the shells built around c.engine into c.dist: web/
// (the web app, with the bookmarklet) and extension/ (Chromium's, the one
// the bench loads), precompressed as the real build is.
func (c *config) buildVariant() error {
	if _, err := os.Stat(c.engine); err != nil {
		return fmt.Errorf("the stand-in engine: %w", err)
	}
	web := filepath.Join(c.dist, "web")
	if err := os.RemoveAll(web); err != nil {
		return fmt.Errorf("clearing %s: %w", web, err)
	}
	if err := os.MkdirAll(web, 0o755); err != nil {
		return fmt.Errorf("making %s: %w", web, err)
	}
	// No wasm URL: the pages preload nothing and no script is told of one.
	if err := c.buildWeb(""); err != nil {
		return err
	}
	if err := c.buildExtensions(); err != nil {
		return err
	}
	return c.compressWeb()
}

// enginePlugin resolves every import of web/engine/cleanread.js, and the
// entry point of that name, to the stand-in engine. The stand-in's own
// imports resolve from where it lies (bench/node_modules for the bench's).
func (c *config) enginePlugin() api.Plugin {
	real := filepath.Join(c.web, "engine", "cleanread.js")
	return api.Plugin{Name: "engine", Setup: func(b api.PluginBuild) {
		b.OnResolve(api.OnResolveOptions{Filter: `cleanread\.js$`}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
			p := a.Path
			if !filepath.IsAbs(p) {
				p = filepath.Join(a.ResolveDir, p)
			}
			if filepath.Clean(p) != real {
				return api.OnResolveResult{}, nil // someone else's cleanread.js: resolved as usual
			}
			return api.OnResolveResult{Path: c.engine}, nil
		})
	}}
}

// variantPaths checks -engine and -out and makes them absolute. The output
// may not be dist/ itself, whose web/ holds the real build and its wasm.
func variantPaths(root, engine, out string) (string, string, error) {
	if out == "" {
		return "", "", errors.New("-engine needs -out, the folder for the variant")
	}
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return filepath.Clean(p)
		}
		return filepath.Join(root, p)
	}
	e, o := abs(engine), abs(out)
	if o == root || o == filepath.Join(root, "dist") {
		return "", "", fmt.Errorf("-out %s would overwrite the real build; name a folder of its own, e.g. dist/bench-js", out)
	}
	return e, o, nil
}
