package webserve

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
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

// serveFile serves name, or a precompressed variant of it.
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
	w.Header().Set("Cache-Control", h.cacheControl(r, name, info))

	served := name
	if hasVariants(h.fsys, name) {
		w.Header().Add("Vary", "Accept-Encoding")
		if enc, variant, ok := h.pickVariant(r, name); ok {
			w.Header().Set("Content-Encoding", enc)
			served = variant
		}
	}
	b, err := fs.ReadFile(h.fsys, served)
	if err != nil {
		http.Error(w, "cannot read file", http.StatusInternalServerError)
		return
	}
	// An ETag from the content lets a returning browser revalidate with a
	// 304 instead of downloading the 1.7 MB wasm again (embedded files have
	// no modification time to use). On loopback the bench saw no change in
	// repeat-visit time; over a real network it saves the download.
	w.Header().Set("ETag", h.etag(served, info, b))
	http.ServeContent(w, r, "", info.ModTime(), bytes.NewReader(b))
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

// etag returns the strong entity tag of a served file, computed once per
// version of it (a file served from a folder may change while serving).
func (h *handler) etag(name string, info fs.FileInfo, b []byte) string {
	key := name + "\x00" + strconv.FormatInt(info.ModTime().UnixNano(), 10) + "\x00" + strconv.Itoa(len(b))
	if v, ok := h.etags.Load(key); ok {
		return v.(string)
	}
	sum := sha256.Sum256(b)
	tag := `"` + hex.EncodeToString(sum[:12]) + `"`
	h.etags.Store(key, tag)
	return tag
}

// versionLen is the length of a content version in a URL: the first 16 hex
// digits of the file's SHA-256, as build.sh stamps cleanread.wasm's URL.
const versionLen = 16

// cacheControl lets a browser keep a file for a year without asking again
// when the URL names its content (?v= matching the file's hash): a new
// build changes the URL. Every other response must be revalidated, which
// the ETag makes a 304 when nothing changed.
func (h *handler) cacheControl(r *http.Request, name string, info fs.FileInfo) string {
	const revalidate, immutable = "no-cache", "public, max-age=31536000, immutable"
	v := r.URL.Query().Get("v")
	if len(v) != versionLen {
		return revalidate
	}
	b, err := fs.ReadFile(h.fsys, name)
	if err != nil {
		return revalidate
	}
	if strings.TrimPrefix(h.etag(name, info, b), `"`)[:versionLen] != v {
		return revalidate
	}
	return immutable
}
