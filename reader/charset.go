//go:build !js

package reader

import (
	"fmt"
	"strings"

	"golang.org/x/net/html/charset"
)

// decodeLegacy decodes bytes that are not UTF-8 by the content type, then
// <meta charset>, then content sniffing, as browsers do. Only native
// builds carry it: see charset_js.go.
func decodeLegacy(b []byte, contentType string) (string, error) {
	enc, name, _ := charset.DetermineEncoding(b, contentType)
	if name == "utf-8" {
		return strings.ToValidUTF8(string(b), "\uFFFD"), nil
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", fmt.Errorf("%w: cannot decode %s text: %w", ErrNotHTML, name, err)
	}
	return string(out), nil
}
