package reader

// Article is the cleaned story of one page. Its JSON names follow
// Readability.js where one exists, so the same object crosses the JS bridge
// and the CLI's JSON output.
type Article struct {
	// URL is the page URL the article was cleaned for: the one given, else the
	// one the page names for itself (may be empty).
	URL string `json:"url"`
	// URLSource says where URL came from: URLGiven when the caller passed
	// it, else the part of the page that named it (URLCanonical, URLOGURL,
	// URLBase, URLJSONLD, URLSavedFrom); empty when URL is.
	URLSource string `json:"urlSource"`
	// Title is the story's headline, as plain text.
	Title string `json:"title"`
	// Byline names the author(s), as plain text.
	Byline string `json:"byline"`
	// SiteName is the publication's name, as plain text.
	SiteName string `json:"siteName"`
	// Excerpt is a short description or the story's first paragraph, as plain text.
	Excerpt string `json:"excerpt"`
	// Lang is the story's language tag, such as "en" or "de-CH".
	Lang string `json:"lang"`
	// Dir is the text direction: "ltr" or "rtl".
	Dir string `json:"dir"`
	// PublishedTime is the publication time in RFC 3339 form when it could be
	// parsed, else the page's own string; empty when unknown.
	PublishedTime string `json:"publishedTime"`
	// ModifiedTime is the last modification time, in the same form as PublishedTime.
	ModifiedTime string `json:"modifiedTime"`
	// Image is the lead image: the page's declared one, else the picture it
	// leads its story with; an absolute http(s) URL, an inline raster
	// data: URL (at most 512 KiB), or empty.
	Image string `json:"image"`
	// ImageCaption is the caption the page gives its lead picture (the
	// figcaption of the figure around it), as plain text; empty when there is
	// none. It is not part of TextContent: a caption is not the story's prose.
	ImageCaption string `json:"imageCaption"`
	// Content is the story as sanitized HTML, safe to insert into a page.
	Content string `json:"content"`
	// TextContent is the story's prose as plain text, blocks separated by
	// blank lines, with plain spaces where the page has no-break ones.
	// Figure captions and photo credits are left out (Content keeps them)
	// unless WithCaptionsInText is set.
	TextContent string `json:"textContent"`
	// Length is the number of characters in TextContent.
	Length int `json:"length"`
	// WordCount counts words, with CJK characters counted one by one.
	WordCount int `json:"wordCount"`
	// ReadingMinutes is the estimated reading time, at least 1.
	ReadingMinutes int `json:"readingMinutes"`
	// Removed lists every block the teaser and ad pass took out.
	Removed []Removal `json:"removed"`
}

// Removal records one block the teaser and ad pass removed.
type Removal struct {
	// Rule is the name of the rule that matched.
	Rule string `json:"rule"`
	// Label says in plain words what the block was ("Advertisement",
	// "Share buttons"), for a reader: the rule's label, or a more precise
	// one from what matched (which family of class names).
	Label string `json:"label"`
	// Tag is the removed element's tag name.
	Tag string `json:"tag"`
	// Text is the start of the removed block's text (about 120 characters).
	Text string `json:"text"`
	// HTML is the removed block, sanitized like Content, when it stood
	// inside the story readability chose; empty for page clutter around it.
	HTML string `json:"html,omitempty"`
	// Anchor is the id of an empty <span> left in Content where the block
	// was, so a view can put HTML back in its place; empty when HTML is.
	Anchor string `json:"anchor,omitempty"`
}
