package reader_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSharedCleanerConcurrently cleans the fixtures from many goroutines with
// one Cleaner; run under -race it proves the Cleaner keeps no shared state.
func TestSharedCleanerConcurrently(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "pages", "*", "source.html"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	c := reader.New()
	want := map[string]string{}
	pages := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		pages[p] = string(b)
		a, err := c.CleanString(string(b), "https://news.example/x")
		require.NoError(t, err)
		want[p] = a.Content
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				for p, src := range pages {
					a, err := c.CleanString(src, "https://news.example/x")
					if err != nil || a.Content != want[p] {
						errs <- p
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	var bad []string
	for p := range errs {
		bad = append(bad, p)
	}
	assert.Empty(t, bad, "concurrent cleans differ from sequential ones")
}
