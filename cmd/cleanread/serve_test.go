package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// webDir writes a tiny built web app to a temporary folder.
func webDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":     "<!doctype html><title>cleanread</title><p>demo</p>",
		"cleanread.wasm": "\x00asm\x01\x00\x00\x00",
		"cleanread.js":   "export const version = 'test';",
	}
	for name, body := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	return dir
}

func TestServerServesWebApp(t *testing.T) {
	srv := httptest.NewServer(newServer(os.DirFS(webDir(t))).Handler)
	defer srv.Close()

	for _, tc := range []struct{ path, contentType, body string }{
		{"/", "text/html", "demo"},
		{"/index.html", "text/html", ""},
		{"/cleanread.wasm", "application/wasm", "\x00asm"},
		{"/cleanread.js", "javascript", "export const version"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			resp, err := http.Get(srv.URL + tc.path)
			require.NoError(t, err)
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Contains(t, resp.Header.Get("Content-Type"), tc.contentType)
			assert.Contains(t, string(body), tc.body)
			csp := resp.Header.Get("Content-Security-Policy")
			assert.Contains(t, csp, "default-src 'self'")
			assert.Contains(t, csp, "'wasm-unsafe-eval'")
			assert.Contains(t, csp, "frame-ancestors 'none'")
			assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
			assert.Equal(t, "no-referrer", resp.Header.Get("Referrer-Policy"))
		})
	}
}

func TestServerTimeouts(t *testing.T) {
	s := newServer(fstest.MapFS{"index.html": {Data: []byte("x")}})
	assert.Positive(t, s.ReadHeaderTimeout)
	assert.Positive(t, s.ReadTimeout)
	assert.Positive(t, s.WriteTimeout)
	assert.Positive(t, s.IdleTimeout)
}

func TestCheckBuilt(t *testing.T) {
	placeholder := fstest.MapFS{"README.md": {Data: []byte("build.sh copies the web app here")}}
	err := checkBuilt(placeholder)
	require.Error(t, err)
	assert.Equal(t, "the web app is not built into this binary: run ./build.sh (or pass -dir dist/web)", err.Error())

	assert.NoError(t, checkBuilt(fstest.MapFS{"index.html": {Data: []byte("<!doctype html>")}}))
	assert.Error(t, checkBuilt(fstest.MapFS{"index.html/x": {Data: []byte("a folder, not a page")}}))
}

func TestEmbeddedWebroot(t *testing.T) {
	// A checkout holds only the placeholder; after ./build.sh the app is there.
	_, err := webroot.ReadFile("webroot/README.md")
	require.NoError(t, err, "the README placeholder keeps go:embed working in a fresh checkout")
	fsys, err := webFS("")
	if err != nil {
		assert.ErrorIs(t, err, errNotBuilt)
		r := runCLI(t, "", "serve", "-addr", "127.0.0.1:0")
		assert.Equal(t, exitOutput, r.code)
		assert.Equal(t, "cleanread: "+errNotBuilt.Error()+"\n", r.stderr)
		return
	}
	assert.NoError(t, checkBuilt(fsys))
}

func TestServeDirWithoutApp(t *testing.T) {
	dir := t.TempDir()
	r := runCLI(t, "", "serve", "-addr", "127.0.0.1:0", "-dir", dir)
	assert.Equal(t, exitOutput, r.code)
	assert.Contains(t, r.stderr, "cleanread: "+dir+" holds no index.html")
}

func TestServeBadAddr(t *testing.T) {
	r := runCLI(t, "", "serve", "-addr", "256.0.0.1:99999", "-dir", webDir(t))
	assert.Equal(t, exitOutput, r.code)
	assert.Contains(t, r.stderr, "cleanread: cannot listen")
}

func TestServeUntilDoneShutsDown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serveUntilDone(ctx, newServer(os.DirFS(webDir(t))), ln) }()

	resp, err := http.Get("http://" + ln.Addr().String() + "/")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not shut down")
	}
	_, err = http.Get("http://" + ln.Addr().String() + "/")
	assert.Error(t, err, "nothing listens after shutdown")
}
