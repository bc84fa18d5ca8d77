//go:build e2e

package e2e

// A small WebDriver BiDi client for Firefox: Debian ships firefox-esr but no
// geckodriver, and Firefox speaks BiDi itself on the WebSocket that
// --remote-debugging-port opens. Only the commands the tests use are here;
// they are sent as JSON and answered by id, events go to listeners.

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/net/websocket"
)

// firefoxPath is the Firefox the tests drive: $FIREFOX or Debian's firefox-esr.
func firefoxPath() string {
	if exe := os.Getenv("FIREFOX"); exe != "" {
		return exe
	}
	return "/usr/bin/firefox-esr"
}

// bidiOrigin is the Origin the client sends: Firefox refuses WebSocket
// clients whose origin it was not told to allow.
const bidiOrigin = "http://127.0.0.1"

// firefoxPrefs are written to the profile's user.js. Firefox's remote agent
// already sets its recommended automation prefs (no first-run pages, no
// updates, no telemetry); these are the tests' own.
var firefoxPrefs = map[string]any{
	// The popup blocker on, as users have it: the bookmarklet must open
	// its reader window past it.
	"dom.disable_open_during_load": true,
}

// bidiEvent is one event Firefox sent.
type bidiEvent struct {
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

// bidiMessage is any message from Firefox: a command's answer or an event.
type bidiMessage struct {
	Type    string          `json:"type"` // success, error, event
	ID      int             `json:"id"`
	Result  json.RawMessage `json:"result"`
	Error   string          `json:"error"`
	Message string          `json:"message"`
	bidiEvent
}

// firefox is one headless Firefox and its BiDi session.
type firefox struct {
	t  *testing.T
	ws *websocket.Conn

	mu        sync.Mutex
	next      int
	pending   map[int]chan bidiMessage
	listeners []func(bidiEvent)
	closed    error
}

// startFirefox starts a headless Firefox with a fresh profile holding prefs
// (over firefoxPrefs), opens a BiDi session and stops it all at cleanup.
func startFirefox(t *testing.T, prefs map[string]any) *firefox {
	t.Helper()
	exe := firefoxPath()
	_, err := os.Stat(exe)
	require.NoError(t, err, "no Firefox at %s: install it with apt-get install -y firefox-esr, or set FIREFOX", exe)

	profile := t.TempDir()
	var userJS []byte
	all := map[string]any{}
	for k, v := range firefoxPrefs {
		all[k] = v
	}
	for k, v := range prefs {
		all[k] = v
	}
	for k, v := range all {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		userJS = fmt.Appendf(userJS, "user_pref(%q, %s);\n", k, b)
	}
	require.NoError(t, os.WriteFile(filepath.Join(profile, "user.js"), userJS, 0o644))

	// No deadline on the process: exec.CommandContext would kill it when
	// the start's timeout passes.
	cmd := exec.Command(exe, "--headless", "--no-remote", "--profile", profile,
		"--window-size=1280,900", "--remote-debugging-port=0", "--remote-allow-origins="+bidiOrigin,
		"--remote-allow-system-access", "about:blank")
	cmd.Env = append(os.Environ(), "MOZ_HEADLESS=1")
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start(), "starting %s", exe)
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})

	wsURL, err := bidiAddress(stderr, stepTimeout)
	require.NoError(t, err, "starting %s", exe)
	ws, err := websocket.Dial(wsURL+"/session", "", bidiOrigin)
	require.NoError(t, err, "connecting to %s", wsURL)
	ws.MaxPayloadBytes = 256 << 20 // full-page screenshots
	ff := &firefox{t: t, ws: ws, pending: map[int]chan bidiMessage{}}
	go ff.read()
	t.Cleanup(func() { _ = ws.Close() })

	ff.call("session.new", map[string]any{"capabilities": map[string]any{}}, nil)
	return ff
}

// listenAddr is how Firefox announces its BiDi server on stderr.
var listenAddr = regexp.MustCompile(`WebDriver BiDi listening on (ws://\S+)`)

// bidiAddress reads Firefox's stderr until it names its BiDi WebSocket, then
// keeps draining it so that Firefox never blocks on a full pipe.
func bidiAddress(stderr io.Reader, wait time.Duration) (string, error) {
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sent := false
		for sc.Scan() {
			if m := listenAddr.FindStringSubmatch(sc.Text()); m != nil && !sent {
				found <- m[1]
				sent = true
			}
		}
		if !sent {
			close(found)
		}
	}()
	select {
	case u, ok := <-found:
		if !ok {
			return "", errors.New("firefox exited before it opened its BiDi server")
		}
		return u, nil
	case <-time.After(wait):
		return "", fmt.Errorf("firefox named no BiDi server within %v", wait)
	}
}

// read hands every message to its command or to the listeners.
func (ff *firefox) read() {
	for {
		var raw []byte
		err := websocket.Message.Receive(ff.ws, &raw)
		if err != nil {
			ff.mu.Lock()
			ff.closed = fmt.Errorf("the BiDi connection closed: %w", err)
			for id, ch := range ff.pending {
				close(ch)
				delete(ff.pending, id)
			}
			ff.mu.Unlock()
			return
		}
		var m bidiMessage
		if json.Unmarshal(raw, &m) != nil {
			continue
		}
		ff.mu.Lock()
		if m.Type == "event" {
			ls := append([]func(bidiEvent){}, ff.listeners...)
			ff.mu.Unlock()
			for _, l := range ls {
				l(m.bidiEvent)
			}
			continue
		}
		ch := ff.pending[m.ID]
		delete(ff.pending, m.ID)
		ff.mu.Unlock()
		if ch != nil {
			ch <- m
		}
	}
}

// send sends one command and waits for its answer, decoding the result
// into out (when not nil).
func (ff *firefox) send(ctx context.Context, method string, params, out any) error {
	ff.mu.Lock()
	if ff.closed != nil {
		ff.mu.Unlock()
		return ff.closed
	}
	ff.next++
	id := ff.next
	ch := make(chan bidiMessage, 1)
	ff.pending[id] = ch
	ff.mu.Unlock()

	if err := websocket.JSON.Send(ff.ws, map[string]any{"id": id, "method": method, "params": params}); err != nil {
		return fmt.Errorf("sending %s: %w", method, err)
	}
	select {
	case m, ok := <-ch:
		if !ok {
			return fmt.Errorf("%s: %w", method, ff.closed)
		}
		if m.Type == "error" {
			return fmt.Errorf("%s: %s: %s", method, m.Error, m.Message)
		}
		if out == nil {
			return nil
		}
		if err := json.Unmarshal(m.Result, out); err != nil {
			return fmt.Errorf("decoding the result of %s: %w", method, err)
		}
		return nil
	case <-ctx.Done():
		ff.mu.Lock()
		delete(ff.pending, id)
		ff.mu.Unlock()
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// call is send with the step timeout; an error fails the test.
func (ff *firefox) call(method string, params, out any) {
	ff.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), stepTimeout)
	defer cancel()
	require.NoError(ff.t, ff.send(ctx, method, params, out))
}

// listen adds a listener for events (after session.subscribe).
func (ff *firefox) listen(l func(bidiEvent)) {
	ff.mu.Lock()
	ff.listeners = append(ff.listeners, l)
	ff.mu.Unlock()
}
