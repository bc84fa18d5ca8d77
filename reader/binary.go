package reader

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// binarySignatures are the starts of common non-HTML files that people (or
// servers) hand us by mistake. Each is refused with what it looks like, so
// the user learns what they gave rather than a vague "not HTML".
var binarySignatures = []struct {
	prefix string
	what   string
	why    string
}{
	{"%PDF-", "a PDF document", "a PDF's text lives in compressed streams, not in markup"},
	{"\x89PNG", "a PNG image", "an image has no text to read"},
	{"GIF8", "a GIF image", "an image has no text to read"},
	{"\xff\xd8\xff", "a JPEG image", "an image has no text to read"},
	{"PK\x03\x04", "a ZIP archive", "a saved .zip, .docx or .epub must be unpacked first"},
	{"\x1f\x8b", "gzip-compressed data", "a page saved or served still compressed must be decompressed first"},
	{"RIFF", "a RIFF media file", "audio and video have no text to read"},
	{"\x00asm", "a WebAssembly module", "a program, not a page"},
}

// controlPolicy decides when control bytes mean binary input. Browsers read a
// stray NUL or control byte in a page as text (NUL becomes U+FFFD or is
// dropped by the parser), so a few are no reason to refuse a page; a real
// share of them only happens in files that are not text at all, or in
// UTF-16 without its byte order mark.
var controlPolicy = struct {
	window   int // bytes (or runes) looked at, from the start
	maxShare int // refuse when more than 1 in maxShare of them are control
	why      string
}{
	window:   4096,
	maxShare: 10,
	why:      "text, even with a stray NUL, has almost no control bytes; binary files and BOM-less UTF-16 are full of them",
}

// isControl reports whether r is a C0 control or DEL other than the white
// space HTML allows (tab, line feed, form feed, carriage return).
func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\f' && r != '\r') || r == 0x7f
}

// signatureIn returns what the start of s looks like when s begins with a
// binary signature, or "". s may be raw bytes, or bytes already decoded as
// UTF-8 (a non-ASCII byte became U+FFFD) or windows-1252, as browsers and
// the demo's file reader do; so a non-ASCII byte of a signature matches
// its windows-1252 (or Latin-1) character, and U+FFFD stands for one or
// more of them.
func signatureIn(s string) string {
	for _, sig := range binarySignatures {
		if matchesSignature(s, sig.prefix) {
			return sig.what
		}
	}
	return ""
}

func matchesSignature(s, prefix string) bool {
	if strings.HasPrefix(s, prefix) {
		return true
	}
	// U+FFFD alone proves nothing (a text may start with one): at least
	// one character must match exactly.
	exact := false
	for i := 0; i < len(prefix); i++ {
		c := prefix[i]
		r, n := utf8.DecodeRuneInString(s)
		if n == 0 {
			return false
		}
		s = s[n:]
		if c < utf8.RuneSelf {
			if r != rune(c) || n != 1 {
				return false
			}
			exact = true
			continue
		}
		if r == utf8.RuneError {
			// Decoders may turn a run of invalid bytes into one U+FFFD.
			for i+1 < len(prefix) && prefix[i+1] >= utf8.RuneSelf {
				i++
			}
			continue
		}
		if r != rune(c) && r != charmap.Windows1252.DecodeByte(c) {
			return false
		}
		exact = true
	}
	return exact
}

// tooManyControls reports whether the start of s has more control
// characters than controlPolicy allows.
func tooManyControls(s string) bool {
	seen, controls := 0, 0
	for _, r := range s {
		if seen == controlPolicy.window {
			break
		}
		seen++
		if isControl(r) {
			controls++
		}
	}
	return controls*controlPolicy.maxShare > seen
}

// checkBinary refuses s (raw bytes or decoded text) when it is really
// binary: a known file signature, or a share of control characters.
func checkBinary(s string) error {
	if what := signatureIn(s); what != "" {
		return fmt.Errorf("%w: it looks like %s", ErrNotHTML, what)
	}
	if tooManyControls(s) {
		return fmt.Errorf("%w: it holds binary data", ErrNotHTML)
	}
	return nil
}
