package reader_test

import (
	"bytes"
	"os"
	"testing"

	"cleanread/internal/corpus"
	"cleanread/reader"
)

// mozillaBenchPages reads every Mozilla test page into memory and returns
// their total size. When the corpus cannot be
// located the benchmark is skipped, except under CI=true, where it fails.
func mozillaBenchPages(b *testing.B) ([][]byte, int64) {
	b.Helper()
	pages, err := corpus.MozillaPages()
	if err != nil {
		if os.Getenv("CI") == "true" {
			b.Fatalf("locating the Mozilla test pages: %v", err)
		}
		b.Skipf("Mozilla test pages not available: %v", err)
	}
	out := make([][]byte, 0, len(pages))
	var total int64
	for _, p := range pages {
		src, err := p.Source()
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, src)
		total += int64(len(src))
	}
	return out, total
}

// BenchmarkClean cleans every Mozilla test page from bytes (with charset
// sniffing) per iteration, on one shared Cleaner.
func BenchmarkClean(b *testing.B) {
	pages, total := mozillaBenchPages(b)
	c := reader.New()
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			_, _ = c.Clean(bytes.NewReader(p), corpus.MozillaURL)
		}
	}
}

// BenchmarkCleanString cleans every Mozilla test page from already decoded
// text per iteration, on one shared Cleaner.
func BenchmarkCleanString(b *testing.B) {
	pages, total := mozillaBenchPages(b)
	texts := make([]string, len(pages))
	for i, p := range pages {
		texts[i] = string(p)
	}
	c := reader.New()
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			_, _ = c.CleanString(s, corpus.MozillaURL)
		}
	}
}
