package rules

import (
	"strings"
	"unicode"
)

// Calls to action: lines that send the reader elsewhere — "Read more:",
// sign-up and subscribe calls, click prompts, newsletter boxes and the
// site's promotion of its own products.
func ctaRules() []rule {
	return []rule{
		{
			name: "cta-line", label: "“Read more” line", pass: storyPass,
			why: "a short 'Read more:', 'Related:', 'Lesen Sie auch' line points away from the story",
			starts: byLang{
				"en": {
					"read more", "read also", "also read", "related", "more from", "more on", "more:", "recommended",
					"see more", "read next", "up next", "watch", "listen", "don't miss", "dont miss", "must read",
					"trending", "click here for", "continue to", "continue with", "next page",
				},
				"de": {
					"lesen sie auch", "lesen sie mehr", "lesen sie", "weiterlesen", "mehr zum thema", "mehr dazu",
					"auch interessant", "das könnte sie auch interessieren", "zum thema", "siehe auch", "mehr:",
					"lesen sie dazu", "dazu passend", "hier geht es zu", "hier geht es zum", "hier geht es zur",
					"hier geht's zu", "hier geht’s zu", "hier das", "hier die", "hier der", "hier finden sie",
					"hier findest du", "hier klicken", "weiter zu", "weiter zum", "weiter zur", "weiter mit",
					"nächste seite",
				},
				"fr": {
					"à lire aussi", "a lire aussi", "lire aussi", "lire la suite", "à voir aussi", "voir aussi",
					"sur le même sujet", "page suivante",
				},
				"es": {
					"lee también", "lea también", "leer más", "te puede interesar", "le puede interesar",
					"más información", "relacionado", "puedes ver", "ver también", "mira también", "página siguiente",
				},
				"it": {"leggi anche", "potrebbe interessarti"},
				"pt": {"leia também", "leia mais", "veja também"},
				"nl": {"lees ook", "lees meer"},
				"ru": {"читайте также", "читайте еще"},
				"pl": {
					"czytaj też", "czytaj także", "czytaj więcej", "zobacz też", "zobacz także", "przeczytaj też",
					"przeczytaj także",
				},
			},
			maxChars: 220, shape: hasLink, quotes: true,
		},
		{
			name: "self-promo", label: "The site’s own promotion", pass: storyPass,
			why:   "near the end, a short call about the site's own shop, app, magazine or seminar promotes the site, not the story",
			langs: []string{"en", "de", "fr", "es"},
			shape: selfPromo, maxChars: 400,
		},
		{
			name: "lone-link-line", label: "Link to another story", pass: storyPass,
			why:   "a paragraph that is nothing but a headline-sized link to the same site points to another story",
			shape: loneLinkLine, maxChars: 200,
		},
		{
			name: "cta-subscribe", label: "Sign-up or subscribe call", pass: storyPass,
			why: "sign-up, subscribe and follow calls are promotions, not story",
			starts: byLang{
				"en": {
					"sign up", "subscribe", "get our", "get the", "join our", "follow us", "follow", "like us",
					"click here", "download our", "download the app", "support our", "become a member",
					"already a subscriber",
				},
				"de": {
					"werden sie mitglied", "werde mitglied", "jetzt mitglied werden", "melden sie sich",
					"abonnieren sie", "jetzt abonnieren", "folgen sie", "registrieren sie sich",
				},
				"fr": {"devenez membre", "abonnez-vous", "inscrivez-vous", "suivez-nous"},
				"es": {"hazte socio", "suscríbete", "suscribete", "regístrate", "síguenos"},
				"it": {"iscriviti", "seguici"},
				"pt": {"assine", "inscreva-se"},
				"nl": {"abonneer", "schrijf je in"},
				"pl": {"zapraszamy do subskrypcji", "zapraszamy też do subskrypcji", "subskrybuj", "zapisz się"},
			},
			maxChars: 260,
		},
		{
			name: "click-prompt", label: "“Click here” call", pass: storyPass,
			why: "a short line that tells the reader to click ('Einfach hier klicken und …', 'Click here to …') is a call to action",
			contains: byLang{
				"en": {"click here to", "click here for"},
				"de": {"hier klicken und", "klicken sie hier", "klicke hier"},
				"fr": {"cliquez ici pour", "cliquez ici"},
				"es": {"haga clic aquí", "haz clic aquí", "pinche aquí"},
			},
			maxChars: 200, shape: hasLink,
		},
		{
			name: "newsletter-box", label: "Newsletter box", pass: storyPass,
			why: "a short block about a newsletter, feed or e-mail sign-up",
			contains: byLang{
				"en": {"newsletter", "in your inbox", "inbox", "e-mail address", "email address", "rss feed"},
				"de": {"newsletter", "rss-feed"},
				"fr": {"infolettre", "flux rss"},
				"es": {"boletín"},
				"it": {"newsletter"},
				"pt": {"newsletter"},
				"nl": {"newsletter"},
			},
			maxChars: 400, shape: promoWords,
		},
	}
}

var rxPromoVerb = lazyRegexp(`sign ?up|signing up|subscribe|register|enter your|delivered|get the latest|anmelden|melden sie sich|abonnieren|inscri|suscr|iscriv|abonn|aanmelden`)

func promoWords(s *scan) bool { return rxPromoVerb().MatchString(s.Norm()) }

// ownWords say "our" (en, de, fr, es).
var ownWords = lazySet(
	"our", "unser", "unsere", "unseren", "unserem", "unserer", "unseres", "notre", "nos", "nuestro", "nuestra",
	"nuestros", "nuestras",
)

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
	if !tailRegion(s) || inCaption(s.n) || opensQuote(s.Text()) {
		return false
	}
	words := strings.Fields(s.Norm())
	for i := 0; i+1 < len(words); i++ {
		if ownWords()[words[i]] && namesProduct(words[i+1]) {
			return true
		}
	}
	return false
}

// opensQuote reports text that starts with a quotation mark.
func opensQuote(t string) bool {
	t = strings.TrimSpace(t)
	return strings.HasPrefix(t, "„") || strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "“") || strings.HasPrefix(t, "«")
}

// namesProduct reports a word that ends in one of the ownProducts.
func namesProduct(word string) bool {
	word = strings.TrimFunc(word, func(r rune) bool { return !unicode.IsLetter(r) })
	for _, p := range ownProducts {
		if strings.HasSuffix(word, p) {
			return true
		}
	}
	return false
}
