package reader

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// Where an Article's URL came from (Article.URLSource).
const (
	URLGiven     = "given"      // the caller passed it
	URLCanonical = "canonical"  // <link rel=canonical href>
	URLOGURL     = "og:url"     // <meta property=og:url content>
	URLBase      = "base"       // <base href>
	URLJSONLD    = "json-ld"    // JSON-LD mainEntityOfPage or url
	URLSavedFrom = "saved-from" // the "saved from url=(NNNN)…" comment browsers write
)

// urlGuess is one way a page names its own address.
type urlGuess struct {
	source string
	find   func(doc *html.Node) []string
	why    string
}

// urlGuesses are tried in this order of trust; the first candidate that is
// an absolute http(s) URL wins.
var urlGuesses = []urlGuess{
	{URLCanonical, canonicalLinks, "the page's own statement of its address, written for search engines"},
	{URLOGURL, ogURLs, "the address the page gives for sharing; sometimes a section or home page"},
	{URLBase, baseHrefs, "what relative links resolve against, so at least the right site"},
	{URLJSONLD, jsonLDURLs, "structured data: often right, but written by plugins that may name the home page"},
	{URLSavedFrom, savedFromURLs, "where the browser saved the page from; may be a redirect or a mirror"},
}

// guessPageURL finds the address a page names for itself, for pages cleaned
// without one, and says where it was found. It returns nil and "" when the
// page names none that is an absolute http(s) URL.
func guessPageURL(doc *html.Node) (*url.URL, string) {
	for _, g := range urlGuesses {
		for _, raw := range g.find(doc) {
			if u := absoluteWebURL(raw); u != nil {
				return u, g.source
			}
		}
	}
	return nil, ""
}

// maxGuessedURL is the longest address taken from a page; a longer one is
// not an address a page would name for itself.
const maxGuessedURL = 2048

// absoluteWebURL parses raw as an absolute http(s) URL with a host and no
// user name or password (which only serve to make one site look like
// another), or returns nil.
func absoluteWebURL(raw string) *url.URL {
	s := strings.TrimFunc(raw, func(r rune) bool { return r <= ' ' })
	if s == "" || len(s) > maxGuessedURL || strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || u.User != nil || u.Hostname() == "" {
		return nil
	}
	if scheme := strings.ToLower(u.Scheme); scheme != "http" && scheme != "https" {
		return nil
	}
	u.Scheme = strings.ToLower(u.Scheme)
	return u
}

// canonicalLinks are the href values of <link rel=canonical>.
func canonicalLinks(doc *html.Node) []string {
	var out []string
	for _, n := range elementsNamed(doc, "link") {
		if hasWord(getAttr(n, "rel"), "canonical") {
			out = append(out, getAttr(n, "href"))
		}
	}
	return out
}

// ogURLs are the content values of <meta property=og:url> (or name=og:url,
// which pages also write).
func ogURLs(doc *html.Node) []string {
	var out []string
	for _, n := range elementsNamed(doc, "meta") {
		if strings.EqualFold(strings.TrimSpace(getAttr(n, "property")), "og:url") || strings.EqualFold(strings.TrimSpace(getAttr(n, "name")), "og:url") {
			out = append(out, getAttr(n, "content"))
		}
	}
	return out
}

// baseHrefs is the href of the first <base> with one, as browsers use only
// that one.
func baseHrefs(doc *html.Node) []string {
	for _, n := range elementsNamed(doc, "base") {
		if href := getAttr(n, "href"); href != "" {
			return []string{href}
		}
	}
	return nil
}

// maxJSONLD is the largest JSON-LD block read for an address; structured
// data about one story is far smaller.
const maxJSONLD = 256 << 10

// jsonLDURLs are the addresses the page's JSON-LD gives for the story: the
// mainEntityOfPage, then the url, of each item that is an article or a web
// page (an organization's url is its home page, not the story's).
func jsonLDURLs(doc *html.Node) []string {
	var out []string
	for _, n := range elementsNamed(doc, "script") {
		if !strings.EqualFold(strings.TrimSpace(getAttr(n, "type")), "application/ld+json") {
			continue
		}
		src := textOf(n)
		if len(src) > maxJSONLD {
			continue
		}
		var v any
		if json.Unmarshal([]byte(src), &v) != nil {
			continue
		}
		for _, item := range jsonLDItems(v, 0) {
			if !isStoryType(item["@type"]) {
				continue
			}
			out = append(out, jsonLDAddress(item["mainEntityOfPage"])...)
			if s, ok := item["url"].(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// maxJSONLDDepth bounds how deep lists and @graph nesting are followed.
const maxJSONLDDepth = 4

// jsonLDItems lists the objects of a JSON-LD value: the value itself, the
// members of a list and of an @graph.
func jsonLDItems(v any, depth int) []map[string]any {
	if depth > maxJSONLDDepth {
		return nil
	}
	switch t := v.(type) {
	case []any:
		var out []map[string]any
		for _, e := range t {
			out = append(out, jsonLDItems(e, depth+1)...)
		}
		return out
	case map[string]any:
		out := []map[string]any{t}
		if g, ok := t["@graph"]; ok {
			out = append(out, jsonLDItems(g, depth+1)...)
		}
		return out
	}
	return nil
}

// isStoryType reports a JSON-LD @type (a string or a list) that names a
// story or the page holding it: Article and its kinds (NewsArticle,
// BlogPosting, Report …) or WebPage and its kinds.
func isStoryType(t any) bool {
	switch v := t.(type) {
	case string:
		return strings.HasSuffix(v, "Article") || strings.HasSuffix(v, "WebPage") || strings.HasSuffix(v, "Posting") || v == "Report"
	case []any:
		for _, e := range v {
			if isStoryType(e) {
				return true
			}
		}
	}
	return false
}

// jsonLDAddress reads mainEntityOfPage: an address, or an object naming
// one by @id or url.
func jsonLDAddress(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case map[string]any:
		var out []string
		for _, k := range [...]string{"@id", "url"} {
			if s, ok := t[k].(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// rxSavedFrom matches the comment browsers put at the top of a saved page:
// "saved from url=(0042)https://…", the number being the address's length.
var rxSavedFrom = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*saved from url=\((\d{1,4})\)(\S+)`)
})

// maxSavedFromComments is how many comments at the top of a page are read
// for the saved-from line, which browsers write first.
const maxSavedFromComments = 4

// savedFromURLs reads the saved-from comment from the first comments before
// and at the start of <html> and <head>.
func savedFromURLs(doc *html.Node) []string {
	var out []string
	seen := 0
	for _, parent := range []*html.Node{doc, findFirst(doc, "html"), findFirst(doc, "head")} {
		if parent == nil {
			continue
		}
		for n := parent.FirstChild; n != nil && seen < maxSavedFromComments; n = n.NextSibling {
			if n.Type != html.CommentNode {
				continue
			}
			seen++
			if m := rxSavedFrom().FindStringSubmatch(n.Data); m != nil {
				out = append(out, m[2])
			}
		}
	}
	return out
}

// elementsNamed lists the elements with tag name tag, in document order,
// without listing every element on the way.
func elementsNamed(root *html.Node, tag string) []*html.Node {
	var out []*html.Node
	for n := root; n != nil; n = nextNode(root, n, false) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
	}
	return out
}

// hasWord reports whether the space-separated list s holds word, ignoring case.
func hasWord(s, word string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, word) {
			return true
		}
	}
	return false
}
