package rules

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"cleanread/internal/dom"

	"golang.org/x/net/html"
)

// Edges: what stands before the story's first paragraph or right after
// its last — datelines, repeated bylines and titles, post metadata. The
// view's header shows the date, the byline and the title already.
func edgeRules() []rule {
	return []rule{
		{
			name: "post-meta", label: "Post details", pass: storyPass,
			why: "a block classed as the post's metadata (date, categories, 'filed under') before or after the story; " +
				"the view's header shows date and byline. Not in the whole-page pass: readability reads the byline there",
			tokens: []string{"entrymeta", "postmeta", "postmetadata", "articlemeta", "metadata", "postinfo", "entryfooter"},
			shape:  atStoryEdge,
		},
		{
			name: "edge-metadata", label: "Dateline or repeated byline", pass: storyPass | sweepPass,
			why:   "a dateline or a repeated byline before the story's first paragraph (or a dateline after its last); the view's header shows both",
			langs: []string{"en", "de", "fr", "es", "it", "pt", "nl", "pl"},
			shape: edgeMetadata, maxChars: 120,
		},
		{
			name: "title-repeat", label: "Repeated headline", pass: storyPass | sweepPass,
			why: "a heading before the story's first paragraph that repeats the title (maybe with a kicker); the view's " +
				"header shows the title. Its own rule, with a headline's length: a title in a non-Latin script takes " +
				"two or three bytes a letter, far past a dateline's bound",
			shape: titleRepeatBefore, maxChars: titleRepeatMax,
		},
		{
			name: "kicker-link", label: "Section link", pass: storyPass | sweepPass,
			why: "a short block before the story's first paragraph that is only a link to a section or topic page is the " +
				"kicker over the headline, a way into the site rather than part of the story",
			shape: kickerLinkLine, maxChars: kickerLinkMax,
		},
	}
}

// kickerLinkMax is the longest kicker line (bytes): a section's name.
const kickerLinkMax = 40

// kickerWordsMax is how many words a section's name may have.
const kickerWordsMax = 3

// kickerLinkLine holds for a block before the story's first paragraph
// whose whole text is one link to a section or topic page of the site
// ("<a href="/category/security/">Security</a>").
func kickerLinkLine(s *scan) bool {
	if s.lay == nil || !s.lay.before(s.n) || s.inRunningText() || isCellLike(s.n.Data) || isListOrTable(s.n.Data) ||
		inListOrTable(s.n, s.root) || dom.IsInline(s.n.Data) && besideText(s.n) {
		return false
	}
	link := loneLink(s.n)
	if link == nil || len(strings.Fields(s.Text())) > kickerWordsMax || strings.ContainsAny(s.Text(), ".!?:") {
		return false
	}
	// A kicker stands alone: lone links side by side are a menu.
	if loneLink(dom.PrevElement(s.n)) != nil || loneLink(dom.NextElement(s.n)) != nil {
		return false
	}
	href := strings.TrimSpace(dom.Attr(link, "href"))
	return sameSite(href, s.host) && isSectionPath(href)
}

// loneLink returns the one link whose text is all of n's text, or nil.
func loneLink(n *html.Node) *html.Node {
	if n == nil {
		return nil
	}
	link := onlyLink(n)
	if link == nil || dom.TextLen(link) != dom.TextLen(n) || dom.TextLen(n) == 0 {
		return nil // text beside the link makes it a line of its own
	}
	return link
}

// besideText reports text other than white space next to n in its parent:
// a link set in brackets or a line of links.
func besideText(n *html.Node) bool {
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return true
		}
	}
	return false
}

// isListOrTable reports the elements whose entries are many, one link each.
func isListOrTable(tag string) bool {
	switch tag {
	case "li", "ul", "ol", "dl", "table", "nav", "menu":
		return true
	}
	return false
}

// inListOrTable reports n inside a list, a table or a navigation block
// under root: one link there is an entry of many.
func inListOrTable(n, root *html.Node) bool {
	for p := n.Parent; p != nil && p != root; p = p.Parent {
		if isListOrTable(p.Data) {
			return true
		}
	}
	return false
}

// notSections name path segments of people's pages, which a lone link
// before the story is a byline to, not a section.
var notSections = lazySet("author", "authors", "autor", "autoren", "auteur", "profile", "profil", "staff", "people",
	"user", "users", "team", "redaktion", "person")

// isSectionPath holds for the address of a section or topic page: a path
// of one to three short slugs, none a file, a date or a number
// ("/category/security/", "/topics/harbour-works").
func isSectionPath(href string) bool {
	u, err := url.Parse(href)
	if err != nil || u.RawQuery != "" || strings.HasPrefix(href, "#") {
		return false
	}
	var segs []string
	for _, seg := range strings.Split(u.Path, "/") {
		if seg != "" {
			segs = append(segs, seg)
		}
	}
	if len(segs) == 0 || len(segs) > 3 {
		return false
	}
	for _, seg := range segs {
		if strings.Contains(seg, ".") || strings.IndexFunc(seg, unicode.IsDigit) >= 0 || notSections()[strings.ToLower(seg)] ||
			len(strings.FieldsFunc(seg, func(r rune) bool { return r == '-' || r == '_' })) > kickerWordsMax {
			return false
		}
	}
	return true
}

// edgeMetadata: a dateline or a byline repeat before the story's first
// paragraph, or a dateline after its last.
func edgeMetadata(s *scan) bool {
	if s.lay == nil {
		return false
	}
	if s.lay.before(s.n) {
		return isDateline(s) || isBylineRepeat(s) || isEdgeLabel(s) || isMetaLine(s) || isDatedLabel(s)
	}
	if s.lay.afterLead(s.n) && (isDateline(s) || isBylineRepeat(s)) {
		return true // the date or byline under a standfirst, before the body starts
	}
	return s.lay.after(s.n) && (isDateline(s) || isEdgeLabel(s) || rxBylineLeftover().MatchString(s.Norm()))
}

var (
	rxDate = lazyRegexp(`\b\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2,4}\b|\b\d{4}-\d{2}-\d{2}([t ]\d{2}:\d{2}(:\d{2})?[^ ]*)?|\b\d{1,2}:\d{2}(:\d{2})?(\s?[ap]\.m\.|\b)|\b\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4}\b|\b\p{L}{3,12}\.?\s+\d{1,2},?\s+\d{4}\b|\b\p{L}{3,12}\s+\d{4}\b|` +
		`\b\d{1,3}\s+(minutes?|mins?|hours?|hrs?|days?)\s+ago\b|\bvor\s+\d{1,3}\s+(minuten|stunden|tagen)\b|` +
		`\bil y a\s+\d{1,3}\s+(minutes?|heures?|jours?)\b|\bhace\s+\d{1,3}\s+(minutos?|horas?|días?)\b`)
	rxWord = lazyRegexp(`\p{L}+`)
)

// dateLabelWords may stand around a date in a dateline (en, de, fr, es, it, pt, nl, pl).
var dateLabelWords = lazySet(
	"published", "updated", "posted", "last", "on", "at", "am", "pm", "by", "uhr", "um", "veröffentlicht", "aktualisiert",
	"veröffentlichung", "aktualisierung", "stand", "zuletzt", "publié", "le", "mis", "à", "jour", "modifié", "publicado",
	"actualizado", "el", "a", "las", "de", "pubblicato", "aggiornato", "il", "alle", "atualizado", "em", "gepubliceerd",
	"bijgewerkt", "op", "publikacja", "opublikowano", "aktualizacja", "dnia", "date", "datum", "fecha", "data", "h", "gmt",
	"utc", "cet", "cest", "edt", "est", "pst", "pdt", "cst", "cdt", "mst", "mdt", "pt", "ct", "mt", "aest", "aedt",
	"ist", "jst", "bst", "wet", "west", "eet", "eest", "z", "min", "read", "lesezeit", "minuten", "minutes", "lecture",
	"lectura", "minutos", "and", "und", "et", "y",
)

// isDateline holds for a short block that is a date or time, with at most a
// label or two around it ("Updated: 11.04.2020, 10:27").
func isDateline(s *scan) bool { return datelineText(s.Norm()) }

// datelineText is isDateline of a normalized text.
func datelineText(t string) bool {
	if len(t) > 80 || !rxDate().MatchString(t) {
		return false
	}
	rest := rxDate().ReplaceAllString(t, " ")
	other := 0
	for _, w := range rxWord().FindAllString(rest, -1) {
		if !dateLabelWords()[w] {
			other++
		}
	}
	return other <= 1
}

// metaSeparators split a line of post metadata into its fields.
const metaSeparators = "|·•"

// isMetaLine holds for a line of post metadata: a date and at least two
// more short fields between separators ("Friday | 14 June 2019 | by Ana
// Ruiz in Fashion | 0 comments"), or fields that are each a date or a
// byline, split by separators or dashes ("By Metro Desk | March 3, 2026 at
// 4:15 PM EST - Updated March 3 at 6:02 PM").
func isMetaLine(s *scan) bool {
	t := s.Norm()
	if len(t) > 160 || !rxDate().MatchString(t) {
		return false
	}
	if datedFields(s.Text()) {
		return true
	}
	fields := strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune(metaSeparators, r) })
	if len(fields) < 3 {
		return false
	}
	for _, f := range fields {
		if len(strings.TrimSpace(f)) > 40 {
			return false
		}
	}
	return true
}

// rxFieldSeparator splits a metadata line into fields: the separators, or
// a dash with space on both sides (a dash inside a word joins it).
var rxFieldSeparator = lazyRegexp(`[` + metaSeparators + `]|\s[-–—]\s`)

// datedFields holds for a line of two or more fields that are each a date,
// a byline, a name or a reading time, at least one a date.
func datedFields(text string) bool {
	fields := rxFieldSeparator().Split(text, -1)
	if len(fields) < 2 {
		return false
	}
	dated := false
	for _, f := range fields {
		f = strings.TrimSpace(f)
		switch {
		case f == "":
		case datelineText(dom.Normalize(f)):
			dated = true
		case !isBylineText(f) && !isNames(strings.Fields(f)) && !rxReadTime().MatchString(dom.Normalize(f)):
			return false
		}
	}
	return dated
}

// titleRepeatMax is the longest heading (bytes) taken for a repeated title:
// a long headline in a script of three-byte letters, with a kicker.
const titleRepeatMax = 800

// titleRepeatBefore: a heading before the story's first paragraph that
// repeats the title.
func titleRepeatBefore(s *scan) bool {
	return s.lay != nil && s.lay.before(s.n) && isTitleRepeat(s)
}

// isTitleRepeat holds for a heading that repeats the title the view's
// header shows, maybe with a kicker before or after it.
func isTitleRepeat(s *scan) bool {
	title := s.lay.title
	if title == "" || !isHeadingLike(s.n) && !isHeading(s.n.Data) {
		return false
	}
	t := s.Norm()
	if t == title {
		return true
	}
	// With a kicker, the title must be long enough not to be just a name
	// that a subheading mentions.
	return len(title) >= titleWithKickerMin && strings.Contains(t, title) && len(t)-len(title) <= kickerMax
}

// titleWithKickerMin is the shortest title matched inside a longer heading.
const titleWithKickerMin = 25

// isDatedLabel holds for a date run together with a section or tag label
// ("24.01.2022 11:38Kategorie: News").
func isDatedLabel(s *scan) bool {
	t := s.Norm()
	if len(t) > 100 || !rxDate().MatchString(t) {
		return false
	}
	rest := strings.TrimSpace(rxDate().ReplaceAllString(t, " "))
	return rest != "" && dom.StartsWithWord(rest, edgeLabels)
}

// rxBylineLeftover matches what is left of a byline line whose author link
// readability removed: the "by" word, then nothing or a comma and a role.
var rxBylineLeftover = lazyRegexp(`^(by|von|par|por|di|door|av|de):?(\s*,.{0,60})?$`)

// bylinePrefixes may stand before a repeated byline.
var bylinePrefixes = []string{"", "by ", "von ", "par ", "por ", "di ", "door ", "av ", "autor ", "author "}

// isBylineRepeat holds for a short block that only repeats the byline shown
// in the view's header ("By Mara Jensen", "Von Katrin Vogel").
func isBylineRepeat(s *scan) bool {
	t := s.Norm()
	if rxBylineLeftover().MatchString(t) {
		return true // what is left once the author link went (readability takes rel=author links as the byline)
	}
	if len(t) <= bylineLineMax && !s.inRunningText() && isBylineText(s.Text()) {
		return true // a byline the header may not show: several authors, a desk, an agency
	}
	if s.lay == nil || s.lay.byline == "" || s.inRunningText() {
		return false // the author's link inside a line is judged with its line
	}
	if len(t) > len(s.lay.byline)+bylineExtra {
		return false
	}
	for _, p := range bylinePrefixes {
		rest, ok := strings.CutPrefix(t, p+s.lay.byline)
		if ok && (rest == "" || strings.IndexFunc(rest, unicode.IsLetter) != 0) {
			return true // the byline, maybe followed by a role and a date
		}
	}
	return false
}

// bylineWords start a byline line, in the languages of bylinePrefixes.
var bylineWords = lazySet("by", "von", "par", "por", "di", "door", "av")

// nameJoiners may stand between the names of a byline, lower-case: "and"
// and its kin, and the particles of names ("van", "de", "bin").
var nameJoiners = lazySet(
	"and", "&", "und", "et", "y", "e", "en", "i", "och", "og", "van", "von", "de", "der", "den", "du", "da", "del",
	"della", "di", "dos", "das", "do", "la", "le", "zu", "ter", "ten", "bin", "ibn", "al",
)

// notNames are capitalised words that start a phrase, not a name ("By The
// Numbers", "By This Time").
var notNames = lazySet("the", "a", "an", "this", "that", "these", "those", "then", "now", "all", "our", "my", "der",
	"die", "das", "le", "la", "les", "el", "los", "las", "il", "het", "een")

// bylineNamesMax is how many words a byline may hold after its "By".
const bylineNamesMax = 10

// isBylineText holds for a line that is only a byline, in the page's
// letter case: "By", then capitalised names with "and" or commas between
// them and maybe an agency ("By Ada Brook and Sam Lee, Reuters"). A
// sentence that starts with "By" has lower-case words, digits or ends as a
// sentence does.
func isBylineText(t string) bool {
	words := strings.Fields(strings.ReplaceAll(t, ",", " , "))
	if len(words) < 2 || len(words) > bylineNamesMax+1 || !bylineWords()[strings.ToLower(words[0])] {
		return false
	}
	return isNames(words[1:])
}

// isNames holds for a run of words that only names people or a desk:
// capitalised names with "and", commas and particles between them, not
// ending as a sentence does.
func isNames(words []string) bool {
	if len(words) == 0 || len(words) > bylineNamesMax {
		return false
	}
	if last := words[len(words)-1]; strings.HasSuffix(last, ".") && len(last) > len("Jr.") || strings.ContainsAny(last, "!?") {
		return false
	}
	names := 0
	for i, w := range words {
		w = strings.TrimRight(w, ".,")
		switch {
		case w == "":
		case nameJoiners()[w] && i > 0:
		case isNameWord(w) && !(names == 0 && notNames()[strings.ToLower(w)]):
			names++
		default:
			return false
		}
	}
	return names > 0
}

// isNameWord: a capitalised word of letters, maybe with hyphens,
// apostrophes and initials' dots ("O'Neil", "Jean-Luc", "J.").
func isNameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	return strings.IndexFunc(w, func(r rune) bool {
		return !unicode.IsLetter(r) && !strings.ContainsRune("-'’.", r)
	}) < 0
}

// bylineExtra is how much a byline line may add to the name: a role and a date.
const bylineExtra = 60

// bylineLineMax is the longest line taken for a byline on its shape alone.
const bylineLineMax = 100

// edgeLabels start short metadata lines: sections, tags and reading time
// (en, de, fr, es, it, pl).
var edgeLabels = []string{
	"category", "categories", "kategorie", "kategorien", "rubrik", "ressort", "thema:", "themen:", "topics", "topic:",
	"tags", "schlagworte", "schlagwörter", "stichworte", "catégorie", "catégories", "mots-clés", "categoría",
	"categorías", "etiquetas", "categoria", "tag:", "kategoria", "tagi", "lesezeit", "lesedauer", "reading time",
	"temps de lecture", "tiempo de lectura", "tempo di lettura", "czas czytania", "ten tekst przeczytasz",
}

var rxReadTime = lazyRegexp(`^\d{1,3}\s*(min|minute|minuten|minutes|minutos|minuti)\.?\s*(read|lesezeit|lesen|de lecture|de lectura|di lettura)?$`)

// isEdgeLabel: a short section, tag or reading-time line.
func isEdgeLabel(s *scan) bool {
	t := s.Norm()
	return len(t) <= 100 && (dom.StartsWithWord(t, edgeLabels) || rxReadTime().MatchString(t))
}
