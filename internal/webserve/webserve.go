// Package webserve serves the built cleanread web app (the contents of
// dist/web) over HTTP with the headers the app relies on: the right MIME type
// for WebAssembly, precompressed variants, and a strict Content-Security-Policy.
// Files are streamed from the file system (an embed.FS in the CLI), never
// copied per request, so concurrent downloads of the wasm cost little memory.
//
// # Security Considerations
//
// Every response carries a CSP that allows scripts only from the app's own
// origin (plus WebAssembly compilation), no inline script or style, no
// plugins, no forms and no framing, so article HTML shown in the reading view
// can never run code even if the sanitizer missed something. Images may load
// from anywhere because articles embed remote images; the reader can block
// them with the blockRemoteImages option. Referrer-Policy no-referrer keeps
// the app's URL from leaking to image hosts. net/http writes a few responses
// itself, before any handler runs (431 for an oversized request head, 400 for
// a malformed request); on a Listener, those carry the same headers.
package webserve

import (
	"io/fs"
	"net/http"
	"sync"
)

// CSP is the Content-Security-Policy sent with every response.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src * data:; " +
	"style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Handler serves the files of fsys, the built web app with index.html at its
// root. It answers GET and HEAD only, serves "X.br" or "X.gz" in place of "X"
// when the file exists and the client accepts that encoding, and sets the
// security headers described in the package doc on every response. Files
// carry a content ETag and must be revalidated, except at a URL that names
// their content (?v= and the first 16 hex digits of their SHA-256), which
// is cached for a year as immutable.
func Handler(fsys fs.FS) http.Handler {
	return &handler{fsys: fsys}
}

type handler struct {
	fsys  fs.FS
	etags sync.Map // file name, modification time and size -> entity tag
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := cleanPath(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	h.serveFile(w, r, name)
}

func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", CSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
}
