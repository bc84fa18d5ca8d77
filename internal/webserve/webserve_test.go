package webserve

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testFS() fstest.MapFS {
	return fstest.MapFS{
		"index.html":         {Data: []byte("<!DOCTYPE html><title>demo</title>")},
		"index.html.gz":      {Data: []byte("GZ-index")},
		"cleanread.wasm":     {Data: []byte("\x00asm-raw")},
		"cleanread.wasm.gz":  {Data: []byte("GZ-wasm")},
		"cleanread.wasm.br":  {Data: []byte("BR-wasm")},
		"cleanread.js":       {Data: []byte("export const x = 1;")},
		"module.mjs":         {Data: []byte("export {};")},
		"view.css":           {Data: []byte("body{}")},
		"data.json":          {Data: []byte("{}")},
		"notes.bin":          {Data: []byte("??")},
		"sub/index.html":     {Data: []byte("sub index")},
		"only-br.css":        {Data: []byte("raw")},
		"only-br.css.br":     {Data: []byte("BR-css")},
		"extension/x/y.html": {Data: []byte("deep")},
	}
}

func get(t *testing.T, h http.Handler, target string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res, string(body)
}

func TestContentTypes(t *testing.T) {
	h := Handler(testFS())
	tests := []struct{ path, ctype, body string }{
		{"/", "text/html; charset=utf-8", "<!DOCTYPE html><title>demo</title>"},
		{"/index.html", "text/html; charset=utf-8", "<!DOCTYPE html><title>demo</title>"},
		{"/cleanread.wasm", "application/wasm", "\x00asm-raw"},
		{"/cleanread.js", "text/javascript; charset=utf-8", "export const x = 1;"},
		{"/module.mjs", "text/javascript; charset=utf-8", "export {};"},
		{"/view.css", "text/css; charset=utf-8", "body{}"},
		{"/data.json", "application/json", "{}"},
		{"/notes.bin", "application/octet-stream", "??"},
		{"/sub/", "text/html; charset=utf-8", "sub index"},
		{"/sub", "text/html; charset=utf-8", "sub index"},
		{"/extension/x/y.html", "text/html; charset=utf-8", "deep"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res, body := get(t, h, tt.path, nil)
			assert.Equal(t, http.StatusOK, res.StatusCode)
			assert.Equal(t, tt.ctype, res.Header.Get("Content-Type"))
			assert.Equal(t, tt.body, body)
			assert.Empty(t, res.Header.Get("Content-Encoding"))
		})
	}
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	h := Handler(testFS())
	for _, p := range []string{"/", "/cleanread.wasm", "/missing.js", "/../etc/passwd"} {
		t.Run(p, func(t *testing.T) {
			res, _ := get(t, h, p, nil)
			assert.Equal(t, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src * data:; style-src 'self'; "+
				"object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
				res.Header.Get("Content-Security-Policy"))
			assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
			assert.Equal(t, "no-referrer", res.Header.Get("Referrer-Policy"))
		})
	}
}

func TestPrecompressedVariants(t *testing.T) {
	h := Handler(testFS())
	tests := []struct {
		name, path, accept, encoding, body string
	}{
		{"brotli preferred", "/cleanread.wasm", "gzip, deflate, br", "br", "BR-wasm"},
		{"gzip only", "/cleanread.wasm", "gzip", "gzip", "GZ-wasm"},
		{"brotli refused with q=0", "/cleanread.wasm", "br;q=0, gzip;q=0.8", "gzip", "GZ-wasm"},
		{"nothing accepted", "/cleanread.wasm", "", "", "\x00asm-raw"},
		{"identity only", "/cleanread.wasm", "identity", "", "\x00asm-raw"},
		{"no br variant falls back to gzip", "/index.html", "br, gzip", "gzip", "GZ-index"},
		{"only br present, client wants gzip", "/only-br.css", "gzip", "", "raw"},
		{"directory index gets variant", "/", "gzip", "gzip", "GZ-index"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, h, tt.path, map[string]string{"Accept-Encoding": tt.accept})
			require.Equal(t, http.StatusOK, res.StatusCode)
			assert.Equal(t, tt.encoding, res.Header.Get("Content-Encoding"))
			assert.Equal(t, tt.body, body)
			assert.Equal(t, "Accept-Encoding", res.Header.Get("Vary"))
		})
	}
	t.Run("type is the original's", func(t *testing.T) {
		res, _ := get(t, h, "/cleanread.wasm", map[string]string{"Accept-Encoding": "br"})
		assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))
	})
	t.Run("no Vary without variants", func(t *testing.T) {
		res, _ := get(t, h, "/view.css", map[string]string{"Accept-Encoding": "br"})
		assert.Empty(t, res.Header.Get("Vary"))
	})
}

func TestNotFoundAndMethods(t *testing.T) {
	h := Handler(testFS())
	res, _ := get(t, h, "/nope.js", nil)
	assert.Equal(t, http.StatusNotFound, res.StatusCode)

	res, _ = get(t, h, "/empty-dir/", nil)
	assert.Equal(t, http.StatusNotFound, res.StatusCode)

	req := httptest.NewRequest(http.MethodPost, "/index.html", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)
	assert.Equal(t, "GET, HEAD", rec.Header().Get("Allow"))

	req = httptest.NewRequest(http.MethodHead, "/cleanread.js", nil)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Empty(t, rec.Body.String())
}

func TestPathTraversalIsRefused(t *testing.T) {
	h := Handler(testFS())
	for _, p := range []string{"/../index.html", "/sub/../../index.html", "/%2e%2e/index.html"} {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL.Path = p
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		// Clean resolves ".." inside the root, so these either serve the
		// root's index.html or nothing; never a file outside fsys.
		assert.Contains(t, []int{http.StatusOK, http.StatusNotFound}, rec.Code, p)
	}
}

func TestServesOverRealServer(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, err := zw.Write([]byte("\x00asm-real"))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	fsys := fstest.MapFS{
		"cleanread.wasm":    {Data: []byte("\x00asm-real")},
		"cleanread.wasm.gz": {Data: gz.Bytes()},
	}
	srv := httptest.NewServer(Handler(fsys))
	defer srv.Close()

	res, err := http.Get(srv.URL + "/cleanread.wasm") // Go's client asks for gzip and decodes it
	require.NoError(t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))
	assert.True(t, res.Uncompressed, "the response was gzip-encoded")
	assert.Equal(t, "\x00asm-real", string(body))
}

// A returning browser revalidates with the content's ETag and gets a 304,
// so it keeps the wasm it downloaded; each encoding has its own tag, and a
// changed file gets a new one.
func TestRevalidationWithETag(t *testing.T) {
	fsys := testFS()
	h := Handler(fsys)
	res, _ := get(t, h, "/cleanread.wasm", map[string]string{"Accept-Encoding": "br"})
	tag := res.Header.Get("ETag")
	require.Regexp(t, `^"[0-9a-f]{24}"$`, tag)
	assert.Equal(t, "no-cache", res.Header.Get("Cache-Control"), "always revalidated, never stale")

	res, body := get(t, h, "/cleanread.wasm", map[string]string{"Accept-Encoding": "br", "If-None-Match": tag})
	assert.Equal(t, http.StatusNotModified, res.StatusCode)
	assert.Empty(t, body)

	gz, _ := get(t, h, "/cleanread.wasm", map[string]string{"Accept-Encoding": "gzip"})
	assert.NotEqual(t, tag, gz.Header.Get("ETag"), "the gzip variant has its own tag")

	fsys["cleanread.wasm.br"] = &fstest.MapFile{Data: []byte("BR-wasm-2")}
	res, body = get(t, h, "/cleanread.wasm", map[string]string{"Accept-Encoding": "br", "If-None-Match": tag})
	assert.Equal(t, http.StatusOK, res.StatusCode, "a changed file is sent again")
	assert.Equal(t, "BR-wasm-2", body)
}

// A URL that names the file's content (?v= and the first 16 hex digits of
// its SHA-256, as build.sh stamps it) is cached for a year as immutable, in
// every encoding; a stale or malformed version is revalidated as usual.
func TestVersionedURLIsImmutable(t *testing.T) {
	fsys := testFS()
	h := Handler(fsys)
	sum := sha256.Sum256(fsys["cleanread.wasm"].Data)
	v := hex.EncodeToString(sum[:])[:16]
	for _, enc := range []string{"br", "gzip", ""} {
		res, _ := get(t, h, "/cleanread.wasm?v="+v, map[string]string{"Accept-Encoding": enc})
		assert.Equal(t, http.StatusOK, res.StatusCode, enc)
		assert.Equal(t, "public, max-age=31536000, immutable", res.Header.Get("Cache-Control"), enc)
	}
	for _, q := range []string{"", "?v=", "?v=0000000000000000", "?v=" + v[:15], "?v=" + v + "0"} {
		res, _ := get(t, h, "/cleanread.wasm"+q, map[string]string{"Accept-Encoding": "br"})
		assert.Equal(t, "no-cache", res.Header.Get("Cache-Control"), q)
	}
	fsys["cleanread.wasm"] = &fstest.MapFile{Data: []byte("\x00asm-raw-2")}
	res, _ := get(t, h, "/cleanread.wasm?v="+v, map[string]string{"Accept-Encoding": "br"})
	assert.Equal(t, "no-cache", res.Header.Get("Cache-Control"), "the old version no longer matches a rebuilt file")
}
