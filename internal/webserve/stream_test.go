package webserve

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// discardResponse is a ResponseWriter that keeps the status and headers
// and drops the body, so that measuring allocations counts the server's
// and not a recorder's buffer.
type discardResponse struct {
	header http.Header
	code   int
	n      int64
}

func (d *discardResponse) Header() http.Header  { return d.header }
func (d *discardResponse) WriteHeader(code int) { d.code = code }
func (d *discardResponse) Write(p []byte) (int, error) {
	d.n += int64(len(p))
	return len(p), nil
}

// bigFS holds a 1 MiB wasm with variants of their own sizes.
func bigFS() fstest.MapFS {
	return fstest.MapFS{
		"index.html":        {Data: []byte("<!doctype html>")},
		"cleanread.wasm":    {Data: []byte(strings.Repeat("w", 1<<20))},
		"cleanread.wasm.br": {Data: []byte(strings.Repeat("b", 300<<10))},
		"cleanread.wasm.gz": {Data: []byte(strings.Repeat("g", 400<<10))},
	}
}

// Serving streams the file: a request allocates far less than the file's
// size, whichever variant it gets and at the versioned URL too.
func TestServingDoesNotCopyFiles(t *testing.T) {
	fsys := bigFS()
	h := Handler(fsys)
	sum := sha256.Sum256(fsys["cleanread.wasm"].Data)
	versioned := "/cleanread.wasm?v=" + hex.EncodeToString(sum[:8])
	for _, target := range []string{"/cleanread.wasm", versioned} {
		for _, accept := range []string{"br", "gzip", ""} {
			t.Run(target+" "+accept, func(t *testing.T) {
				serve := func() *discardResponse {
					req := httptest.NewRequest(http.MethodGet, target, nil)
					req.Header.Set("Accept-Encoding", accept)
					w := &discardResponse{header: http.Header{}}
					h.ServeHTTP(w, req)
					return w
				}
				first := serve() // computes and caches the ETag
				require.Equal(t, http.StatusOK, first.code)
				size := int64(len(fsys["cleanread.wasm"+map[string]string{"br": ".br", "gzip": ".gz", "": ""}[accept]].Data))
				require.Equal(t, size, first.n)

				const rounds = 20
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				for range rounds {
					serve()
				}
				runtime.ReadMemStats(&after)
				perRequest := (after.TotalAlloc - before.TotalAlloc) / rounds
				assert.Less(t, perRequest, uint64(64<<10), "bytes allocated per request of a %d-byte file", size)
			})
		}
	}
}

// seeklessFS hides the Seek method of its files.
type seeklessFS struct{ fs.FS }

func (s seeklessFS) Open(name string) (fs.File, error) {
	f, err := s.FS.Open(name)
	if err != nil {
		return nil, err
	}
	return struct{ fs.File }{f}, nil
}

// A file system whose files cannot seek is still served in full, with
// ranges and revalidation.
func TestServesFilesThatCannotSeek(t *testing.T) {
	h := Handler(seeklessFS{testFS()})
	res, body := get(t, h, "/cleanread.wasm", map[string]string{"Accept-Encoding": "br"})
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "BR-wasm", body)
	res, body = get(t, h, "/cleanread.wasm", map[string]string{"Range": "bytes=1-3"})
	assert.Equal(t, http.StatusPartialContent, res.StatusCode)
	assert.Equal(t, "asm", body)
	tag := res.Header.Get("ETag")
	res, _ = get(t, h, "/cleanread.wasm", map[string]string{"If-None-Match": tag})
	assert.Equal(t, http.StatusNotModified, res.StatusCode)
}

// Ranges are served from the streamed file.
func TestRangeRequests(t *testing.T) {
	h := Handler(bigFS())
	res, body := get(t, h, "/cleanread.wasm", map[string]string{"Range": "bytes=1048570-"})
	assert.Equal(t, http.StatusPartialContent, res.StatusCode)
	assert.Equal(t, "wwwwww", body)
	assert.Equal(t, "bytes 1048570-1048575/1048576", res.Header.Get("Content-Range"))
	res, body = get(t, h, "/cleanread.wasm", map[string]string{"Range": "bytes=0-1,5-6", "Accept-Encoding": "gzip"})
	assert.Equal(t, http.StatusPartialContent, res.StatusCode)
	assert.Contains(t, res.Header.Get("Content-Type"), "multipart/byteranges")
	assert.Contains(t, body, "\r\n\r\ngg\r\n")
}

// assertSecurityHeaders checks the headers of the package doc are in h.
func assertSecurityHeaders(t *testing.T, h http.Header, msgAndArgs ...any) {
	t.Helper()
	assert.Equal(t, CSP, h.Get("Content-Security-Policy"), msgAndArgs...)
	assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"), msgAndArgs...)
	assert.Equal(t, "no-referrer", h.Get("Referrer-Policy"), msgAndArgs...)
}

// Every kind of answer the handler gives carries the security headers,
// errors included.
func TestSecurityHeadersOnErrorsAndRevalidation(t *testing.T) {
	h := Handler(testFS())
	ok, _ := get(t, h, "/cleanread.js", nil)
	tag := ok.Header.Get("ETag")
	require.NotEmpty(t, tag)
	tests := []struct {
		name, method, path string
		header             map[string]string
		code               int
	}{
		{"not found", http.MethodGet, "/missing.js", nil, http.StatusNotFound},
		{"outside the root", http.MethodGet, "/../../etc/passwd", nil, http.StatusNotFound},
		{"method not allowed", http.MethodPost, "/index.html", nil, http.StatusMethodNotAllowed},
		{"method not allowed, unknown path", http.MethodDelete, "/missing", nil, http.StatusMethodNotAllowed},
		{"range not satisfiable", http.MethodGet, "/cleanread.js", map[string]string{"Range": "bytes=500-"}, http.StatusRequestedRangeNotSatisfiable},
		{"precondition failed", http.MethodGet, "/cleanread.js", map[string]string{"If-Match": `"other"`}, http.StatusPreconditionFailed},
		{"not modified", http.MethodGet, "/cleanread.js", map[string]string{"If-None-Match": tag}, http.StatusNotModified},
		{"head", http.MethodHead, "/cleanread.wasm", nil, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.path, nil)
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			assert.Equal(t, tt.code, rec.Code)
			assertSecurityHeaders(t, rec.Header())
		})
	}
}

// Concurrent first requests agree on the ETag, computed once, and on the
// versioned URL being immutable.
func TestConcurrentFirstRequests(t *testing.T) {
	fsys := bigFS()
	h := Handler(fsys)
	sum := sha256.Sum256(fsys["cleanread.wasm"].Data)
	target := "/cleanread.wasm?v=" + hex.EncodeToString(sum[:8])
	const n = 32
	tags := make(chan string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			req := httptest.NewRequest(http.MethodGet, target, nil)
			req.Header.Set("Accept-Encoding", []string{"br", "gzip", ""}[i%3])
			w := &discardResponse{header: http.Header{}}
			h.ServeHTTP(w, req)
			assert.Equal(t, http.StatusOK, w.code)
			assert.Equal(t, "public, max-age=31536000, immutable", w.header.Get("Cache-Control"))
			if i%3 == 2 {
				tags <- w.header.Get("ETag")
			}
		})
	}
	wg.Wait()
	close(tags)
	want := `"` + hex.EncodeToString(sum[:12]) + `"`
	for tag := range tags {
		assert.Equal(t, want, tag)
	}
}
