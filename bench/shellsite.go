package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"cleanread/internal/corpus"
	"cleanread/internal/webserve"
)

// How the two variants of each shell are made. The cleanread variant is
// the build as it is (-web, -extension). The JavaScript variant is the same
// shells bundled a second time by the build program around www/js-engine.js,
// without the wasm, its worker and wasm_exec.js (-js-variant; cmd_bench in
// build.sh makes it, see build/variant.go): the shell's own code, view and
// messages are the same, only the engine differs. The shells bundle their
// engine, so it cannot be swapped at serve time. Both get the paint probe
// in the pages that are timed.
const (
	probeFile = "bench-paint-probe.js"
	// siteCSP is a strict news site's policy, as in the e2e tests: the
	// bookmarklet and the extension must work under it.
	siteCSP = "default-src 'self'; script-src 'self'"
)

// timedPages are the shell pages that get the paint probe.
var timedPages = []string{"read.html", "popup.html"}

// variantHint says how to make the JavaScript variant.
const variantHint = "build it with ./build.sh bench, or after a build: go -C build run . -root .. -engine bench/www/js-engine.js -out dist/bench-js"

// builds are the engine's variant of the web app and of the extension.
func (c config) builds(engine string) (web, ext string, err error) {
	if engine == "cr" {
		return c.web, c.ext, nil
	}
	web, ext = filepath.Join(c.jsVariant, "web"), filepath.Join(c.jsVariant, "extension")
	if _, err := os.Stat(filepath.Join(web, "read.js")); err != nil {
		return "", "", fmt.Errorf("the JavaScript variant of the shells: %w (%s)", err, variantHint)
	}
	// A folder with the wasm is a real build, named by mistake: its shells
	// would time cleanread twice.
	for _, dir := range []string{web, ext} {
		if _, err := os.Stat(filepath.Join(dir, "cleanread.wasm")); err == nil {
			return "", "", fmt.Errorf("%s holds cleanread.wasm, so it is not the JavaScript variant (%s)", dir, variantHint)
		}
	}
	return web, ext, nil
}

// withProbe returns an HTML page with the paint probe first in its <head>.
func withProbe(name string, page []byte) ([]byte, error) {
	i := bytes.Index(page, []byte("<head>"))
	if i < 0 {
		return nil, fmt.Errorf("%s has no <head> to put the paint probe in", name)
	}
	i += len("<head>")
	tag := "\n<script src=\"" + probeFile + "\"></script>"
	return slices.Concat(page[:i], []byte(tag), page[i:]), nil
}

// probeFiles are the files the bench adds to a build in fsys, or puts in
// place of its own: the paint probe, and the timed pages that load it.
func probeFiles(c config, fsys fs.FS) (map[string][]byte, error) {
	probe, err := os.ReadFile(filepath.Join(c.www, "paint-probe.js"))
	if err != nil {
		return nil, err
	}
	add := map[string][]byte{probeFile: probe}
	for _, name := range timedPages {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			continue // the web app has no popup.html
		}
		if add[name], err = withProbe(name, b); err != nil {
			return nil, err
		}
	}
	return add, nil
}

// probedFS serves base with the files of add in place of (or next to) its
// own. A replaced file loses its precompressed .br and .gz variants too, or
// webserve would serve those, without the probe.
type probedFS struct {
	base fs.FS
	add  fstest.MapFS
}

func newProbedFS(base fs.FS, add map[string][]byte) probedFS {
	v := probedFS{base: base, add: fstest.MapFS{}}
	for k, b := range add {
		v.add[k] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	return v
}

func (v probedFS) Open(name string) (fs.File, error) {
	if _, ok := v.add[name]; ok {
		return v.add.Open(name)
	}
	plain := strings.TrimSuffix(strings.TrimSuffix(name, ".br"), ".gz")
	if _, ok := v.add[plain]; ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return v.base.Open(name)
}

// shellEnv holds what the shell trials share: the news site, the app's two
// variants on origins of their own, the bookmarklet for each, the two
// variants of the extension on disk, and the browser the bookmarklet
// trials open their fresh browser contexts in.
type shellEnv struct {
	c              config
	servers        []*httptest.Server
	site           string            // origin of the news site
	app            map[string]string // engine → origin of the web app
	bookmarkletURL map[string]string // engine → javascript: URL
	extDir         map[string]string // engine → unpacked extension
	tmp            string
	bmCtx          context.Context // the bookmarklet trials' browser
	cancel         []context.CancelFunc
}

func newShellEnv(c config, pages []string) (_ *shellEnv, err error) {
	// env is closed on a failure even when the result is nil.
	env := &shellEnv{c: c, app: map[string]string{}, bookmarkletURL: map[string]string{}, extDir: map[string]string{}}
	defer func() {
		if err != nil {
			env.close()
		}
	}()
	if err := env.startSite(pages); err != nil {
		return nil, err
	}
	if env.tmp, err = os.MkdirTemp("", "cleanread-bench-"); err != nil {
		return nil, err
	}
	for _, engine := range []string{"cr", "js"} {
		webDir, extDir, err := c.builds(engine)
		if err != nil {
			return nil, err
		}
		code, err := os.ReadFile(filepath.Join(webDir, "bookmarklet.min.js"))
		if err != nil {
			return nil, fmt.Errorf("%w: build the bookmarklet first (./build.sh)", err)
		}
		web := os.DirFS(webDir)
		add, err := probeFiles(c, web)
		if err != nil {
			return nil, fmt.Errorf("the %s variant of the web app: %w", engine, err)
		}
		srv := httptest.NewServer(webserve.Handler(newProbedFS(web, add)))
		env.servers = append(env.servers, srv)
		env.app[engine] = srv.URL
		js := strings.Replace(string(code), "__CLEANREAD_ORIGIN__", srv.URL, 1)
		env.bookmarkletURL[engine] = "javascript:" + url.PathEscape(js)
		if env.extDir[engine], err = probedExtension(c, extDir, env.tmp, engine); err != nil {
			return nil, fmt.Errorf("the %s variant of the extension: %w", engine, err)
		}
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), shellLaunchOptions(c,
		// The bookmarklet tests run with the popup blocker on, as browsers
		// ship (chromedp turns it off).
		chromedp.Flag("disable-popup-blocking", false))...)
	env.cancel = append(env.cancel, cancelAlloc)
	bctx, cancel := chromedp.NewContext(allocCtx, chromedp.WithErrorf(quietErrorf))
	env.cancel = append(env.cancel, cancel)
	if err := chromedp.Do(bctx); err != nil {
		return nil, fmt.Errorf("starting %s: %w", c.chromium, err)
	}
	env.bmCtx = bctx
	return env, nil
}

// shellLaunchOptions are the launch options of the shells' browsers: no
// host resolves but the loopback, so a page's images and scripts from
// elsewhere fail at once instead of waiting on a network.
func shellLaunchOptions(c config, extra ...chromedp.ExecAllocatorOption) []chromedp.ExecAllocatorOption {
	return launchOptions(c, append([]chromedp.ExecAllocatorOption{
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
	}, extra...)...)
}

// startSite serves the shell pages as a news site would: /NAME.html with a
// strict CSP. The sample is the demo's; the others are Mozilla test pages.
func (env *shellEnv) startSite(pages []string) error {
	body := map[string][]byte{}
	mozilla, err := corpus.MozillaPages()
	if err != nil {
		return err
	}
	for _, p := range mozilla {
		if slices.Contains(pages, p.Name) {
			if body[p.Name], err = p.Source(); err != nil {
				return err
			}
		}
	}
	if body[samplePage], err = os.ReadFile(filepath.Join(env.c.web, "sample.html")); err != nil {
		return err
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, ok := body[strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"), ".html")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Security-Policy", siteCSP)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b)
	}))
	env.servers = append(env.servers, srv)
	env.site = srv.URL
	return nil
}

// pageURL is the news site's address of page.
func (env *shellEnv) pageURL(page string) string {
	return env.site + "/" + page + ".html"
}

func (env *shellEnv) close() {
	for i := len(env.cancel) - 1; i >= 0; i-- {
		env.cancel[i]()
	}
	for _, s := range env.servers {
		s.Close()
	}
	if env.tmp != "" {
		os.RemoveAll(env.tmp)
	}
}

// probedExtension copies the engine's variant of the built extension, in
// src, into a folder under tmp with the paint probe added, and returns it.
func probedExtension(c config, src, tmp, engine string) (string, error) {
	from := os.DirFS(src)
	if _, err := fs.Stat(from, "manifest.json"); err != nil {
		return "", fmt.Errorf("%w: build the extension first (./build.sh)", err)
	}
	dir := filepath.Join(tmp, "extension-"+engine)
	if err := os.CopyFS(dir, from); err != nil {
		return "", fmt.Errorf("copying %s: %w", src, err)
	}
	add, err := probeFiles(c, from)
	if err != nil {
		return "", err
	}
	for name, b := range add {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return "", fmt.Errorf("adding the paint probe: %w", err)
		}
	}
	return dir, nil
}
