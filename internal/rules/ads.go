package rules

import (
	"strings"
)

// Ads: ad slots known by their label, and short blocks introduced by one.
func adRules() []rule {
	return []rule{
		{
			name: "ad-label", label: "Advertisement", pass: storyPass,
			why: "a block whose whole text is an ad label marks an ad slot",
			labels: byLang{
				"en": {
					"advertisement", "advertisements", "advertising", "ad", "ads", "sponsored", "sponsored content",
					"paid content", "promoted", "partner content", "story continues below advertisement",
					"article continues below advertisement", "advertisement continue reading below",
					"continue reading below", "article continues below", "scroll to continue with content",
				},
				"de": {"anzeige", "werbung", "gesponsert", "artikel wird unter der anzeige fortgesetzt"},
				"fr": {
					"publicité", "publicite", "pub", "sponsorisé", "contenu sponsorisé",
					"la suite après cette publicité",
				},
				"es": {"publicidad", "anuncio", "patrocinado", "contenido patrocinado"},
				"it": {"pubblicità", "sponsorizzato"},
				"pt": {"publicidade", "patrocinado"},
				"nl": {"advertentie", "gesponsord"},
				"pl": {"reklama"},
				"cs": {"reklama"},
				"sv": {"annons"},
				"da": {"annonce"},
				"ru": {"реклама"},
				"uk": {"реклама"},
				"zh": {"广告", "廣告"},
				"ja": {"広告"},
				"ko": {"광고"},
				"tr": {"reklam"},
			},
			maxChars: 80,
		},
		{
			name: "ad-prefix", label: "Advertisement", pass: storyPass,
			why:   "a short block introduced by an ad label and a separator ('ANZEIGE – …', 'Sponsored: …') is an ad",
			langs: []string{"en", "de", "fr", "es", "it", "pl", "ru"},
			shape: adPrefixed, maxChars: 300,
		},
	}
}

var rxAdPrefix = lazyRegexp(`^(anzeige|advertisement|advertorial|sponsored|sponsored content|paid post|werbung|publicité|publicidad|publi-reportage|pubblicità|reklama|реклама)\s*[-–—:|]`)

// adLabelStarts are the first words rxAdPrefix can match, for a cheap check.
var adLabelStarts = []string{"anzeige", "advertis", "sponsored", "paid post", "werbung", "publicit", "publicidad", "publi-", "pubblicit", "reklama", "реклама"}

// adPrefixed: the block's raw text starts with an ad label and a separator.
func adPrefixed(s *scan) bool {
	if !s.startsWithAny(adLabelStarts) {
		return false
	}
	return rxAdPrefix().MatchString(strings.ToLower(strings.TrimSpace(s.Text())))
}
