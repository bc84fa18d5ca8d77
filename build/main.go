// Command build makes the browser side of cleanread from web/: it bundles
// each shell's scripts with esbuild from an explicit entry point, renders
// the shells' pages, assembles the Chromium and Firefox extensions from an
// explicit file list and precompresses what the server sends.
//
// build.sh runs it after compiling the wasm:
//
//	go -C build run . -root .. -mode dev
//
// Before compiling the wasm, build.sh runs its modpatch subcommand, which
// writes the patched dependencies the wasm is built from (see modpatch.go):
//
//	go -C build run . modpatch -root .. -out ../dist/modpatch
//
// and cmd_bench runs it once more, for the bench's JavaScript variant: the
// same shells with the engine swapped at bundle time (see variant.go):
//
//	go -C build run . -root .. -engine bench/www/js-engine.js -out dist/bench-js
//
// Nothing here edits a built file: the content-hashed wasm URL reaches the
// scripts through esbuild's Define and the pages through html/template.
// The program lives in a module of its own, so that esbuild is a dependency
// of the build and never of the cleanread library.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

func main() {
	var err error
	if len(os.Args) > 1 && os.Args[1] == "modpatch" {
		err = runModpatch(os.Args[2:], os.Stdout, os.Stderr)
	} else {
		err = run(os.Args[1:], os.Stderr)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "build: %v\n", err)
		os.Exit(1)
	}
}

// config is what one build works with.
type config struct {
	root    string // the repository
	web     string // root/web, the sources
	dist    string // root/dist, the outputs
	goroot  string // where wasm_exec.js comes from
	release bool   // slow, maximal compression of big files
	engine  string // a stand-in for web/engine/cleanread.js, or "" (see variant.go)
	log     io.Writer
}

func run(args []string, log io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(log)
	root := fs.String("root", "..", "the repository's root folder")
	mode := fs.String("mode", "dev", "dev (quick compression of big files unless cached) or release (maximal brotli, cached by content)")
	goroot := fs.String("goroot", "", "GOROOT of the Go that built the wasm (for wasm_exec.js); required, except with -engine")
	engine := fs.String("engine", "", "build the shells around this engine instead of web/engine/cleanread.js, without the wasm (a path under -root; with -out): the bench's JavaScript variant")
	out := fs.String("out", "", "with -engine: the folder (under -root) that gets the variant's web/ and extension/")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("reading the arguments: %w", err)
	}
	if *mode != "dev" && *mode != "release" {
		return fmt.Errorf("-mode must be dev or release, got %q", *mode)
	}
	abs, err := filepath.Abs(*root)
	if err != nil {
		return fmt.Errorf("finding the root: %w", err)
	}
	c := &config{root: abs, web: filepath.Join(abs, "web"), dist: filepath.Join(abs, "dist"), goroot: *goroot, release: *mode == "release", log: log}
	start := time.Now()
	if *engine != "" {
		if c.engine, c.dist, err = variantPaths(abs, *engine, *out); err != nil {
			return err
		}
		if err := c.buildVariant(); err != nil {
			return err
		}
		c.say("shells around %s built into %s in %.1f s", *engine, c.rel(c.dist), time.Since(start).Seconds())
		return nil
	}
	if *goroot == "" {
		return errors.New("-goroot is required (go env GOROOT)")
	}
	wasmURL, err := c.wasmURL()
	if err != nil {
		return err
	}
	if err := c.buildWeb(wasmURL); err != nil {
		return err
	}
	if err := c.buildExtensions(); err != nil {
		return err
	}
	if err := c.compressWeb(); err != nil {
		return err
	}
	c.say("web app and extensions built in %.1f s", time.Since(start).Seconds())
	return nil
}

// rel names path for the log, from the root.
func (c *config) rel(path string) string {
	r, err := filepath.Rel(c.root, path)
	if err != nil {
		return path
	}
	return filepath.ToSlash(r)
}

func (c *config) say(format string, a ...any) {
	fmt.Fprintf(c.log, "==> "+format+"\n", a...)
}

// wasmURL names the built wasm by its content: the server answers such a URL
// as immutable, so a returning browser takes the wasm, and V8 its compiled
// code, from its cache without asking; a new build has a new URL.
func (c *config) wasmURL() (string, error) {
	sum, err := fileHash(filepath.Join(c.dist, "web", "cleanread.wasm"))
	if err != nil {
		return "", fmt.Errorf("hashing the wasm (build it first): %w", err)
	}
	u := "cleanread.wasm?v=" + sum[:16]
	c.say("wasm URL: %s", u)
	return u, nil
}

// fileHash is the hex SHA-256 of a file's bytes.
func fileHash(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hashBytes is the hex SHA-256 of data.
func hashBytes(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
