package main

// modpatch: the wasm build compiles three dependencies with code left out
// (or made lazy) that only native callers need, from patched copies of their
// module downloads, through a go.mod given to `go build -modfile`. Nothing
// of it is committed, and the native build and every test use the modules
// untouched.
//
//	go -C build run . modpatch -root .. -out ../dist/modpatch
//
// prints the go.mod to pass to -modfile when every patch applied. When a
// module's file no longer looks as a patch expects (a new release), it says
// which and why on stderr and prints nothing: the wasm is then built from
// the modules as they are, larger but correct. Any other failure exits 1.
// (Not an exit status for the misfit: go run reports every non-zero status
// as 1.)

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// errNotApplicable means a patch no longer fits its module: build unpatched.
var errNotApplicable = errors.New("the modules are not as the patches expect")

// modPatch is the patches of one module, made in a copy under out/dir.
type modPatch struct {
	module string
	dir    string // the copy's folder under -out
	files  []filePatch
}

// filePatch is one file's change. With names set, the file must declare
// exactly those top-level funcs and types (a release that adds one would
// lose it silently otherwise) and is replaced by content. With edits set,
// each old string must occur exactly once in the file, and is replaced.
type filePatch struct {
	file    string // slash path inside the module
	names   []string
	content string
	edits   []edit
	reason  string // why the wasm is better off, and what breaks without the check
}

type edit struct{ old, new string }

const stubNote = "as cleanread's wasm build compiles it: see build/modpatch.go."

var modPatches = []modPatch{
	{
		module: "codeberg.org/readeck/go-readability/v2",
		dir:    "readability",
		files: []filePatch{
			{
				file:    "readability.go",
				names:   []string{"CheckDocument", "FromDocument", "FromReader", "FromURL", "RequestWith"},
				content: "// Package readability, " + stubNote + "\npackage readability\n",
				reason: "readability.go holds only FromURL and three thin wrappers (FromReader, FromDocument, " +
					"CheckDocument) that cleanread never calls; its net/http import alone drags crypto/tls, " +
					"x509 and math/big into the wasm through package initialisers. Without the file the wasm keeps net/http",
			},
			{
				file:  "parser-parse.go",
				edits: []edit{{"dom.Parse(", "dom.FastParse("}},
				reason: "Parser.Parse (which cleanread never calls: it hands readability a parsed tree) is the " +
					"one caller of dom.Parse, which the dom copy drops; it reads UTF-8 through FastParse instead",
			},
		},
	},
	{
		module: "github.com/go-shiori/dom",
		dir:    "dom",
		files: []filePatch{{
			file:  "parser.go",
			names: []string{"FastParse", "Parse", "normalizeTextEncoding"},
			content: "// Package dom, " + stubNote + `
package dom

import (
	"io"

	"golang.org/x/net/html"
)

// FastParse parses UTF-8 HTML from r.
func FastParse(r io.Reader) (*html.Node, error) { return html.Parse(r) }
`,
			reason: "parser.go's Parse sniffs the charset of bytes (chardet, x/net/html/charset and with them " +
				"every legacy encoding table and x/text/language). Browsers hand the wasm decoded text, so the " +
				"tables are dead weight there: download, compile and package init. The copy keeps FastParse only",
		}},
	},
	{
		module: "github.com/gorilla/css",
		dir:    "css",
		files: []filePatch{{
			file: "scanner/scanner.go",
			edits: []edit{
				{"\nimport (\n", "\nimport (\n\t\"sync\"\n"},
				{"\nfunc init() {\n", "\nvar compileOnce sync.Once\n\nfunc compileMatchers() {\n"},
				{"\nfunc New(input string) *Scanner {\n", "\nfunc New(input string) *Scanner {\n\tcompileOnce.Do(compileMatchers)\n"},
			},
			reason: "the scanner compiles its token regexps in an init function, the largest package init of " +
				"the wasm after cleanread's own, yet it only tokenizes style attributes, which the reading " +
				"policy never allows; the copy compiles them on the first New instead (a sync.Once)",
		}},
	},
}

// runModpatch is the modpatch subcommand.
func runModpatch(args []string, stdout, log io.Writer) error {
	fs := flag.NewFlagSet("modpatch", flag.ContinueOnError)
	fs.SetOutput(log)
	root := fs.String("root", "..", "the repository's root folder (the cleanread module)")
	out := fs.String("out", "", "the folder to write the patched copies and the go.mod into (emptied first); required")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("reading the arguments: %w", err)
	}
	if *out == "" {
		return errors.New("modpatch: -out is required")
	}
	rootAbs, err := filepath.Abs(*root)
	if err != nil {
		return err
	}
	outAbs, err := filepath.Abs(*out)
	if err != nil {
		return err
	}
	modfile, err := writeModpatch(rootAbs, outAbs, log)
	if errors.Is(err, errNotApplicable) {
		return nil // said why already; the wasm is built unpatched
	}
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(stdout, modfile)
	return err
}

// writeModpatch makes the patched copies under out and returns the go.mod
// that replaces the modules with them.
func writeModpatch(root, out string, log io.Writer) (string, error) {
	if err := os.RemoveAll(out); err != nil {
		return "", err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", err
	}
	mods := make([]string, len(modPatches))
	for i, m := range modPatches {
		mods[i] = m.module
	}
	dirs, err := moduleDirs(root, mods)
	if err != nil {
		return "", err
	}
	// Check every patch before writing any, so a misfit leaves no half-patched copy in use.
	type change struct{ path, data string }
	var changes []change
	for _, m := range modPatches {
		for _, f := range m.files {
			src, err := os.ReadFile(filepath.Join(dirs[m.module], filepath.FromSlash(f.file)))
			if err != nil {
				return "", err
			}
			data, misfit := f.apply(string(src))
			if misfit != "" {
				fmt.Fprintf(log, "==> note: %s's %s %s, so it is not patched: %s\n", m.module, f.file, misfit, f.reason)
				return "", errNotApplicable
			}
			changes = append(changes, change{filepath.Join(out, m.dir, filepath.FromSlash(f.file)), data})
		}
	}
	var replaces strings.Builder
	for _, m := range modPatches {
		dst := filepath.Join(out, m.dir)
		if err := copyModule(dirs[m.module], dst); err != nil {
			return "", fmt.Errorf("copying %s: %w", m.module, err)
		}
		// Relative to the root module, so the wasm's build info (which
		// records the path) is the same wherever the repository is.
		rel, err := filepath.Rel(root, dst)
		if err != nil || strings.HasPrefix(rel, "..") {
			rel = dst
		} else {
			rel = "./" + filepath.ToSlash(rel)
		}
		fmt.Fprintf(&replaces, "\nreplace %s => %s\n", m.module, rel)
	}
	for _, c := range changes {
		if err := os.WriteFile(c.path, []byte(c.data), 0o644); err != nil {
			return "", err
		}
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", err
	}
	gosum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return "", err
	}
	modfile := filepath.Join(out, "go.mod")
	if err := os.WriteFile(modfile, append(gomod, replaces.String()...), 0o644); err != nil {
		return "", err
	}
	// -modfile x/go.mod reads its sums from x/go.sum.
	if err := os.WriteFile(filepath.Join(out, "go.sum"), gosum, 0o644); err != nil {
		return "", err
	}
	return modfile, nil
}

// apply returns the patched file, or why the patch does not fit src.
func (f filePatch) apply(src string) (string, string) {
	if f.names != nil {
		got, err := declaredNames(f.file, src)
		if err != nil {
			return "", "does not parse (" + err.Error() + ")"
		}
		if !slices.Equal(got, f.names) {
			return "", fmt.Sprintf("declares %q, not %q", got, f.names)
		}
		return f.content, ""
	}
	for _, e := range f.edits {
		if n := strings.Count(src, e.old); n != 1 {
			return "", fmt.Sprintf("holds %q %d times, not once", strings.TrimSpace(e.old), n)
		}
		src = strings.Replace(src, e.old, e.new, 1)
	}
	return src, ""
}

// declaredNames lists, sorted, the top-level funcs (not methods) and types of a Go file.
func declaredNames(name, src string) ([]string, error) {
	file, err := parser.ParseFile(token.NewFileSet(), name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, d := range file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				names = append(names, d.Name.Name)
			}
		case *ast.GenDecl:
			if d.Tok == token.TYPE {
				for _, s := range d.Specs {
					names = append(names, s.(*ast.TypeSpec).Name.Name)
				}
			}
		}
	}
	slices.Sort(names)
	return names, nil
}

// moduleDirs finds each module's folder in the module cache, at the version
// the root module selects, downloading the modules that are not there yet
// (go list -m leaves Dir empty for those).
func moduleDirs(root string, mods []string) (map[string]string, error) {
	type module struct{ Path, Version, Dir, Error string }
	decode := func(out []byte) ([]module, error) {
		var ms []module
		for d := json.NewDecoder(bytes.NewReader(out)); d.More(); {
			var m module
			if err := d.Decode(&m); err != nil {
				return nil, err
			}
			ms = append(ms, m)
		}
		return ms, nil
	}
	out, err := goCmd(root, append([]string{"list", "-m", "-json"}, mods...)...)
	if err != nil {
		return nil, err
	}
	listed, err := decode(out)
	if err != nil {
		return nil, fmt.Errorf("reading go list -m: %w", err)
	}
	dirs := map[string]string{}
	var missing []string
	for _, m := range listed {
		if m.Dir != "" {
			dirs[m.Path] = m.Dir
		} else {
			missing = append(missing, m.Path)
		}
	}
	if len(missing) > 0 {
		out, err := goCmd(root, append([]string{"mod", "download", "-json"}, missing...)...)
		if err != nil {
			return nil, err
		}
		got, err := decode(out)
		if err != nil {
			return nil, fmt.Errorf("reading go mod download: %w", err)
		}
		for _, m := range got {
			if m.Error != "" {
				return nil, fmt.Errorf("downloading %s: %s", m.Path, m.Error)
			}
			dirs[m.Path] = m.Dir
		}
	}
	for _, m := range mods {
		if dirs[m] == "" {
			return nil, fmt.Errorf("%s: no module folder (is it still a dependency in go.mod?)", m)
		}
	}
	return dirs, nil
}

func goCmd(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s (in %s): %w: %s", strings.Join(args, " "), dir, err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// copyModule copies what `go build` reads of a module download — go.mod,
// the license and the non-test Go files, outside testdata and the folders
// the go command ignores — writable, from src to dst. Test data can be large
// (readability's test pages) and no build needs it. A file with //go:embed
// would need more than Go files, so it is refused rather than copied half.
func copyModule(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if rel != "." && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		keep := name == "go.mod" || strings.HasPrefix(name, "LICENSE") ||
			strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")
		if !keep || !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.HasSuffix(name, ".go") && bytes.Contains(data, []byte("//go:embed")) {
			return fmt.Errorf("%s embeds files, which the copy leaves out", rel)
		}
		target := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
