package rules

// Classes: blocks whose class or id names what they are — ads, share bars,
// teasers, newsletters, comments, cookie notices.
func classRules() []rule {
	return []rule{
		{
			name: "clutter-class", label: "Marked as page clutter", pass: both,
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
	}
}
