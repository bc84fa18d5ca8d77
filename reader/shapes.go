package reader

import (
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Structural conditions the rule table refers to by name.

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

// shareWords are the words of share and follow bars (en, de, fr, es, it, pt, nl).
var shareWords = set([]string{
	"share", "shares", "sharing", "tweet", "facebook", "twitter", "x", "whatsapp", "linkedin", "email", "e-mail", "mail",
	"pinterest", "reddit", "telegram", "messenger", "flipboard", "threads", "bluesky", "mastodon", "xing", "copy", "link",
	"copied", "print", "save", "follow", "us", "on", "this", "article", "story", "page", "via", "the", "and", "or", "with",
	"teilen", "artikel", "drucken", "kopieren", "folgen", "sie", "uns", "auf", "partager", "imprimer", "copier", "le",
	"lien", "suivez-nous", "compartir", "imprimir", "copiar", "enlace", "síguenos", "condividi", "stampa", "partilhar",
	"delen", "kopiëren", "comments", "comment", "gift", "send", "instagram", "youtube", "tiktok", "rss",
})

// shareCoreList are the words that make a block a share bar at all.
var shareCoreList = []string{
	"share", "tweet", "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "flipboard",
	"teilen", "partager", "compartir", "condividi", "partilhar", "delen", "instagram",
}

var shareCore = set(shareCoreList)

var (
	rxCommentCount = regexp.MustCompile(`^(\d+\s+)?(comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|comentários)(\s*\(?\d+\)?)?$`)
	rxCommentCall  = regexp.MustCompile(`^(leave|add|post|write|show|view|read|see) (a |the |all )?(\d+ )?comments?|^join the (conversation|discussion)|^kommentar(e)? (schreiben|anzeigen)|^kommentieren|^(laisser|ajouter) un commentaire|^(deja|dejar|escribe) (un|tu) comentario`)
	rxGalleryCount = regexp.MustCompile(`^\d{1,3}\s*(of|/|von|sur|de|di|van)\s*\d{1,3}$`)
	rxPromoVerb    = regexp.MustCompile(`sign ?up|signing up|subscribe|register|enter your|delivered|get the latest|anmelden|melden sie sich|abonnieren|inscri|suscr|iscriv|abonn|aanmelden`)
)

// galleryLabels are whole-text gallery controls (normalized).
var galleryLabels = set([]string{
	"next", "previous", "prev", "next image", "previous image", "next slide", "previous slide", "enlarge",
	"view gallery", "open gallery", "view slideshow", "launch gallery", "expand", "fullscreen", "close",
	"weiter", "zurück", "vorheriges bild", "nächstes bild", "bild vergrößern", "vergrößern",
	"suivant", "précédent", "agrandir", "siguiente", "anterior", "ampliar", "successivo", "precedente",
	"volgende", "vorige", "próximo",
})

// sourceHeadings start headings of lists that are the story's own content.
var sourceHeadings = []string{"sources", "source", "references", "notes", "footnotes", "bibliography", "contents",
	"table of contents", "quellen", "quelle", "literatur", "inhalt", "sommaire", "fuentes", "referencias", "índice", "fonti"}

func hasLink(s *scan) bool { return findFirst(s.n, "a") != nil }

var rxAdPrefix = regexp.MustCompile(`^(anzeige|advertisement|advertorial|sponsored|sponsored content|paid post|werbung|publicité|publicidad|publi-reportage|pubblicità|reklama|реклама)\s*[-–—:|]`)

// adLabelStarts are the first words rxAdPrefix can match, for a cheap check.
var adLabelStarts = []string{"anzeige", "advertis", "sponsored", "paid post", "werbung", "publicit", "publicidad", "publi-", "pubblicit", "reklama", "реклама"}

// adPrefixed: the block's raw text starts with an ad label and a separator.
func adPrefixed(s *scan) bool {
	if !startsWithAny(s.Norm(), adLabelStarts) {
		return false
	}
	return rxAdPrefix.MatchString(strings.ToLower(strings.TrimSpace(s.Text())))
}

func startsWithAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// commentWords must appear in a block before the comment regexps run.
var commentWords = []string{"comment", "kommentar", "comentar", "commenti", "reacties", "conversation", "discussion"}

func promoWords(s *scan) bool { return rxPromoVerb.MatchString(s.Norm()) }

func commentCount(s *scan) bool {
	t := s.Norm()
	if !containsAny(t, commentWords) {
		return false
	}
	return rxCommentCount.MatchString(t) || rxCommentCall.MatchString(t)
}

// rxServerError matches the start of a PHP warning or error as PHP prints
// it into a page ("Warning: … in /path/file.php on line 407").
var rxServerError = regexp.MustCompile(`^(warning|deprecated|notice|fatal error|parse error|strict standards)\s*:.{0,400}\bon line \d+`)

func serverError(s *scan) bool {
	t := s.Norm()
	return strings.Contains(t, " on line ") && rxServerError.MatchString(t)
}

// rxFollowerCount matches a bare count of followers, fans or likes.
var rxFollowerCount = regexp.MustCompile(`^[\d.,]+\s*[km]?\s+(followers?|abonnenten|follower|fans|likes|gefällt mir|abonnés|seguidores)$`)

func followerCount(s *scan) bool { return rxFollowerCount.MatchString(s.Norm()) }

func galleryControl(s *scan) bool {
	t := s.Norm()
	return galleryLabels[t] || rxGalleryCount.MatchString(t)
}

// onlyShareWords holds for a non-empty block whose every word is a share or
// follow word (or a count), with at least one word that names sharing.
func onlyShareWords(s *scan) bool {
	t := s.Norm()
	if !containsAny(t, shareCoreList) {
		return false // cheap reject before splitting into words
	}
	words := strings.FieldsFunc(t, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
	core := false
	for _, w := range words {
		if shareCore[w] {
			core = true
		}
		if !shareWords[w] && !isNumber(w) {
			return false
		}
	}
	return core
}

func isNumber(w string) bool {
	w = strings.TrimRight(w, "kKmM")
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// notTableOfContents keeps navigation that is the story's own table of contents.
func notTableOfContents(s *scan) bool {
	for _, t := range s.Tokens() {
		if t == "toc" || t == "tableofcontents" || t == "contents" {
			return false
		}
	}
	return !mostlyFragmentLinks(s.n)
}

func mostlyFragmentLinks(n *html.Node) bool {
	total, frag := 0, 0
	for _, a := range elements(n) {
		if a.Data == "a" {
			total++
			if strings.HasPrefix(strings.TrimSpace(getAttr(a, "href")), "#") {
				frag++
			}
		}
	}
	return total > 0 && frag*10 >= total*8
}

// linkHeavyOrCards holds for a block that is mostly links, or a handful of
// image-and-link cards, and not a run of prose.
func linkHeavyOrCards(s *scan) bool {
	if storyShaped(s.n) {
		return false
	}
	if linkDensity(s.n) >= 0.35 {
		return true
	}
	links, imgs := 0, 0
	for _, e := range elements(s.n) {
		switch e.Data {
		case "a":
			links++
		case "img":
			imgs++
		}
	}
	return links >= 2 && imgs >= 1 && s.textLen() < 500
}

// storyShaped reports whether n holds several paragraphs of prose, or one
// long run of it: such a block is never removed on a class name alone (CMSes
// call an article's lead a "teaser" and mark paid paragraphs "paywall").
func storyShaped(n *html.Node) bool {
	if holdsStoryMarker(n) {
		return true
	}
	if t := textLen(n); t >= 300 && float64(linkTextLen(n)) < 0.25*float64(t) {
		return true
	}
	long := 0
	for d := n; d != nil; {
		if d.Type == html.ElementNode && (d.Data == "p" || d.Data == "pre" || d.Data == "blockquote") {
			if textLen(d)-linkTextLen(d) >= 120 {
				long++
				if long >= 3 {
					return true
				}
			}
			d = nextNode(n, d, true)
			continue
		}
		if d.Type == html.TextNode && len(strings.TrimSpace(d.Data)) >= 200 && !insideLink(d, n) {
			long++
			if long >= 3 {
				return true
			}
		}
		d = nextNode(n, d, false)
	}
	return false
}

func insideLink(d, stop *html.Node) bool {
	for p := d.Parent; p != nil && p != stop; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "a" {
			return true
		}
	}
	return false
}

func prevElement(n *html.Node) *html.Node {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type == html.ElementNode {
			return p
		}
		if p.Type == html.TextNode && strings.TrimSpace(p.Data) != "" {
			return nil
		}
	}
	return nil
}

func nextElement(n *html.Node) *html.Node {
	for p := n.NextSibling; p != nil; p = p.NextSibling {
		if p.Type == html.ElementNode {
			return p
		}
		if p.Type == html.TextNode && strings.TrimSpace(p.Data) != "" {
			return nil
		}
	}
	return nil
}

// headingMaxChars is the longest text a heading that announces teasers
// has; the limit also spares the heading shapes a walk of every big block.
const headingMaxChars = 200

var headingTags = set([]string{"h1", "h2", "h3", "h4", "h5", "h6"})

// isHeadingLike reports a heading, or a short block that stands in for one.
func isHeadingLike(n *html.Node) bool {
	if n == nil || n.Type != html.ElementNode {
		return false
	}
	if headingTags[n.Data] {
		return true
	}
	switch n.Data {
	case "p", "div", "strong", "b", "span", "header":
		// Text and a link side by side ("À lire aussi : <a>…</a>") make a
		// call-to-action line, not a heading.
		l, links := textLen(n), linkTextLen(n)
		return l <= 80 && l > 0 && (links == 0 || links == l) && !holdsParagraph(n)
	}
	return false
}

// holdsParagraph reports a p element below n (n itself not counted).
func holdsParagraph(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if findFirst(c, "p") != nil {
			return true
		}
	}
	return false
}

func headingMatches(n *html.Node, phrases []string) bool {
	return isHeadingLike(n) && startsWithWord(normalize(textOf(n)), phrases)
}

// teaserHeadingBefore returns the heading that announces the teaser list in
// s, if there is one.
func teaserHeadingBefore(s *scan) *html.Node {
	if p := prevElement(s.n); headingMatches(p, teaserHeadings) {
		return p
	}
	return nil
}

// teaserHeadingWithLinks holds for a teaser heading followed by a block
// that is mostly links; the block goes with it (see nextLinkBlock).
func teaserHeadingWithLinks(s *scan) bool {
	if !headingMatches(s.n, teaserHeadings) {
		return false
	}
	return nextTeaserBlock(s) != nil || nothingAfter(s.n, s.root) || (s.lay != nil && s.lay.after(s.n))
}

// nothingAfter reports whether no text follows n inside root: a teaser
// heading left alone at the end once readability dropped its links.
func nothingAfter(n, root *html.Node) bool {
	for d := nextNode(root, n, true); d != nil; d = nextNode(root, d, false) {
		if d.Type == html.TextNode && strings.TrimSpace(d.Data) != "" {
			return false
		}
	}
	return true
}

// teaserHeadingLeftAlone holds for a teaser heading followed by no text up
// to the next heading (or teaser heading) or the end of the story: the links it announced were
// removed by other rules (or by readability), and a list nested one level
// down does not make its heading the list's sibling.
func teaserHeadingLeftAlone(s *scan) bool {
	if !headingMatches(s.n, teaserHeadings) {
		return false
	}
	dek := teaserDek(s)
	for d := nextNode(s.root, s.n, true); d != nil; d = nextNode(s.root, d, d == dek) {
		switch {
		case d == dek:
			// its text introduces the teasers; the walk skips it
		case d.Type == html.ElementNode && (headingTags[d.Data] || headingMatches(d, teaserHeadings)):
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
	next := nextElement(s.n)
	if next == nil || next.Data != "p" || textLen(next) > dekMaxChars || hasMedia(next) {
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
	next := nextElement(s.n)
	if next == nil || headingTags[next.Data] || holdsStoryMarker(next) {
		return nil
	}
	box := next
	for only := onlyElementChild(box); only != nil; only = onlyElementChild(box) {
		box = only
	}
	cards := 0
	for c := box.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		l := textLen(c)
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

// onlyElementChild returns n's one element child, or nil when n has text
// of its own or another number of element children.
func onlyElementChild(n *html.Node) *html.Node {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return nil
		case c.Type == html.ElementNode && only != nil:
			return nil
		case c.Type == html.ElementNode:
			only = c
		}
	}
	return only
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
	return n.Data == "li" || n.Data == "article" || hasMedia(n) || holdsHeading(n)
}

// holdsHeading reports an h1–h6 element under n (n included).
func holdsHeading(n *html.Node) bool { return firstHeading(n) != nil }

// firstHeading returns the first h1–h6 element under n (n included), or nil.
func firstHeading(n *html.Node) *html.Node {
	for d := n; d != nil; d = nextNode(n, d, false) {
		if d.Type == html.ElementNode && headingTags[d.Data] {
			return d
		}
	}
	return nil
}

// holdsSameSiteLink reports a link under n to the page's own site: an
// anchor, or a custom element that links ("<pp-link href=…>").
func holdsSameSiteLink(n *html.Node, host string) bool {
	for d := n; d != nil; d = nextNode(n, d, false) {
		if d.Type == html.ElementNode && (d.Data == "a" || strings.Contains(d.Data, "-")) && getAttr(d, "href") != "" &&
			sameSite(getAttr(d, "href"), host) {
			return true
		}
	}
	return false
}

func nextLinkBlock(s *scan) *html.Node {
	next := nextElement(s.n)
	if next == nil || headingTags[next.Data] || storyShaped(next) {
		return nil
	}
	if linkDensity(next) >= 0.5 {
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
	prev := prevElement(n)
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
	t := textLen(it)
	if t == 0 || t > 300 {
		return false
	}
	var link *html.Node
	for _, e := range elements(it) {
		if e.Data == "a" && textLen(e) >= 15 {
			link = e
			break
		}
	}
	if link == nil || float64(linkTextLen(it))/float64(t) < 0.6 {
		return false
	}
	return sameSite(getAttr(link, "href"), host)
}

func sameSite(href, host string) bool {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil || strings.HasPrefix(href, "#") {
		return false
	}
	if u.Host == "" || host == "" {
		return true
	}
	return strings.TrimPrefix(u.Hostname(), "www.") == strings.TrimPrefix(host, "www.")
}

// holdsStoryMarker reports whether n contains the page's headline or an
// element that declares itself the story: wrappers around the story often
// carry layout classes such as "has-sidebar" or a skip-link target id.
func holdsStoryMarker(n *html.Node) bool {
	for d := n.FirstChild; d != nil; d = nextNode(n, d, false) {
		if d.Type != html.ElementNode {
			continue
		}
		switch d.Data {
		case "h1", "article", "main":
			return true
		}
		if p := getAttr(d, "itemprop"); p == "articleBody" || p == "text" {
			return true
		}
	}
	return false
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
	var link *html.Node
	for _, e := range elements(s.n) {
		if e.Data == "a" {
			if link != nil {
				return false // more than one link: a line of links, judged elsewhere
			}
			link = e
		}
		if e.Data == "img" {
			return false
		}
	}
	if link == nil || len(strings.Fields(textOf(link))) < 3 {
		return false // headlines have words; this also leaves unspaced scripts alone
	}
	if textLen(link)*10 < t*9 && !kickerLink(s.n, link) {
		return false
	}
	href := strings.TrimSpace(getAttr(link, "href"))
	if href == "" || strings.HasPrefix(href, "#") || !strings.Contains(href, "/") {
		return false
	}
	// Without a page URL every relative link looks internal: stay safe.
	return s.host != "" && sameSite(href, s.host)
}

// kickerLineMax is the longest "Kicker: headline" line taken for a link to another story.
const kickerLineMax = 160

// kickerLink reports a line that is a short kicker and a colon, then the linked
// rest of a headline, and nothing after it ("Former US commander in Europe:
// <a>Russia is dangerous</a>").
func kickerLink(n, link *html.Node) bool {
	full, linked := strings.TrimSpace(textOf(n)), strings.TrimSpace(textOf(link))
	if len(full) > kickerLineMax || !strings.HasSuffix(full, linked) {
		return false
	}
	kicker := strings.TrimSpace(strings.TrimSuffix(full, linked))
	return strings.HasSuffix(kicker, ":") && len(kicker) <= kickerMax
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
	heading := firstHeading(n)
	if heading == nil {
		return false
	}
	link := findFirst(heading, "a")
	if link == nil {
		return false
	}
	href := strings.TrimSpace(getAttr(link, "href"))
	if href == "" || strings.HasPrefix(href, "#") || textLen(heading) == 0 || linkTextLen(heading) < textLen(heading) {
		return false
	}
	for d := n; d != nil; d = nextNode(n, d, false) {
		if d.Type == html.ElementNode && d.Data == "a" && d != link && strings.TrimSpace(getAttr(d, "href")) == href && findFirst(d, "img") != nil {
			return true
		}
	}
	return false
}

// readOnLabels are the whole text of a teaser's button that opens the other
// story (normalized; en, de, fr, es).
var readOnLabels = set([]string{
	"artikel lesen", "zum artikel", "ganzen artikel lesen", "read article", "read the article", "read story",
	"read the story", "read the full story", "lire l'article", "lire l’article", "leer artículo", "leer el artículo",
})

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
	for d := nextNode(s.n, s.n, false); d != nil; d = nextNode(s.n, d, false) {
		if d.Type == html.ElementNode && textBlock[d.Data] && readOnLabels[normalize(textOf(d))] {
			return true
		}
	}
	return false
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
	var picLink *html.Node
	imgs := 0
	for d := s.n; d != nil; d = nextNode(s.n, d, false) {
		if d.Type != html.ElementNode || d.Data != "img" {
			continue
		}
		imgs++
		for p := d.Parent; p != nil && p != s.n; p = p.Parent {
			if p.Type == html.ElementNode && p.Data == "a" {
				picLink = p
				break
			}
		}
	}
	if imgs != 1 || picLink == nil || inCaption(picLink) && textLen(picLink) > 0 {
		return false
	}
	href := strings.TrimSpace(getAttr(picLink, "href"))
	if href == "" || !sameSite(href, s.host) || isFileURL(href) {
		return false
	}
	return linkTextLen(s.n) < s.textLen() // the line is text, not a row of links
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
