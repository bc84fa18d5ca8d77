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
	require.NotContains(t, plain.TextContent, "a card reader", "the case needs readability to miss the post on its own")

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

// TestStandfirstOpensTheStory: the standfirst that repeats the page's
// summary sits in the article's header, outside the block readability
// takes; it opens the story, once.
func TestStandfirstOpensTheStory(t *testing.T) {
	for _, n := range []int{12, 4} {
		a, err := reader.New().CleanString(standfirstPage(n), "")
		require.NoError(t, err)
		const sf = "The town will raise its harbour wall by eighty centimetres, the council decided after a long debate."
		assert.True(t, strings.HasPrefix(a.TextContent, sf), "%d paragraphs: the story opens with the standfirst: %.120q", n, a.TextContent)
		assert.Equal(t, 1, strings.Count(a.TextContent, sf), "the standfirst is there once")
		assert.Contains(t, a.Content, "<p>"+sf+"</p>", "as a paragraph of its own")
		assert.Equal(t, "Harbour wall", a.Title, "the headline is not taken for the standfirst")
	}
}

// A standfirst set in a heading's type (prose too long for a headline), or
// one long opening paragraph, still opens the story; a real subheading that
// repeats the summary's opening does not.
func TestStandfirstInAHeadingOrLong(t *testing.T) {
	para := "<p>The committee met for six hours on Tuesday and heard from engineers, residents and two former mayors before it voted to send the proposal to the full council for a final decision next month.</p>"
	const summary = "The town will raise its harbour wall by eighty centimetres, the council decided after a long debate that ran past midnight"
	long := summary + strings.Repeat(", and the engineers who drew the plan were asked again and again how the wall would hold in the storms that the coast now sees every winter", 6) + "."
	cases := []struct {
		name, block, opening string
		opens                bool
	}{
		{"a standfirst in an h2", `<h2 class="teaser">` + long[:400] + `.</h2>`, long[:400], true},
		{"a long opening paragraph", `<p class="intro">` + long + `</p>`, long, true},
		{"near miss: a headline-length h2", `<h2>` + summary[:60] + `</h2>`, summary[:60], false},
	}
	for _, c := range cases {
		page := `<html><head><title>Harbour wall</title><meta name="description" content="` + summary + `."></head><body>
<header><h1>Harbour wall</h1>` + c.block + `</header><article>` + strings.Repeat(para, 8) + `</article></body></html>`
		a, err := reader.New().CleanString(page, "")
		require.NoError(t, err, c.name)
		assert.Equal(t, c.opens, strings.HasPrefix(a.TextContent, c.opening), "%s: %.100q", c.name, a.TextContent)
	}
}

// TestStandfirstNotFromTeasers: a summary that the page only shows in a
// teaser list, a link or a caption, or hides, is not a standfirst.
func TestStandfirstNotFromTeasers(t *testing.T) {
	para := "<p>The committee met for six hours on Tuesday and heard from engineers, residents and two former mayors before it voted to send the proposal to the full council for a final decision next month.</p>"
	const summary = "The town will raise its harbour wall by eighty centimetres, the council decided after a long debate."
	for name, place := range map[string]string{
		"teaser list": `<aside><ul><li><a href="/wall">Harbour wall</a> ` + summary + `</li><li><a href="/ferry">Ferry</a> Ferries run twice a day from May on.</li></ul></aside>`,
		"link":        `<p><a href="/wall">` + summary + `</a></p>`,
		"caption":     `<figure><img src="https://news.example/wall.jpg" alt=""><figcaption>` + summary + `</figcaption></figure>`,
		"hidden":      `<div style="display: none"><p>` + summary + `</p></div>`,
		"aria-hidden": `<div aria-hidden="true"><p>` + summary + `</p></div>`,
	} {
		page := `<html><head><title>Harbour wall</title><meta name="description" content="` + summary + `"></head><body>` +
			place + `<article><h1>Harbour wall</h1>` + strings.Repeat(para, 6) + `</article></body></html>`
		a, err := reader.New().CleanString(page, "https://news.example/2026/wall")
		require.NoError(t, err, name)
		assert.False(t, strings.HasPrefix(a.TextContent, summary), "%s: not taken as the standfirst", name)
	}
}
