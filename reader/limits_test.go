package reader_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hugePage is an io.Reader that produces a well-formed page of size bytes
// without holding it in memory, and counts how many bytes were read.
type hugePage struct {
	size, read int64
	chunk      []byte
}

const hugeHead = "<!doctype html><html><head><title>Huge</title></head><body><article>"

func newHugePage(size int64) *hugePage {
	return &hugePage{size: size, chunk: []byte(fmt.Sprintf(storyPara, 1))}
}

func (h *hugePage) Read(p []byte) (int, error) {
	if h.read >= h.size {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && h.read < h.size {
		var b byte
		if h.read < int64(len(hugeHead)) {
			b = hugeHead[h.read]
		} else {
			b = h.chunk[(h.read-int64(len(hugeHead)))%int64(len(h.chunk))]
		}
		p[n] = b
		n++
		h.read++
	}
	return n, nil
}

// nested returns a page with depth nested divs around a story paragraph.
func nested(depth int) string {
	return "<!doctype html><html><body>" + strings.Repeat("<div>", depth) +
		strings.Repeat(fmt.Sprintf(storyPara, 1), 6) + strings.Repeat("</div>", depth) + "</body></html>"
}

func TestInputBytesLimit(t *testing.T) {
	story := storyWith("", false)
	page := story + "<!--" + strings.Repeat("x", 17<<20-len(story)) + "-->" // 17 MiB
	t.Run("bytes", func(t *testing.T) {
		_, err := reader.New().Clean(strings.NewReader(page), "")
		require.ErrorIs(t, err, reader.ErrTooLarge)
		assert.Equal(t, "too_large", reader.Code(err))
		assert.Contains(t, err.Error(), fmt.Sprint(reader.DefaultMaxBytes))
	})
	t.Run("string", func(t *testing.T) {
		_, err := reader.New().CleanString(page, "")
		require.ErrorIs(t, err, reader.ErrTooLarge)
	})
	t.Run("custom limit", func(t *testing.T) {
		_, err := reader.New(reader.WithMaxBytes(len(story)-1)).CleanString(story, "")
		require.ErrorIs(t, err, reader.ErrTooLarge)
		a, err := reader.New(reader.WithMaxBytes(len(story))).CleanString(story, "")
		require.NoError(t, err, "a page of exactly the limit is accepted")
		assert.Contains(t, a.TextContent, "voted, 6, to send")
	})
}

func TestHugePageIsReadWithALimit(t *testing.T) {
	r := newHugePage(50 << 20)
	a, err := reader.New().Clean(r, "https://news.example/huge")
	require.ErrorIs(t, err, reader.ErrTooLarge)
	assert.Nil(t, a)
	assert.LessOrEqual(t, r.read, int64(reader.DefaultMaxBytes)+1, "reading stops one byte past the limit, not at the end of the page")
}

func TestElementCountLimit(t *testing.T) {
	t.Run("default", func(t *testing.T) {
		page := storyWith(strings.Repeat("<i></i>", reader.DefaultMaxElements), false)
		_, err := reader.New().CleanString(page, "")
		require.ErrorIs(t, err, reader.ErrTooLarge)
		assert.Contains(t, err.Error(), "elements")
	})
	t.Run("custom", func(t *testing.T) {
		page := storyWith(strings.Repeat("<span>word</span> ", 200), false)
		_, err := reader.New(reader.WithMaxElements(200)).CleanString(page, "")
		require.ErrorIs(t, err, reader.ErrTooLarge)
		a, err := reader.New(reader.WithMaxElements(400)).CleanString(page, "")
		require.NoError(t, err)
		assert.Contains(t, a.TextContent, "voted, 6, to send")
	})
}

func TestNestingDepthLimit(t *testing.T) {
	t.Run("100k nested divs", func(t *testing.T) {
		// Refused while only tokenizing, at the 513th open element: no
		// tree is built, so no recursion could exhaust the stack.
		_, err := reader.New().CleanString(nested(100_000), "")
		require.ErrorIs(t, err, reader.ErrTooLarge)
		assert.Equal(t, "too_large", reader.Code(err))
		assert.Contains(t, err.Error(), "nested more than 512 deep")
	})
	t.Run("100k nested divs as bytes", func(t *testing.T) {
		_, err := reader.New().Clean(strings.NewReader(nested(100_000)), "")
		require.ErrorIs(t, err, reader.ErrTooLarge)
	})
	t.Run("custom depth", func(t *testing.T) {
		_, err := reader.New(reader.WithMaxDepth(64)).CleanString(nested(100), "")
		require.ErrorIs(t, err, reader.ErrTooLarge)
		assert.Contains(t, err.Error(), "nested more than 64 deep")
	})
	t.Run("deep but allowed", func(t *testing.T) {
		a, err := reader.New().CleanString(nested(400), "")
		require.NoError(t, err, "a deep page under the limit is cleaned")
		assert.Contains(t, a.TextContent, "voted, 1, to send")
	})
}

// homePage is a news site's front page: navigation, a search form and lists
// of links to stories, but no story of its own.
const homePage = `<!doctype html><html lang="en"><head><title>The Coastal Ledger</title></head><body>
<header><a href="/">The Coastal Ledger</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<form action="/search"><input name="q" placeholder="Search"><button>Search</button></form></header>
<main><ul class="top-stories">
<li><a href="/news/storm-wall">Harbour town votes to rebuild its storm wall</a></li>
<li><a href="/news/ferry">Ferry timetable changes this winter</a></li>
<li><a href="/news/lighting">Council approves new harbour lighting</a></li>
<li><a href="/sport/regatta">Regatta returns after two-year break</a></li>
</ul></main>
<footer><a href="/about">About</a> <a href="/contact">Contact</a></footer>
</body></html>`

// portalPage is a site's entry page made of navigation, a search form and
// footer links: no text of its own. (A home page of teaser links and
// blurbs is refused too: see TestHomePageIsNotAnArticle.)
const portalPage = `<!doctype html><html lang="en"><head><title>The Coastal Ledger</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<main><form action="/search"><input name="q" placeholder="Search the archive"><button>Search</button></form></main>
<footer><a href="/about">About</a> <a href="/contact">Contact</a></footer>
</body></html>`

func TestNotAnArticle(t *testing.T) {
	_, err := reader.New().CleanString(portalPage, "https://ledger.example/")
	require.ErrorIs(t, err, reader.ErrNotArticle)
	assert.Equal(t, "not_article", reader.Code(err))
	assert.Equal(t, "this page doesn't look like an article", err.Error(), "the UI shows this sentence, capitalized")
}

func TestHomePageIsNotAnArticle(t *testing.T) {
	// readability v2 picks the list of story links as an "article"; the
	// reader refuses a story that is mostly links with little prose.
	_, err := reader.New().CleanString(homePage, "https://ledger.example/")
	require.ErrorIs(t, err, reader.ErrNotArticle)
	assert.Equal(t, "this page doesn't look like an article", err.Error())
}

// BenchmarkDeepNesting cleans a page of 100,000 nested divs, which fails with
// ErrTooLarge; it shows what refusing such a page costs.
func BenchmarkDeepNesting(b *testing.B) { benchRefusal(b, nested(100_000)) }

// benchRefusal cleans page, which must fail with ErrTooLarge, per
// iteration, and reports what the refusal costs.
func benchRefusal(b *testing.B, page string) {
	c := reader.New()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.CleanString(page, ""); !errors.Is(err, reader.ErrTooLarge) {
			b.Fatalf("got %v, want ErrTooLarge", err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
}

// BenchmarkHugePage cleans a 50 MB page, which fails with ErrTooLarge: from a
// reader (read up to the limit, then refused) and as a string (refused by
// its length).
func BenchmarkHugePage(b *testing.B) {
	const size = 50 << 20
	c := reader.New()
	b.Run("reader", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.Clean(newHugePage(size), ""); !errors.Is(err, reader.ErrTooLarge) {
				b.Fatalf("got %v, want ErrTooLarge", err)
			}
		}
	})
	b.Run("string", func(b *testing.B) {
		var buf bytes.Buffer
		_, err := io.Copy(&buf, newHugePage(size))
		require.NoError(b, err)
		page := buf.String()
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.CleanString(page, ""); !errors.Is(err, reader.ErrTooLarge) {
				b.Fatalf("got %v, want ErrTooLarge", err)
			}
		}
	})
}

// millionElements is a story with a million empty elements in it.
func millionElements() string {
	return storyWith(strings.Repeat("<i></i>", 1_000_000), false)
}

func TestMillionElementPageIsRefusedWhileTokenizing(t *testing.T) {
	page := millionElements()
	c := reader.New()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := c.CleanString(page, "")
	runtime.ReadMemStats(&after)
	require.ErrorIs(t, err, reader.ErrTooLarge)
	assert.Equal(t, "too_large", reader.Code(err))
	assert.Contains(t, err.Error(), "elements")
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20),
		"refused before a tree of its elements is built")
}

// BenchmarkMillionElements refuses a page of a million elements; it shows
// the time and memory the refusal costs.
func BenchmarkMillionElements(b *testing.B) { benchRefusal(b, millionElements()) }

// BenchmarkStrayEndTags cleans a page of end tags that close nothing, deep
// inside nested blocks: each must cost the tokenizing pass one lookup, not
// a look down the open elements.
func BenchmarkStrayEndTags(b *testing.B) {
	page := storyWith(strings.Repeat("<div><x-card>", 250)+strings.Repeat("</span></x-other>", 200_000)+strings.Repeat("</x-card></div>", 250), false)
	c := reader.New()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		_, _ = c.CleanString(page, "")
	}
}
