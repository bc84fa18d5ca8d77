package main

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"cleanread/internal/webserve"

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

// serveInBackground runs serveUntilDone for a tiny web app on a free
// loopback port and returns its address and a function that ends it and
// returns what serveUntilDone returned.
func serveInBackground(t *testing.T) (addr string, stop func() error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serveUntilDone(ctx, newServer(os.DirFS(webDir(t))), ln) }()
	return ln.Addr().String(), func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(10 * time.Second):
			return errors.New("the server did not shut down")
		}
	}
}

func TestServeUntilDoneShutsDown(t *testing.T) {
	addr, stop := serveInBackground(t)
	resp, err := http.Get("http://" + addr + "/")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	require.NoError(t, stop())
	_, err = http.Get("http://" + addr + "/")
	assert.Error(t, err, "nothing listens after shutdown")
}

// busyPort listens on a free loopback port until the test ends and returns
// its address and port.
func busyPort(t *testing.T) (addr, port string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { ln.Close() })
	_, port, err = net.SplitHostPort(ln.Addr().String())
	require.NoError(t, err)
	return ln.Addr().String(), port
}

// A busy port is named, with how to choose another.
func TestServeBusyPort(t *testing.T) {
	addr, port := busyPort(t)

	r := runCLI(t, "", "serve", "-addr", addr, "-dir", webDir(t))
	assert.Equal(t, exitOutput, r.code)
	assert.Contains(t, r.stderr, "cleanread: cannot listen: port "+port+" is busy")
	assert.Contains(t, r.stderr, "pick another with -addr host:port")
}

// ./build.sh serve checks the port before it builds anything, and says how
// to pick another with ADDR. PATH holds no Go, so a missed check fails fast
// on the build instead of building.
func TestBuildShServeBusyPort(t *testing.T) {
	addr, port := busyPort(t)

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "../../build.sh", "serve")
	cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + t.TempDir(), "ADDR=" + addr}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "%s", out)
	assert.Equal(t, 1, exit.ExitCode())
	assert.Contains(t, string(out), "port "+port+" on 127.0.0.1 is busy")
	assert.Contains(t, string(out), "ADDR=host:port")
	assert.NotContains(t, string(out), "go is not installed", "the port is checked before the build")
}

// The server's own responses, such as 431 for a huge request head, carry
// the security headers like every other.
func TestServeErrorsCarrySecurityHeaders(t *testing.T) {
	addr, stop := serveInBackground(t)
	defer func() { assert.NoError(t, stop()) }()

	for name, tc := range map[string]struct {
		header string
		code   int
	}{
		"431": {strings.Repeat("x", 200<<10), http.StatusRequestHeaderFieldsTooLarge},
		"200": {"small", http.StatusOK},
	} {
		t.Run(name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, "http://"+addr+"/", nil)
			require.NoError(t, err)
			req.Header.Set("X-Padding", tc.header)
			resp, err := http.DefaultTransport.RoundTrip(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			assert.Equal(t, tc.code, resp.StatusCode)
			assert.Equal(t, webserve.CSP, resp.Header.Get("Content-Security-Policy"))
			assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
			assert.Equal(t, "no-referrer", resp.Header.Get("Referrer-Policy"))
		})
	}
}
