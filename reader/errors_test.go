package reader_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBadInputGetsItsError(t *testing.T) {
	story := mustRead(t, filepath.Join("testdata", "pages", "en-harbour", "source.html"))
	cases := []struct {
		name  string
		input []byte
		url   string
		opts  []reader.Option
		want  error
		code  string
	}{
		{"empty", nil, "", nil, reader.ErrEmpty, "empty"},
		{"only white space", []byte(" \n\t \r\n "), "", nil, reader.ErrEmpty, "empty"},
		{"png image", append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0, 1, 2}, 50)...), "", nil, reader.ErrNotHTML, "not_html"},
		{"pdf document", []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj"), "", nil, reader.ErrNotHTML, "not_html"},
		{"json", []byte(`{"title": "<b>not a page</b>", "items": [1, 2]}`), "", nil, reader.ErrNotHTML, "not_html"},
		{"plain text", []byte("Just a note to self.\nBuy milk, call the plumber."), "", nil, reader.ErrNotHTML, "not_html"},
		{"binary with nul bytes", []byte("<html>\x00\x00\x00\x01\x02"), "", nil, reader.ErrNotHTML, "not_html"},
		{"too many bytes", story, "", []reader.Option{reader.WithMaxBytes(1000)}, reader.ErrTooLarge, "too_large"},
		{"too many elements", story, "", []reader.Option{reader.WithMaxElements(50)}, reader.ErrTooLarge, "too_large"},
		{"nested too deep", []byte(strings.Repeat("<div>", 5000) + "text"), "", nil, reader.ErrTooLarge, "too_large"},
		{"not an article", []byte(`<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><form><input name="q"><button>Search</button></form></body></html>`), "", nil, reader.ErrNotArticle, "not_article"},
		{"frameset", []byte(`<html><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>`), "", nil, reader.ErrNotArticle, "not_article"},
		{"relative page url", story, "/news/story", nil, reader.ErrBadURL, "bad_url"},
		{"javascript page url", story, "javascript:alert(1)", nil, reader.ErrBadURL, "bad_url"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := reader.New(tc.opts...).Clean(bytes.NewReader(tc.input), tc.url)
			require.Error(t, err)
			assert.Nil(t, a)
			assert.True(t, errors.Is(err, tc.want), "got %v, want %v", err, tc.want)
			assert.Equal(t, tc.code, reader.Code(err))
		})
	}
}

func TestCodeOfOtherErrors(t *testing.T) {
	assert.Equal(t, "", reader.Code(nil))
	assert.Equal(t, "internal", reader.Code(errors.New("boom")))
	assert.Equal(t, "not_article", reader.Code(errors.Join(errors.New("x"), reader.ErrNotArticle)))
}

func TestUnusualButValidInput(t *testing.T) {
	story := string(mustRead(t, filepath.Join("testdata", "pages", "en-harbour", "source.html")))
	utf16 := []byte{0xff, 0xfe}
	for _, r := range story {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	latin1 := []byte(strings.Replace(strings.ReplaceAll(story, "£", ""), `<meta charset="utf-8">`, `<meta charset="iso-8859-1">`, 1))
	latin1 = append(latin1, []byte("<p>Caf\xe9</p>")...)
	cases := []struct {
		name  string
		input []byte
		want  string
	}{
		{"utf-16 with BOM", utf16, "Residents of Port Allen voted"},
		{"latin-1 declared in meta", latin1, "Residents of Port Allen voted"},
		{"invalid utf-8", append([]byte(story[:len(story)/2]), 0xff, 0xfe, 'x'), "Residents of Port Allen voted"},
		{"xhtml", []byte(`<?xml version="1.0" encoding="UTF-8"?>` + strings.Replace(story, "<html lang=\"en\">", `<html xmlns="http://www.w3.org/1999/xhtml" lang="en">`, 1)), "Residents of Port Allen voted"},
		{"no body tag", []byte(strings.NewReplacer("<body class=\"article-page\">", "", "</body>", "").Replace(story)), "Residents of Port Allen voted"},
		{"void element with children", []byte(strings.Replace(story, "<h2>How", "<keygen><p>inside</p></keygen><h2>How", 1)), "Residents of Port Allen voted"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := reader.Clean(bytes.NewReader(tc.input), "https://ledger.example/a")
			require.NoError(t, err)
			assert.Contains(t, a.TextContent, tc.want)
			assert.NotContains(t, a.Content, "<script")
		})
	}
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}
