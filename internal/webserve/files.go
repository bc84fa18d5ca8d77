package webserve

import (
	"errors"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// contentTypes maps the extensions the web app uses to their MIME types.
// The map is explicit so that the answer does not depend on the host's
// mime.types: instantiateStreaming refuses .wasm sent as anything but
// application/wasm, and module scripts must be a JavaScript type.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".mjs":  "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".json": "application/json",
	".wasm": "application/wasm",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".ico":  "image/x-icon",
	".txt":  "text/plain; charset=utf-8",
	".md":   "text/markdown; charset=utf-8",
}

// encodings lists the precompressed variants, best first.
var encodings = []struct{ name, ext string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// cleanPath turns a URL path into an fs.FS name. Directories map to their
// index.html. Paths that fs.ValidPath rejects are not served.
func cleanPath(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	name := strings.TrimPrefix(path.Clean(p), "/")
	if name == "" || strings.HasSuffix(p, "/") {
		name = path.Join(name, "index.html")
	}
	return name, fs.ValidPath(name)
}

// serveFile serves name, or a precompressed variant of it, streaming it from
// the file system: no request copies a file into memory, so many concurrent
// downloads of the wasm cost little more than one.
func (h *handler) serveFile(w http.ResponseWriter, r *http.Request, name string) {
	info, err := fs.Stat(h.fsys, name)
	if err == nil && info.IsDir() {
		name = path.Join(name, "index.html")
		info, err = fs.Stat(h.fsys, name)
	}
	if err != nil || !info.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	ctype, known := contentTypes[path.Ext(name)]
	if !known {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)

	served := name
	if hasVariants(h.fsys, name) {
		w.Header().Add("Vary", "Accept-Encoding")
		if enc, variant, ok := h.pickVariant(r, name); ok {
			w.Header().Set("Content-Encoding", enc)
			served = variant
		}
	}
	c, err := openContent(h.fsys, served)
	if errors.Is(err, fs.ErrNotExist) {
		http.NotFound(w, r) // removed since the Stat above
		return
	}
	if err != nil {
		http.Error(w, "cannot read file", http.StatusInternalServerError)
		return
	}
	defer c.Close()
	// An ETag from the content lets a returning browser revalidate with a
	// 304 instead of downloading the wasm again (embedded files have no
	// modification time to use).
	tag, err := h.etag(served, c)
	if err != nil {
		http.Error(w, "cannot read file", http.StatusInternalServerError)
		return
	}
	w.Header().Set("ETag", tag)
	w.Header().Set("Cache-Control", h.cacheControl(r, name, served, c))
	http.ServeContent(w, r, "", c.info.ModTime(), c)
}

// hasVariants reports whether any precompressed variant of name exists.
func hasVariants(fsys fs.FS, name string) bool {
	for _, e := range encodings {
		if isFile(fsys, name+e.ext) {
			return true
		}
	}
	return false
}

// pickVariant returns the best encoding the client accepts that exists as
// a file next to name.
func (h *handler) pickVariant(r *http.Request, name string) (enc, variant string, ok bool) {
	accepted := acceptedEncodings(r.Header.Values("Accept-Encoding"))
	for _, e := range encodings {
		if accepted[e.name] && isFile(h.fsys, name+e.ext) {
			return e.name, name + e.ext, true
		}
	}
	return "", "", false
}

func isFile(fsys fs.FS, name string) bool {
	info, err := fs.Stat(fsys, name)
	return err == nil && info.Mode().IsRegular()
}

// acceptedEncodings parses Accept-Encoding values into the set of codings
// with a non-zero quality.
func acceptedEncodings(values []string) map[string]bool {
	set := map[string]bool{}
	for _, v := range values {
		for part := range strings.SplitSeq(v, ",") {
			coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
			coding = strings.ToLower(strings.TrimSpace(coding))
			if coding == "" || qualityZero(params) {
				continue
			}
			set[coding] = true
		}
	}
	return set
}

// qualityZero reports whether params holds a quality of zero ("q=0"), which
// means "not acceptable".
func qualityZero(params string) bool {
	for p := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(strings.TrimSpace(k), "q") {
			q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return err == nil && q <= 0
		}
	}
	return false
}
