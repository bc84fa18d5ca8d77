package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"cleanread/internal/webserve"
)

// webroot holds the built web app. build.sh copies dist/web into
// cmd/cleanread/webroot before building the CLI; a plain checkout holds only
// the README.md placeholder, and serve then explains how to build.
//
//go:embed all:webroot
var webroot embed.FS

const serveUsage = `Usage: cleanread serve [flags]

Serves the cleanread web app (the demo page, the bookmarklet's reader page and
the wasm module) from this binary, or from -dir DIR, until SIGINT or SIGTERM.

Flags:
`

// errNotBuilt is the error serve gives for a binary built without the web app.
var errNotBuilt = errors.New("the web app is not built into this binary: run ./build.sh (or pass -dir dist/web)")

// runServe implements "cleanread serve".
func runServe(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("serve", flag.ContinueOnError)
	fset.SetOutput(io.Discard)
	addr := fset.String("addr", "127.0.0.1:8080", "`host:port` to listen on (port 0 picks a free one)")
	dir := fset.String("dir", "", "serve the web app from `DIR` instead of the copy built into the binary")
	err := fset.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fset.SetOutput(stdout)
		fmt.Fprint(stdout, serveUsage)
		fset.PrintDefaults()
		return exitOK
	}
	if err != nil {
		return usageError(stderr, fmt.Errorf("serve: %w", err))
	}
	if fset.NArg() > 0 {
		return usageError(stderr, fmt.Errorf("serve takes no arguments, got %q", fset.Arg(0)))
	}

	fsys, err := webFS(*dir)
	if err != nil {
		return fail(stderr, exitOutput, err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail(stderr, exitOutput, listenError(*addr, err))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(stdout, "cleanread: serving http://%s/\n", ln.Addr())
	if err := serveUntilDone(ctx, newServer(fsys), ln); err != nil {
		return fail(stderr, exitOutput, err)
	}
	return exitOK
}

// webFS returns the web app to serve: DIR when given, else the embedded copy.
// It fails when the app holds no index.html.
func webFS(dir string) (fs.FS, error) {
	if dir != "" {
		fsys := os.DirFS(dir)
		if err := checkBuilt(fsys); err != nil {
			return nil, fmt.Errorf("%s holds no index.html: build the web app with ./build.sh first", dir)
		}
		return fsys, nil
	}
	fsys, err := fs.Sub(webroot, "webroot")
	if err != nil {
		return nil, fmt.Errorf("opening the embedded web app: %w", err)
	}
	if err := checkBuilt(fsys); err != nil {
		return nil, err
	}
	return fsys, nil
}

// checkBuilt reports errNotBuilt when fsys has no index.html at its root.
func checkBuilt(fsys fs.FS) error {
	fi, err := fs.Stat(fsys, "index.html")
	if err != nil || fi.IsDir() {
		return errNotBuilt
	}
	return nil
}

// newServer returns an HTTP server for the web app in fsys, with timeouts
// that keep slow or idle clients from holding connections open.
func newServer(fsys fs.FS) *http.Server {
	return &http.Server{
		Handler:           webserve.Handler(fsys),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// listenError explains a failure to listen on addr; a busy port is the
// common one, so it names the port and how to choose another.
func listenError(addr string, err error) error {
	if !errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("cannot listen: %w", err)
	}
	_, port, splitErr := net.SplitHostPort(addr)
	if splitErr != nil {
		port = addr
	}
	return fmt.Errorf("cannot listen: port %s is busy, another server is using it (%w); "+
		"pick another with -addr host:port, or -addr 127.0.0.1:0 for any free port", port, err)
}

// serveUntilDone serves on ln until ctx ends, then shuts srv down, letting
// requests in flight finish for up to five seconds. The listener is wrapped
// so that the server's own error responses carry the security headers too.
func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(webserve.Listener(ln)) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serving: %w", err)
	}
	return nil
}
