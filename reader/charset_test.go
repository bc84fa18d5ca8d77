//go:build !js

package reader_test

import (
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
