package rules

import (
	"strings"

	"cleanread/internal/dom"

	"golang.org/x/net/html"
)

// Embedded posts are the story's own: a writer quotes a post as they quote a
// person. No rule takes one out, nor a piece of one, nor a block that holds
// only such posts (and at most a short line, a caption or a heading) —
// unless the block's class names it an ad. Wrappers named "social-embed" or
// "twitter-embed" say where the post is from, not that it is a share bar,
// and a post's link-heavy author line is not a teaser.

// embedLooseMax is how much text a block may hold besides its embedded
// posts and still be spared as theirs.
const embedLooseMax = 100

// embedSpared reports an element no rule removes: an embedded post, a part
// of one, or a block of embedded posts that is not named an ad.
func (s *scan) embedSpared() bool {
	return dom.InEmbed(s.n) || holdsOnlyEmbeds(s.n) && !namesAd(s.Tokens())
}

// EmbedBlock reports a block that holds embedded posts and little else (at
// most a short line of its own), and whose class or id does not name an
// ad: the posts' wrapper, which no rule removes and the reader may unwrap.
func EmbedBlock(n *html.Node) bool {
	return holdsOnlyEmbeds(n) && !namesAd(withJoinedPairs(dom.Tokens(n)))
}

// holdsOnlyEmbeds reports a block that holds an embedded post and at most
// embedLooseMax bytes of text outside its posts.
func holdsOnlyEmbeds(n *html.Node) bool {
	posts, loose := 0, 0
	for d := n.FirstChild; d != nil; {
		if dom.IsEmbed(d) {
			posts++
			d = dom.Next(n, d, true)
			continue
		}
		if d.Type == html.TextNode {
			if loose += len(strings.TrimSpace(d.Data)); loose > embedLooseMax {
				return false
			}
		}
		d = dom.Next(n, d, false)
	}
	return posts > 0
}

// namesAd reports class or id tokens that name an ad or a sponsor's
// content.
func namesAd(tokens []string) bool {
	labels := clutterLabels()
	for _, t := range tokens {
		if l := labels[t]; l == labelAd || l == labelSponsored {
			return true
		}
	}
	return false
}
