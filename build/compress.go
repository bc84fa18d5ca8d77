package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/andybalholm/brotli"
)

// compressible are the suffixes worth a .gz and a .br next to the file;
// the server sends one of them when the browser accepts it.
var compressible = []string{".wasm", ".js", ".css", ".html", ".svg"}

// quickBrotli is the brotli quality for big files in a dev build when no
// maximal result is cached: a few times bigger than maximal on the wasm,
// but seconds faster.
const (
	quickBrotli = 5
	bigFile     = 1 << 20
)

// compressWeb writes the .gz and .br variants of dist/web. Big files get
// maximal brotli in a release build, and in any build where a release
// build of the same bytes has cached it.
func (c *config) compressWeb() error {
	dir := filepath.Join(c.dist, "web")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("listing %s: %w", dir, err)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !slices.Contains(compressible, filepath.Ext(name)) {
			continue
		}
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("reading %s: %w", path, err)
		}
		gz, err := gzipBytes(data)
		if err != nil {
			return fmt.Errorf("gzip of %s: %w", name, err)
		}
		if err := os.WriteFile(path+".gz", gz, 0o644); err != nil {
			return fmt.Errorf("writing %s.gz: %w", name, err)
		}
		br, note, err := c.brotliFor(data)
		if err != nil {
			return fmt.Errorf("brotli of %s: %w", name, err)
		}
		if err := os.WriteFile(path+".br", br, 0o644); err != nil {
			return fmt.Errorf("writing %s.br: %w", name, err)
		}
		if strings.HasSuffix(name, ".wasm") {
			c.say("%s: %d bytes raw, %d gzip, %d brotli (%s)", name, len(data), len(gz), len(br), note)
		}
	}
	return nil
}

func gzipBytes(data []byte) ([]byte, error) {
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// brotliFor compresses data, big files through a cache kept by content
// under the user's cache folder.
func (c *config) brotliFor(data []byte) ([]byte, string, error) {
	if len(data) < bigFile {
		b, err := brotliBytes(data, brotli.BestCompression)
		return b, "maximal", err
	}
	cached := c.brotliCachePath(data)
	if cached != "" {
		if b, err := os.ReadFile(cached); err == nil {
			return b, "maximal, cached", nil
		}
	}
	if !c.release {
		b, err := brotliBytes(data, quickBrotli)
		return b, fmt.Sprintf("quality %d; a release build (./build.sh release) compresses maximally", quickBrotli), err
	}
	c.say("maximal brotli of a %.1f MB file (a release build; cached by content)", float64(len(data))/1e6)
	b, err := brotliBytes(data, brotli.BestCompression)
	if err != nil {
		return nil, "", err
	}
	if cached != "" {
		if err := os.MkdirAll(filepath.Dir(cached), 0o755); err == nil {
			_ = os.WriteFile(cached, b, 0o644) // a cache: failing to keep it costs time, not correctness
		}
	}
	return b, "maximal", nil
}

// brotliCachePath is where a maximal brotli of data is kept, or "" when
// the user has no cache folder.
func (c *config) brotliCachePath(data []byte) string {
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "cleanread", "brotli", hashBytes(data)+".br")
}

func brotliBytes(data []byte, quality int) ([]byte, error) {
	var b bytes.Buffer
	w := brotli.NewWriterLevel(&b, quality)
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
