package rules

import (
	"strings"

	"cleanread/internal/dom"

	"golang.org/x/net/html"
)

// Endings: what closes the page rather than the story — the author's box,
// copyright and licence lines, "posted in", support calls, and short
// blocks after the last paragraph that are not sentences.
func endingRules() []rule {
	return []rule{
		{
			name: "author-box", label: "About the author", pass: storyPass,
			why: "an author's portrait box closing the story is about the writer, not the story; the header keeps the byline",
			tokens: []string{
				"authorbox", "authorbio", "aboutauthor", "authordescription", "authorinfo", "authorprofile", "entryauthor",
				"authorcard", "postauthor", "aboutme",
			},
			shape: closesStory,
		},
		{
			name: "press-boilerplate", label: "About the company", labelOf: pressLabel, pass: storyPass | sweepPass,
			why: "after a press release's own text, the 'About <company>' paragraph and the media contact are the sender's " +
				"standing boilerplate, not the news",
			langs: []string{"en", "de", "fr", "es", "pt", "it", "nl", "pl"},
			shape: pressRelease, also: pressAlso, maxChars: pressBlockMax,
		},
		{
			name: "closing-line", label: "Closing line", pass: storyPass | sweepPass,
			why:   "near the end of the story, a short line that closes the page: copyright, licence, 'posted in', a support call",
			langs: []string{"en", "de", "fr", "es"},
			shape: closingLine, maxChars: 300,
		},
		{
			name: "trailing-clutter", label: "Clutter after the story", pass: storyPass | sweepPass,
			why:   "after the story's last paragraph, short blocks that are not sentences close the page, not the story",
			langs: []string{"en", "de", "fr", "es"},
			shape: trailingClutter, maxChars: 200,
		},
	}
}

// pressBlockMax is the longest block the press boilerplate rule looks at:
// a company's description runs to a long paragraph.
const pressBlockMax = 1500

// tailPhrases start blocks that close a page rather than a story (normalized).
var tailPhrases = []string{
	"©", "(c)", "copyright", "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
	"todos los derechos reservados", "about the author", "über den autor", "über die autorin", "à propos de l'auteur",
	"sobre el autor", "contact:", "contacts:", "contact us", "kontakt:", "kontaktieren sie", "tags", "schlagworte", "schlagwörter", "themen", "topics", "filed under",
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

// tailLabels are whole blocks that close a page: words that, followed by
// more, start sentences too ("Contact with the port was lost").
var tailLabels = lazySet("contact", "contacts", "kontakt", "kontakte", "contacto", "contatti")

// tailPrompts, anywhere in a short closing block, are the comment widget's,
// the letters page's, the share bar's and the donation box's words (en, de,
// fr, es). A writer's own closing question ("Let us know in the comments")
// is the story's last line and is not among them.
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

// rightsPhrases mark a copyright or licence line wherever they sit in it.
var rightsPhrases = []string{
	"all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
	"tutti i diritti riservati", "wszelkie prawa zastrzeżone", "alle rechten voorbehouden",
	"inhalte dieser website unter", "content on this site is licensed", "this work is licensed under",
	"dieses werk ist lizenziert", "sous licence creative commons", "bajo una licencia creative commons",
}

// closingLine holds for a short block near the end of the story that starts
// with a phrase that closes a page (licence notes, "posted in", support calls).
func closingLine(s *scan) bool {
	if !tailRegion(s) || dom.HasMedia(s.n) || inCaption(s.n) {
		return false
	}
	t := s.Norm()
	return dom.StartsWithWord(t, tailPhrases) || tailLabels()[t] || s.containsAny(rightsPhrases) || s.containsAny(tailPrompts) ||
		strings.HasPrefix(strings.TrimSpace(s.Text()), "©")
}

// trailingClutter holds for a short block after the story's last paragraph
// that closes the page rather than the story: a page-closing phrase, a line
// of links to the same site, or a heading or label with nothing left to head.
// List items and table cells are content (ingredients, figures) and stay.
func trailingClutter(s *scan) bool {
	if s.lay == nil || !s.lay.after(s.n) || dom.HasMedia(s.n) || inCaption(s.n) || isCellLike(s.n.Data) {
		return false
	}
	t := s.Norm()
	if dom.StartsWithWord(t, sourceHeadings) || headingMatches(dom.PrevElement(s.n), sourceHeadings) {
		return false // the story's sources, references or notes
	}
	if dom.StartsWithWord(t, tailPhrases) || tailLabels()[t] || strings.HasPrefix(t, "©") {
		return true
	}
	if dom.LinkDensity(s.n) >= 0.5 {
		return mostlySameSite(s.n, s.host)
	}
	return endsAsLabel(s)
}

// isCellLike reports list items and table cells, which hold content.
func isCellLike(tag string) bool {
	switch tag {
	case "li", "td", "th", "dd", "dt", "tr":
		return true
	}
	return false
}

// endsAsLabel holds for a heading or label that ends the story with
// nothing after it. A short last paragraph is usually the story's closing
// line ("Mehr Infos auf …", a smiley), so only headings and other blocks
// count. A real heading that ends the story heads nothing, even a question
// ("Keine Lust alleine zu radeln?"); one that ends in a full stop is a
// pull quote, which stays.
func endsAsLabel(s *scan) bool {
	openQuestion := isHeading(s.n.Data) && !strings.HasSuffix(strings.TrimSpace(s.Text()), ".")
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
	for _, a := range dom.Elements(n) {
		if a.Data == "a" {
			total++
			if sameSite(dom.Attr(a, "href"), host) {
				same++
			}
		}
	}
	return total > 0 && same*2 >= total
}
