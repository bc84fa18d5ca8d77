package reader

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// baseURL resolves the page's first <base href> against the page URL (given
// or guessed); links and images in the story are resolved against the result.
func baseURL(doc *html.Node, pageURL *url.URL) *url.URL {
	b := findFirst(doc, "base")
	if b == nil || pageURL == nil {
		return pageURL
	}
	href := strings.TrimSpace(getAttr(b, "href"))
	if href == "" {
		return pageURL
	}
	ref, err := url.Parse(href)
	if err != nil {
		return pageURL
	}
	res := pageURL.ResolveReference(ref)
	if res.Scheme != "http" && res.Scheme != "https" {
		return pageURL
	}
	return res
}

// rootDirLang reads dir and lang from <html> and <body>, before readability
// rewrites the page.
func rootDirLang(doc *html.Node) (dir, lang string) {
	for _, tag := range [...]string{"html", "body"} {
		n := findFirst(doc, tag)
		if n == nil {
			continue
		}
		if d := strings.ToLower(strings.TrimSpace(getAttr(n, "dir"))); d == "rtl" || d == "ltr" {
			dir = d
		}
		if l := strings.TrimSpace(getAttr(n, "lang")); l != "" && lang == "" {
			lang = l
		}
	}
	return dir, lang
}

// fillMetadata copies readability's metadata into a as plain, trimmed text
// and checked URLs: it is as untrusted as the page.
func fillMetadata(a *Article, p readability.Article, base *url.URL, htmlLang string, lead leadPicture) {
	a.Title = plain(p.Title())
	a.Byline = plain(p.Byline())
	a.SiteName = plain(p.SiteName())
	a.Excerpt = plain(p.Excerpt())
	a.Lang = plain(p.Language())
	if a.Lang == "" {
		a.Lang = htmlLang
	}
	if !rxLang().MatchString(a.Lang) {
		a.Lang = ""
	}
	if t, err := p.PublishedTime(); err == nil {
		a.PublishedTime = t.UTC().Format(time.RFC3339)
	}
	if t, err := p.ModifiedTime(); err == nil {
		a.ModifiedTime = t.UTC().Format(time.RFC3339)
	}
	a.Image = checkedImageURL(base, p.ImageURL())
	if a.Image == "" {
		a.Image = checkedImageURL(base, lead.src)
	}
	// The caption goes with the picture it was written for: the page's own
	// lead, not a declared image that may be another crop or another picture.
	if a.Image != "" && a.Image == checkedImageURL(base, lead.src) {
		a.ImageCaption = lead.caption
	}
}

// maxInlineLead is the largest inline (data:) lead image kept in Image.
const maxInlineLead = 512 << 10

// leadImage finds the picture a page leads its story with when it declares
// none in its metadata: the first image after the headline and before the
// second paragraph of prose (the first may be a standfirst), outside
// navigation, asides and footers.
// readability often leaves that figure out when it sits beside the story's
// body rather than in it.
func leadImage(doc *html.Node) leadPicture {
	seenH1 := findFirst(doc, "h1") == nil
	prose := 0
	for n := doc; n != nil; {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "nav", "aside", "footer", "script", "noscript", "template":
				n = nextNode(doc, n, true)
				continue
			case "h1":
				seenH1 = true
			case "p":
				if seenH1 && textLen(n)-linkTextLen(n) >= proseMin {
					if prose++; prose >= 2 {
						return leadPicture{}
					}
				}
			case "img":
				if seenH1 && !isTrackingPixel(n) && wideEnough(n) {
					if src := strings.TrimSpace(getAttr(n, "src")); src != "" {
						return leadPicture{src: src, caption: captionOf(n)}
					}
				}
			}
		}
		n = nextNode(doc, n, false)
	}
	return leadPicture{}
}

// leadPicture is the picture a page leads its story with and its caption.
type leadPicture struct{ src, caption string }

// maxCaptionRunes bounds a lead caption: a figcaption longer than this is
// more likely a block of story or page text than a caption.
const maxCaptionRunes = 400

// captionOf is the plain text of the figcaption of the figure that holds
// img, or empty.
func captionOf(img *html.Node) string {
	for p := img.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode || p.Data != "figure" {
			continue
		}
		if fc := findFirst(p, "figcaption"); fc != nil {
			var sb strings.Builder
			walkText(fc, func(t string) { sb.WriteString(t) }, nil, nil) // what scripts and styles hold is not a caption
			if c := plain(sb.String()); utf8.RuneCountInString(c) <= maxCaptionRunes {
				return c
			}
		}
		return ""
	}
	return ""
}

// wideEnough: no declared width, or one a lead picture would have.
func wideEnough(n *html.Node) bool {
	w, err := strconv.Atoi(strings.TrimSuffix(getAttr(n, "width"), "px"))
	return err != nil || w >= 200
}

// plain collapses white space and drops control characters.
func plain(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// checkedImageURL returns s checked like any image URL of the story and
// resolved against base: an absolute http(s) URL, an inline raster data: URL
// of at most maxInlineLead bytes, or "".
func checkedImageURL(base *url.URL, s string) string {
	u := resolved(base, safeURL(s, imageURL))
	if strings.HasPrefix(u, "data:") && len(u) > maxInlineLead {
		return ""
	}
	return u
}

// rtlLangs are the language subtags written right to left.
var rtlLangs = map[string]bool{"ar": true, "he": true, "iw": true, "fa": true, "ur": true, "yi": true, "ps": true, "sd": true, "ug": true, "dv": true, "ckb": true}

// detectDir decides the story's direction: an explicit dir on the story or
// the page wins, then the language, then the script of most letters.
func detectDir(story *html.Node, pageDir, lang, text string) string {
	for n := story; n != nil; n = n.FirstChild {
		if n.Type != html.ElementNode {
			break
		}
		if d := strings.ToLower(getAttr(n, "dir")); d == "rtl" || d == "ltr" {
			return d
		}
	}
	if pageDir != "" {
		return pageDir
	}
	if lang != "" {
		primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
		if rtlLangs[primary] {
			return "rtl"
		}
	}
	rtl, ltr := 0, 0
	for i, r := range text {
		if i > 20000 {
			break
		}
		switch {
		case r >= 0x0590 && r <= 0x08ff && unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko):
			rtl++
		case unicode.IsLetter(r):
			ltr++
		}
	}
	if rtl > ltr {
		return "rtl"
	}
	return "ltr"
}
