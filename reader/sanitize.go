package reader

import (
	"encoding/base64"
	"net/url"
	"regexp"
	"strings"

	"cleanread/internal/bodytext"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
)

// policyEntry is one allowance of the reading-view policy with the reason it
// is there. Everything not listed is removed.
type policyEntry struct {
	why   string
	apply func(p *bluemonday.Policy)
}

// The policy's attribute patterns, compiled on first use (lazyRegexp): the
// srcset and size patterns alone expand to thousands of instructions, work a
// browser would otherwise do at start-up before the first page arrives.
var (
	rxLanguageClass = lazyRegexp(`^(language-[\w+#.-]{1,40}\s*)+$`)
	rxCreditClass   = lazyRegexp(`^` + bodytext.CreditClass + `$`)
	rxNumber        = lazyRegexp(`^[0-9]{1,5}$`)
	rxSizes         = lazyRegexp(`^[\w\s(),.:%-]{1,200}$`)
	rxDir           = lazyRegexp(`^(?i)(ltr|rtl|auto)$`)
	rxLang          = lazyRegexp(`^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$`)
	rxDatetime      = lazyRegexp(`^[0-9T:.+\-Z ]{4,40}$`)
	rxSpan          = lazyRegexp(`^[0-9]{1,3}$`)
	rxCellScope     = lazyRegexp(`^(row|col|rowgroup|colgroup)$`)
	rxListType      = lazyRegexp(`^[1aAiI]$`)

	// rxDataImage is an inline raster image: the only data: URL we keep.
	// SVG is left out: it is a document format with its own script and links.
	rxDataImage = lazyRegexp(`^data:image/(png|jpeg|jpg|gif|webp|avif);base64,[A-Za-z0-9+/=]+$`)
	// rxImageSrc is an absolute http(s) URL or an inline raster image.
	rxImageSrc = lazyRegexp(`^(?i)(https?://[^\s]+|data:image/(png|jpeg|jpg|gif|webp|avif);base64,[A-Za-z0-9+/=\s]+)$`)
	// rxSafeHref is an absolute http(s) or mailto URL, or a fragment link to
	// an id that prefixIDs gave the story.
	rxSafeHref = lazyRegexp(`^(?i)(https?://[^\s]+|mailto:[^\s]+)$|^#cr-[\w-]{1,64}$`)
	// rxHTTPURL is an absolute http(s) URL.
	rxHTTPURL = lazyRegexp(`^(?i)https?://[^\s]+$`)
	// rxStoryID is an id written by prefixIDs.
	rxStoryID = lazyRegexp(`^cr-[\w-]{1,64}$`)
	// rxSafeSrcset accepts srcset values whose candidates are http(s) URLs.
	rxSafeSrcset = lazyRegexp(`^\s*https?://[^\s,]+(\s+[0-9.]+[wx])?(\s*,\s*https?://[^\s,]+(\s+[0-9.]+[wx])?)*\s*,?\s*$`)
)

// readingPolicyEntries is the reading-view policy as data.
var readingPolicyEntries = []policyEntry{
	{"text markup carries the story's emphasis and structure", func(p *bluemonday.Policy) {
		p.AllowElements("p", "br", "hr", "b", "strong", "i", "em", "u", "s", "del", "ins", "mark",
			"small", "cite", "q", "dfn", "kbd", "samp", "var", "span", "div", "wbr", "bdi", "bdo")
	}},
	{"a photo credit is marked so the view shows it small and leaves it out of read-aloud (markCredits)", func(p *bluemonday.Policy) {
		p.AllowAttrs("class").Matching(rxCreditClass()).OnElements("p", "div", "span", "small", "em", "i", "cite")
	}},
	{"headings give the story its outline", func(p *bluemonday.Policy) {
		p.AllowElements("h1", "h2", "h3", "h4", "h5", "h6")
	}},
	{"lists are common in stories; numbering attributes keep their meaning", func(p *bluemonday.Policy) {
		p.AllowElements("ul", "ol", "li", "dl", "dt", "dd")
		p.AllowAttrs("start", "value").Matching(rxNumber()).OnElements("ol", "li")
		p.AllowAttrs("type").Matching(rxListType()).OnElements("ol")
		p.AllowAttrs("reversed").Matching(regexp.MustCompile(`^(reversed)?$`)).OnElements("ol")
	}},
	{"quotes, with a source URL that must be absolute http(s) (it is never fetched, but it is a URL)", func(p *bluemonday.Policy) {
		p.AllowElements("blockquote", "q")
		p.AllowAttrs("cite").Matching(rxHTTPURL()).OnElements("blockquote", "q")
	}},
	{"code keeps its language-* class so the view can label it", func(p *bluemonday.Policy) {
		p.AllowElements("pre", "code")
		p.AllowAttrs("class").Matching(rxLanguageClass()).OnElements("pre", "code")
	}},
	{"tables hold data in many stories; spans and scope keep them readable", func(p *bluemonday.Policy) {
		p.AllowElements("table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col")
		p.AllowAttrs("colspan", "rowspan", "span").Matching(rxSpan()).OnElements("th", "td", "col", "colgroup")
		p.AllowAttrs("scope").Matching(rxCellScope()).OnElements("th")
	}},
	{"figures and captions keep images with their credits", func(p *bluemonday.Policy) {
		p.AllowElements("figure", "figcaption", "picture")
	}},
	{"images: absolute http(s) or inline raster data only (relative URLs would hit our own origin), with their responsive and size hints", func(p *bluemonday.Policy) {
		p.AllowAttrs("src").Matching(rxImageSrc()).OnElements("img")
		p.AllowAttrs("alt", "title").OnElements("img")
		p.AllowAttrs("width", "height").Matching(rxNumber()).OnElements("img")
		p.AllowAttrs("sizes").Matching(rxSizes()).OnElements("img")
		p.AllowAttrs("srcset").Matching(rxSafeSrcset()).OnElements("img")
	}},
	{"images load lazily and send no Referer, so image hosts learn neither what is read nor where", func(p *bluemonday.Policy) {
		p.AllowAttrs("loading").Matching(regexp.MustCompile(`^lazy$`)).OnElements("img")
		p.AllowAttrs("referrerpolicy").Matching(regexp.MustCompile(`^no-referrer$`)).OnElements("img")
	}},
	{"data: URLs only as base64 raster images: never an HTML, SVG or script document, in any attribute", func(p *bluemonday.Policy) {
		p.AllowURLSchemeWithCustomPolicy("data", func(u *url.URL) bool {
			return isRasterDataURL("data:" + u.Opaque)
		})
	}},
	{"links: absolute http(s), mailto, or an in-story #cr- fragment; nothing that runs script or lands on our origin", func(p *bluemonday.Policy) {
		p.AllowAttrs("href").Matching(rxSafeHref()).OnElements("a")
		p.AllowAttrs("title").OnElements("a", "abbr")
	}},
	{"links leave the view: a new tab (target=_blank, set by prepareStory on every outbound link), no opener, no referrer, no endorsement", func(p *bluemonday.Policy) {
		p.AllowAttrs("target").Matching(regexp.MustCompile(`^_blank$`)).OnElements("a")
		p.RequireNoFollowOnLinks(true)
		p.RequireNoReferrerOnLinks(true)
		p.AddTargetBlankToFullyQualifiedLinks(true) // and bluemonday adds noopener to every target=_blank
	}},
	{"ids only as cr-… (prefixIDs), so story ids cannot shadow the view's elements or window globals; name is never allowed", func(p *bluemonday.Policy) {
		p.AllowAttrs("id").Matching(rxStoryID()).Globally()
	}},
	{"disclosure widgets work without script", func(p *bluemonday.Policy) {
		p.AllowElements("details", "summary")
	}},
	{"time keeps a machine-readable date", func(p *bluemonday.Policy) {
		p.AllowElements("time")
		p.AllowAttrs("datetime").Matching(rxDatetime()).OnElements("time")
	}},
	{"abbreviations, sub- and superscripts (formulas, footnote marks)", func(p *bluemonday.Policy) {
		p.AllowElements("abbr", "sub", "sup")
	}},
	{"direction and language let mixed-script stories render right", func(p *bluemonday.Policy) {
		p.AllowAttrs("dir").Matching(rxDir()).Globally()
		p.AllowAttrs("lang").Matching(rxLang()).Globally()
	}},
	{"active and never-shown elements go with their content, so their markup cannot come back as text or be re-parsed into elements", func(p *bluemonday.Policy) {
		p.SkipElementsContent("script", "style", "template", "noscript", "svg", "math", "iframe", "frame",
			"frameset", "object", "embed", "applet", "form", "select", "textarea", "button", "title", "xmp",
			"plaintext", "noembed", "noframes", "head", "dialog", "canvas", "video", "audio", "map")
	}},
	{"URLs must parse; schemes are http(s) and mailto (data: above); relative only for #cr- fragments (the attribute patterns above)", func(p *bluemonday.Policy) {
		p.AllowURLSchemes("http", "https", "mailto")
		p.RequireParseableURLs(true)
		p.AllowRelativeURLs(true)
	}},
}

// readingPolicy builds the reading-view policy from readingPolicyEntries.
func readingPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	for _, e := range readingPolicyEntries {
		e.apply(p)
	}
	return p
}

// ReadingPolicy returns a new copy of the reading-view sanitizing policy,
// for callers that want to extend it and pass it back with WithPolicy.
func ReadingPolicy() *bluemonday.Policy { return readingPolicy() }

// deniedAttr is an attribute lockStory removes from every element of the
// story before the policy runs: a first layer that holds even when a caller
// passes a looser policy with WithPolicy.
type deniedAttr struct {
	name string // an attribute name, or a prefix ending in "*"
	why  string
}

// deniedAttrs lists the attributes no story element keeps.
var deniedAttrs = []deniedAttr{
	{"on*", "event handlers run script"},
	{"style", "inline CSS can cover the view, load url() resources and hide or fake text"},
	{"srcdoc", "a whole HTML document written in an attribute"},
	{"action", "a form target: submitting sends the reader's input to the page's choice of URL"},
	{"formaction", "overrides a form's target from a button"},
	{"formtarget", "chooses where a form submission lands"},
	{"background", "a legacy attribute that loads an image"},
	{"ping", "a request sent to a tracker when a link is followed"},
	{"poster", "loads a video frame"},
	{"data-*", "lazy-loading URLs (already resolved) and script state"},
	{"is", "turns an element into a custom element with the page's behaviour"},
	{"autofocus", "moves focus and scrolls the view"},
	{"contenteditable", "makes the story editable"},
	{"tabindex", "changes keyboard order inside the view"},
	{"accesskey", "binds keys of the view"},
	{"popover*", "opens and targets popovers that can cover the view"},
	{"xmlns*", "namespace declarations feed SVG/MathML confusion"},
	{"rel", "the policy writes rel itself (noopener noreferrer nofollow)"},
}

// isDenied reports whether an attribute key is in deniedAttrs.
func isDenied(key string) bool {
	key = strings.ToLower(key)
	for _, d := range deniedAttrs {
		if p, ok := strings.CutSuffix(d.name, "*"); ok {
			if strings.HasPrefix(key, p) {
				return true
			}
		} else if key == d.name {
			return true
		}
	}
	return false
}

// lockStory is the last step before the story is serialized and sanitized:
// it prefixes ids (and drops names) so the story cannot clobber the view,
// keeps in-story fragment links working, and removes the attributes in
// deniedAttrs from every element. The pipeline's own credit mark stays for
// the story's text; the sanitizer drops it from the HTML.
func lockStory(story *html.Node, page *url.URL) {
	prefixIDs(story, page)
	for _, n := range elements(story) {
		out := n.Attr[:0]
		for _, a := range n.Attr {
			if a.Namespace == "" && !isDenied(a.Key) || bodytext.IsMark(a) {
				out = append(out, a)
			}
		}
		n.Attr = out
	}
}

// urlKind says which schemes a URL attribute may use.
type urlKind int

const (
	linkURL  urlKind = iota // href: http, https, mailto
	imageURL                // src, srcset candidates: http, https, data:image raster
	quoteURL                // cite: http, https
)

// safeURL returns raw cleaned the way a browser reads it — leading and
// trailing C0 controls and spaces stripped, tabs and newlines removed
// anywhere — when its scheme is allowed for kind, and "" when it is not.
// Relative URLs are returned as they are for the caller to resolve. Entities
// such as &#106; were already decoded by the HTML parser.
func safeURL(raw string, kind urlKind) string {
	s := strings.TrimFunc(raw, func(r rune) bool { return r <= ' ' })
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
	if s == "" || strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return ""
	}
	scheme, _, hasScheme := strings.Cut(s, ":")
	if !hasScheme || strings.ContainsAny(scheme, "/?#") {
		return s // relative: no scheme before the first path, query or fragment
	}
	switch strings.ToLower(scheme) {
	case "http", "https":
		return s
	case "mailto":
		if kind == linkURL {
			return s
		}
	case "data":
		if kind == imageURL && isRasterDataURL(s) {
			return s
		}
	}
	return ""
}

// isRasterDataURL reports whether s is a base64 data: URL of a raster image
// whose payload decodes.
func isRasterDataURL(s string) bool {
	s = strings.Join(strings.Fields(s), "")
	if !rxDataImage().MatchString(strings.ToLower(s[:min(len(s), 40)]) + s[min(len(s), 40):]) {
		return false
	}
	_, payload, _ := strings.Cut(s, ",")
	_, err := base64.StdEncoding.DecodeString(payload)
	return err == nil
}
