package reader

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// checkBytes rejects input that is empty or clearly binary before any decoding.
func checkBytes(b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return ErrEmpty
	}
	if hasUTF16BOM(b) {
		return nil // its NULs are the high bytes of ASCII text
	}
	// A string conversion of the head only: the checks read no further.
	return checkBinary(string(b[:min(len(b), 4*controlPolicy.window)]))
}

func hasUTF16BOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xfe, 0xff}) || bytes.HasPrefix(b, []byte{0xff, 0xfe})
}

// decode turns page bytes into UTF-8 text, honouring a BOM, the content type
// (when known) and <meta charset>, the way browsers do (see decodeLegacy for
// the browser build).
func decode(b []byte, contentType string) (string, error) {
	if hasUTF16BOM(b) {
		out, _, err := transform.Bytes(unicode.BOMOverride(unicode.UTF8.NewDecoder()), b)
		if err != nil {
			return "", fmt.Errorf("%w: undecodable UTF-16: %w", ErrNotHTML, err)
		}
		return string(out), nil
	}
	// Text that is valid UTF-8 is UTF-8, whatever a late or wrong <meta>
	// says: other encodings almost never produce valid UTF-8 by chance.
	if utf8.Valid(b) {
		return string(b), nil
	}
	return decodeLegacy(b, contentType)
}

// DecodePage turns page bytes into UTF-8 text, honouring a BOM, the HTTP
// Content-Type (may be empty) and <meta charset>. Use it before CleanString
// when the bytes came with a Content-Type header.
func DecodePage(b []byte, contentType string) (string, error) {
	if err := checkBytes(b); err != nil {
		return "", err
	}
	return decode(b, contentType)
}

// checkText rejects decoded text that cannot be an HTML page.
func checkText(s string) error {
	t := strings.TrimSpace(strings.TrimPrefix(s, "\uFEFF"))
	if t == "" {
		return ErrEmpty
	}
	// Text decoded elsewhere (a file read in the demo, a string from JS)
	// reaches only this check, so binary data is refused here too. Other
	// NULs are left to the HTML parser, which replaces or drops them as
	// browsers do.
	if err := checkBinary(s); err != nil {
		return err
	}
	switch t[0] {
	case '{', '[':
		return fmt.Errorf("%w: it looks like JSON", ErrNotHTML)
	}
	if !looksLikeMarkup(t) {
		return fmt.Errorf("%w: it is plain text with no HTML tags", ErrNotHTML)
	}
	return nil
}

// looksLikeMarkup reports whether s has at least one HTML tag or doctype near
// its start (or anywhere, for short input).
func looksLikeMarkup(s string) bool {
	head := s[:min(len(s), 64<<10)]
	for i := strings.IndexByte(head, '<'); i >= 0 && i+1 < len(head); {
		ch := head[i+1] | 0x20 // ASCII lower case
		if head[i+1] == '!' || head[i+1] == '/' || (ch >= 'a' && ch <= 'z') {
			return true
		}
		j := strings.IndexByte(head[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// parsePageURL checks the page URL: empty is allowed, anything else must be
// an absolute http(s) URL.
func parsePageURL(s string) (*url.URL, error) {
	if s == "" {
		return nil, nil
	}
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadURL, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: %q", ErrBadURL, s)
	}
	return u, nil
}
