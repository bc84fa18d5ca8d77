package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFilePatchNames(t *testing.T) {
	p := filePatch{file: "x.go", names: []string{"A", "B"}, content: "package x\n"}
	got, misfit := p.apply("package x\n\nfunc (T) M() {}\n\ntype (\n\tB int\n)\n\nfunc A() {}\n")
	if misfit != "" || got != "package x\n" {
		t.Fatalf("methods count as names or grouped types are missed: %q, %q", got, misfit)
	}
	if _, misfit := p.apply("package x\n\nfunc A() {}\ntype B int\nfunc C() {}\n"); !strings.Contains(misfit, `declares ["A" "B" "C"]`) {
		t.Fatalf("a new name must stop the patch, got %q", misfit)
	}
}

func TestFilePatchEdits(t *testing.T) {
	p := filePatch{file: "x.go", edits: []edit{{"\nfunc init() {\n", "\nfunc later() {\n"}}}
	got, misfit := p.apply("package x\n\nfunc init() {\n}\n")
	if misfit != "" || got != "package x\n\nfunc later() {\n}\n" {
		t.Fatalf("got %q, %q", got, misfit)
	}
	for _, src := range []string{"package x\n", "package x\n\nfunc init() {\n}\n\nfunc init() {\n}\n"} {
		if _, misfit := p.apply(src); misfit == "" {
			t.Errorf("an edit whose text is not there exactly once must stop the patch: %q", src)
		}
	}
}

// TestPatchesAreWellFormed keeps the patch table honest: every patch
// either replaces a file it names the declarations of, or edits it.
func TestPatchesAreWellFormed(t *testing.T) {
	for _, m := range modPatches {
		for _, f := range m.files {
			if (f.names == nil) == (f.edits == nil) || f.reason == "" {
				t.Errorf("%s %s: a patch has names (and content) or edits, and a reason", m.module, f.file)
			}
		}
	}
}

func TestCopyModuleLeavesOutTests(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	for name, data := range map[string]string{
		"go.mod": "module m\n", "LICENSE": "l", "a.go": "package m\n", "a_test.go": "package m\n",
		"testdata/t.go": "package t\n", "test-pages/p/source.html": "<p>", ".github/x.go": "package x\n", "sub/b.go": "package sub\n",
	} {
		path := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o444); err != nil {
			t.Fatal(err)
		}
	}
	if err := copyModule(src, dst); err != nil {
		t.Fatal(err)
	}
	var got []string
	filepath.WalkDir(dst, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dst, path)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	if strings.Join(got, " ") != "LICENSE a.go go.mod sub/b.go" {
		t.Fatalf("copied %q", got)
	}
	if err := os.WriteFile(filepath.Join(dst, "a.go"), []byte("package m // edited\n"), 0o644); err != nil {
		t.Fatalf("the copy must be writable: %v", err)
	}
}
