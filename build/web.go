package main

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
)

// page is an HTML page of ours, rendered from its template under web/.
type page struct {
	in, out string
	why     string
}

// pageData is what a page template may use.
type pageData struct {
	// WasmURL is the content-hashed wasm for the page to preload, or empty
	// where the page never loads the wasm itself (the extension's reader
	// tab cleans in the shared engine).
	WasmURL string
	// ReaderTab makes read.html the extension's reader tab: its own
	// script, and no paste fallback, since the extension has no demo page.
	ReaderTab bool
}

// webPages are the pages of dist/web.
var webPages = []page{
	{in: "shells/demo/index.html", out: "index.html", why: "the demo"},
	{in: "shells/reader/read.html", out: "read.html", why: "the bookmarklet's reader window"},
}

// file is a file copied as it is.
type file struct {
	in, out string
	why     string
}

// webFiles are copied into dist/web unchanged.
var webFiles = []file{
	{in: "view/view.css", out: "view.css", why: "the reading view's look"},
	{in: "view/print.css", out: "print.css", why: "the reading view on paper"},
	{in: "shells/kit/favicon.svg", out: "favicon.svg", why: "every page's icon"},
	{in: "shells/demo/demo.css", out: "demo.css", why: "the demo's own layout"},
	{in: "shells/demo/sample.html", out: "sample.html", why: "the demo's built-in cluttered page (data, never a page of ours)"},
	{in: "shells/reader/read.css", out: "read.css", why: "the reader window's bar and messages"},
}

// buildWeb writes dist/web (next to the wasm that build.sh compiled there).
func (c *config) buildWeb(wasmURL string) error {
	out := filepath.Join(c.dist, "web")
	if err := c.bundle(webScripts, out, wasmURL); err != nil {
		return err
	}
	for _, p := range webPages {
		if err := c.renderPage(p, out, pageData{WasmURL: wasmURL}); err != nil {
			return err
		}
	}
	if err := c.copyFiles(webFiles, c.web, out); err != nil {
		return err
	}
	// cleanread.js with worker: false loads the glue itself, at run time.
	if c.keeps("wasm_exec.js") {
		glue := filepath.Join(c.goroot, "lib", "wasm", "wasm_exec.js")
		if err := copyFile(glue, filepath.Join(out, "wasm_exec.js")); err != nil {
			return err
		}
	}
	size, err := fileSize(filepath.Join(out, "bookmarklet.min.js"))
	if err != nil {
		return err
	}
	c.say("bookmarklet: %d bytes (%s)", size, c.rel(filepath.Join(out, "bookmarklet.min.js")))
	return nil
}

func (c *config) renderPage(p page, outDir string, data pageData) error {
	in := filepath.Join(c.web, filepath.FromSlash(p.in))
	t, err := template.ParseFiles(in)
	if err != nil {
		return fmt.Errorf("reading the page %s: %w", p.in, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return fmt.Errorf("rendering the page %s: %w", p.in, err)
	}
	if err := os.WriteFile(filepath.Join(outDir, p.out), b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", p.out, err)
	}
	return nil
}

func (c *config) copyFiles(files []file, fromDir, toDir string) error {
	for _, f := range files {
		if err := copyFile(filepath.Join(fromDir, filepath.FromSlash(f.in)), filepath.Join(toDir, filepath.FromSlash(f.out))); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return fmt.Errorf("copying: %w", err)
	}
	defer src.Close()
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return fmt.Errorf("copying: %w", err)
	}
	dst, err := os.Create(to)
	if err != nil {
		return fmt.Errorf("copying: %w", err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return fmt.Errorf("copying %s: %w", from, err)
	}
	if err := dst.Close(); err != nil {
		return fmt.Errorf("copying %s: %w", from, err)
	}
	return nil
}

func fileSize(path string) (int64, error) {
	st, err := os.Stat(path)
	if err != nil {
		return 0, fmt.Errorf("reading the size of %s: %w", path, err)
	}
	return st.Size(), nil
}
