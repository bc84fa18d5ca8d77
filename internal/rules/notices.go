package rules

import "strings"

// Notices: what the site says about itself inside the story — paywalls,
// affiliate disclosures, disclaimers, and errors its server printed.
func noticeRules() []rule {
	return []rule{
		{
			name: "paywall-notice", label: "Subscription notice", pass: storyPass,
			why: "subscription walls and 'continue reading' notices interrupt the story",
			contains: byLang{
				"en": {
					"to continue reading", "subscribe to continue", "subscribers only", "for subscribers",
					"exclusive to subscribers", "create a free account", "you have reached your limit",
					"free articles remaining", "want to keep reading", "already subscribed",
				},
				"de": {
					"weiterlesen mit", "nur für abonnenten", "möchten sie weiterlesen", "sie möchten weiterlesen",
					"ich bin abonnent", "bereits abonnent", "schon abonnent",
				},
				"fr": {"réservé aux abonnés", "déjà abonné"},
				"es": {"exclusivo para suscriptores", "ya soy suscriptor"},
			},
			maxChars: 400,
		},
		{
			name: "affiliate-notice", label: "Affiliate-link notice", pass: storyPass,
			why: "a disclosure that links earn the site a commission is about the page's business, not the story",
			contains: byLang{
				"en": {
					"affiliate link", "affiliate-link", "affiliatelink", "earn a commission", "earns a commission",
					"receive a commission",
				},
				"de": {
					"partnerlink", "partner-link", "provisionslink", "erhalten wir eine provision",
					"bekommen wir eine provision", "erhalten wir eine vergütung",
				},
				"fr": {"lien affilié", "liens affiliés"},
				"es": {"enlace de afiliado", "enlaces de afiliados"},
			},
			maxChars: 400,
		},
		{
			name: "server-error", label: "Server error message", pass: both,
			why:   "a PHP warning or error printed into the page is the server's output, not the story",
			langs: []string{"en"},
			shape: serverError, maxChars: 2000,
		},
		{
			name: "disclaimer", label: "The site’s disclaimer", pass: storyPass,
			why: "a note that the text is the author's opinion, given without warranty or reviewed by the site's experts " +
				"speaks for the site, not the story",
			contains: byLang{
				"en": {
					"do not necessarily reflect", "does not necessarily reflect", "views expressed in this",
					"views expressed here", "opinions expressed in this", "opinions expressed here",
					"medically reviewed by", "fact checked by", "fact-checked by",
				},
				"de": {
					"gibt die meinung des autors wieder", "gibt die meinung der autorin wieder",
					"nicht notwendigerweise die der redaktion", "alle angaben ohne gewähr",
					"handelt es sich um ein blog aus der", "von medizinern geprüft", "medizinisch geprüft",
					"ärztlich geprüft", "fachlich geprüft von",
				},
				"fr": {"les opinions exprimées dans cet", "n'engagent que leur auteur", "révisé par un médecin"},
				"es": {"no reflejan necesariamente", "no refleja necesariamente", "revisado médicamente"},
			},
			maxChars: 300,
		},
	}
}

// rxServerError matches the start of a PHP warning or error as PHP prints
// it into a page ("Warning: … in /path/file.php on line 407").
var rxServerError = lazyRegexp(`^(warning|deprecated|notice|fatal error|parse error|strict standards)\s*:.{0,400}\bon line \d+`)

// serverErrorStarts are the words rxServerError needs the text to start with.
var serverErrorStarts = []string{"warning", "deprecated", "notice", "fatal error", "parse error", "strict standards"}

func serverError(s *scan) bool {
	if !s.startsWithAny(serverErrorStarts) {
		return false
	}
	t := s.Norm()
	return strings.Contains(t, " on line ") && rxServerError().MatchString(t)
}
