package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"time"
)

// browser is one store's build of the extension.
type browser struct {
	name string   // the browser, as the build reports it
	dir  string   // under dist/
	zip  string   // under dist/
	skip []string // files of the shared lists this browser does not load
	drop []string // manifest permissions this browser does not know
	keys []string // top-level manifest keys this browser does not know, and warns about
	// background is the one key of the manifest's background this browser
	// runs; the other one it would ignore, with a warning.
	background string
	// bench: built around the bench's stand-in engine too (variant.go),
	// since the bench loads this browser's build.
	bench bool
	why   string
}

// browsers share one manifest: Firefox has no offscreen documents (its
// background page hosts the engine), and warns about the permission;
// Chromium runs a service worker, Firefox a background page of scripts.
var browsers = []browser{
	{name: "chromium", dir: "extension", zip: "cleanread-chromium.zip", skip: []string{"engine-host.js"}, background: "service_worker",
		keys: []string{"browser_specific_settings"}, bench: true,
		why: "the offscreen document hosts the engine (offscreen.js bundles engine-host.js)"},
	{name: "firefox", dir: "extension-firefox", zip: "cleanread-firefox.zip", skip: []string{"offscreen.html", "offscreen.js"}, drop: []string{"offscreen"}, background: "scripts",
		why: "the background page hosts the engine, importing engine-host.js"},
}

// extensionFiles are copied from web/shells/extension.
var extensionFiles = []file{
	{in: "popup.html", out: "popup.html", why: "the toolbar popup"},
	{in: "popup.css", out: "popup.css", why: "the popup's layout"},
	{in: "offscreen.html", out: "offscreen.html", why: "Chromium's engine host page"},
	{in: "icons/icon-16.png", out: "icons/icon-16.png", why: "toolbar"},
	{in: "icons/icon-32.png", out: "icons/icon-32.png", why: "toolbar, high density"},
	{in: "icons/icon-48.png", out: "icons/icon-48.png", why: "extensions page"},
	{in: "icons/icon-128.png", out: "icons/icon-128.png", why: "store and install dialog"},
}

// sharedFiles are taken from dist/web, as built there.
var sharedFiles = []file{
	{in: "read.css", out: "read.css", why: "the reader tab"},
	{in: "view.css", out: "view.css", why: "the reading view in the popup and the reader tab"},
	{in: "print.css", out: "print.css", why: "printing from the reader tab"},
	{in: "favicon.svg", out: "favicon.svg", why: "the reader tab's icon"},
	{in: "settings-boot.js", out: "settings-boot.js", why: "the reader tab's stored theme before first paint"},
	{in: "snapshot.js", out: "snapshot.js", why: "injected into the tab to copy its page"},
	{in: "worker.js", out: "worker.js", why: "the shared engine's worker"},
	{in: "cleanread.wasm", out: "cleanread.wasm", why: "the cleaner"},
}

// buildExtensions writes dist/extension (Chromium), dist/extension-firefox
// and a zip of each for the stores.
func (c *config) buildExtensions() error {
	stage := filepath.Join(c.dist, "extension-scripts")
	if err := os.RemoveAll(stage); err != nil {
		return fmt.Errorf("clearing %s: %w", stage, err)
	}
	defer os.RemoveAll(stage)
	if err := c.bundle(extensionScripts, stage, "cleanread.wasm"); err != nil {
		return err
	}
	for _, b := range browsers {
		if c.engine != "" && !b.bench {
			continue
		}
		if err := c.buildExtension(b, stage); err != nil {
			return fmt.Errorf("the %s extension: %w", b.name, err)
		}
	}
	return nil
}

func (c *config) buildExtension(b browser, stage string) error {
	dir := filepath.Join(c.dist, b.dir)
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("clearing %s: %w", dir, err)
	}
	keep := func(fs []file) []file {
		return slices.DeleteFunc(slices.Clone(fs), func(f file) bool { return slices.Contains(b.skip, f.out) || !c.keeps(f.out) })
	}
	if err := c.copyFiles(keep(extensionFiles), filepath.Join(c.web, "shells", "extension"), dir); err != nil {
		return err
	}
	if err := c.copyFiles(keep(sharedFiles), filepath.Join(c.dist, "web"), dir); err != nil {
		return err
	}
	var own []file
	for _, s := range extensionScripts {
		own = append(own, file{in: s.out, out: s.out})
	}
	if err := c.copyFiles(keep(own), stage, dir); err != nil {
		return err
	}
	// The reader tab cleans in the shared engine, warm from the popup, and
	// never loads the wasm itself: its page preloads nothing.
	if err := c.renderPage(page{in: "shells/reader/read.html", out: "read.html"}, dir, pageData{ReaderTab: true}); err != nil {
		return err
	}
	if err := c.writeManifest(b, dir); err != nil {
		return err
	}
	if c.engine != "" {
		c.say("extension (%s): %s, unpacked for the bench", b.name, c.rel(dir))
		return nil // the bench loads it unpacked; no store gets it
	}
	zipPath := filepath.Join(c.dist, b.zip)
	if err := zipDir(dir, zipPath); err != nil {
		return err
	}
	size, err := fileSize(zipPath)
	if err != nil {
		return err
	}
	c.say("extension (%s): dist/%s, %d bytes", b.name, b.zip, size)
	return nil
}

// writeManifest writes manifest.json without the permissions and keys b
// drops, and with only the background key b runs.
func (c *config) writeManifest(b browser, dir string) error {
	src, err := os.ReadFile(filepath.Join(c.web, "shells", "extension", "manifest.json"))
	if err != nil {
		return fmt.Errorf("reading the manifest: %w", err)
	}
	var m map[string]any
	if err := json.Unmarshal(src, &m); err != nil {
		return fmt.Errorf("reading the manifest: %w", err)
	}
	perms, _ := m["permissions"].([]any)
	m["permissions"] = slices.DeleteFunc(perms, func(p any) bool { return slices.Contains(b.drop, p.(string)) })
	bg, _ := m["background"].(map[string]any)
	if bg[b.background] == nil {
		return fmt.Errorf("the manifest's background has no %q for %s", b.background, b.name)
	}
	m["background"] = map[string]any{b.background: bg[b.background]}
	for _, k := range b.keys {
		delete(m, k)
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return fmt.Errorf("writing the manifest: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.json"), out.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing the manifest: %w", err)
	}
	return nil
}

// zipDir packs dir into a zip at path, files in name order with one fixed
// time, so the same inputs give the same bytes.
func zipDir(dir, path string) error {
	var names []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		names = append(names, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		return fmt.Errorf("listing %s: %w", dir, err)
	}
	sort.Strings(names)
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	zw := zip.NewWriter(f)
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			f.Close()
			return fmt.Errorf("zipping %s: %w", n, err)
		}
		src, err := os.Open(filepath.Join(dir, filepath.FromSlash(n)))
		if err != nil {
			f.Close()
			return fmt.Errorf("zipping %s: %w", n, err)
		}
		_, err = io.Copy(w, src)
		src.Close()
		if err != nil {
			f.Close()
			return fmt.Errorf("zipping %s: %w", n, err)
		}
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Close()
}
