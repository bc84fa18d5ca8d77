package main

import (
	"bytes"
	"errors"
	nurl "net/url"

	"cleanread/reader"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
)

// extraction is what one extractor made of one page.
type extraction struct {
	Text    string
	Removed []reader.Removal
	// Code is empty on success, else reader.Code of the error, "not_article"
	// for a baseline page with no story, or "panic".
	Code string
}

// extractor turns page bytes into text.
type extractor struct {
	Name string
	Run  func(src []byte, pageURL string) extraction
}

// cleanreadExtractor runs c.Clean on the bytes. A page URL the reader
// rejects is retried as "".
func cleanreadExtractor(c *reader.Cleaner) extractor {
	return extractor{Name: "cleanread", Run: func(src []byte, pageURL string) (ex extraction) {
		defer recoverInto(&ex)
		a, err := c.Clean(bytes.NewReader(src), pageURL)
		if errors.Is(err, reader.ErrBadURL) && pageURL != "" {
			a, err = c.Clean(bytes.NewReader(src), "")
		}
		if err != nil {
			return extraction{Code: reader.Code(err)}
		}
		return extraction{Text: a.TextContent, Removed: a.Removed}
	}}
}

// readabilityExtractor is plain readability v2 with a fresh Parser per page,
// its story rendered with render.InnerText.
func readabilityExtractor() extractor {
	return extractor{Name: "readability", Run: func(src []byte, pageURL string) (ex extraction) {
		defer recoverInto(&ex)
		u, err := nurl.ParseRequestURI(pageURL)
		if err != nil {
			u = nil
		}
		p := readability.NewParser()
		a, err := p.Parse(bytes.NewReader(src), u)
		if err != nil {
			return extraction{Code: "error"}
		}
		if a.Node == nil {
			return extraction{Code: "not_article"}
		}
		return extraction{Text: render.InnerText(a.Node)}
	}}
}

func recoverInto(ex *extraction) {
	if r := recover(); r != nil {
		*ex = extraction{Code: "panic"}
	}
}
