package reader_test

import (
	"fmt"
	"runtime"
	"testing"

	"cleanread/internal/bigpage"
	"cleanread/reader"

	"github.com/stretchr/testify/require"
)

// scaleSizes are the generated article sizes the scale benchmark cleans.
var scaleSizes = []struct {
	name string
	size int
}{
	{"0.1MB", 100_000},
	{"1MB", 1_000_000},
	{"5MB", 5_000_000},
	{"10MB", 10_000_000},
}

// BenchmarkBigPage cleans generated news articles of growing size and
// reports time and allocation per megabyte of page, so a clean that grows
// faster than its page shows as a rising ms/MB.
func BenchmarkBigPage(b *testing.B) {
	c := reader.New()
	for _, s := range scaleSizes {
		page := bigpage.Page(s.size)
		b.Run(s.name, func(b *testing.B) {
			benchClean(b, c, page)
		})
	}
}

// BenchmarkDensePage cleans a page of many small elements, the case where
// per-element work dominates.
func BenchmarkDensePage(b *testing.B) {
	c := reader.New()
	for _, n := range []int{29_000, 290_000} {
		page := bigpage.Dense(n)
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			benchClean(b, c, page)
		})
	}
}

// benchClean cleans page per iteration and reports ms/MB and allocMB/MB.
func benchClean(b *testing.B, c *reader.Cleaner, page string) {
	_, err := c.CleanString(page, "https://ledger.example/news/wall")
	require.NoError(b, err)
	mb := float64(len(page)) / 1e6
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		if _, err := c.CleanString(page, "https://ledger.example/news/wall"); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	n := float64(b.N)
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/n/mb, "ms/MB")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/1e6/n/mb, "allocMB/MB")
}
