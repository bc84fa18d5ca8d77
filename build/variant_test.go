package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A shell bundled around a stand-in engine must hold the stand-in wherever
// it imports web/engine/cleanread.js, directly or through another module,
// and leave another file of that name alone.
func TestEnginePluginSwapsEveryImportOfTheEngine(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("web/engine/cleanread.js", "export const who = 'the-wasm-engine';\n")
	write("web/shells/host.js", "export { who } from '../engine/cleanread.js';\n")
	write("web/shells/other/cleanread.js", "export const other = 'not-the-engine';\n")
	write("web/shells/shell.js", "import { who } from '../engine/cleanread.js';\nimport { who as w } from './host.js';\nimport { other } from './other/cleanread.js';\nconsole.log(who, w, other);\n")
	write("bench/stand-in.js", "export const who = 'the-stand-in';\n")

	c := &config{root: root, web: filepath.Join(root, "web"), dist: filepath.Join(root, "out"), engine: filepath.Join(root, "bench", "stand-in.js"), log: io.Discard}
	if err := os.MkdirAll(c.dist, 0o755); err != nil {
		t.Fatal(err)
	}
	scripts := []script{
		{in: "shells/shell.js", out: "shell.js", kind: classicPlain},
		{in: "shells/host.js", out: "worker.js", kind: module},
	}
	if err := c.bundle(scripts, c.dist, ""); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(c.dist, "shell.js"))
	if err != nil {
		t.Fatal(err)
	}
	if s := string(got); strings.Contains(s, "the-wasm-engine") || !strings.Contains(s, "the-stand-in") || !strings.Contains(s, "not-the-engine") {
		t.Fatalf("the shell was not bundled around the stand-in alone:\n%s", s)
	}
	if _, err := os.Stat(filepath.Join(c.dist, "worker.js")); !os.IsNotExist(err) {
		t.Fatalf("a variant must leave the wasm's worker out, got %v", err)
	}
}

func TestVariantPathsKeepTheRealBuild(t *testing.T) {
	e, o, err := variantPaths("/r", "bench/www/js-engine.js", "dist/bench-js")
	if err != nil || e != "/r/bench/www/js-engine.js" || o != "/r/dist/bench-js" {
		t.Fatalf("paths under the root: %q, %q, %v", e, o, err)
	}
	for _, out := range []string{"", "dist", "dist/", "/r/dist", "."} {
		if _, _, err := variantPaths("/r", "e.js", out); err == nil {
			t.Errorf("-out %q must be refused", out)
		}
	}
}
