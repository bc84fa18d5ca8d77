package rules

import "sync"

// Classes: blocks whose class or id names what they are — ads, share bars,
// teasers, newsletters, comments, cookie notices.
func classRules() []rule {
	return []rule{
		{
			name: "clutter-class", label: "Clutter named by its class", pass: both,
			why:     "class and id tokens that name ads, share bars, teasers, newsletters, comments and cookie notices",
			tokens:  clutterTokens(),
			labelOf: clutterLabel,
			guard:   true,
		},
	}
}

// tokenFamily is a kind of page clutter known by its class or id tokens:
// what a reader is told it was, and why a block so named is not the story.
type tokenFamily struct {
	label  string
	why    string
	tokens []string
}

// clutterFamilies are the token families of clutter-class. A token names
// one family only; a block is labelled by the first of its tokens that
// names one (its own name before the pairs joined from it).
var clutterFamilies = []tokenFamily{
	{labelAd, "ad slots and the ad server's containers carry these names",
		[]string{"ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit",
			"adcontainer", "adwrapper", "adbox", "adblock", "dfp", "outstream"}},
	{labelSponsored, "paid and self-promoting boxes name their sponsor or promotion",
		[]string{"sponsor", "sponsored", "sponsors", "promo", "promoted", "promotion", "affiliate", "affiliatetext"}},
	{"Share buttons", "share bars and follow-us links are controls, not the story",
		[]string{"share", "sharing", "sharebar", "shares", "social", "socials", "sociallinks", "followus", "actionbar"}},
	{"Related stories or teasers", "lists and links that point to other stories of the site",
		[]string{"related", "relatedarticles", "relatedposts", "relatedstories", "recommended", "recommendations",
			"popular", "mostpopular", "mostread", "trending", "morestories", "readnext", "teasers", "teaserlist",
			"teaseritemlist", "nextpost", "nextposts", "prevpost", "morearticles", "relatedlinks", "postlist",
			"postslist", "listposts", "articlelist", "newslist", "morenews", "latestnews", "latestposts",
			"recentposts", "relatedcontent", "linkbox", "viewmore"}},
	{"Video playlist", "a rail of other videos, not the story's own",
		[]string{"playlist", "videoplaylist"}},
	{"Newsletter or subscription sign-up", "sign-up boxes ask the reader for something; they tell nothing",
		[]string{"newsletter", "newsletters", "subscribe", "subscription", "signup", "optin"}},
	{"Comments", "readers' comments and the form to add one are not the article",
		[]string{"comments", "commentlist", "respond", "disqus"}},
	{"Cookie or consent notice", "consent banners are about the site, not the story",
		[]string{"cookie", "cookies", "consent", "gdpr"}},
	{"Breadcrumb trail", "the path to the page through the site's sections",
		[]string{"breadcrumb", "breadcrumbs"}},
	{"Menu or page navigation", "menus, toolbars and page numbers move around the site",
		[]string{"navbar", "menu", "toolbar", "pagination", "pager"}},
	{"Tags and categories", "lists of the site's topic pages",
		[]string{"tags", "taglist", "tagcloud", "categories"}},
	{"About the author", "the author's profile box repeats the byline at length",
		[]string{"authorbox", "authorbio", "aboutauthor", "bio"}},
	{"Ratings", "star and vote widgets are controls",
		[]string{"ratings", "starrating", "postratings", "newsrate"}},
	{"Sidebar or widget", "sidebars and a blog's widgets (calendar, text box, fly-out, wish list) sit beside the story",
		[]string{"sidebar", "textwidget", "widgetarea", "wpcalendar", "flyout", "wishlist"}},
	{"Pop-up", "a dialog laid over the page",
		[]string{"modal"}},
	{"Text for screen readers only", "hidden from view on the page; in the reading view it would show up as stray words",
		[]string{"sronly", "visuallyhidden", "screenreader"}},
}

// The labels of the ad families, which no embedded post spares (embeds.go).
const (
	labelAd        = "Advertisement"
	labelSponsored = "Sponsored or promoted content"
)

// clutterTokens is every token of clutterFamilies.
func clutterTokens() []string {
	var out []string
	for _, f := range clutterFamilies {
		out = append(out, f.tokens...)
	}
	return out
}

// clutterLabels maps each token to its family's label.
var clutterLabels = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, f := range clutterFamilies {
		for _, t := range f.tokens {
			m[t] = f.label
		}
	}
	return m
})

// clutterLabel names the family of the first of the element's tokens that
// is a clutter token.
func clutterLabel(s *scan) string {
	labels := clutterLabels()
	for _, t := range s.Tokens() {
		if l, ok := labels[t]; ok {
			return l
		}
	}
	return ""
}

// ClutterFamilies describes the token families of clutter-class, for tests
// and documentation: each family's label, reason and tokens.
func ClutterFamilies() []Family {
	out := make([]Family, len(clutterFamilies))
	for i, f := range clutterFamilies {
		out[i] = Family{Label: f.label, Why: f.why, Tokens: append([]string(nil), f.tokens...)}
	}
	return out
}

// Family is one token family of a class rule, as ClutterFamilies gives it.
type Family struct {
	Label  string   // what a reader is told the block was
	Why    string   // why a block so named is clutter
	Tokens []string // the class and id tokens that name it
}
