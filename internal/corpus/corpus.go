// Package corpus locates the quality corpora that cleanread is measured
// against. Both live in Go module downloads and are read in place at run
// time; nothing is copied into the repository.
//
//   - Corpus A: the Mozilla Readability test pages shipped with
//     codeberg.org/readeck/go-readability/v2 (the version in our go.mod).
//   - Corpus B: the boilerplate comparison pages and snippets of
//     github.com/markusmobius/go-trafilatura (a pinned version that is not a
//     dependency of the product).
//
// Locating a corpus runs the go command, so it must be on PATH.
package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ErrNoGo means the go command, needed to locate the module downloads, was
// not found on PATH.
var ErrNoGo = errors.New("corpus: the go command was not found on PATH")

// goCmd runs the go command in dir and returns its standard output.
func goCmd(dir string, args ...string) ([]byte, error) {
	bin, err := exec.LookPath("go")
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoGo, err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("corpus: go %s (in %s): %w: %s",
			strings.Join(args, " "), dir, err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// moduleInfo is the part of `go list -m -json` and `go mod download -json`
// output that is used here.
type moduleInfo struct {
	Path    string
	Version string
	Dir     string
	Error   string
}

// download fetches module@version into the module cache and returns its
// directory. It runs in os.TempDir() so that no go.mod or go.sum is touched.
func download(module, version string) (string, error) {
	out, err := goCmd(os.TempDir(), "mod", "download", "-json", module+"@"+version)
	if err != nil {
		return "", fmt.Errorf("corpus: downloading %s@%s: %w", module, version, err)
	}
	var m moduleInfo
	if err := json.Unmarshal(out, &m); err != nil {
		return "", fmt.Errorf("corpus: reading go mod download output for %s: %w", module, err)
	}
	if m.Error != "" {
		return "", fmt.Errorf("corpus: downloading %s@%s: %s", module, version, m.Error)
	}
	if m.Dir == "" {
		return "", fmt.Errorf("corpus: go mod download gave no directory for %s@%s", module, version)
	}
	return m.Dir, nil
}

// moduleRoot walks up from the working directory to the nearest go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("corpus: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("corpus: no go.mod above the working directory; run from inside the cleanread module")
		}
		dir = parent
	}
}

// requiredModuleDir returns the directory of module at the version our
// go.mod requires, downloading it first when it is not in the module cache.
func requiredModuleDir(module string) (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	out, err := goCmd(root, "list", "-m", "-json", module)
	if err != nil {
		return "", err
	}
	var m moduleInfo
	if err := json.Unmarshal(out, &m); err != nil {
		return "", fmt.Errorf("corpus: reading go list output for %s: %w", module, err)
	}
	if m.Dir != "" {
		return m.Dir, nil
	}
	if m.Version == "" {
		return "", fmt.Errorf("corpus: %s has no version in %s", module, filepath.Join(root, "go.mod"))
	}
	return download(module, m.Version)
}
