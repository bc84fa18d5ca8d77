package reader_test

import (
	"strings"
	"testing"

	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shortPostPage is a blog page whose post is shorter than its sidebar's
// "about this blog" box, so readability alone picks the box; the page's
// summary opens the post.
const shortPostPage = `<!doctype html><html lang=en><head><title>Charging posts</title>
<meta name="description" content="I would invest in smart and affordable charging posts for electric cars. I wonder why nobody sells them yet…">
</head><body>
<div id="main"><article class="post"><h1>Charging posts</h1><div class="entry-content">
<p>I would invest in smart and affordable charging posts for electric cars. I wonder why nobody sells them yet, with service and all.</p>
<p>A post would need a card reader, a fair price per hour and a phone number that somebody answers. Thanks to Ana for the tip.</p>
</div></article></div>
<div id="secondary"><div class="widget"><section><h2>About</h2>
<p>This is the personal blog of a writer in a harbour town by the sea, with texts, pictures, notes and drafts that last a little longer than the ones on my social media channels, which evaporate within a day or two, like most of what anybody posts there.</p>
<p>I write about boats, harbours, weather, towns, ferries, trains, bikes, buses, and now and then about food, films, books, friends and the odd thing, too.</p>
<p>Comments are open, moderated, and welcome, but please be kind, brief, and on topic, and please do not post links, ads, or anything you would not say to my face.</p>
</section></div></div>
</body></html>`

// TestSummaryPicksTheShortPost: when the story readability chose does not
// hold the opening of the page's summary but the page does, the block that
// holds it is cleaned instead.
func TestSummaryPicksTheShortPost(t *testing.T) {
	plain, err := reader.New(reader.WithTeaserPass(false)).CleanString(shortPostPage, "https://blog.example/2026/charging")
	require.NoError(t, err)
	require.Contains(t, plain.TextContent, "personal blog", "the case needs readability to pick the side box on its own")
	require.NotContains(t, plain.TextContent, "charging posts", "the case needs readability to miss the post on its own")

	a, err := reader.New().CleanString(shortPostPage, "https://blog.example/2026/charging")
	require.NoError(t, err)
	assert.Contains(t, a.TextContent, "I would invest in smart and affordable charging posts")
	assert.Contains(t, a.TextContent, "Thanks to Ana for the tip.")
	assert.NotContains(t, a.TextContent, "personal blog")
	assert.Equal(t, "Charging posts", a.Title)
}

// TestSummaryOutsideTheStoryIsIgnored: a standfirst outside the story (the
// page's summary) does not replace the story: a long story is not suspect,
// and a short one is kept over a block less than half its length.
func TestSummaryOutsideTheStoryIsIgnored(t *testing.T) {
	for _, n := range []int{12, 4} {
		page := standfirstPage(n)
		a, err := reader.New().CleanString(page, "")
		require.NoError(t, err)
		assert.Equal(t, n, strings.Count(a.TextContent, "The committee met for six hours"), "%d paragraphs: the whole story is kept", n)
	}
}

func standfirstPage(paragraphs int) string {
	para := "<p>The committee met for six hours on Tuesday and heard from engineers, residents and two former mayors before it voted to send the proposal to the full council for a final decision next month.</p>"
	page := `<html><head><title>Harbour wall</title><meta name="description" content="The town will raise its harbour wall by eighty centimetres, the council decided after a long debate."></head><body>
<header><h1>Harbour wall</h1><p class="standfirst">The town will raise its harbour wall by eighty centimetres, the council decided after a long debate.</p></header>
<article>` + strings.Repeat(para, paragraphs) + `</article></body></html>`
	return page
}
