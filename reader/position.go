package reader

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// layout knows where the story's prose starts and ends, so rules can treat
// blocks before the first and after the last prose paragraph differently.
type layout struct {
	order      map[*html.Node]int // pre-order index of every element
	end        map[*html.Node]int // index of the last element inside each element
	firstProse int                // index of the first prose paragraph, -1 if none
	lastProse  int                // index of the last prose paragraph's last element
	proseStart []int              // start index of every prose paragraph, in order
	byline     string             // the article's byline, normalized
	title      string             // the article's title, normalized
}

// proseMin is how much non-link text makes a paragraph prose.
const proseMin = 80

func newLayout(root *html.Node, meta storyMeta) *layout {
	l := &layout{
		order: map[*html.Node]int{}, end: map[*html.Node]int{}, firstProse: -1, lastProse: -1,
		byline: normalize(meta.byline), title: normalize(meta.title),
	}
	var els []*html.Node
	for n := root; n != nil; n = nextNode(root, n, false) {
		if n.Type == html.ElementNode {
			l.order[n] = len(els)
			els = append(els, n)
		}
	}
	// In reverse pre-order every element's children come before it: its
	// subtree ends where its last element child's subtree ends.
	for i := len(els) - 1; i >= 0; i-- {
		n := els[i]
		l.end[n] = i
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			if c.Type == html.ElementNode {
				l.end[n] = l.end[c]
				break
			}
		}
	}
	for n := root; n != nil; n = nextNode(root, n, false) {
		if n.Type == html.ElementNode && isProse(n) {
			if l.firstProse < 0 {
				l.firstProse = l.order[n]
			}
			l.lastProse = l.lastIndexIn(n)
			l.proseStart = append(l.proseStart, l.order[n])
		}
	}
	return l
}

func isProse(n *html.Node) bool {
	switch n.Data {
	case "p", "pre", "blockquote", "li", "td", "dd":
		return textLen(n)-linkTextLen(n) >= proseMin
	}
	return false
}

// lastIndexIn is the index of the last element inside n (n included), as
// the story stood when the layout was taken.
func (l *layout) lastIndexIn(n *html.Node) int {
	if i, ok := l.end[n]; ok {
		return i
	}
	return l.order[n]
}

// after reports whether n starts after the story's last prose paragraph.
func (l *layout) after(n *html.Node) bool {
	i, ok := l.order[n]
	return ok && l.lastProse >= 0 && i > l.lastProse
}

// proseAfter counts the prose paragraphs that start after n ends.
func (l *layout) proseAfter(n *html.Node) int {
	end := l.lastIndexIn(n)
	count := 0
	for i := len(l.proseStart) - 1; i >= 0 && l.proseStart[i] > end; i-- {
		count++
	}
	return count
}

// atStoryEdge holds for a block before the story's first prose paragraph,
// or one with no prose after it (it may be the last prose itself).
func atStoryEdge(s *scan) bool {
	return s.lay != nil && (s.lay.before(s.n) || closesStory(s))
}

// closesStory holds for a block that follows some of the story's prose and
// has none after it: the last thing in the story, prose of its own or not.
func closesStory(s *scan) bool {
	l := s.lay
	if l == nil || l.firstProse < 0 {
		return false
	}
	i, ok := l.order[s.n]
	return ok && i > l.firstProse && l.proseAfter(s.n) == 0
}

// before reports whether n and everything in it comes before the first prose paragraph.
func (l *layout) before(n *html.Node) bool {
	i, ok := l.order[n]
	return ok && l.firstProse >= 0 && i < l.firstProse && l.lastIndexIn(n) < l.firstProse
}

var (
	rxDate = regexp.MustCompile(`\b\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2,4}\b|\b\d{4}-\d{2}-\d{2}([t ]\d{2}:\d{2}(:\d{2})?[^ ]*)?|\b\d{1,2}:\d{2}(:\d{2})?\b|\b\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4}\b|\b\p{L}{3,12}\.?\s+\d{1,2},?\s+\d{4}\b|\b\p{L}{3,12}\s+\d{4}\b`)
	rxWord = regexp.MustCompile(`\p{L}+`)
)

// dateLabelWords may stand around a date in a dateline (en, de, fr, es, it, pt, nl, pl).
var dateLabelWords = set([]string{
	"published", "updated", "posted", "last", "on", "at", "am", "pm", "by", "uhr", "um", "veröffentlicht", "aktualisiert",
	"veröffentlichung", "aktualisierung", "stand", "zuletzt", "publié", "le", "mis", "à", "jour", "modifié", "publicado",
	"actualizado", "el", "a", "las", "de", "pubblicato", "aggiornato", "il", "alle", "atualizado", "em", "gepubliceerd",
	"bijgewerkt", "op", "publikacja", "opublikowano", "aktualizacja", "dnia", "date", "datum", "fecha", "data", "h", "gmt",
	"utc", "cet", "cest", "edt", "est", "pst", "bst", "min", "read", "lesezeit", "minuten", "minutes", "lecture",
	"lectura", "minutos", "and", "und", "et", "y",
})

// isDateline holds for a short block that is a date or time, with at most a
// label or two around it ("Updated: 11.04.2020, 10:27").
func isDateline(s *scan) bool {
	t := s.Norm()
	if len(t) > 80 || !rxDate.MatchString(t) {
		return false
	}
	rest := rxDate.ReplaceAllString(t, " ")
	other := 0
	for _, w := range rxWord.FindAllString(rest, -1) {
		if !dateLabelWords[w] {
			other++
		}
	}
	return other <= 1
}

// metaSeparators split a line of post metadata into its fields.
const metaSeparators = "|·•"

// isMetaLine holds for a line of post metadata: a date and at least two
// more short fields between separators ("Friday | 14 June 2019 | by Ana
// Ruiz in Fashion | 0 comments").
func isMetaLine(s *scan) bool {
	t := s.Norm()
	if len(t) > 160 || !rxDate.MatchString(t) {
		return false
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

// storyMeta is what the post-pass knows of the article's header.
type storyMeta struct{ byline, title string }

// kickerMax is how much a heading may add to the title (a kicker such as
// "Thema Verbraucherschutz") and still only repeat it.
const kickerMax = 40

// isTitleRepeat holds for a heading before the story that repeats the
// title the view's header shows, maybe with a kicker before or after it.
func isTitleRepeat(s *scan) bool {
	title := s.lay.title
	if title == "" || !isHeadingLike(s.n) && !headingTags[s.n.Data] {
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
	if len(t) > 100 || !rxDate.MatchString(t) {
		return false
	}
	rest := strings.TrimSpace(rxDate.ReplaceAllString(t, " "))
	return rest != "" && startsWithWord(rest, edgeLabels)
}

// rxBylineLeftover matches what is left of a byline line whose author link
// readability removed: the "by" word, then nothing or a comma and a role.
var rxBylineLeftover = regexp.MustCompile(`^(by|von|par|por|di|door|av|de):?(\s*,.{0,60})?$`)

// isBylineRepeat holds for a short block that only repeats the byline shown
// in the view's header ("By Mara Jensen", "Von Katrin Vogel").
func isBylineRepeat(s *scan) bool {
	t := s.Norm()
	if rxBylineLeftover.MatchString(t) {
		return true // what is left once the author link went (readability takes rel=author links as the byline)
	}
	if s.lay == nil || s.lay.byline == "" || inRunningText(s.n) {
		return false // the author's link inside a line is judged with its line
	}
	if len(t) > len(s.lay.byline)+bylineExtra {
		return false
	}
	for _, p := range []string{"", "by ", "von ", "par ", "por ", "di ", "door ", "av ", "autor ", "author "} {
		rest, ok := strings.CutPrefix(t, p+s.lay.byline)
		if ok && (rest == "" || strings.IndexFunc(rest, unicode.IsLetter) != 0) {
			return true // the byline, maybe followed by a role and a date
		}
	}
	return false
}

// bylineExtra is how much a byline line may add to the name: a role and a date.
const bylineExtra = 60

// edgeMetadata: a dateline or a byline repeat before the story's first
// paragraph, or a dateline after its last.
func edgeMetadata(s *scan) bool {
	if s.lay == nil {
		return false
	}
	if s.lay.before(s.n) {
		return isDateline(s) || isBylineRepeat(s) || isEdgeLabel(s) || isMetaLine(s) || isDatedLabel(s) || isTitleRepeat(s)
	}
	if s.lay.afterLead(s.n) && (isDateline(s) || isBylineRepeat(s)) {
		return true // the date or byline under a standfirst, before the body starts
	}
	return s.lay.after(s.n) && (isDateline(s) || isEdgeLabel(s) || rxBylineLeftover.MatchString(s.Norm()))
}

// afterLead reports whether n lies between the story's first prose
// paragraph (a standfirst) and its second.
func (l *layout) afterLead(n *html.Node) bool {
	i, ok := l.order[n]
	if !ok || len(l.proseStart) < 2 || i <= l.proseStart[0] {
		return false
	}
	return l.lastIndexIn(n) < l.proseStart[1]
}

// edgeLabels start short metadata lines: sections, tags and reading time
// (en, de, fr, es, it, pl).
var edgeLabels = []string{
	"category", "categories", "kategorie", "kategorien", "rubrik", "ressort", "thema:", "themen:", "topics", "topic:",
	"tags", "schlagworte", "schlagwörter", "stichworte", "catégorie", "catégories", "mots-clés", "categoría",
	"categorías", "etiquetas", "categoria", "tag:", "kategoria", "tagi", "lesezeit", "lesedauer", "reading time",
	"temps de lecture", "tiempo de lectura", "tempo di lettura", "czas czytania", "ten tekst przeczytasz",
}

var rxReadTime = regexp.MustCompile(`^\d{1,3}\s*(min|minute|minuten|minutes|minutos|minuti)\.?\s*(read|lesezeit|lesen|de lecture|de lectura|di lettura)?$`)

// isEdgeLabel: a short section, tag or reading-time line.
func isEdgeLabel(s *scan) bool {
	t := s.Norm()
	return len(t) <= 100 && (startsWithWord(t, edgeLabels) || rxReadTime.MatchString(t))
}

// tailPhrases start blocks that close a page rather than a story (normalized).
var tailPhrases = []string{
	"©", "(c)", "copyright", "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
	"todos los derechos reservados", "about the author", "über den autor", "über die autorin", "à propos de l'auteur",
	"sobre el autor", "contact", "kontakt", "tags", "schlagworte", "schlagwörter", "themen", "topics", "filed under",
	"categories", "kategorie", "rubrik", "share", "teilen", "partager", "compartir", "print", "drucken", "imprimer",
	"was this article helpful", "war der artikel", "war dieser artikel", "rate this", "bewerten", "artikel bewerten",
	"comments", "kommentare", "commentaires", "comentarios", "leave a comment", "back to", "zurück", "zur übersicht",
	"retour", "volver", "permalink", "permalien", "source:", "quelle:", "zum weiterlesen", "weiterführende links",
	"mehr zum thema", "auch interessant", "siehe auch", "see also", "related", "empfohlen", "recommended",
	"bilder des", "bildergalerie", "fotogalerie", "zur galerie", "photo gallery", "galerie photos", "galería de fotos",
	"titelbild:", "beitragsbild:", "bildnachweis", "fotonachweis", "bildquelle", "crédits photos", "crédit photo",
	"photo credits", "image credits", "créditos de las fotos", "aktualisiert am", "zuletzt aktualisiert", "last updated",
	"weitere informationen", "mehr informationen", "zusatzinformationen", "more information", "further information",
	"plus d'informations", "más información", "quellenangaben", "lesen sie auch", "this entry was posted",
	"posted in", "erstellt am", "abgelegt unter", "dieser beitrag wurde", "dieser text wurde", "dieser artikel wurde",
	"if you enjoyed", "if you liked", "support our", "unterstützen sie", "jetzt unterstützen", "suggested citation",
	"rate this", "valora esta", "bewerten sie", "wie hat ihnen", "hat ihnen der artikel", "was this", "did you find",
	"share this", "teilen sie", "diesen artikel teilen", "artikel teilen", "möchten sie den artikel", "den artikel mit",
	"źródło", "fuente:", "fonte:",
	"rezept drucken", "print recipe", "noch keine bewertungen", "no ratings yet", "sie sind aktuell nicht eingeloggt",
	"you are not logged in", "log in to comment", "pour lire la suite", "para seguir leyendo", "jetzt weiterlesen",
}

// rightsPhrases mark a copyright line wherever they sit in it.
// tailPrompts, anywhere in a short closing block, are the comment widget's,
// the letters page's, the share bar's and the donation box's words (en, de,
// fr, es). A writer's own closing
// question ("Let us know in the comments") is the story's last line and is
// not among them.
var tailPrompts = []string{
	"to post a comment", "to leave a comment", "um kommentare zu schreiben", "um zu kommentieren",
	"pour commenter", "para comentar", "letter to the editor", "leserbrief schreiben",
	"what you think about this article", "erscheinen erst nach", "no comments yet", "noch keine kommentare",
	"be the first to comment", "schreiben sie den ersten kommentar",
	"vergiss nicht zu teilen", "vergessen sie nicht zu teilen", "don't forget to share", "n'oubliez pas de partager",
	"zeigen sie ihre wertschätzung", "help us continue", "jede kleine spende", "mit einer spende", "jetzt spenden",
	"do you want to be informed", "want to stay informed", "want to stay up to date", "möchten sie informiert bleiben",
	"wollen sie informiert bleiben", "möchten sie auf dem laufenden bleiben", "voulez-vous être informé",
	"quieres estar informado", "quiere estar informado",
	"make a donation", "donate now", "faire un don", "faites un don", "haz una donación", "hacer una donación",
}

var rightsPhrases = []string{
	"all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
	"tutti i diritti riservati", "wszelkie prawa zastrzeżone", "alle rechten voorbehouden",
	"inhalte dieser website unter", "content on this site is licensed", "this work is licensed under",
	"dieses werk ist lizenziert", "sous licence creative commons", "bajo una licencia creative commons",
}

// tailRegion: n sits in the story's closing part, with at most one prose
// paragraph after it.
func tailRegion(s *scan) bool {
	return s.lay != nil && s.lay.lastProse >= 0 && s.lay.proseAfter(s.n) <= 1 && !s.lay.before(s.n)
}

// closingLine holds for a short block near the end of the story that starts
// with a phrase that closes a page (licence notes, "posted in", support calls).
func closingLine(s *scan) bool {
	if !tailRegion(s) || hasMedia(s.n) || inCaption(s.n) {
		return false
	}
	t := s.Norm()
	return startsWithWord(t, tailPhrases) || containsAny(t, rightsPhrases) || containsAny(t, tailPrompts) ||
		strings.HasPrefix(strings.TrimSpace(s.Text()), "©")
}

// ownWords say "our" (en, de, fr, es).
var ownWords = set([]string{
	"our", "unser", "unsere", "unseren", "unserem", "unserer", "unseres", "notre", "nos", "nuestro", "nuestra",
	"nuestros", "nuestras",
})

// ownProducts end the names of what a site sells or runs besides its stories
// (compounds too: "Klettermagazin", "Fan-Shop").
var ownProducts = []string{
	"shop", "store", "app", "apps", "magazin", "magazine", "podcast", "seminar", "seminare", "webinar", "jobbörse",
	"finder", "abo", "abonnement", "newsletter", "heft", "zeitschrift", "boutique", "tienda", "revista", "kanal",
	"channel", "community", "forum", "ausgabe", "édition", "edición",
}

// selfPromo holds for a block in the story's closing part that names one
// of the site's own products ("unseren Brandfinder", "our app") and is not
// a quotation.
func selfPromo(s *scan) bool {
	if !tailRegion(s) || inCaption(s.n) {
		return false
	}
	t := strings.TrimSpace(s.Text())
	if strings.HasPrefix(t, "„") || strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "“") || strings.HasPrefix(t, "«") {
		return false
	}
	words := strings.Fields(s.Norm())
	for i := 0; i+1 < len(words); i++ {
		if !ownWords[words[i]] {
			continue
		}
		next := strings.TrimFunc(words[i+1], func(r rune) bool { return !unicode.IsLetter(r) })
		for _, p := range ownProducts {
			if strings.HasSuffix(next, p) {
				return true
			}
		}
	}
	return false
}

// inCaption reports n inside a figure or its caption: a credit there belongs
// to the picture, which the story keeps.
func inCaption(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (p.Data == "figure" || p.Data == "figcaption") {
			return true
		}
	}
	return false
}

// trailingClutter holds for a short block after the story's last paragraph
// that closes the page rather than the story: a page-closing phrase, a line
// of links to the same site, or a heading or label with nothing left to head.
// List items and table cells are content (ingredients, figures) and stay.
func trailingClutter(s *scan) bool {
	if s.lay == nil || !s.lay.after(s.n) || hasMedia(s.n) || inCaption(s.n) {
		return false
	}
	switch s.n.Data {
	case "li", "td", "th", "dd", "dt", "tr":
		return false
	}
	t := s.Norm()
	if startsWithWord(t, sourceHeadings) || headingMatches(prevElement(s.n), sourceHeadings) {
		return false // the story's sources, references or notes
	}
	if startsWithWord(t, tailPhrases) || strings.HasPrefix(t, "©") {
		return true
	}
	if linkDensity(s.n) >= 0.5 {
		return mostlySameSite(s.n, s.host)
	}
	// A short last paragraph is usually the story's closing line ("Mehr
	// Infos auf …", a smiley), so only headings and other blocks count.
	// A real heading that ends the story heads nothing, even a question
	// ("Keine Lust alleine zu radeln?"); one that ends in a full stop is a
	// pull quote, which stays.
	openQuestion := headingTags[s.n.Data] && !strings.HasSuffix(strings.TrimSpace(s.Text()), ".")
	labelLike := s.n.Data != "p" && isHeadingLike(s.n) && (openQuestion || !looksLikeSentence(s.Text()))
	return labelLike && nothingAfter(s.n, s.root)
}

// looksLikeSentence: several words ending in sentence punctuation.
func looksLikeSentence(t string) bool {
	t = strings.TrimSpace(t)
	if len(strings.Fields(t)) < 5 {
		return false
	}
	t = strings.TrimRight(t, `"'”’»)]`)
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "…")
}

// mostlySameSite: most links in n point to the page's own site (teasers and
// site links), not to other sites (sources and references).
func mostlySameSite(n *html.Node, host string) bool {
	same, total := 0, 0
	for _, a := range elements(n) {
		if a.Data == "a" {
			total++
			if sameSite(getAttr(a, "href"), host) {
				same++
			}
		}
	}
	return total > 0 && same*2 >= total
}
