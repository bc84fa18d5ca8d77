package reader

import (
	"regexp"

	"github.com/microcosm-cc/bluemonday"
)

// policyEntry is one allowance of the reading-view policy with the reason it
// is there. Everything not listed is removed.
type policyEntry struct {
	why   string
	apply func(p *bluemonday.Policy)
}

var (
	rxLanguageClass = regexp.MustCompile(`^(language-[\w+#.-]{1,40}\s*)+$`)
	rxNumber        = regexp.MustCompile(`^[0-9]{1,5}$`)
	rxSizes         = regexp.MustCompile(`^[\w\s(),.:%-]{1,200}$`)
	rxDir           = regexp.MustCompile(`^(?i)(ltr|rtl|auto)$`)
	rxLang          = regexp.MustCompile(`^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$`)
	rxDatetime      = regexp.MustCompile(`^[0-9T:.+\-Z ]{4,40}$`)
	rxDataImage     = regexp.MustCompile(`^data:image/(png|jpeg|jpg|gif|webp|avif);base64,[A-Za-z0-9+/=\s]+$`)
	rxSpan          = regexp.MustCompile(`^[0-9]{1,3}$`)
	rxCellScope     = regexp.MustCompile(`^(row|col|rowgroup|colgroup)$`)
	rxListType      = regexp.MustCompile(`^[1aAiI]$`)
)

// readingPolicyEntries is the reading-view policy as data.
var readingPolicyEntries = []policyEntry{
	{"text markup carries the story's emphasis and structure", func(p *bluemonday.Policy) {
		p.AllowElements("p", "br", "hr", "b", "strong", "i", "em", "u", "s", "del", "ins", "mark",
			"small", "cite", "q", "dfn", "kbd", "samp", "var", "span", "div", "wbr", "bdi", "bdo")
	}},
	{"headings give the story its outline", func(p *bluemonday.Policy) {
		p.AllowElements("h1", "h2", "h3", "h4", "h5", "h6")
	}},
	{"lists are common in stories; numbering attributes keep their meaning", func(p *bluemonday.Policy) {
		p.AllowElements("ul", "ol", "li", "dl", "dt", "dd")
		p.AllowAttrs("start", "value").Matching(rxNumber).OnElements("ol", "li")
		p.AllowAttrs("type").Matching(rxListType).OnElements("ol")
		p.AllowAttrs("reversed").Matching(regexp.MustCompile(`^(reversed)?$`)).OnElements("ol")
	}},
	{"quotes, with a source URL checked like any link", func(p *bluemonday.Policy) {
		p.AllowElements("blockquote", "q")
		p.AllowAttrs("cite").OnElements("blockquote", "q")
	}},
	{"code keeps its language-* class so the view can label it", func(p *bluemonday.Policy) {
		p.AllowElements("pre", "code")
		p.AllowAttrs("class").Matching(rxLanguageClass).OnElements("pre", "code")
	}},
	{"tables hold data in many stories; spans and scope keep them readable", func(p *bluemonday.Policy) {
		p.AllowElements("table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col")
		p.AllowAttrs("colspan", "rowspan", "span").Matching(rxSpan).OnElements("th", "td", "col", "colgroup")
		p.AllowAttrs("scope").Matching(rxCellScope).OnElements("th")
	}},
	{"figures and captions keep images with their credits", func(p *bluemonday.Policy) {
		p.AllowElements("figure", "figcaption", "picture")
	}},
	{"images: http(s) or inline raster data only, with their responsive and size hints", func(p *bluemonday.Policy) {
		p.AllowImages()
		p.AllowDataURIImages()
		p.AllowAttrs("alt", "title").OnElements("img")
		p.AllowAttrs("width", "height").Matching(rxNumber).OnElements("img")
		p.AllowAttrs("sizes").Matching(rxSizes).OnElements("img")
		p.AllowAttrs("srcset").Matching(rxSafeSrcset).OnElements("img")
	}},
	{"links: http(s) and mailto only, opened without referrer or opener", func(p *bluemonday.Policy) {
		p.AllowAttrs("href").OnElements("a")
		p.AllowAttrs("title").OnElements("a", "abbr")
		p.RequireNoFollowOnLinks(true)
		p.RequireNoReferrerOnLinks(true)
		p.AddTargetBlankToFullyQualifiedLinks(true)
	}},
	{"disclosure widgets work without script", func(p *bluemonday.Policy) {
		p.AllowElements("details", "summary")
	}},
	{"time keeps a machine-readable date", func(p *bluemonday.Policy) {
		p.AllowElements("time")
		p.AllowAttrs("datetime").Matching(rxDatetime).OnElements("time")
	}},
	{"abbreviations, sub- and superscripts (formulas, footnote marks)", func(p *bluemonday.Policy) {
		p.AllowElements("abbr", "sub", "sup")
	}},
	{"direction and language let mixed-script stories render right", func(p *bluemonday.Policy) {
		p.AllowAttrs("dir").Matching(rxDir).Globally()
		p.AllowAttrs("lang").Matching(rxLang).Globally()
	}},
	{"only http(s) and mailto URLs, so no javascript:, vbscript: or data: documents", func(p *bluemonday.Policy) {
		p.AllowURLSchemes("http", "https", "mailto")
		p.RequireParseableURLs(true)
		p.AllowRelativeURLs(true)
	}},
}

// rxSafeSrcset accepts srcset values whose candidates are http(s) URLs.
var rxSafeSrcset = regexp.MustCompile(`^\s*https?://[^\s,]+(\s+[0-9.]+[wx])?(\s*,\s*https?://[^\s,]+(\s+[0-9.]+[wx])?)*\s*,?\s*$`)

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
