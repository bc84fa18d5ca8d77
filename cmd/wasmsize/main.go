// Command wasmsize breaks a Go-built WebAssembly binary's code size down by
// Go package, from the function bodies of the code section and the names in
// the "name" custom section (build without -s for names):
//
//	GOOS=js GOARCH=wasm go build -trimpath -o /tmp/cr.wasm ./wasm
//	go run ./cmd/wasmsize /tmp/cr.wasm
//
// `go tool nm` does not read wasm files, hence this small reader.
package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize file.wasm")
		os.Exit(2)
	}
	b, err := os.ReadFile(os.Args[1])
	if err == nil {
		err = report(b)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}

type reader struct{ b []byte }

func (r *reader) uleb() uint64 {
	var v uint64
	var shift uint
	for len(r.b) > 0 {
		c := r.b[0]
		r.b = r.b[1:]
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			break
		}
		shift += 7
	}
	return v
}

func (r *reader) bytes(n uint64) []byte {
	n = min(n, uint64(len(r.b)))
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func report(b []byte) error {
	if !bytes.HasPrefix(b, []byte("\x00asm")) {
		return errors.New("not a wasm file")
	}
	r := &reader{b[8:]}
	var bodies []int
	var imported uint64
	names := map[uint64]string{}
	sections := map[string]int{}
	for len(r.b) > 0 {
		id := r.bytes(1)[0]
		size := r.uleb()
		payload := &reader{r.bytes(size)}
		switch id {
		case 2: // imports: count the functions, which come first in the index space
			n := payload.uleb()
			for range n {
				payload.bytes(payload.uleb())
				payload.bytes(payload.uleb())
				kind := payload.bytes(1)[0]
				switch kind {
				case 0:
					payload.uleb()
					imported++
				case 1:
					payload.bytes(1)
					limits(payload)
				case 2:
					limits(payload)
				case 3:
					payload.bytes(2)
				}
			}
			sections["import"] += int(size)
		case 10:
			n := payload.uleb()
			for range n {
				sz := payload.uleb()
				payload.bytes(sz)
				bodies = append(bodies, int(sz))
			}
			sections["code"] += int(size)
		case 11:
			sections["data"] += int(size)
		case 0:
			name := string(payload.bytes(payload.uleb()))
			sections["custom "+name] += int(size)
			if name == "name" {
				for len(payload.b) > 0 {
					sub := payload.bytes(1)[0]
					sub2 := &reader{payload.bytes(payload.uleb())}
					if sub != 1 {
						continue
					}
					n := sub2.uleb()
					for range n {
						idx := sub2.uleb()
						names[idx] = string(sub2.bytes(sub2.uleb()))
					}
				}
			}
		default:
			sections[fmt.Sprintf("section %d", id)] += int(size)
		}
	}
	total := len(b)
	fmt.Printf("file %d bytes\n", total)
	for _, k := range slices.Sorted(mapsKeys(sections)) {
		fmt.Printf("  %-22s %9d  %5.1f%%\n", k, sections[k], 100*float64(sections[k])/float64(total))
	}
	if len(names) == 0 {
		fmt.Println("no function names: build without -s (and -w) for a breakdown by package")
		return nil
	}
	byPkg := map[string]int{}
	code := 0
	for i, sz := range bodies {
		byPkg[pkgOf(names[imported+uint64(i)])] += sz
		code += sz
	}
	type row struct {
		pkg  string
		size int
	}
	var rows []row
	for p, s := range byPkg {
		rows = append(rows, row{p, s})
	}
	slices.SortFunc(rows, func(a, b row) int { return cmp.Compare(b.size, a.size) })
	groups := map[string]int{}
	for _, r := range rows {
		groups[group(r.pkg)] += r.size
	}
	fmt.Printf("code by package group (function bodies, %d bytes):\n", code)
	var gs []row
	for g, s := range groups {
		gs = append(gs, row{g, s})
	}
	slices.SortFunc(gs, func(a, b row) int { return cmp.Compare(b.size, a.size) })
	for _, g := range gs {
		fmt.Printf("  %-40s %9d  %5.1f%%\n", g.pkg, g.size, 100*float64(g.size)/float64(code))
	}
	fmt.Println("top packages:")
	for _, r := range rows[:min(40, len(rows))] {
		fmt.Printf("  %-60s %9d  %5.1f%%\n", r.pkg, r.size, 100*float64(r.size)/float64(code))
	}
	return nil
}

func limits(r *reader) {
	flags := r.bytes(1)[0]
	r.uleb()
	if flags&1 != 0 {
		r.uleb()
	}
}

func mapsKeys(m map[string]int) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// pkgOf returns the package of a symbol name as Go's wasm linker writes it
// in the name section, with "/" in the import path turned into "_": for
// example "github.com_microcosm-cc_bluemonday.(*Policy).sanitize" or
// "net_http.init.0". Dots inside a leading domain are kept.
func pkgOf(sym string) string {
	if sym == "" {
		return "(unnamed)"
	}
	rest, start := sym, 0
	for _, d := range []string{"github.com_", "golang.org_", "codeberg.org_", "go.yaml.in_", "gopkg.in_", "vendor_golang.org_"} {
		if strings.HasPrefix(sym, d) {
			start = len(d)
			rest = sym[start:]
			break
		}
	}
	if dot := strings.Index(rest, "."); dot >= 0 {
		return strings.ReplaceAll(sym[:start+dot], "_", "/")
	}
	return sym
}

// group folds packages into the families that matter for the size question.
// (Package paths here have "/" for "_", so a package whose name holds "_"
// is split wrongly; none of the big ones does.)
func group(pkg string) string {
	has := func(prefixes ...string) bool {
		for _, p := range prefixes {
			if pkg == p || strings.HasPrefix(pkg, p+"/") {
				return true
			}
		}
		return false
	}
	switch {
	case has("crypto", "vendor/golang.org/x/crypto"):
		return "crypto/*"
	case has("math/big"):
		return "math/big"
	case has("net/http", "vendor/golang.org/x/net/http", "vendor/golang.org/x/net/http2"):
		return "net/http*"
	case has("net", "vendor/golang.org/x/net", "vendor/golang.org/x/text"):
		return "net, net/* (other than http)"
	case has("runtime", "internal/runtime"):
		return "runtime"
	case has("cleanread", "main"):
		return "cleanread"
	case has("golang.org/x/text"):
		return "golang.org/x/text"
	case has("golang.org/x/net"):
		return "golang.org/x/net/html"
	case has("codeberg.org/readeck/go-readability"):
		return "go-readability"
	case has("github.com/microcosm-cc/bluemonday", "github.com/aymerick/douceur", "github.com/gorilla/css"):
		return "bluemonday (+ css parsers)"
	case strings.Contains(pkg, "."):
		parts := strings.SplitN(pkg, "/", 4)
		return strings.Join(parts[:min(3, len(parts))], "/")
	case has("encoding/json"):
		return "encoding/json"
	case has("regexp"):
		return "regexp"
	case has("log/slog"):
		return "log/slog"
	case has("reflect", "internal/reflectlite", "internal/abi", "type:"):
		return "reflect"
	}
	return "std (other)"
}
