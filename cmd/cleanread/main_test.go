package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// result is what one run of the CLI produced.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI calls run with args and stdin and captures its output.
func runCLI(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

// writeFile writes content to name in a fresh temporary folder and returns its path.
func writeFile(t *testing.T, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, content, 0o644))
	return p
}

// storyFile is the path of the hand-written news page fixture.
const storyFile = "testdata/story.html"

// storyParagraph is a sentence from the middle of the fixture's story.
const storyParagraph = "Three storms in six weeks tore a gap nearly forty metres wide"

// storyHTML returns the fixture page, with its title replaced when title is not empty.
func storyHTML(t *testing.T, title string) string {
	t.Helper()
	b, err := os.ReadFile(storyFile)
	require.NoError(t, err)
	s := string(b)
	if title != "" {
		s = strings.Replace(s, "Harbour town rebuilds its sea wall after winter storms | The Coastal Ledger", title, 1)
		s = strings.Replace(s, "<h1>Harbour town rebuilds its sea wall after winter storms</h1>", "<h1>"+title+"</h1>", 1)
	}
	return s
}

func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		out  string // expected in stdout
		err  string // expected in stderr
	}{
		{"no args", nil, exitUsage, "", "EXIT CODES"},
		{"help", []string{"help"}, exitOK, "EXIT CODES", ""},
		{"-h", []string{"-h"}, exitOK, "7  the page URL is not an absolute http(s) URL", ""},
		{"help clean", []string{"help", "clean"}, exitOK, "-format", ""},
		{"clean -h", []string{"clean", "-h"}, exitOK, "-teaser-pass", ""},
		{"serve -h", []string{"serve", "-h"}, exitOK, "-addr", ""},
		{"version", []string{"version"}, exitOK, "cleanread ", ""},
		{"unknown command", []string{"frobnicate"}, exitUsage, "", `cleanread: unknown command "frobnicate"`},
		{"clean without input", []string{"clean"}, exitUsage, "", "exactly one FILE"},
		{"clean two inputs", []string{"clean", "a.html", "b.html"}, exitUsage, "", "exactly one FILE"},
		{"unknown flag", []string{"clean", "-colour", storyFile}, exitUsage, "", "-colour"},
		{"bad format", []string{"clean", "-format", "pdf", storyFile}, exitUsage, "", `unknown format "pdf"`},
		{"bad max bytes", []string{"clean", "-max-bytes", "-1", storyFile}, exitUsage, "", "-max-bytes"},
		{"serve with argument", []string{"serve", "extra"}, exitUsage, "", "no arguments"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, "", tc.args...)
			assert.Equal(t, tc.code, r.code, "stderr: %s", r.stderr)
			assert.Contains(t, r.stdout, tc.out)
			assert.Contains(t, r.stderr, tc.err)
			if tc.code == exitUsage && tc.err != "EXIT CODES" {
				assert.True(t, strings.HasPrefix(r.stderr, "cleanread: "), r.stderr)
				assert.Equal(t, 1, strings.Count(r.stderr, "\n"), "one line: %q", r.stderr)
			}
		})
	}
}

func TestHelpListsEveryExitCode(t *testing.T) {
	r := runCLI(t, "", "help")
	for code := exitOK; code <= exitOutput; code++ {
		assert.Regexp(t, `(?m)^  `+string(rune('0'+code))+`  \S`, r.stdout, "exit code %d documented", code)
	}
}

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "story.txt")
	r := runCLI(t, "", "clean", "-format", "text", "-o", out, storyFile)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Empty(t, r.stdout)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(b), storyParagraph)

	r = runCLI(t, "", "clean", "-o", filepath.Join(t.TempDir(), "no", "such", "dir", "x.html"), storyFile)
	assert.Equal(t, exitOutput, r.code)
	assert.Contains(t, r.stderr, "cleanread: cannot write the output")
}

// failingWriter fails every write, like a closed pipe.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestStdoutWriteFailure(t *testing.T) {
	var errb bytes.Buffer
	code := run([]string{"clean", storyFile}, strings.NewReader(""), failingWriter{}, &errb)
	assert.Equal(t, exitOutput, code)
	assert.Contains(t, errb.String(), "cannot write the output")
}
