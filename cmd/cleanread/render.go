package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"time"

	"cleanread/reader"
)

//go:embed page.html.tmpl
var pageTemplateText string

// pageTemplate renders the standalone reading page. Metadata goes in as text
// (escaped by html/template); only the content, already sanitized by the
// reader, goes in as template.HTML.
var pageTemplate = template.Must(template.New("page").Parse(pageTemplateText))

// pageData is what page.html.tmpl renders.
type pageData struct {
	Lang, Dir           string
	Title, Byline, Site string
	DateISO, Date       string
	Minutes             int
	URL, Host           string
	BlockRemoteImages   bool
	Content             template.HTML
}

// render formats a as o.format asks.
func render(a *reader.Article, o cleanOptions) ([]byte, error) {
	var buf bytes.Buffer
	switch o.format {
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(a); err != nil {
			return nil, fmt.Errorf("encoding the article as JSON: %w", err)
		}
	case "text":
		buf.WriteString(strings.TrimRight(a.TextContent, " \t\r\n"))
		buf.WriteByte('\n')
	default:
		if err := pageTemplate.Execute(&buf, newPageData(a, o.blockRemoteImages)); err != nil {
			return nil, fmt.Errorf("rendering the reading page: %w", err)
		}
	}
	return buf.Bytes(), nil
}

// newPageData prepares a's metadata for the reading page.
func newPageData(a *reader.Article, blockRemoteImages bool) pageData {
	d := pageData{
		Lang:              a.Lang,
		Dir:               "ltr",
		Title:             strings.TrimSpace(a.Title),
		Byline:            strings.TrimSpace(a.Byline),
		Site:              strings.TrimSpace(a.SiteName),
		Minutes:           a.ReadingMinutes,
		BlockRemoteImages: blockRemoteImages,
		Content:           template.HTML(a.Content), // sanitized by the reader's policy
	}
	if a.Dir == "rtl" {
		d.Dir = "rtl"
	}
	if t := strings.TrimSpace(a.PublishedTime); t != "" {
		d.DateISO, d.Date = t, t
		if pt, err := time.Parse(time.RFC3339, t); err == nil {
			d.Date = pt.Format("2 January 2006")
		}
	}
	if u, err := url.Parse(a.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		d.URL, d.Host = u.String(), u.Hostname()
	}
	return d
}
