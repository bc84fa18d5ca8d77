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
	"regexp"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"cleanread/internal/corpus"
	"cleanread/internal/webserve"
)

// How the two variants of each shell are made. The cleanread variant is
// the build as it is, plus the paint probe in the pages that are timed. The
// JavaScript variant is the same build with www/js-engine.js in place of
// cleanread.js and the wasm, its worker and wasm_exec.js left out: the
// shell's own code, view and messages are the same, only the engine differs.
const (
	probeFile = "bench-paint-probe.js"
	// siteCSP is a strict news site's policy, as in the e2e tests: the
	// bookmarklet and the extension must work under it.
	siteCSP = "default-src 'self'; script-src 'self'"
)

// timedPages are the shell pages that get the paint probe.
var timedPages = []string{"read.html", "popup.html"}

// jsEngineFiles are the files the JavaScript variant adds: its engine under
// the name the shells import, and the two libraries as ES modules.
func jsEngineFiles(c config) (map[string][]byte, error) {
	engine, err := os.ReadFile(filepath.Join(c.www, "js-engine.js"))
	if err != nil {
		return nil, err
	}
	readability, err := os.ReadFile(filepath.Join(c.nodeModules, "@mozilla/readability/Readability.js"))
	if err != nil {
		return nil, fmt.Errorf("%w (install the baseline with: npm ci --prefix bench)", err)
	}
	purify, err := os.ReadFile(filepath.Join(c.nodeModules, "dompurify/dist/purify.es.mjs"))
	if err != nil {
		return nil, fmt.Errorf("%w (install the baseline with: npm ci --prefix bench)", err)
	}
	// Readability.js assigns module.exports when there is a module; as an ES
	// module it needs an export instead.
	readability = append(readability, []byte("\nexport { Readability };\n")...)
	purify = regexp.MustCompile(`(?m)^//# sourceMappingURL=.*$`).ReplaceAll(purify, nil)
	return map[string][]byte{
		"cleanread.js":         engine,
		"bench-readability.js": readability,
		"bench-purify.js":      purify,
	}, nil
}

// jsEngineDrops are the cleanread files the JavaScript variant leaves out.
var jsEngineDrops = []string{"cleanread.wasm", "worker.js", "wasm_exec.js"}

var exportRE = regexp.MustCompile(`(?m)^export (?:async )?(?:function|const|let|class) (\w+)`)

// checkExports fails when the real cleanread.js exports a name the JS
// engine does not: a shell importing it would break, not measure.
func checkExports(real, stand []byte) error {
	have := map[string]bool{}
	for _, m := range exportRE.FindAllSubmatch(stand, -1) {
		have[string(m[1])] = true
	}
	var missing []string
	for _, m := range exportRE.FindAllSubmatch(real, -1) {
		if !have[string(m[1])] {
			missing = append(missing, string(m[1]))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("cleanread.js exports %s, which bench/www/js-engine.js lacks", strings.Join(missing, ", "))
	}
	return nil
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

// variantFiles are the files a variant of a build in fsys replaces or adds,
// and the ones it drops.
func variantFiles(c config, fsys fs.FS, engine string) (map[string][]byte, []string, error) {
	probe, err := os.ReadFile(filepath.Join(c.www, "paint-probe.js"))
	if err != nil {
		return nil, nil, err
	}
	add := map[string][]byte{probeFile: probe}
	for _, name := range timedPages {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			continue // the web app has no popup.html
		}
		if add[name], err = withProbe(name, b); err != nil {
			return nil, nil, err
		}
	}
	if engine == "cr" {
		return add, nil, nil
	}
	files, err := jsEngineFiles(c)
	if err != nil {
		return nil, nil, err
	}
	real, err := fs.ReadFile(fsys, "cleanread.js")
	if err != nil {
		return nil, nil, err
	}
	if err := checkExports(real, files["cleanread.js"]); err != nil {
		return nil, nil, err
	}
	for k, v := range files {
		add[k] = v
	}
	return add, jsEngineDrops, nil
}

// variantFS serves base with the files of add in place of (or next to) its
// own, without the names in drop. A replaced or dropped file loses its
// precompressed .br and .gz variants too, or webserve would serve those.
type variantFS struct {
	base fs.FS
	add  fstest.MapFS
	drop map[string]bool
}

func newVariantFS(base fs.FS, add map[string][]byte, drop []string) variantFS {
	v := variantFS{base: base, add: fstest.MapFS{}, drop: map[string]bool{}}
	for k, b := range add {
		v.add[k] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	for _, d := range drop {
		v.drop[d] = true
	}
	return v
}

func (v variantFS) Open(name string) (fs.File, error) {
	if _, ok := v.add[name]; ok {
		return v.add.Open(name)
	}
	plain := strings.TrimSuffix(strings.TrimSuffix(name, ".br"), ".gz")
	if _, ok := v.add[plain]; ok || v.drop[plain] {
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

func newShellEnv(c config, pages []string) (env *shellEnv, err error) {
	env = &shellEnv{c: c, app: map[string]string{}, bookmarkletURL: map[string]string{}, extDir: map[string]string{}}
	defer func() {
		if err != nil {
			env.close()
		}
	}()
	if err := env.startSite(pages); err != nil {
		return nil, err
	}
	code, err := os.ReadFile(filepath.Join(c.web, "bookmarklet.min.js"))
	if err != nil {
		return nil, fmt.Errorf("%w: build the bookmarklet first (./build.sh)", err)
	}
	web := os.DirFS(c.web)
	if env.tmp, err = os.MkdirTemp("", "cleanread-bench-"); err != nil {
		return nil, err
	}
	for _, engine := range []string{"cr", "js"} {
		add, drop, err := variantFiles(c, web, engine)
		if err != nil {
			return nil, fmt.Errorf("the %s variant of the web app: %w", engine, err)
		}
		srv := httptest.NewServer(webserve.Handler(newVariantFS(web, add, drop)))
		env.servers = append(env.servers, srv)
		env.app[engine] = srv.URL
		js := strings.Replace(string(code), "__CLEANREAD_ORIGIN__", srv.URL, 1)
		env.bookmarkletURL[engine] = "javascript:" + url.PathEscape(js)
		if env.extDir[engine], err = buildExtension(c, env.tmp, engine); err != nil {
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

// buildExtension writes the engine's variant of the built extension into
// a folder under tmp and returns it.
func buildExtension(c config, tmp, engine string) (string, error) {
	src := os.DirFS(c.ext)
	if _, err := fs.Stat(src, "manifest.json"); err != nil {
		return "", fmt.Errorf("%w: build the extension first (./build.sh)", err)
	}
	dir := filepath.Join(tmp, "extension-"+engine)
	if err := os.CopyFS(dir, src); err != nil {
		return "", err
	}
	add, drop, err := variantFiles(c, src, engine)
	if err != nil {
		return "", err
	}
	for name, b := range add {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return "", err
		}
	}
	for _, name := range drop {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !os.IsNotExist(err) {
			return "", err
		}
	}
	return dir, nil
}
