package webserve

import (
	"bytes"
	"io"
	"net"
	"net/http"
)

// Listener wraps ln so that the responses Go's HTTP server writes by
// itself, before any handler sees the request, carry the security headers
// too: 431 for a request head over the server's MaxHeaderBytes, 400 for a
// malformed request, 501 for an unknown transfer coding and 505 for an
// unsupported HTTP version. Serve the Handler on it with http.Server.Serve.
func Listener(ln net.Listener) net.Listener {
	return listener{ln}
}

type listener struct{ net.Listener }

// Accept returns the next connection, wrapped. Errors are returned as they
// are: the server tells temporary ones apart by their type.
func (l listener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return conn{c}, nil
}

// conn adds the security headers to the server's own error responses. The
// server writes each of them with a single Write straight to the
// connection, in a fixed form (see goErrorHead); everything else passes
// through untouched. Its errors are the connection's own, unwrapped: the
// server looks at their types.
type conn struct{ net.Conn }

func (c conn) Write(p []byte) (int, error) {
	q, ok := withSecurityHeaders(p)
	if !ok {
		return c.Conn.Write(p)
	}
	if _, err := c.Conn.Write(q); err != nil {
		return 0, err
	}
	return len(p), nil
}

// ReadFrom keeps the connection's own ReadFrom (sendfile for a file of
// os.DirFS): response bodies never need rewriting.
func (c conn) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(struct{ io.Writer }{c.Conn}, r)
}

// CloseWrite lets the server half-close after an error response, so the
// client reads it before the connection goes.
func (c conn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// goErrorHead is how net/http's server ends the status line and headers of
// the responses it writes on its own, all of the form
// "HTTP/1.1 <code> <text>" + goErrorHead + "<short text>". Responses from
// the Handler never look like this: their first header line after the
// status line is never Content-Type, which sorts after
// Content-Security-Policy.
const goErrorHead = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"

// maxGoError bounds the length of such a response; the server's texts are
// a line or two.
const maxGoError = 1 << 10

// securityHeaderLines are the security headers as header lines.
var securityHeaderLines = func() []byte {
	h := http.Header{}
	setSecurityHeaders(h)
	var b bytes.Buffer
	_ = h.Write(&b) // a bytes.Buffer does not fail
	return b.Bytes()
}()

// withSecurityHeaders returns p with the security headers after its status
// line when p is a whole error response of the server's own, and false
// for anything else.
func withSecurityHeaders(p []byte) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(p, []byte("HTTP/1.1 "))
	if !ok || len(p) > maxGoError {
		return nil, false
	}
	status, body, ok := bytes.Cut(rest, []byte(goErrorHead))
	if !ok || !isStatus(status) || bytes.ContainsAny(body, "\r\n") {
		return nil, false
	}
	q := make([]byte, 0, len(p)+len(securityHeaderLines))
	q = append(q, p[:len(p)-len(rest)+len(status)]...)
	q = append(q, "\r\n"...)
	q = append(q, securityHeaderLines...)
	q = append(q, rest[len(status)+len("\r\n"):]...)
	return q, true
}

// isStatus reports whether s is a status code and text, "431 Request ...",
// all on one line.
func isStatus(s []byte) bool {
	if len(s) < 4 || s[3] != ' ' || bytes.ContainsAny(s, "\r\n") {
		return false
	}
	for _, d := range s[:3] {
		if d < '0' || d > '9' {
			return false
		}
	}
	return true
}
