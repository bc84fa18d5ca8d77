package corpus

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
)

// Trafilatura module and version whose comparison set is corpus B. It is not a
// dependency of the product; it is downloaded into the module cache only.
const (
	TrafilaturaModule  = "github.com/markusmobius/go-trafilatura"
	TrafilaturaVersion = "v1.12.2"
)

// comparisonFile holds the snippets, relative to the module directory.
const comparisonFile = "scripts/comparison/data.go"

// pageDirs are the folders, relative to the module directory, that hold the
// comparison pages, searched in this order (as go-trafilatura does).
var pageDirs = []string{"test-files/comparison", "test-files/mock"}

// ComparisonPage is one entry of go-trafilatura's comparison set.
type ComparisonPage struct {
	// URL is the page's original URL (the entry's key).
	URL string
	// File is the page's file name as given in the entry.
	File string
	// Path is where the file was found; empty when it is missing.
	Path string
	// With are snippets the extracted text must contain.
	With []string
	// Without are boilerplate snippets the extracted text must not contain.
	Without []string
}

// Source reads the page file.
func (p ComparisonPage) Source() ([]byte, error) {
	if p.Path == "" {
		return nil, fmt.Errorf("corpus: %s: %w", p.File, os.ErrNotExist)
	}
	b, err := os.ReadFile(p.Path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	return b, nil
}

var trafilaturaDir = sync.OnceValues(func() (string, error) {
	return download(TrafilaturaModule, TrafilaturaVersion)
})

// TrafilaturaDir returns the directory of the go-trafilatura module download,
// downloading it into the module cache when needed.
func TrafilaturaDir() (string, error) { return trafilaturaDir() }

// ComparisonPages reads every entry of go-trafilatura's comparison set,
// sorted by URL. Entries whose page file is in neither page folder are
// returned too, with an empty Path; see Missing.
func ComparisonPages() ([]ComparisonPage, error) {
	dir, err := TrafilaturaDir()
	if err != nil {
		return nil, err
	}
	src, err := os.ReadFile(filepath.Join(dir, comparisonFile))
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	pages, err := parseComparisonData(comparisonFile, src)
	if err != nil {
		return nil, err
	}
	for i := range pages {
		for _, d := range pageDirs {
			if p := filepath.Join(dir, d, pages[i].File); isFile(p) {
				pages[i].Path = p
				break
			}
		}
	}
	return pages, nil
}

// Missing returns the pages whose file was not found.
func Missing(pages []ComparisonPage) []ComparisonPage {
	var out []ComparisonPage
	for _, p := range pages {
		if p.Path == "" {
			out = append(out, p)
		}
	}
	return out
}

// parseComparisonData reads the comparisonData map literal out of the Go
// source src: key = page URL; fields File, With and Without.
func parseComparisonData(filename string, src []byte) ([]ComparisonPage, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("corpus: parsing %s: %w", filename, err)
	}
	lit := findMapLiteral(f, "comparisonData")
	if lit == nil {
		return nil, fmt.Errorf("corpus: no comparisonData map literal in %s", filename)
	}
	bad := func(n ast.Node, what string) error {
		return fmt.Errorf("corpus: %s: %s", fset.Position(n.Pos()), what)
	}
	pages := make([]ComparisonPage, 0, len(lit.Elts))
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, bad(elt, "map element without a key")
		}
		url, ok := stringValue(kv.Key)
		if !ok {
			return nil, bad(kv.Key, "map key is not a string literal")
		}
		val, ok := kv.Value.(*ast.CompositeLit)
		if !ok {
			return nil, bad(kv.Value, "map value is not a composite literal")
		}
		p := ComparisonPage{URL: url}
		for _, fe := range val.Elts {
			fkv, ok := fe.(*ast.KeyValueExpr)
			if !ok {
				return nil, bad(fe, "entry field without a name")
			}
			name, ok := fkv.Key.(*ast.Ident)
			if !ok {
				return nil, bad(fkv.Key, "entry field name is not an identifier")
			}
			switch name.Name {
			case "File":
				if p.File, ok = stringValue(fkv.Value); !ok {
					return nil, bad(fkv.Value, "File is not a string literal")
				}
			case "With", "Without":
				ss, ok := stringSlice(fkv.Value)
				if !ok {
					return nil, bad(fkv.Value, name.Name+" is not a []string literal")
				}
				if name.Name == "With" {
					p.With = ss
				} else {
					p.Without = ss
				}
			}
		}
		if p.File == "" {
			return nil, bad(kv, "entry without a File")
		}
		pages = append(pages, p)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].URL < pages[j].URL })
	return pages, nil
}

// findMapLiteral returns the composite literal assigned to the package-level
// variable name, or nil.
func findMapLiteral(f *ast.File, name string) *ast.CompositeLit {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			for i, id := range vs.Names {
				if id.Name != name || i >= len(vs.Values) {
					continue
				}
				if cl, ok := vs.Values[i].(*ast.CompositeLit); ok {
					return cl
				}
			}
		}
	}
	return nil
}

// stringValue evaluates a string literal or a + concatenation of them.
func stringValue(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		x, ok1 := stringValue(e.X)
		y, ok2 := stringValue(e.Y)
		return x + y, ok1 && ok2
	case *ast.ParenExpr:
		return stringValue(e.X)
	}
	return "", false
}

// stringSlice evaluates a []string{...} literal; nil is an empty slice.
func stringSlice(e ast.Expr) ([]string, bool) {
	if id, ok := e.(*ast.Ident); ok && id.Name == "nil" {
		return nil, true
	}
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(cl.Elts))
	for _, el := range cl.Elts {
		s, ok := stringValue(el)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}
