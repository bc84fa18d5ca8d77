package rules

import "cleanread/internal/dom"

// Widgets: the words of the page's controls — share bars, comment counts,
// button labels, follow boxes, follower counts and gallery controls.
func widgetRules() []rule {
	return []rule{
		{
			name: "comment-count", label: "Comment count", pass: storyPass,
			why:   "comment counts and 'leave a comment' links belong to the comment widget",
			langs: []string{"en", "de", "fr", "es", "it", "pt", "nl"},
			shape: commentCount, maxChars: 60,
		},
		{
			name: "control-label", label: "Button label", pass: storyPass,
			why: "the label of a button or a placeholder ('Show more', 'Quellen ausblenden', 'External content') is page furniture",
			labels: byLang{
				"en": {
					"show more", "show less", "read less", "see all", "view all", "load more", "show sources",
					"hide sources", "external content", "download pdf", "pdf download", "print", "print recipe",
					"print this article", "jump to recipe", "read more", "continue reading", "more",
				},
				"de": {
					"mehr anzeigen", "weniger anzeigen", "alle anzeigen", "bild anzeigen", "bilder anzeigen",
					"quellen anzeigen", "quellen ausblenden", "ausklappen", "einklappen", "externer inhalt",
					"inhalt laden", "als pdf herunterladen", "pdf herunterladen",
					"dieses skript als pdf herunterladen", "artikel als pdf herunterladen", "drucken",
					"rezept drucken", "artikel drucken", "seite drucken", "zum rezept", "zum rezept springen",
					"weiterlesen", "mehr lesen", "mehr",
				},
				"fr": {
					"voir plus", "afficher plus", "afficher moins", "contenu externe", "télécharger le pdf",
					"imprimer", "lire la suite",
				},
				"es": {
					"ver más", "mostrar más", "mostrar menos", "contenido externo", "descargar pdf", "imprimir",
					"imprimir receta", "leer más", "seguir leyendo",
				},
				"pl": {"czytaj więcej", "czytaj dalej", "więcej"},
			},
			maxChars: 60,
		},
		{
			name: "follow-topic", label: "Follow-this-topic box", pass: storyPass,
			why: "a box offering to follow the story's topic or author, with its follower count, is the site's widget",
			contains: byLang{
				"en": {"follow this topic", "follow this author", "follow topic"},
				"de": {
					"folgen diesem thema", "diesem thema folgen", "thema folgen", "folgen diesem autor",
					"diesem autor folgen",
				},
				"fr": {"suivre ce sujet", "suivre ce thème"},
				"es": {"seguir este tema", "seguir a este autor"},
			},
			maxChars: 200,
		},
		{
			name: "follower-count", label: "Follower count", pass: storyPass,
			why:   "a follower or like count belongs to the social widget, not the story",
			langs: []string{"en", "de", "fr", "es"},
			shape: followerCount, maxChars: 40,
		},
		{
			name: "gallery-nav", label: "Gallery controls", pass: storyPass,
			why:   "gallery controls ('Next', '3 of 12', 'Enlarge') are widgets, not story",
			langs: []string{"en", "de", "fr", "es", "it", "pt", "nl"},
			shape: galleryControl, maxChars: 40,
		},
	}
}

// commentWords must appear in a block before the comment regexps run.
var commentWords = []string{"comment", "kommentar", "comentar", "commenti", "reacties", "conversation", "discussion"}

var (
	rxCommentCount = lazyRegexp(`^(\d+\s+)?(comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|comentários)(\s*\(?\d+\)?)?$`)
	rxCommentCall  = lazyRegexp(`^(leave|add|post|write|show|view|read|see) (a |the |all )?(\d+ )?comments?|^join the (conversation|discussion)|^kommentar(e)? (schreiben|anzeigen)|^kommentieren|^(laisser|ajouter) un commentaire|^(deja|dejar|escribe) (un|tu) comentario`)
)

func commentCount(s *scan) bool {
	t := s.Norm()
	if !dom.ContainsAny(t, commentWords) {
		return false
	}
	return rxCommentCount().MatchString(t) || rxCommentCall().MatchString(t)
}

// rxFollowerCount matches a bare count of followers, fans or likes.
var rxFollowerCount = lazyRegexp(`^[\d.,]+\s*[km]?\s+(followers?|abonnenten|follower|fans|likes|gefällt mir|abonnés|seguidores)$`)

func followerCount(s *scan) bool { return rxFollowerCount().MatchString(s.Norm()) }

// galleryLabels are whole-text gallery controls (normalized).
var galleryLabels = lazySet(
	"next", "previous", "prev", "next image", "previous image", "next slide", "previous slide", "enlarge",
	"view gallery", "open gallery", "view slideshow", "launch gallery", "expand", "fullscreen", "close",
	"weiter", "zurück", "vorheriges bild", "nächstes bild", "bild vergrößern", "vergrößern",
	"suivant", "précédent", "agrandir", "siguiente", "anterior", "ampliar", "successivo", "precedente",
	"volgende", "vorige", "próximo",
)

// rxGalleryCount is a gallery's position, with or without what it counts:
// "3 of 12", "Image 3 of 12", "Bild 3/12", "3 von 12 Fotos".
var rxGalleryCount = lazyRegexp(`^((image|photo|picture|slide|bild|foto|photo|imagen|immagine|afbeelding)\s+)?` +
	`\d{1,3}\s*(of|/|von|sur|de|di|van)\s*\d{1,3}(\s+(images|photos|pictures|slides|bildern|bilder|fotos|photos|imágenes|immagini|foto))?$`)

func galleryControl(s *scan) bool {
	t := s.Norm()
	return galleryLabels()[t] || rxGalleryCount().MatchString(t)
}
