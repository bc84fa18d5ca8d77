package reader_test

import (
	"strings"
	"testing"

	"cleanread/internal/storytest"
	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// namedStory is the shared story page with head (tags that name the page)
// added to its <head> and top (comments) before <html>.
func namedStory(top, head string) string {
	page := storytest.At("", storytest.Paras+1)
	page = strings.Replace(page, "<head>", "<head>"+head, 1)
	return strings.Replace(page, "<html", top+"<html", 1)
}

func TestPageURLFromThePage(t *testing.T) {
	const (
		canonical = `<link rel="canonical" href="https://news.example/city/harbour-vote">`
		ogURL     = `<meta property="og:url" content="https://og.example/city/harbour-vote">`
		base      = `<base href="https://base.example/city/">`
		jsonLD    = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","mainEntityOfPage":{"@type":"WebPage","@id":"https://ld.example/city/harbour-vote"},"url":"https://ld-url.example/x"}</script>`
		savedFrom = "<!-- saved from url=(0042)https://saved.example/city/harbour-vote -->\n"
	)
	tests := []struct {
		name, top, head string
		url, source     string
	}{
		{"canonical", "", canonical, "https://news.example/city/harbour-vote", reader.URLCanonical},
		{"canonical among other rel words", "", `<link rel="Alternate CANONICAL" href=" https://news.example/a ">`, "https://news.example/a", reader.URLCanonical},
		{"og:url", "", ogURL, "https://og.example/city/harbour-vote", reader.URLOGURL},
		{"og:url written as a name", "", `<meta name="og:url" content="http://og.example/b">`, "http://og.example/b", reader.URLOGURL},
		{"base", "", base, "https://base.example/city/", reader.URLBase},
		{"json-ld mainEntityOfPage first", "", jsonLD, "https://ld.example/city/harbour-vote", reader.URLJSONLD},
		{"json-ld url in a graph", "", `<script type="application/ld+json">{"@graph":[{"@type":"Organization","url":"https://home.example/"},{"@type":["BlogPosting"],"url":"https://ld.example/post"}]}</script>`, "https://ld.example/post", reader.URLJSONLD},
		{"json-ld of an organization only", "", `<script type="application/ld+json">{"@type":"Organization","url":"https://home.example/"}</script>`, "", ""},
		{"saved-from comment", savedFrom, "", "https://saved.example/city/harbour-vote", reader.URLSavedFrom},

		{"order: canonical over all", savedFrom, jsonLD + base + ogURL + canonical, "https://news.example/city/harbour-vote", reader.URLCanonical},
		{"order: og:url over base", savedFrom, jsonLD + base + ogURL, "https://og.example/city/harbour-vote", reader.URLOGURL},
		{"order: base over json-ld", savedFrom, jsonLD + base, "https://base.example/city/", reader.URLBase},
		{"order: json-ld over saved-from", savedFrom, jsonLD, "https://ld.example/city/harbour-vote", reader.URLJSONLD},
		{"a refused canonical falls through", "", `<link rel=canonical href="/city/harbour-vote">` + ogURL, "https://og.example/city/harbour-vote", reader.URLOGURL},

		{"relative", "", `<link rel=canonical href="/city/harbour-vote">`, "", ""},
		{"scheme-relative", "", `<link rel=canonical href="//news.example/city">`, "", ""},
		{"javascript:", "", `<link rel=canonical href="javascript:alert(1)">`, "", ""},
		{"ftp:", "", `<meta property=og:url content="ftp://files.example/story">`, "", ""},
		{"data:", "", `<base href="data:text/html,hi">`, "", ""},
		{"no host", "", `<link rel=canonical href="https:///path">`, "", ""},
		{"user name to look like another site", "", `<link rel=canonical href="https://news.example@evil.example/">`, "", ""},
		{"control character", "", "<link rel=canonical href=\"https://news.example/a\x01b\">", "", ""},
		{"too long", "", `<link rel=canonical href="https://news.example/` + strings.Repeat("a", 3000) + `">`, "", ""},
		{"broken json-ld", "", `<script type="application/ld+json">{"@type":"NewsArticle","url":</script>`, "", ""},
		{"json-ld url not a string", "", `<script type="application/ld+json">{"@type":"NewsArticle","url":["https://a.example/"]}</script>`, "", ""},
		{"saved-from that is not an address", "<!-- saved from url=(0010)javascript:x -->", "", "", ""},
		{"nothing", "", "", "", ""},
	}
	c := reader.New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := c.CleanString(namedStory(tt.top, tt.head), "")
			require.NoError(t, err)
			assert.Equal(t, tt.url, a.URL)
			assert.Equal(t, tt.source, a.URLSource)
		})
	}
}

func TestGivenURLWins(t *testing.T) {
	page := namedStory("", `<link rel="canonical" href="https://news.example/city/harbour-vote">`)
	a, err := reader.New().CleanString(page, "https://mirror.example/harbour")
	require.NoError(t, err)
	assert.Equal(t, "https://mirror.example/harbour", a.URL)
	assert.Equal(t, reader.URLGiven, a.URLSource)
}

func TestSavedFromInTheBodyIsNotRead(t *testing.T) {
	page := strings.Replace(namedStory("", ""), "<article>", "<article><!-- saved from url=(0027)https://saved.example/story -->", 1)
	a, err := reader.New().CleanString(page, "")
	require.NoError(t, err)
	assert.Empty(t, a.URL, "only the comments at the top of the page are the browser's")
	assert.Empty(t, a.URLSource)
}

// pictureTeaser closes the story with a linked picture of another story
// of the site and its dek: with a relative link it is the site's own
// teaser only when the page's host is known.
const pictureTeaser = `<div><a href="/city/ferry-timetable"><img src="/img/ferry.jpg" width=600 alt="Ferry"></a><p>The summer timetable brings later sailings on weekends and a new stop at the north pier for commuters.</p></div>`

// inStoryLink is a paragraph of the story with a relative link in it.
const inStoryLink = `<p>The full plan is published on <a href="/docs/harbour-plan.pdf">the council's pages</a> for anyone to read before the vote, with the minutes of every meeting so far.</p>
`

func TestNamedPageCleansAsIfGiven(t *testing.T) {
	c := reader.New()
	page := namedStory("", `<link rel="canonical" href="https://news.example/city/harbour-vote">`)
	page = strings.Replace(page, "</h1>\n", "</h1>\n"+inStoryLink, 1)
	page = strings.Replace(page, "</article>", pictureTeaser+"</article>", 1)

	given, err := c.CleanString(page, "https://news.example/city/harbour-vote")
	require.NoError(t, err)
	guessed, err := c.CleanString(page, "")
	require.NoError(t, err)

	assert.Equal(t, given.URL, guessed.URL)
	assert.Equal(t, reader.URLCanonical, guessed.URLSource)
	assert.Equal(t, given.Content, guessed.Content)
	assert.Equal(t, given.TextContent, guessed.TextContent)
	assert.Equal(t, given.Removed, guessed.Removed)
	assert.NotContains(t, guessed.TextContent, "summer timetable", "the site's own teaser is removed")

	unnamed := strings.Replace(page, `<link rel="canonical" href="https://news.example/city/harbour-vote">`, "", 1)
	blind, err := c.CleanString(unnamed, "")
	require.NoError(t, err)
	assert.Contains(t, blind.TextContent, "summer timetable", "without any address the teaser stays: the guess is what removes them")
	assert.Contains(t, guessed.Content, `href="https://news.example/docs/harbour-plan.pdf"`, "relative links resolve against the guessed address")
}

// The page's address is read from the whole page even when a second
// opinion cleans only a part of it: here the post is cleaned from the block
// that holds the summary, and the JSON-LD naming the page sits outside it.
func TestPageURLSurvivesASecondOpinion(t *testing.T) {
	page := strings.Replace(shortPostPage, "</body>", `<script type="application/ld+json">{"@type":"BlogPosting","url":"https://blog.example/2026/charging"}</script></body>`, 1)
	a, err := reader.New().CleanString(page, "")
	require.NoError(t, err)
	require.Contains(t, a.TextContent, "Thanks to Ana for the tip.", "the case needs the second opinion")
	assert.Equal(t, "https://blog.example/2026/charging", a.URL)
	assert.Equal(t, reader.URLJSONLD, a.URLSource)
}
