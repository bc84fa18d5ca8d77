package rules

import (
	"strings"
	"unicode"

	"cleanread/internal/dom"
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
	}
}

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
	return s.lay.after(s.n) && (isDateline(s) || isEdgeLabel(s) || rxBylineLeftover().MatchString(s.Norm()))
}

var (
	rxDate = lazyRegexp(`\b\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2,4}\b|\b\d{4}-\d{2}-\d{2}([t ]\d{2}:\d{2}(:\d{2})?[^ ]*)?|\b\d{1,2}:\d{2}(:\d{2})?\b|\b\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4}\b|\b\p{L}{3,12}\.?\s+\d{1,2},?\s+\d{4}\b|\b\p{L}{3,12}\s+\d{4}\b`)
	rxWord = lazyRegexp(`\p{L}+`)
)

// dateLabelWords may stand around a date in a dateline (en, de, fr, es, it, pt, nl, pl).
var dateLabelWords = lazySet(
	"published", "updated", "posted", "last", "on", "at", "am", "pm", "by", "uhr", "um", "veröffentlicht", "aktualisiert",
	"veröffentlichung", "aktualisierung", "stand", "zuletzt", "publié", "le", "mis", "à", "jour", "modifié", "publicado",
	"actualizado", "el", "a", "las", "de", "pubblicato", "aggiornato", "il", "alle", "atualizado", "em", "gepubliceerd",
	"bijgewerkt", "op", "publikacja", "opublikowano", "aktualizacja", "dnia", "date", "datum", "fecha", "data", "h", "gmt",
	"utc", "cet", "cest", "edt", "est", "pst", "bst", "min", "read", "lesezeit", "minuten", "minutes", "lecture",
	"lectura", "minutos", "and", "und", "et", "y",
)

// isDateline holds for a short block that is a date or time, with at most a
// label or two around it ("Updated: 11.04.2020, 10:27").
func isDateline(s *scan) bool {
	t := s.Norm()
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
// Ruiz in Fashion | 0 comments").
func isMetaLine(s *scan) bool {
	t := s.Norm()
	if len(t) > 160 || !rxDate().MatchString(t) {
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

// isTitleRepeat holds for a heading before the story that repeats the
// title the view's header shows, maybe with a kicker before or after it.
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

// bylineExtra is how much a byline line may add to the name: a role and a date.
const bylineExtra = 60

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
