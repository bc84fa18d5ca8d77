//go:build !js

package reader

import (
	"bytes"
	"fmt"
	"mime"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// decodeLegacy decodes bytes that are not UTF-8 by the content type, then
// <meta charset>, then content sniffing, as browsers do. Only native
// builds carry it: see charset_js.go.
func decodeLegacy(b []byte, contentType string) (string, error) {
	enc, name, certain := charset.DetermineEncoding(b, contentType)
	if !certain {
		// The standard prescan reads the first 1024 bytes only; browsers
		// still honour a <meta charset> later in the head, re-reading the
		// page when they meet it.
		if e, n := headCharset(b); e != nil {
			enc, name = e, n
		}
	}
	if name == "utf-8" {
		return strings.ToValidUTF8(string(b), "\uFFFD"), nil
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", fmt.Errorf("%w: cannot decode %s text: %w", ErrNotHTML, name, err)
	}
	return string(out), nil
}

// headScanMax bounds how far headCharset reads for the head's end.
const headScanMax = 64 << 10

// headCharset returns the encoding the first <meta> of the head declares
// (charset, or http-equiv Content-Type), read up to the head's end or
// headScanMax bytes, or nil when none names one.
func headCharset(b []byte) (enc encoding.Encoding, name string) {
	z := html.NewTokenizer(bytes.NewReader(b[:min(len(b), headScanMax)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.EndTagToken:
			if tag, _ := z.TagName(); string(tag) == "head" {
				return nil, ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, hasAttr := z.TagName()
			switch string(tag) {
			case "body":
				return nil, ""
			case "meta":
				if label := metaCharset(z, hasAttr); label != "" {
					if e, n := charset.Lookup(label); e != nil {
						return e, n
					}
				}
			}
		}
	}
}

// metaCharset reads the charset a meta tag declares, or "".
func metaCharset(z *html.Tokenizer, hasAttr bool) string {
	var cs, equiv, content string
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch strings.ToLower(string(k)) {
		case "charset":
			cs = string(v)
		case "http-equiv":
			equiv = strings.ToLower(string(v))
		case "content":
			content = string(v)
		}
	}
	if cs != "" {
		return strings.TrimSpace(cs)
	}
	if equiv == "content-type" {
		if _, params, err := mime.ParseMediaType(content); err == nil {
			return params["charset"]
		}
	}
	return ""
}
