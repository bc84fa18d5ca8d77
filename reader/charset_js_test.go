//go:build js

package reader_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cleanread/reader"
)

// The browser build has no legacy encodings: bytes that are not UTF-8 keep
// their markup and lose only the undecodable characters.
func TestDecodePageInTheBrowserReadsUTF8Only(t *testing.T) {
	got, err := reader.DecodePage([]byte(`<meta charset="iso-8859-1"><p>Caf`+"\xe9"+`</p>`), "")
	require.NoError(t, err)
	assert.Equal(t, `<meta charset="iso-8859-1"><p>Caf`+"\uFFFD"+`</p>`, got)
}
