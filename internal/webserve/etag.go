package webserve

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// etagEntry is the entity tag of one version of a file, computed by the
// first request that needs it while concurrent ones wait for it.
type etagEntry struct {
	once sync.Once
	tag  string
	err  error
}

// etag returns the strong entity tag of the file open as c: the first 24
// hex digits of its SHA-256. It is computed once per version of the file
// (its name, modification time and size: a file served from a folder may
// change while serving), streaming the file, and c is left at its start.
func (h *handler) etag(name string, c *content) (string, error) {
	key := name + "\x00" + strconv.FormatInt(c.info.ModTime().UnixNano(), 10) + "\x00" + strconv.FormatInt(c.info.Size(), 10)
	v, ok := h.etags.Load(key)
	if !ok {
		v, _ = h.etags.LoadOrStore(key, &etagEntry{})
	}
	e := v.(*etagEntry)
	e.once.Do(func() { e.tag, e.err = hashContent(c) })
	if e.err != nil {
		h.etags.CompareAndDelete(key, e) // a later request tries again
	}
	return e.tag, e.err
}

// hashContent returns the entity tag of c's bytes and rewinds c.
func hashContent(c *content) (string, error) {
	sum := sha256.New()
	if _, err := io.Copy(sum, c); err != nil {
		return "", fmt.Errorf("hashing the file: %w", err)
	}
	if _, err := c.Seek(0, io.SeekStart); err != nil {
		return "", fmt.Errorf("rewinding the file: %w", err)
	}
	return `"` + hex.EncodeToString(sum.Sum(nil)[:12]) + `"`, nil
}

// versionLen is the length of a content version in a URL: the first 16 hex
// digits of the file's SHA-256, as build.sh stamps cleanread.wasm's URL.
const versionLen = 16

// cacheControl lets a browser keep a file for a year without asking again
// when the URL names its content (?v= matching the hash of name, the file
// itself, whichever variant is served): a new build changes the URL. Every
// other response must be revalidated, which the ETag makes a 304 when
// nothing changed. served is the file open as c.
func (h *handler) cacheControl(r *http.Request, name, served string, c *content) string {
	const revalidate, immutable = "no-cache", "public, max-age=31536000, immutable"
	v := r.URL.Query().Get("v")
	if len(v) != versionLen {
		return revalidate
	}
	raw := c
	if served != name {
		var err error
		if raw, err = openContent(h.fsys, name); err != nil {
			return revalidate
		}
		defer raw.Close()
	}
	tag, err := h.etag(name, raw)
	if err != nil || strings.TrimPrefix(tag, `"`)[:versionLen] != v {
		return revalidate
	}
	return immutable
}
