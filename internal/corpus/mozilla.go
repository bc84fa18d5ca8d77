package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// ReadabilityModule is the module whose test-pages folder is corpus A. Its
// version is the one our go.mod requires.
const ReadabilityModule = "codeberg.org/readeck/go-readability/v2"

// MozillaURL is the page URL the Mozilla test pages were captured under; the
// expected outputs resolve relative links against it.
const MozillaURL = "http://fakehost/test/page.html"

// MozillaPage is one folder of the Mozilla Readability test pages.
type MozillaPage struct {
	// Name is the folder name, such as "ars-1".
	Name string
	// SourcePath is the page as captured (source.html).
	SourcePath string
	// ExpectedPath is Readability.js's expected article HTML (expected.html).
	ExpectedPath string
	// MetadataPath is the expected metadata (expected-metadata.json).
	MetadataPath string
}

// Source reads the page's source.html.
func (p MozillaPage) Source() ([]byte, error) {
	b, err := os.ReadFile(p.SourcePath)
	if err != nil {
		return nil, fmt.Errorf("corpus: page %s: %w", p.Name, err)
	}
	return b, nil
}

// Expected reads the page's expected.html.
func (p MozillaPage) Expected() ([]byte, error) {
	b, err := os.ReadFile(p.ExpectedPath)
	if err != nil {
		return nil, fmt.Errorf("corpus: page %s: %w", p.Name, err)
	}
	return b, nil
}

var readabilityDir = sync.OnceValues(func() (string, error) {
	return requiredModuleDir(ReadabilityModule)
})

// MozillaDir returns the test-pages folder of the go-readability module
// download.
func MozillaDir() (string, error) {
	dir, err := readabilityDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "test-pages"), nil
}

// MozillaPages lists the Mozilla test pages, sorted by name. Only folders that
// hold both source.html and expected.html are listed; files are read lazily.
func MozillaPages() ([]MozillaPage, error) {
	dir, err := MozillaDir()
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("corpus: listing Mozilla test pages: %w", err)
	}
	var pages []MozillaPage
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		d := filepath.Join(dir, e.Name())
		p := MozillaPage{
			Name:         e.Name(),
			SourcePath:   filepath.Join(d, "source.html"),
			ExpectedPath: filepath.Join(d, "expected.html"),
			MetadataPath: filepath.Join(d, "expected-metadata.json"),
		}
		if !isFile(p.SourcePath) || !isFile(p.ExpectedPath) {
			continue
		}
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("corpus: no test pages in %s", dir)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].Name < pages[j].Name })
	return pages, nil
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}
