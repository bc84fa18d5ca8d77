package rules

import (
	"net/url"
	"path"
	"strings"

	"cleanread/internal/dom"

	"golang.org/x/net/html"
)

// Cards: blocks shaped like a card for another story — a picture and a
// headline that link elsewhere, a "read the article" button, a block
// classed as a teaser, or what such a card leaves behind.
func cardRules() []rule {
	return []rule{
		{
			name: "linked-card", label: "Card for another story", pass: storyPass,
			why: "a picture and a headline that both link to the same other page, with at most a line under them, " +
				"is a card for another story or an offer, whatever its class",
			shape: linkedCard,
		},
		{
			name: "read-on-card", label: "Card for another story", pass: storyPass,
			why: "after the story, a headline and an excerpt with a button to read that other story ('Artikel lesen') " +
				"is a teaser card, whatever its class",
			langs: []string{"en", "de", "fr", "es"},
			shape: readOnCard,
		},
		{
			name: "teaser-card", label: "Card for another story", pass: both,
			why: "a block classed as a teaser that links to another page of the site is a card for another story; " +
				"a teaser without a link is often the story's own intro, and stays",
			tokens: []string{"teaser", "teaserblock", "teaserbox", "inlinetextbox", "inlinebox"},
			shape:  teaserCard,
		},
		{
			name: "picture-teaser", label: "Card for another story", pass: sweepPass,
			why: "closing the story, a picture linking to another page of the site with a short line under it is " +
				"what a teaser card leaves once its headline and 'read more' link are gone",
			shape: pictureTeaser,
		},
	}
}

// linkedCardMax is the longest text a linked card holds: a headline and a
// short introduction.
const linkedCardMax = 600

// linkedCard holds for a teaser card made of a picture and a headline that
// both link to the same other page, maybe with a line of introduction: the
// shape of "read this next" cards whatever their class names.
func linkedCard(s *scan) bool {
	n := s.n
	switch n.Data {
	case "div", "li", "article", "section", "aside":
	default:
		return false
	}
	if s.textLen() > linkedCardMax || holdsStoryMarker(n) {
		return false
	}
	link, href := headlineLink(n)
	if link == nil {
		return false
	}
	for d := n; d != nil; d = dom.Next(n, d, false) {
		if d.Type == html.ElementNode && d.Data == "a" && d != link && strings.TrimSpace(dom.Attr(d, "href")) == href && dom.FindFirst(d, "img") != nil {
			return true
		}
	}
	return false
}

// headlineLink returns the link of the first heading under n and where it
// points, when the whole heading is that link to another page; else nil.
func headlineLink(n *html.Node) (*html.Node, string) {
	heading := firstHeading(n)
	if heading == nil {
		return nil, ""
	}
	link := dom.FindFirst(heading, "a")
	if link == nil {
		return nil, ""
	}
	href := strings.TrimSpace(dom.Attr(link, "href"))
	if href == "" || strings.HasPrefix(href, "#") || dom.TextLen(heading) == 0 || dom.LinkTextLen(heading) < dom.TextLen(heading) {
		return nil, ""
	}
	return link, href
}

// readOnLabels are the whole text of a teaser's button that opens the other
// story (normalized; en, de, fr, es).
var readOnLabels = lazySet(
	"artikel lesen", "zum artikel", "ganzen artikel lesen", "read article", "read the article", "read story",
	"read the story", "read the full story", "lire l'article", "lire l’article", "leer artículo", "leer el artículo",
)

// readOnCardMax is the longest text a card with a read-on button holds.
const readOnCardMax = 1000

// readOnCard holds for a block closing the story that has a headline, a
// short excerpt and a button to read the other story ("Artikel lesen").
func readOnCard(s *scan) bool {
	switch s.n.Data {
	case "div", "section", "article", "aside", "li":
	default:
		return false
	}
	if s.textLen() > readOnCardMax || !closesStory(s) || !holdsHeading(s.n) {
		return false
	}
	for d := dom.Next(s.n, s.n, false); d != nil; d = dom.Next(s.n, d, false) {
		if d.Type == html.ElementNode && isTextBlock(d.Data) && readOnLabels()[dom.Normalize(dom.Text(d))] {
			return true
		}
	}
	return false
}

// teaserCardMax is the most text a teaser card (headline, dek, excerpt)
// holds; a card's excerpt may be long enough to look like prose.
const teaserCardMax = 1200

// teaserCard holds for a card: a block with a link to another page of the
// page's own site, a headline or picture (or the shape of a list item or
// article), no more text than a card, and no sign of being the story. A
// story's intro classed "teaser" is a paragraph, whatever it links to.
func teaserCard(s *scan) bool {
	n := s.n
	if n.Data == "p" || s.textLen() > teaserCardMax || !holdsSameSiteLink(n, s.host) || holdsStoryMarker(n) {
		return false
	}
	return n.Data == "li" || n.Data == "article" || dom.HasMedia(n) || holdsHeading(n)
}

// pictureTeaserMax is the longest line under a linked picture that still
// makes it a teaser left behind.
const pictureTeaserMax = 400

// pictureTeaser holds for what a teaser card leaves once its headline and
// "read more" link are gone: a picture linking to another page of the site
// and a short line under it, closing the story. A picture that links to its
// own larger file (or a PDF of it) is the story's, and stays.
func pictureTeaser(s *scan) bool {
	switch s.n.Data {
	case "div", "li", "article", "section":
	default:
		return false
	}
	if s.host == "" || s.textLen() == 0 || s.textLen() > pictureTeaserMax || !closesStory(s) || holdsHeading(s.n) {
		return false
	}
	picLink := onlyPictureLink(s.n)
	if picLink == nil || inCaption(picLink) && dom.TextLen(picLink) > 0 {
		return false
	}
	href := strings.TrimSpace(dom.Attr(picLink, "href"))
	if href == "" || !sameSite(href, s.host) || isFileURL(href) {
		return false
	}
	return dom.LinkTextLen(s.n) < s.textLen() // the line is text, not a row of links
}

// onlyPictureLink returns the link around the one picture under n, or nil
// when n holds another number of pictures or its picture links nowhere.
// With several linked ancestors the last picture's innermost link counts.
func onlyPictureLink(n *html.Node) *html.Node {
	var picLink *html.Node
	imgs := 0
	for d := n; d != nil; d = dom.Next(n, d, false) {
		if d.Type != html.ElementNode || d.Data != "img" {
			continue
		}
		imgs++
		for p := d.Parent; p != nil && p != n; p = p.Parent {
			if p.Type == html.ElementNode && p.Data == "a" {
				picLink = p
				break
			}
		}
	}
	if imgs != 1 {
		return nil
	}
	return picLink
}

// isFileURL reports a link to an image or document file (a picture
// linking to its larger version or its PDF).
func isFileURL(href string) bool {
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	switch strings.ToLower(path.Ext(u.Path)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".tif", ".tiff", ".bmp", ".pdf":
		return true
	}
	return false
}
