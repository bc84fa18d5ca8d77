//go:build !js

package reader_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cleanread/reader"
)

func TestDecodePageHonoursMetaCharset(t *testing.T) {
	got, err := reader.DecodePage([]byte(`<meta charset="iso-8859-1"><p>Caf`+"\xe9"+`</p>`), "")
	require.NoError(t, err)
	assert.Contains(t, got, "Café")
}

func TestDecodePageHonoursContentType(t *testing.T) {
	got, err := reader.DecodePage([]byte("<p>\x8e\xa4</p>"), "text/html; charset=shift_jis")
	require.NoError(t, err)
	assert.Contains(t, got, "<p>")
	assert.NotContains(t, got, "\uFFFD")
}

// A <meta charset> past the first 1024 bytes, still in the head, is
// honoured as browsers honour it; one in the body is not.
func TestDecodePageHonoursLateMetaCharset(t *testing.T) {
	pad := "<!-- " + strings.Repeat("a saved page's long preamble ", 60) + "-->"
	got, err := reader.DecodePage([]byte("<html><head>"+pad+`<meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>`+"\xd2\xbb\xb8\xf6"+`</p>`), "")
	require.NoError(t, err)
	assert.Contains(t, got, "一个")

	got, err = reader.DecodePage([]byte("<html><head>"+pad+`</head><body><meta charset="gb2312"><p>Caf`+"\xe9"+`</p>`), "")
	require.NoError(t, err)
	assert.Contains(t, got, "Café", "a meta in the body says nothing about the page")
}
