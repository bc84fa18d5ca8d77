package reader

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"cleanread/internal/storytest"
)

// embedCase is an embedded post as its platform's embed code writes it,
// with the words and the post link the story must keep.
type embedCase struct {
	name, snippet string
	text          string // words of the post the text and the quote keep
	link          string // the post's address, linked from the quote
}

var embedCases = []embedCase{
	{"tweet in a block-editor figure",
		`<figure class="wp-block-embed is-type-rich is-provider-twitter"><div class="wp-block-embed__wrapper"><blockquote class="twitter-tweet" data-dnt="true"><p lang="en" dir="ltr">The harbour wall cracked again last night. Water in the cellars by 2am.</p>&mdash; Harbour Watch (@harbourwatch) <a href="https://twitter.com/harbourwatch/status/1234567890?ref_src=twsrc%5Etfw">December 1, 2026</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script></div></figure>`,
		"The harbour wall cracked again last night. Water in the cellars by 2am.", "https://twitter.com/harbourwatch/status/1234567890?ref_src=twsrc%5Etfw"},
	{"tweet in a twitter-embed div",
		`<div class="twitter-embed"><blockquote class="twitter-tweet"><p>Ferry services are suspended until the wall is checked.</p>— Ferry Desk (@ferrydesk) <a href="https://x.com/ferrydesk/status/42">December 2, 2026</a></blockquote></div>`,
		"Ferry services are suspended until the wall is checked.", "https://x.com/ferrydesk/status/42"},
	{"tweet whose line reads like a photo credit",
		`<blockquote class="twitter-tweet"><p>Photo: the wall at dawn, from the ferry</p>— Ferry Desk (@ferrydesk) <a href="https://x.com/ferrydesk/status/44">December 2, 2026</a></blockquote>`,
		"Photo: the wall at dawn, from the ferry", "https://x.com/ferrydesk/status/44"},
	{"instagram in a social-embed div",
		`<div class="embed social-embed"><blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/ABC123/?utm_source=ig_embed" data-instgrm-version="14"><div><a href="https://www.instagram.com/p/ABC123/?utm_source=ig_embed"><div>View this post on Instagram</div></a><p><a href="https://www.instagram.com/p/ABC123/?utm_source=ig_embed">A post shared by Quay Street Bakery (@quaybakery)</a></p></div></blockquote><script async src="//www.instagram.com/embed.js"></script></div>`,
		"A post shared by Quay Street Bakery (@quaybakery)", "https://www.instagram.com/p/ABC123/?utm_source=ig_embed"},
	{"mastodon quote",
		`<blockquote class="mastodon-embed" data-embed-url="https://social.example/@ada/1133/embed"><a href="https://social.example/@ada/1133"><svg><text>logo</text></svg><div>Post by @ada@social.example</div><div>View on Mastodon</div></a></blockquote><script async src="https://social.example/embed.js"></script>`,
		"Post by @ada@social.example", "https://social.example/@ada/1133"},
	{"mastodon frame",
		`<iframe src="https://social.example/@ada/1134/embed" class="mastodon-embed" width="400" allowfullscreen="allowfullscreen"></iframe><script src="https://social.example/embed.js" async></script>`,
		"https://social.example/@ada/1134", "https://social.example/@ada/1134"},
	{"bluesky",
		`<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:abc/app.bsky.feed.post/3k"><p lang="en">Sandbags are going down along the quay now.</p>&mdash; City Emergency Desk (<a href="https://bsky.example/profile/desk">@desk</a>) <a href="https://bsky.example/profile/desk/post/3k">December 1, 2026 at 9:14 PM</a></blockquote>`,
		"Sandbags are going down along the quay now.", "https://bsky.example/profile/desk/post/3k"},
	{"tiktok",
		`<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@quayfish/video/7100" data-video-id="7100"><section><a title="@quayfish" href="https://www.tiktok.com/@quayfish?refer=embed">@quayfish</a> The morning catch came in early before the storm</section></blockquote>`,
		"The morning catch came in early before the storm", "https://www.tiktok.com/@quayfish/video/7100"},
	{"threads",
		`<blockquote class="text-post-media" data-text-post-permalink="https://threads.example/@ferryco/post/C1" id="ig-tp-C1"><a href="https://threads.example/@ferryco/post/C1"><div>Post by @ferryco</div><div>View on Threads</div></a></blockquote>`,
		"Post by @ferryco", "https://threads.example/@ferryco/post/C1"},
	{"facebook",
		`<div id="fb-root"></div><div class="fb-post" data-href="https://www.facebook.com/quayfire/posts/100" data-width="500"><blockquote cite="https://www.facebook.com/quayfire/posts/100" class="fb-xfbml-parse-ignore"><p>Crews are pumping out three cellars on Quay Street.</p>Posted by <a href="https://www.facebook.com/quayfire">Quay Fire Station</a> on&nbsp;<a href="https://www.facebook.com/quayfire/posts/100">Tuesday, December 1, 2026</a></blockquote></div>`,
		"Crews are pumping out three cellars on Quay Street.", "https://www.facebook.com/quayfire/posts/100"},
}

// Every kind of embedded post stays in the story, in the middle of it and
// after its last paragraph: its text in the story's text and in a quote
// that links to the post.
func TestEmbeddedPostsAreQuoted(t *testing.T) {
	for _, tc := range embedCases {
		for _, at := range []int{4, storytest.Paras + 1} {
			t.Run(fmt.Sprintf("%s/at %d", tc.name, at), func(t *testing.T) {
				a, err := New().CleanString(storytest.At(tc.snippet, at), "https://news.example/2026/harbour-plan")
				require.NoError(t, err)
				assert.Contains(t, a.TextContent, tc.text)
				q := quoteHolding(t, a.Content, tc.text)
				require.NotNil(t, q, "a blockquote holds the post's text: %s", a.Content)
				assert.Equal(t, tc.link, getAttr(q, "cite"))
				assert.Contains(t, linksIn(q), tc.link, "the quote links to the post")
				assert.Empty(t, a.Removed, "nothing of the post is removed")
				assert.NotContains(t, a.TextContent, "View on", "placeholder lines go")
				assert.NotContains(t, a.Content, "<svg")
			})
		}
	}
}

// A video player's frame leaves a link to the player, titled as the frame
// is; frames that are not players, and addresses that are not http(s),
// leave nothing.
func TestVideoFramesLeaveALink(t *testing.T) {
	cases := []struct {
		name, snippet, want, link string
	}{
		{"a player that allows full screen",
			`<iframe width="560" height="315" src="https://video.example/embed/dQw4w9" title="The breach filmed from the air" allow="autoplay; encrypted-media; picture-in-picture" allowfullscreen></iframe>`,
			"Video: The breach filmed from the air", "https://video.example/embed/dQw4w9"},
		{"a player in a responsive wrapper, relative address",
			`<div class="video-wrapper"><iframe src="/video/77" allow="autoplay; fullscreen" title="The quay at night"></iframe></div>`,
			"Video: The quay at night", "https://news.example/video/77"},
		{"an untitled player: the address is the text",
			`<iframe src="https://video.example/embed/x1" allowfullscreen></iframe>`,
			"Video: https://video.example/embed/x1", "https://video.example/embed/x1"},
		{"an ad frame that asks for full screen", `<iframe src="https://serve.example/embed/9" title="3rd party ad content" allowfullscreen></iframe>`, "", ""},
		{"an ad server's frame", `<iframe src="https://ads.example/video/9" title="Watch this" allowfullscreen></iframe>`, "", ""},
		{"a frame that is no player", `<iframe src="https://widgets.example/embed/poll" title="Reader poll"></iframe>`, "", ""},
		{"a post its platform's script made a frame", `<iframe class="twitter-tweet twitter-tweet-rendered" src="https://platform.example/embed/Tweet.html?id=1" title="X Post" allowfullscreen="true"></iframe>`, "", ""},
		{"an audio player", `<iframe src="https://music.example/embed/track/1" title="Harbour song" allowfullscreen></iframe>`, "", ""},
		{"a javascript: address", `<iframe src="javascript:alert(1)//embed/" title="Watch" allowfullscreen></iframe>`, "", ""},
		{"a data: address", `<iframe src="data:text/html,<script>alert(1)</script>/embed/" title="Watch" allowfullscreen></iframe>`, "", ""},
		{"srcdoc only", `<iframe srcdoc="<script>alert(1)</script>" title="Watch" allowfullscreen></iframe>`, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := New().CleanString(storytest.At(tc.snippet, 4), "https://news.example/2026/harbour-plan")
			require.NoError(t, err)
			assert.NotContains(t, a.Content, "<iframe")
			if tc.want == "" {
				assert.NotContains(t, a.TextContent, "Video:")
				assert.NotContains(t, a.Content, "Video:")
				return
			}
			assert.Contains(t, a.TextContent, tc.want)
			doc, err := html.Parse(strings.NewReader(a.Content))
			require.NoError(t, err)
			var links []string
			for _, p := range elements(doc) {
				if p.Data == "p" && strings.HasPrefix(textOf(p), "Video:") {
					links = append(links, linksIn(p)...)
				}
			}
			assert.Equal(t, []string{tc.link}, links)
		})
	}
}

// Hostile embed code: only the page's text comes through, as text; only
// http(s) addresses become links.
func TestEmbedsCarryOnlyTextAndHTTPLinks(t *testing.T) {
	snippet := `<blockquote class="twitter-tweet"><p onclick="alert(1)">Quay <img src=x onerror="alert(2)">closed &lt;script&gt;alert(3)&lt;/script&gt;<script>alert(4)</script><style>p{}</style></p>— <a href="javascript:alert(5)">Someone</a></blockquote>` +
		`<blockquote class="bluesky-embed"><p>Second post</p><a href="data:text/html,hi">date</a></blockquote>` +
		`<blockquote class="instagram-media" data-instgrm-permalink="javascript:alert(6)"><p>Third post <a href="https://elsewhere.example/">a link elsewhere</a></p></blockquote>` +
		`<iframe src="https://video.example/embed/1" title="&lt;img src=x onerror=alert(7)&gt;<b>bold</b>" allowfullscreen></iframe>` +
		`<p data-cr-embed="tweet" class="share-bar">Share Tweet</p>`
	a, err := New().CleanString(storytest.At(snippet, 4), "https://news.example/2026/harbour-plan")
	require.NoError(t, err)
	assert.Contains(t, a.TextContent, "Quay closed <script>alert(3)</script>")
	assert.Contains(t, a.TextContent, "Second post")
	assert.Contains(t, a.TextContent, "Third post a link elsewhere")
	assert.Contains(t, a.TextContent, "Video: <img src=x onerror=alert(7)><b>bold</b>")
	// The payloads are text: the content's elements are the story's and the
	// quotes' own, with their own attributes only.
	for _, n := range elements(mustParse(t, a.Content)) {
		assert.Contains(t, []string{"html", "head", "body", "div", "p", "blockquote", "a", "span"}, n.Data)
		for _, at := range n.Attr {
			assert.Contains(t, []string{"href", "target", "rel", "cite", "id"}, at.Key, "<%s %s=%q>", n.Data, at.Key, at.Val)
			assert.NotRegexp(t, `^(?i)\s*(javascript|data):`, at.Val)
		}
	}
	assert.NotContains(t, a.TextContent, "alert(4)")
	assert.NotContains(t, a.TextContent, "Share Tweet", "a page's own marker spares nothing")
	// The third post's address is not http(s): its last link stands in.
	assert.Equal(t, []string{"https://elsewhere.example/", "https://video.example/embed/1"}, linksIn(mustParse(t, a.Content)))
}

// quoteHolding returns the blockquote of content whose text holds text.
func quoteHolding(t *testing.T, content, text string) *html.Node {
	for _, n := range elements(mustParse(t, content)) {
		if n.Data == "blockquote" && strings.Contains(textOf(n), text) {
			return n
		}
	}
	return nil
}

func mustParse(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	require.NoError(t, err)
	return doc
}

// linksIn lists the hrefs under n.
func linksIn(n *html.Node) []string {
	var out []string
	for _, e := range elements(n) {
		if e.Data == "a" && hasAttr(e, "href") {
			out = append(out, getAttr(e, "href"))
		}
	}
	return out
}
