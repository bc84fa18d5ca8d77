package webserve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serveOnListener serves h with a small MaxHeaderBytes on a loopback
// Listener and returns its address.
func serveOnListener(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv := &http.Server{Handler: h, MaxHeaderBytes: 1 << 10, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(Listener(ln)) }()
	t.Cleanup(func() { _ = srv.Close() })
	return ln.Addr().String()
}

// rawRequest sends raw bytes on a new connection and reads one response.
func rawRequest(t *testing.T, addr, raw string) (*http.Response, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer c.Close()
	require.NoError(t, c.SetDeadline(time.Now().Add(10*time.Second)))
	_, err = io.WriteString(c, raw)
	require.NoError(t, err)
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	require.NoError(t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res, string(body)
}

// The responses Go's server writes before any handler runs get the
// security headers on a Listener, and keep their status, type and text.
func TestServerErrorsCarrySecurityHeaders(t *testing.T) {
	addr := serveOnListener(t, Handler(testFS()))
	tests := []struct {
		name, raw string
		code      int
		body      string
	}{
		{"header too large", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 16<<10) + "\r\n\r\n",
			http.StatusRequestHeaderFieldsTooLarge, "431 Request Header Fields Too Large"},
		{"malformed request line", "NONSENSE\r\n\r\n", http.StatusBadRequest, "400 Bad Request"},
		{"missing Host", "GET / HTTP/1.1\r\n\r\n", http.StatusBadRequest, "missing required Host header"},
		{"unsupported version", "GET / HTTP/2.7\r\nHost: x\r\n\r\n", http.StatusHTTPVersionNotSupported, "unsupported protocol version"},
		{"unknown transfer coding", "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: zstd\r\n\r\n", http.StatusNotImplemented, "Unsupported transfer encoding"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := rawRequest(t, addr, tt.raw)
			assert.Equal(t, tt.code, res.StatusCode)
			assertSecurityHeaders(t, res.Header)
			assert.Equal(t, "text/plain; charset=utf-8", res.Header.Get("Content-Type"))
			assert.Contains(t, body, tt.body)
		})
	}
}

// Handler responses pass through a Listener byte for byte, even a file
// whose content is one of the server's own error responses, over a
// kept-alive connection and with the connection's sendfile path.
func TestListenerLeavesResponsesAlone(t *testing.T) {
	goLike := "HTTP/1.1 400 Bad Request" + goErrorHead + "400 Bad Request"
	dir := t.TempDir()
	big := strings.Repeat("0123456789abcdef", 64<<10)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "error.txt"), []byte(goLike), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "big.bin"), []byte(big), 0o644))
	for _, h := range []http.Handler{Handler(os.DirFS(dir)), Handler(fstest.MapFS{
		"error.txt": {Data: []byte(goLike)}, "big.bin": {Data: []byte(big)},
	})} {
		addr := serveOnListener(t, h)
		client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
		for range 2 { // the second round reuses the connection
			for path, want := range map[string]string{"/error.txt": goLike, "/big.bin": big} {
				res, err := client.Get("http://" + addr + path)
				require.NoError(t, err)
				body, err := io.ReadAll(res.Body)
				res.Body.Close()
				require.NoError(t, err)
				assert.Equal(t, http.StatusOK, res.StatusCode)
				assert.True(t, want == string(body), "%s comes through unchanged (%d bytes, want %d)", path, len(body), len(want))
				assertSecurityHeaders(t, res.Header)
				assert.Equal(t, []string{CSP}, res.Header.Values("Content-Security-Policy"), "set once")
			}
		}
		client.CloseIdleConnections()
	}
}

func TestWithSecurityHeadersMatchesOnlyServerErrors(t *testing.T) {
	for _, p := range []string{
		"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi",
		"HTTP/1.1 400 Bad Request\r\nContent-Security-Policy: x\r\n" + goErrorHead[2:] + "400",
		"HTTP/1.1 400 Bad Request" + goErrorHead + "two\r\nlines",
		"HTTP/1.1 4x0 Bad Request" + goErrorHead + "400",
		"HTTP/1.1 400 Bad Request" + goErrorHead + strings.Repeat("a", maxGoError),
		"HTTP/1.0 400 Bad Request" + goErrorHead + "400",
		"partial body HTTP/1.1 400 Bad Request" + goErrorHead + "400",
	} {
		_, ok := withSecurityHeaders([]byte(p))
		assert.False(t, ok, "%q", p)
	}
	q, ok := withSecurityHeaders([]byte("HTTP/1.1 431 Request Header Fields Too Large" + goErrorHead + "431 Request Header Fields Too Large"))
	require.True(t, ok)
	assert.Equal(t, "HTTP/1.1 431 Request Header Fields Too Large\r\n"+
		"Content-Security-Policy: "+CSP+"\r\nReferrer-Policy: no-referrer\r\nX-Content-Type-Options: nosniff\r\n"+
		"Content-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n431 Request Header Fields Too Large", string(q))
}
