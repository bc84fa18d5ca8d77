package reader

import "golang.org/x/net/html"

// pass says where a rule runs: over the whole page before readability
// scores it, inside the chosen story afterwards, or both.
type pass uint8

const (
	pre   pass = 1 << iota // whole page, before readability: high-confidence clutter only
	post                   // inside the story readability chose
	sweep                  // inside the story again, once post is done: what other removals left behind
	both  = pre | post
)

// rule is one teaser and ad rule, as data. A rule matches an element when
// every condition it sets holds. Rules name only general signals: tags, ARIA
// roles, class/id tokens, label words and page structure — never a site.
type rule struct {
	name  string   // stable name, used in Article.Removed and WithoutRules
	why   string   // one line on why this is clutter
	langs []string // languages its words cover; nil for language-neutral rules
	pass  pass

	tags   []string // element names it looks at; empty means any block-ish element
	roles  []string // ARIA roles (any one)
	tokens []string // class/id tokens or joined token pairs (any one)

	labels   []string // the block's whole text is one of these (normalized)
	starts   []string // the block's text starts with one of these words (normalized)
	contains []string // the block's text contains one of these (normalized)
	maxChars int      // the block's text is at most this long (bytes); 0 = no limit

	quotes bool                   // also look at blockquotes, which text rules otherwise leave to the story
	guard  bool                   // skip story-shaped blocks (several long prose paragraphs)
	shape  func(*scan) bool       // a structural condition, see shapes.go
	also   func(*scan) *html.Node // optionally a sibling to remove with the match
}

// rules is the rule table, checked in order on each element, top-down.
var rules = []rule{
	{
		name: "landmark-nav", pass: both,
		why:  "site and section navigation is never the story",
		tags: []string{"nav"}, roles: []string{"navigation", "menu", "menubar"},
		shape: notTableOfContents,
	},
	{
		name: "landmark-chrome", pass: pre,
		why:   "page banner and footer landmarks hold site chrome, not the story",
		roles: []string{"banner", "contentinfo", "search"},
		guard: true,
	},
	{
		name: "page-footer", pass: both,
		why:   "footers hold copyright, tags, share links and site links",
		tags:  []string{"footer"},
		guard: true,
	},
	{
		name: "dialog", pass: pre,
		why:  "dialogs and modals are overlays: cookie walls, sign-up prompts",
		tags: []string{"dialog"}, roles: []string{"dialog", "alertdialog", "alert"},
		guard: true,
	},
	{
		name: "aside-links", pass: both,
		why:  "asides and complementary blocks full of links are teaser rails",
		tags: []string{"aside"}, roles: []string{"complementary"},
		shape: linkHeavyOrCards,
	},
	{
		name: "clutter-class", pass: both,
		why: "class and id tokens that name ads, share bars, teasers, newsletters, comments and cookie notices",
		tokens: []string{
			"ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "adcontainer",
			"adwrapper", "adbox", "adblock", "dfp", "sponsor", "sponsored", "sponsors", "promo", "promoted", "promotion",
			"share", "sharing", "sharebar", "shares", "social", "socials", "sociallinks", "followus",
			"related", "relatedarticles", "relatedposts", "relatedstories", "recommended", "recommendations",
			"popular", "mostpopular", "mostread", "trending", "morestories", "readnext", "teasers", "teaserlist",
			"teaseritemlist", "nextpost", "nextposts", "prevpost", "morearticles", "relatedlinks", "postlist", "postslist",
			"listposts", "articlelist", "newslist", "morenews", "latestnews", "latestposts", "recentposts", "relatedcontent",
			"playlist", "videoplaylist", "linkbox", "viewmore", "affiliate", "affiliatetext", "flyout", "wishlist",
			"actionbar", "ratings", "starrating", "postratings", "newsrate", "textwidget", "widgetarea",
			"newsletter", "newsletters", "subscribe", "subscription", "signup", "optin",
			"comments", "commentlist", "respond", "disqus",
			"cookie", "cookies", "consent", "gdpr",
			"breadcrumb", "breadcrumbs", "sidebar", "toolbar", "pagination", "pager",
			"tags", "taglist", "tagcloud", "categories", "authorbox", "authorbio", "aboutauthor", "bio",
			"outstream", "modal", "navbar", "menu", "wpcalendar",
			"sronly", "visuallyhidden", "screenreader",
		},
		guard: true,
	},
	{
		name: "other-stories", pass: post,
		why: "a block classed as related or next stories that closes the story holds other stories' openings, " +
			"however long their excerpts; clutter-class spares long blocks, this rule only those after the story's prose",
		tokens: []string{
			"related", "relatedposts", "relatedarticles", "relatedstories", "relatedcontent", "nextpost", "nextposts",
			"morestories", "morearticles", "readnext",
		},
		shape: closesStory,
	},
	{
		name: "linked-card", pass: post,
		why: "a picture and a headline that both link to the same other page, with at most a line under them, " +
			"is a card for another story or an offer, whatever its class",
		shape: linkedCard,
	},
	{
		name: "read-on-card", pass: post,
		why: "after the story, a headline and an excerpt with a button to read that other story ('Artikel lesen') " +
			"is a teaser card, whatever its class",
		langs: []string{"en", "de", "fr", "es"},
		shape: readOnCard,
	},
	{
		name: "teaser-card", pass: both,
		why: "a block classed as a teaser that links to another page of the site is a card for another story; " +
			"a teaser without a link is often the story's own intro, and stays",
		tokens: []string{"teaser", "teaserblock", "teaserbox", "inlinetextbox", "inlinebox"},
		shape:  teaserCard,
	},
	{
		name: "ad-label", pass: post,
		why:   "a block whose whole text is an ad label marks an ad slot",
		langs: []string{"en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "da", "ru", "uk", "zh", "ja", "ko", "tr", "cs"},
		labels: []string{
			"advertisement", "advertisements", "advertising", "ad", "ads", "sponsored", "sponsored content", "paid content",
			"promoted", "partner content", "story continues below advertisement", "article continues below advertisement",
			"advertisement continue reading below", "continue reading below", "article continues below", "scroll to continue with content",
			"anzeige", "werbung", "gesponsert", "artikel wird unter der anzeige fortgesetzt",
			"publicité", "publicite", "pub", "sponsorisé", "contenu sponsorisé", "la suite après cette publicité",
			"publicidad", "anuncio", "patrocinado", "contenido patrocinado",
			"pubblicità", "sponsorizzato", "publicidade", "advertentie", "gesponsord", "reklama", "annons", "annonce",
			"реклама", "广告", "廣告", "広告", "광고", "reklam",
		},
		maxChars: 80,
	},
	{
		name: "ad-prefix", pass: post,
		why:   "a short block introduced by an ad label and a separator ('ANZEIGE – …', 'Sponsored: …') is an ad",
		langs: []string{"en", "de", "fr", "es", "it", "pl", "ru"},
		shape: adPrefixed, maxChars: 300,
	},
	{
		name: "share-bar", pass: post,
		why:   "a block made only of share and follow words is a share bar",
		langs: []string{"en", "de", "fr", "es", "it", "pt", "nl"},
		shape: onlyShareWords, maxChars: 300,
	},
	{
		name: "teaser-list", pass: post,
		why:   "a list of short headline links, under a teaser heading or after the story, is a 'more stories' rail",
		shape: teaserList,
		also:  teaserHeadingBefore,
	},
	{
		name: "teaser-heading", pass: post,
		why:   "a heading that announces other stories, followed by their links",
		langs: []string{"en", "de", "fr", "es", "it", "pt", "nl"},
		shape: teaserHeadingWithLinks, maxChars: headingMaxChars,
		also: nextTeaserBlock,
	},
	{
		name: "teaser-heading-left", pass: sweep,
		why:   "a heading that announced other stories, left with nothing under it once they were removed",
		langs: []string{"en", "de", "fr", "es", "it", "pt", "nl"},
		shape: teaserHeadingLeftAlone, maxChars: headingMaxChars,
		also: teaserDek,
	},
	{
		name: "post-meta", pass: post,
		why: "a block classed as the post's metadata (date, categories, 'filed under') before or after the story; " +
			"the view's header shows date and byline. Not in the whole-page pass: readability reads the byline there",
		tokens: []string{"entrymeta", "postmeta", "postmetadata", "articlemeta", "metadata", "postinfo", "entryfooter"},
		shape:  atStoryEdge,
	},
	{
		name: "author-box", pass: post,
		why: "an author's portrait box closing the story is about the writer, not the story; the header keeps the byline",
		tokens: []string{
			"authorbox", "authorbio", "aboutauthor", "authordescription", "authorinfo", "authorprofile", "entryauthor",
			"authorcard", "postauthor", "aboutme",
		},
		shape: closesStory,
	},
	{
		name: "cta-line", pass: post,
		why:   "a short 'Read more:', 'Related:', 'Lesen Sie auch' line points away from the story",
		langs: []string{"en", "de", "fr", "es", "it", "pt", "nl", "ru"},
		starts: []string{
			"read more", "read also", "also read", "related", "more from", "more on", "more:", "recommended", "see more",
			"read next", "up next", "watch", "listen", "don't miss", "dont miss", "must read", "trending",
			"lesen sie auch", "lesen sie mehr", "lesen sie", "weiterlesen", "mehr zum thema", "mehr dazu", "auch interessant",
			"das könnte sie auch interessieren", "zum thema", "siehe auch",
			"à lire aussi", "a lire aussi", "lire aussi", "lire la suite", "à voir aussi", "voir aussi", "sur le même sujet",
			"lee también", "lea también", "leer más", "te puede interesar", "le puede interesar", "más información", "relacionado",
			"leggi anche", "potrebbe interessarti", "leia também", "leia mais", "veja também", "lees ook", "lees meer",
			"читайте также", "читайте еще", "puedes ver", "ver también", "mira también", "czytaj też", "czytaj także", "czytaj więcej",
			"zobacz też", "zobacz także", "przeczytaj też", "przeczytaj także", "mehr:", "lesen sie dazu", "dazu passend",
			"hier geht es zu", "hier geht es zum", "hier geht es zur", "hier geht's zu", "hier geht’s zu", "hier das",
			"hier die", "hier der", "hier finden sie", "hier findest du", "hier klicken", "click here for",
			"weiter zu", "weiter zum", "weiter zur", "weiter mit", "continue to", "continue with", "next page",
			"nächste seite", "page suivante", "página siguiente",
		},
		maxChars: 220, shape: hasLink, quotes: true,
	},
	{
		name: "paywall-notice", pass: post,
		why:   "subscription walls and 'continue reading' notices interrupt the story",
		langs: []string{"en", "de", "fr", "es"},
		contains: []string{
			"to continue reading", "subscribe to continue", "subscribers only", "for subscribers", "exclusive to subscribers",
			"create a free account", "you have reached your limit", "free articles remaining",
			"weiterlesen mit", "nur für abonnenten", "réservé aux abonnés", "exclusivo para suscriptores",
			"möchten sie weiterlesen", "sie möchten weiterlesen", "ich bin abonnent", "bereits abonnent", "schon abonnent",
			"want to keep reading", "already subscribed", "déjà abonné", "ya soy suscriptor",
		},
		maxChars: 400,
	},
	{
		name: "affiliate-notice", pass: post,
		why:   "a disclosure that links earn the site a commission is about the page's business, not the story",
		langs: []string{"en", "de", "fr", "es"},
		contains: []string{
			"affiliate link", "affiliate-link", "affiliatelink", "partnerlink", "partner-link", "provisionslink",
			"earn a commission", "earns a commission", "receive a commission", "erhalten wir eine provision",
			"bekommen wir eine provision", "erhalten wir eine vergütung", "lien affilié", "liens affiliés", "enlace de afiliado",
			"enlaces de afiliados",
		},
		maxChars: 400,
	},
	{
		name: "self-promo", pass: post,
		why:   "near the end, a short call about the site's own shop, app, magazine or seminar promotes the site, not the story",
		langs: []string{"en", "de", "fr", "es"},
		shape: selfPromo, maxChars: 400,
	},
	{
		name: "server-error", pass: both,
		why:   "a PHP warning or error printed into the page is the server's output, not the story",
		langs: []string{"en"},
		shape: serverError, maxChars: 2000,
	},
	{
		name: "disclaimer", pass: post,
		why: "a note that the text is the author's opinion, given without warranty or reviewed by the site's experts " +
			"speaks for the site, not the story",
		langs: []string{"en", "de", "fr", "es"},
		contains: []string{
			"gibt die meinung des autors wieder", "gibt die meinung der autorin wieder", "nicht notwendigerweise die der redaktion",
			"alle angaben ohne gewähr", "handelt es sich um ein blog aus der", "do not necessarily reflect", "does not necessarily reflect",
			"views expressed in this", "views expressed here", "opinions expressed in this", "opinions expressed here",
			"les opinions exprimées dans cet", "n'engagent que leur auteur",
			"no reflejan necesariamente", "no refleja necesariamente", "medically reviewed by", "fact checked by",
			"fact-checked by", "von medizinern geprüft", "medizinisch geprüft", "ärztlich geprüft", "fachlich geprüft von",
			"révisé par un médecin", "revisado médicamente",
		},
		maxChars: 300,
	},
	{
		name: "lone-link-line", pass: post,
		why:   "a paragraph that is nothing but a headline-sized link to the same site points to another story",
		shape: loneLinkLine, maxChars: 200,
	},
	{
		name: "cta-subscribe", pass: post,
		why:   "sign-up, subscribe and follow calls are promotions, not story",
		langs: []string{"en", "de", "fr", "es", "it", "pt", "nl", "pl"},
		starts: []string{
			"sign up", "subscribe", "get our", "get the", "join our", "follow us", "follow", "like us", "click here",
			"download our", "download the app", "support our", "become a member", "already a subscriber",
			"werden sie mitglied", "werde mitglied", "jetzt mitglied werden", "devenez membre", "hazte socio",
			"melden sie sich", "abonnieren sie", "jetzt abonnieren", "folgen sie", "registrieren sie sich",
			"abonnez-vous", "inscrivez-vous", "suivez-nous", "suscríbete", "suscribete", "regístrate", "síguenos",
			"iscriviti", "seguici", "assine", "inscreva-se", "abonneer", "schrijf je in",
			"zapraszamy do subskrypcji", "zapraszamy też do subskrypcji", "subskrybuj", "zapisz się",
		},
		maxChars: 260,
	},
	{
		name: "click-prompt", pass: post,
		why:   "a short line that tells the reader to click ('Einfach hier klicken und …', 'Click here to …') is a call to action",
		langs: []string{"en", "de", "fr", "es"},
		contains: []string{
			"hier klicken und", "klicken sie hier", "klicke hier", "click here to", "click here for", "cliquez ici pour",
			"cliquez ici", "haga clic aquí", "haz clic aquí", "pinche aquí",
		},
		maxChars: 200, shape: hasLink,
	},
	{
		name: "newsletter-box", pass: post,
		why:   "a short block about a newsletter, feed or e-mail sign-up",
		langs: []string{"en", "de", "fr", "es", "it", "pt", "nl"},
		contains: []string{
			"newsletter", "infolettre", "boletín", "in your inbox", "inbox", "e-mail address", "email address", "rss-feed",
			"rss feed", "flux rss",
		},
		maxChars: 400, shape: promoWords,
	},
	{
		name: "edge-metadata", pass: post | sweep,
		why:   "a dateline or a repeated byline before the story's first paragraph (or a dateline after its last); the view's header shows both",
		langs: []string{"en", "de", "fr", "es", "it", "pt", "nl", "pl"},
		shape: edgeMetadata, maxChars: 120,
	},
	{
		name: "closing-line", pass: post | sweep,
		why:   "near the end of the story, a short line that closes the page: copyright, licence, 'posted in', a support call",
		langs: []string{"en", "de", "fr", "es"},
		shape: closingLine, maxChars: 300,
	},
	{
		name: "trailing-clutter", pass: post | sweep,
		why:   "after the story's last paragraph, short blocks that are not sentences close the page, not the story",
		langs: []string{"en", "de", "fr", "es"},
		shape: trailingClutter, maxChars: 200,
	},
	{
		name: "picture-teaser", pass: sweep,
		why: "closing the story, a picture linking to another page of the site with a short line under it is " +
			"what a teaser card leaves once its headline and 'read more' link are gone",
		shape: pictureTeaser,
	},
	{
		name: "comment-count", pass: post,
		why:   "comment counts and 'leave a comment' links belong to the comment widget",
		langs: []string{"en", "de", "fr", "es", "it", "pt", "nl"},
		shape: commentCount, maxChars: 60,
	},
	{
		name: "control-label", pass: post,
		why:   "the label of a button or a placeholder ('Show more', 'Quellen ausblenden', 'External content') is page furniture",
		langs: []string{"en", "de", "fr", "es"},
		labels: []string{
			"show more", "show less", "read less", "see all", "view all", "load more", "show sources", "hide sources",
			"external content", "download pdf", "pdf download",
			"mehr anzeigen", "weniger anzeigen", "alle anzeigen", "bild anzeigen", "bilder anzeigen", "quellen anzeigen",
			"quellen ausblenden", "ausklappen", "einklappen", "externer inhalt", "inhalt laden", "als pdf herunterladen",
			"pdf herunterladen", "dieses skript als pdf herunterladen", "artikel als pdf herunterladen",
			"voir plus", "afficher plus", "afficher moins", "contenu externe", "télécharger le pdf",
			"ver más", "mostrar más", "mostrar menos", "contenido externo", "descargar pdf",
			"print", "print recipe", "print this article", "jump to recipe", "drucken", "rezept drucken", "artikel drucken",
			"seite drucken", "zum rezept", "zum rezept springen", "imprimer", "imprimir", "imprimir receta",
			"read more", "continue reading", "weiterlesen", "mehr lesen", "lire la suite", "leer más", "seguir leyendo",
			"czytaj więcej", "czytaj dalej", "więcej", "more", "mehr",
		},
		maxChars: 60,
	},
	{
		name: "follow-topic", pass: post,
		why:   "a box offering to follow the story's topic or author, with its follower count, is the site's widget",
		langs: []string{"en", "de", "fr", "es"},
		contains: []string{
			"folgen diesem thema", "diesem thema folgen", "thema folgen", "folgen diesem autor", "diesem autor folgen",
			"follow this topic", "follow this author", "follow topic", "suivre ce sujet", "suivre ce thème",
			"seguir este tema", "seguir a este autor",
		},
		maxChars: 200,
	},
	{
		name: "follower-count", pass: post,
		why:   "a follower or like count belongs to the social widget, not the story",
		langs: []string{"en", "de", "fr", "es"},
		shape: followerCount, maxChars: 40,
	},
	{
		name: "gallery-nav", pass: post,
		why:   "gallery controls ('Next', '3 of 12', 'Enlarge') are widgets, not story",
		langs: []string{"en", "de", "fr", "es", "it", "pt", "nl"},
		shape: galleryControl, maxChars: 40,
	},
}

// RuleNames lists the names of the teaser and ad rules, for WithoutRules.
func RuleNames() []string {
	names := make([]string, len(rules))
	for i, r := range rules {
		names[i] = r.name
	}
	return names
}

// enabledRules returns the rule table without the disabled rules, with
// lookup sets built once.
func enabledRules(disabled map[string]bool) []compiledRule {
	out := make([]compiledRule, 0, len(rules))
	for _, r := range rules {
		if !disabled[r.name] {
			out = append(out, compile(r))
		}
	}
	return out
}
