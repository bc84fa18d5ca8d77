package rules

import (
	"strings"

	"cleanread/internal/dom"

	"golang.org/x/net/html"
)

// Teasers: links to other stories — rails of headlines, the headings that
// announce them, related-story blocks and lone headline links.
func teaserRules() []rule {
	return []rule{
		{
			name: "other-stories", label: "Related or next stories", pass: storyPass,
			why: "a block classed as related or next stories that closes the story holds other stories' openings, " +
				"however long their excerpts; clutter-class spares long blocks, this rule only those after the story's prose",
			tokens: []string{
				"related", "relatedposts", "relatedarticles", "relatedstories", "relatedcontent", "nextpost", "nextposts",
				"morestories", "morearticles", "readnext",
			},
			shape: closesStory,
		},
		{
			name: "teaser-list", label: "Links to other stories", pass: storyPass,
			why:   "a list of short headline links, under a teaser heading or after the story, is a 'more stories' rail",
			shape: teaserList,
			also:  teaserHeadingBefore,
		},
		{
			name: "teaser-heading", label: "Heading of other stories", pass: storyPass,
			why:   "a heading that announces other stories, followed by their links",
			langs: []string{"en", "de", "fr", "es", "it", "pt", "nl"},
			shape: teaserHeadingWithLinks, maxChars: headingMaxChars,
			also: nextTeaserBlock,
		},
		{
			name: "teaser-heading-left", label: "Heading of other stories", pass: sweepPass,
			why:   "a heading that announced other stories, left with nothing under it once they were removed",
			langs: []string{"en", "de", "fr", "es", "it", "pt", "nl"},
			shape: teaserHeadingLeftAlone, maxChars: headingMaxChars,
			also: teaserDek,
		},
	}
}

// teaserHeadings start headings that announce other stories (normalized).
// Languages: en, de, fr, es, it, pt, nl.
var teaserHeadings = []string{
	"more from", "more stories", "more news", "more on this", "more in ", "more like this", "most popular", "most read",
	"most viewed", "most shared", "popular", "related", "you may also like", "you might also like", "you may have missed",
	"recommended", "top stories", "trending", "latest news", "latest stories", "latest articles", "read next",
	"up next", "what to read next", "editor's picks", "editors' picks", "don't miss", "also on", "around the web",
	"from around the web", "more to explore", "further reading from",
	"mehr zum thema", "mehr zu ", "more about ", "plus sur ", "más sobre ", "mehr aus", "meistgelesen", "meistgelesene", "meist gelesen", "meistdiskutiert", "meistdiskutierte",
	"meistkommentiert", "meistkommentierte", "meist-gelesen", "meist-diskutiert", "meist-kommentiert", "neueste beiträge", "das thema könnte", "das könnte sie auch interessieren",
	"weitere artikel", "weitere nachrichten", "auch interessant", "empfohlen", "top-artikel", "neueste artikel",
	"à lire aussi", "a lire aussi", "les plus lus", "sur le même sujet", "dans la même rubrique", "à découvrir",
	"articles similaires", "les plus populaires",
	"más leídas", "lo más leído", "lo más visto", "te puede interesar", "noticias relacionadas",
	"también te puede interesar", "más noticias", "artículos relacionados", "te recomendamos",
	"più letti", "potrebbe interessarti", "leggi anche", "articoli correlati",
	"mais lidas", "leia também", "relacionadas", "meest gelezen", "gerelateerd", "lees ook",
	"schon gelesen", "empfohlene beiträge", "empfohlene artikel", "zum weiterlesen", "weitere beiträge", "empfehlungen aus", "noch mehr ", "mehr infos", "hier gibt's noch mehr",
	"hier gibt’s noch mehr", "hier gibt es noch mehr", "hier findest du noch mehr", "hier findet ihr noch mehr",
	"entdecken sie weitere", "entdecken sie jetzt", "audios et vidéos", "vidéos sur le même sujet",
	"unsere empfehlung", "heute empfehlen wir",
	"könnte dich auch interessieren", "könnte sie auch interessieren", "das könnte dich", "entdecke weitere",
	"weiterführende artikel", "ähnliche artikel", "ähnliche beiträge", "passend zum thema", "verwandte artikel",
	"vous aimerez aussi", "à lire également", "lire également", "también le puede interesar", "otras noticias",
	"more articles", "more posts", "related posts", "similar articles", "popular posts", "recent posts",
	"latest posts", "next article", "previous article", "you may be interested in", "read these next",
}

// headingMaxChars is the longest text a heading that announces teasers
// has; the limit also spares the heading shapes a walk of every big block.
const headingMaxChars = 200

// teaserHeadingBefore returns the heading that announces the teaser list in
// s, if there is one.
func teaserHeadingBefore(s *scan) *html.Node {
	if p := dom.PrevElement(s.n); headingMatches(p, teaserHeadings) {
		return p
	}
	return nil
}

// teaserHeadingWithLinks holds for a teaser heading followed by a block
// that is mostly links; the block goes with it (see nextLinkBlock).
func teaserHeadingWithLinks(s *scan) bool {
	if !s.headingMatches(teaserHeadings) {
		return false
	}
	return nextTeaserBlock(s) != nil || nothingAfter(s.n, s.root) || (s.lay != nil && s.lay.after(s.n))
}

// teaserHeadingLeftAlone holds for a teaser heading followed by no text up
// to the next heading (or teaser heading) or the end of the story: the links it announced were
// removed by other rules (or by readability), and a list nested one level
// down does not make its heading the list's sibling.
func teaserHeadingLeftAlone(s *scan) bool {
	if !s.headingMatches(teaserHeadings) {
		return false
	}
	dek := teaserDek(s)
	for d := dom.Next(s.root, s.n, true); d != nil; d = dom.Next(s.root, d, d == dek) {
		switch {
		case d == dek:
			// its text introduces the teasers; the walk skips it
		case d.Type == html.ElementNode && (isHeading(d.Data) || headingMatches(d, teaserHeadings)):
			return true
		case d.Type == html.TextNode && strings.TrimSpace(d.Data) != "":
			return false
		}
	}
	return true
}

// dekMaxChars is how long the one-line introduction under a teaser heading
// ("Klick dich durch die Geschichten der Community") may be.
const dekMaxChars = 200

// teaserDek returns the short paragraph right after a teaser heading that
// introduces the teasers, or nil; it goes with the heading.
func teaserDek(s *scan) *html.Node {
	next := dom.NextElement(s.n)
	if next == nil || next.Data != "p" || dom.TextLen(next) > dekMaxChars || dom.HasMedia(next) {
		return nil
	}
	return next
}

// nextTeaserBlock is what a teaser heading announces: the block after it,
// when that is mostly links or a run of teaser cards.
func nextTeaserBlock(s *scan) *html.Node {
	if b := nextLinkBlock(s); b != nil {
		return b
	}
	return nextCards(s)
}

// cardMaxChars is how much text one teaser card (headline, dek, "more"
// link) holds at most.
const cardMaxChars = 600

// nextCards returns the block after s.n when it is a run of teaser cards:
// below any single-child wrappers, at least two children that each hold a
// link to the same site and little text; children without text (pictures)
// may sit between them. Card deks make the run look like prose, so link
// density alone cannot tell.
func nextCards(s *scan) *html.Node {
	next := dom.NextElement(s.n)
	if next == nil || isHeading(next.Data) || holdsStoryMarker(next) {
		return nil
	}
	box := next
	for only := dom.OnlyElementChild(box); only != nil; only = dom.OnlyElementChild(box) {
		box = only
	}
	cards := 0
	for c := box.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		l := dom.TextLen(c)
		switch {
		case l == 0:
		case l > cardMaxChars || !holdsSameSiteLink(c, s.host):
			return nil
		default:
			cards++
		}
	}
	if cards < 2 {
		return nil
	}
	return next
}

func nextLinkBlock(s *scan) *html.Node {
	next := dom.NextElement(s.n)
	if next == nil || isHeading(next.Data) || storyShaped(next) {
		return nil
	}
	if dom.LinkDensity(next) >= 0.5 {
		return next
	}
	return nil
}

// teaserList holds for a list (or a run of sibling cards) of short headline
// links pointing to the same site, under a teaser heading or after the last
// paragraph of the story.
func teaserList(s *scan) bool {
	n := s.n
	items := listItems(n)
	if len(items) < 2 {
		return false
	}
	prev := dom.PrevElement(n)
	if headingMatches(prev, sourceHeadings) || mostlyFragmentLinks(n) {
		return false
	}
	teasers := 0
	for _, it := range items {
		if teaserItem(it, s.host) {
			teasers++
		}
	}
	if teasers*10 < len(items)*7 {
		return false
	}
	if headingMatches(prev, teaserHeadings) {
		return true
	}
	return len(items) >= 3 && s.lay != nil && s.lay.after(n)
}

// listItems returns the items of a list, or the element children of a block
// whose children all share one tag (repeated cards).
func listItems(n *html.Node) []*html.Node {
	var items []*html.Node
	tag := ""
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return nil
		}
		if c.Type != html.ElementNode {
			continue
		}
		if tag == "" {
			tag = c.Data
		} else if c.Data != tag {
			return nil
		}
		items = append(items, c)
	}
	switch n.Data {
	case "ul", "ol":
		return items
	case "div", "section":
		if tag == "div" || tag == "article" || tag == "li" || tag == "section" {
			return items
		}
	}
	return nil
}

// teaserItem: a short item whose text is mostly one headline-sized link to
// the same site (or a relative link).
func teaserItem(it *html.Node, host string) bool {
	t := dom.TextLen(it)
	if t == 0 || t > 300 {
		return false
	}
	var link *html.Node
	for _, e := range dom.Elements(it) {
		if e.Data == "a" && dom.TextLen(e) >= 15 {
			link = e
			break
		}
	}
	if link == nil || float64(dom.LinkTextLen(it))/float64(t) < 0.6 {
		return false
	}
	return sameSite(dom.Attr(link, "href"), host)
}

// loneLinkLine holds for a paragraph-like block whose text is one link of
// headline size to a page of the same site.
func loneLinkLine(s *scan) bool {
	switch s.n.Data {
	case "p", "div", "h3", "h4", "h5", "h6", "strong", "b", "em":
	default:
		return false
	}
	t := s.textLen()
	if t < 20 {
		return false
	}
	link := onlyLink(s.n)
	if link == nil || len(strings.Fields(dom.Text(link))) < 3 {
		return false // headlines have words; this also leaves unspaced scripts alone
	}
	if dom.TextLen(link)*10 < t*9 && !kickerLink(s.n, link) {
		return false
	}
	href := strings.TrimSpace(dom.Attr(link, "href"))
	if href == "" || strings.HasPrefix(href, "#") || !strings.Contains(href, "/") {
		return false
	}
	// Without a page URL every relative link looks internal: stay safe.
	return s.host != "" && sameSite(href, s.host)
}

// onlyLink returns the one link under n, or nil when n holds none, more
// than one (a line of links, judged elsewhere) or a picture.
func onlyLink(n *html.Node) *html.Node {
	var link *html.Node
	for _, e := range dom.Elements(n) {
		if e.Data == "a" {
			if link != nil {
				return nil
			}
			link = e
		}
		if e.Data == "img" {
			return nil
		}
	}
	return link
}

// kickerLineMax is the longest "Kicker: headline" line taken for a link to another story.
const kickerLineMax = 160

// kickerLink reports a line that is a short kicker and a colon, then the linked
// rest of a headline, and nothing after it ("Former US commander in Europe:
// <a>Russia is dangerous</a>").
func kickerLink(n, link *html.Node) bool {
	full, linked := strings.TrimSpace(dom.Text(n)), strings.TrimSpace(dom.Text(link))
	if len(full) > kickerLineMax || !strings.HasSuffix(full, linked) {
		return false
	}
	kicker := strings.TrimSpace(strings.TrimSuffix(full, linked))
	return strings.HasSuffix(kicker, ":") && len(kicker) <= kickerMax
}
