package reader_test

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"image"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
)

// A stray NUL is read the way browsers read it: the parser drops it from
// text and turns it into U+FFFD in attribute values; the page still cleans.
func TestStrayNULsAreReadAsBrowsersDo(t *testing.T) {
	story := string(mustRead(t, filepath.Join("testdata", "pages", "en-harbour", "source.html")))
	withNULs := strings.Replace(story, "Residents of Port Allen voted", "Residents of Port\x00 Allen voted", 1)
	withNULs = strings.Replace(withNULs, "<h2>", "<h2 title=\"a\x00b\">", 1)
	withNULs = "\x00" + withNULs
	require.NotEqual(t, story, withNULs)

	for name, clean := range map[string]func() (*reader.Article, error){
		"bytes": func() (*reader.Article, error) {
			return reader.Clean(strings.NewReader(withNULs), "https://ledger.example/a")
		},
		"string": func() (*reader.Article, error) { return reader.New().CleanString(withNULs, "https://ledger.example/a") },
	} {
		t.Run(name, func(t *testing.T) {
			a, err := clean()
			require.NoError(t, err)
			assert.Contains(t, a.TextContent, "Residents of Port Allen voted")
			assert.NotContains(t, a.Content, "\x00")
			assert.NotContains(t, a.TextContent, "\x00")
		})
	}
}

// Real binary files are refused with what they look like, both as bytes
// (the CLI) and as text decoded the way the demo reads a file (UTF-8, else
// windows-1252) or a browser with U+FFFD, so every shell says the same.
func TestBinaryFilesAreNamed(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, err := zw.Write([]byte("<html><body><p>compressed page</p></body></html>"))
	require.NoError(t, err)
	require.NoError(t, zw.Close())

	var zipped bytes.Buffer
	za := zip.NewWriter(&zipped)
	f, err := za.Create("index.html")
	require.NoError(t, err)
	_, err = f.Write([]byte("<html><body>zipped</body></html>"))
	require.NoError(t, err)
	require.NoError(t, za.Close())

	var img, photo bytes.Buffer
	require.NoError(t, png.Encode(&img, image.NewGray(image.Rect(0, 0, 8, 8))))
	require.NoError(t, jpeg.Encode(&photo, image.NewGray(image.Rect(0, 0, 8, 8)), nil))

	cases := []struct {
		name      string
		input     []byte
		want      string
		lossyWant string // as text with U+FFFD for each bad byte run
	}{
		{"gzip", gz.Bytes(), "it looks like gzip-compressed data", ""},
		{"zip", zipped.Bytes(), "it looks like a ZIP archive", ""},
		{"png", img.Bytes(), "it looks like a PNG image", ""},
		{"pdf", []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n<p>not markup</p>"), "it looks like a PDF document", ""},
		// Its signature has no ASCII byte, so U+FFFD alone does not name it;
		// its control bytes still give it away.
		{"jpeg", photo.Bytes(), "it looks like a JPEG image", "it holds binary data"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			windows1252, err := charmap.Windows1252.NewDecoder().Bytes(tc.input)
			require.NoError(t, err)
			forms := map[string]func() (*reader.Article, error){
				"bytes":        func() (*reader.Article, error) { return reader.Clean(bytes.NewReader(tc.input), "") },
				"windows-1252": func() (*reader.Article, error) { return reader.New().CleanString(string(windows1252), "") },
				"utf-8 lossy": func() (*reader.Article, error) {
					return reader.New().CleanString(strings.ToValidUTF8(string(tc.input), "\uFFFD"), "")
				},
			}
			for form, clean := range forms {
				want := tc.want
				if form == "utf-8 lossy" && tc.lossyWant != "" {
					want = tc.lossyWant
				}
				a, err := clean()
				assert.Nil(t, a, form)
				assert.ErrorIs(t, err, reader.ErrNotHTML, form)
				assert.ErrorContains(t, err, want, form)
			}
		})
	}
}

// Input full of control bytes is binary even with no known signature; so is
// UTF-16 without its byte order mark (every other byte is NUL).
func TestControlBytesMeanBinary(t *testing.T) {
	noise := make([]byte, 8192)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range noise {
		noise[i] = byte(rng.UintN(256))
	}
	noise = append([]byte("<html>"), noise...)
	var utf16 []byte
	for _, c := range []byte("<html><body><p>Residents of Port Allen voted.</p></body></html>") {
		utf16 = append(utf16, c, 0)
	}
	for name, input := range map[string][]byte{"random bytes": noise, "utf-16 without BOM": utf16} {
		t.Run(name, func(t *testing.T) {
			_, err := reader.Clean(bytes.NewReader(input), "")
			assert.ErrorIs(t, err, reader.ErrNotHTML)
			assert.ErrorContains(t, err, "it holds binary data")
			if utf8.Valid(input) {
				_, err = reader.New().CleanString(string(input), "")
				assert.ErrorContains(t, err, "it holds binary data")
			}
		})
	}
}
