package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loadClients is how many downloads of the wasm run at once in the load
// test: every one of them holds its response open until all have their
// headers, so the server really carries them all at the same time.
const loadClients = 200

// peakRSSLimit is the most resident memory a serve process may ever have
// held by the end of the load test. The wasm is a few MB, so a server that
// copied the file per request would need hundreds of MB for the downloads.
const peakRSSLimit = 150 << 20

// encodingsUnderLoad are the Accept-Encoding values the clients take in
// turn, so that the raw file and each precompressed variant are streamed.
var encodingsUnderLoad = []struct{ accept, encoding, suffix string }{
	{"br, gzip", "br", ".br"},
	{"gzip", "gzip", ".gz"},
	{"", "", ""},
}

// TestServeHoldsUnderLoad starts a real "cleanread serve" process, sends it
// loadClients concurrent downloads of the wasm (the embedded one when this
// binary was built by build.sh, else a fake of the same size served with
// -dir), checks every byte of every answer and that the process's peak
// resident memory stayed within peakRSSLimit.
func TestServeHoldsUnderLoad(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("peak RSS is read from /proc/<pid>/status, which only Linux has")
	}
	files, args := loadTestApp(t)
	srv := startServe(t, args...)
	before := readProcStatus(t, srv.pid)

	r := downloadConcurrently(t, srv.url, files, loadClients)
	after := readProcStatus(t, srv.pid)

	t.Logf("%d/%d downloads answered, %.1f MB in %v; serve VmHWM %.1f MB before the load, %.1f MB after (VmRSS %.1f MB); loadavg %s",
		r.answered, loadClients, float64(r.bytes)/1e6, r.elapsed.Round(time.Millisecond),
		mb(before["VmHWM"]), mb(after["VmHWM"]), mb(after["VmRSS"]), loadAvg())
	assert.Equal(t, int64(loadClients), r.answered, "every download is answered in full")
	assert.Empty(t, r.failures)
	assert.LessOrEqual(t, after["VmHWM"], int64(peakRSSLimit),
		"peak RSS of serve over %d concurrent wasm downloads", loadClients)
}

// BenchmarkServeLoad times rounds of loadClients concurrent wasm downloads
// from one real serve process and reports its peak RSS.
func BenchmarkServeLoad(b *testing.B) {
	if runtime.GOOS != "linux" {
		b.Skip("peak RSS is read from /proc/<pid>/status, which only Linux has")
	}
	files, args := loadTestApp(b)
	srv := startServe(b, args...)
	var total int64
	for _, f := range files {
		total += int64(len(f))
	}
	b.SetBytes(total * loadClients / int64(len(files)))
	b.ResetTimer()
	for b.Loop() {
		r := downloadConcurrently(b, srv.url, files, loadClients)
		require.Equal(b, int64(loadClients), r.answered, r.failures)
	}
	b.StopTimer()
	b.ReportMetric(mb(readProcStatus(b, srv.pid)["VmHWM"]), "peak-RSS-MB")
}

// loadTestApp returns the wasm and its variants by encoding, and the serve
// flags that serve them: the app embedded in this package when build.sh put
// it there, else a fake app of the real wasm's size in a temporary folder.
func loadTestApp(t testing.TB) (map[string][]byte, []string) {
	t.Helper()
	if fsys, err := webFS(""); err == nil {
		if files, err := wasmVariants(fsys); err == nil {
			return files, nil
		}
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	sizes := map[string]int{"": 7 << 20, ".gz": 1900 << 10, ".br": 1400 << 10}
	for suffix, size := range sizes {
		b := make([]byte, size)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, "cleanread.wasm"+suffix), b, 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><title>load</title>"), 0o644))
	files, err := wasmVariants(os.DirFS(dir))
	require.NoError(t, err)
	return files, []string{"-dir", dir}
}

// wasmVariants reads cleanread.wasm and its .br and .gz variants from fsys.
func wasmVariants(fsys fs.FS) (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, e := range encodingsUnderLoad {
		b, err := fs.ReadFile(fsys, "cleanread.wasm"+e.suffix)
		if err != nil {
			return nil, fmt.Errorf("reading the wasm: %w", err)
		}
		files[e.suffix] = b
	}
	return files, nil
}

// serveProcess is a running "cleanread serve".
type serveProcess struct {
	pid int
	url string
}

// startServe builds the CLI, starts "cleanread serve" on a free loopback
// port with args, and stops it when the test ends. The binary is built
// rather than the test binary re-run so that it is the real program, with
// no test or race instrumentation in its memory.
func startServe(t testing.TB, args ...string) serveProcess {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "cleanread")
	build := exec.Command("go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "go build: %s", out)

	cmd := exec.Command(bin, append([]string{"serve", "-addr", "127.0.0.1:0"}, args...)...)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { stopProcess(t, cmd) })

	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		lines <- line
		_, _ = io.Copy(io.Discard, stdout)
	}()
	select {
	case line := <-lines:
		url, ok := strings.CutPrefix(strings.TrimSpace(line), "cleanread: serving ")
		require.True(t, ok, "serve printed %q, stderr %q", line, stderr.String())
		return serveProcess{pid: cmd.Process.Pid, url: strings.TrimSuffix(url, "/")}
	case <-time.After(30 * time.Second):
		require.FailNow(t, "serve did not start", "stderr %q", stderr.String())
		return serveProcess{}
	}
}

// stopProcess sends SIGTERM and waits for a clean exit, killing the
// process if it does not stop in time.
func stopProcess(t testing.TB, cmd *exec.Cmd) {
	t.Helper()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Errorf("stopping serve: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		assert.NoError(t, err, "serve exits cleanly on SIGTERM")
	case <-time.After(15 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		t.Error("serve did not stop within 15 s of SIGTERM")
	}
}

// loadResult is what one round of concurrent downloads gave.
type loadResult struct {
	answered, bytes int64
	elapsed         time.Duration
	failures        []string
}

// downloadConcurrently starts n downloads of the wasm at once, half of them
// at its versioned (?v=) URL, with the encodings of encodingsUnderLoad in
// turn. Each waits with its body unread until all have their headers, then
// reads and checks it. It stops by itself within a minute.
func downloadConcurrently(t testing.TB, base string, files map[string][]byte, n int) loadResult {
	t.Helper()
	sum := sha256.Sum256(files[""])
	version := fmt.Sprintf("%x", sum[:8])
	client := &http.Client{Transport: &http.Transport{
		MaxIdleConnsPerHost: n,
		DisableCompression:  true, // the test asks for encodings itself and checks the bytes as sent
	}}
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	var (
		answered, bytes atomic.Int64
		mu              sync.Mutex
		failures        []string
		headers, done   sync.WaitGroup
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		failures = append(failures, fmt.Sprintf(format, args...))
	}
	allHaveHeaders := make(chan struct{})
	start := time.Now()
	for i := range n {
		headers.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			e := encodingsUnderLoad[i%len(encodingsUnderLoad)]
			target := base + "/cleanread.wasm"
			if i%2 == 1 {
				target += "?v=" + version
			}
			res, err := get(ctx, client, target, e.accept)
			headers.Done()
			if err != nil {
				fail("client %d: %v", i, err)
				return
			}
			defer res.Body.Close()
			<-allHaveHeaders
			if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != e.encoding {
				fail("client %d: status %d, encoding %q, want 200 and %q", i, res.StatusCode, res.Header.Get("Content-Encoding"), e.encoding)
				return
			}
			h := sha256.New()
			got, err := io.Copy(h, res.Body)
			bytes.Add(got)
			want := files[e.suffix]
			if err != nil || got != int64(len(want)) || [32]byte(h.Sum(nil)) != sha256.Sum256(want) {
				fail("client %d (%q): read %d of %d bytes, error %v, or wrong content", i, e.accept, got, len(want), err)
				return
			}
			answered.Add(1)
		}()
	}
	headers.Wait()
	close(allHaveHeaders)
	done.Wait()
	return loadResult{answered: answered.Load(), bytes: bytes.Load(), elapsed: time.Since(start), failures: failures}
}

// get sends a GET for target accepting the encodings in accept.
func get(ctx context.Context, client *http.Client, target, accept string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, fmt.Errorf("making the request: %w", err)
	}
	if accept != "" {
		req.Header.Set("Accept-Encoding", accept)
	}
	res, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", target, err)
	}
	return res, nil
}

// readProcStatus returns the memory figures (in bytes) of /proc/pid/status.
func readProcStatus(t testing.TB, pid int) map[string]int64 {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	require.NoError(t, err)
	figures := map[string]int64{}
	for line := range strings.Lines(string(b)) {
		key, value, ok := strings.Cut(line, ":")
		kb, unit, _ := strings.Cut(strings.TrimSpace(value), " ")
		if !ok || unit != "kB" {
			continue
		}
		n, err := strconv.ParseInt(kb, 10, 64)
		require.NoError(t, err, line)
		figures[key] = n << 10
	}
	require.Contains(t, figures, "VmHWM")
	return figures
}

func mb(n int64) float64 { return float64(n) / (1 << 20) }

// loadAvg returns /proc/loadavg, so a logged timing says how busy the machine was.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(b))
}
