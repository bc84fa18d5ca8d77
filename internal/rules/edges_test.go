package rules_test

import (
	"strings"
	"testing"

	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// edgesPage is a wire story as a news site and a press release close it:
// a kicker, a byline with the author's card, a metadata line, a hover card
// in the text, the company's "About" and the media contact.
const edgesPage = `<!doctype html><html lang=en><head><title>Hackers breach harbour systems</title></head><body>
<main><article><h1>Hackers breach harbour systems</h1>
<div class="byline"><a href="/author/kim-osei/" rel="author">Kim Osei</a><span class="author-hovercard"><span>Kim Osei</span>
<span>Latest from Kim Osei: Ferry timetable changes; Storm closes pier</span></span>
<time datetime="2026-03-03T16:15">4:15 PM EST · March 3, 2026</time></div>
<div class="entry-content">
<p><a href="/category/security/">Security</a></p>
<p>By Metro Desk | March 3, 2026 at 4:15 PM EST - Updated March 3 at 6:02 PM</p>
<p>The harbour authority said on Tuesday that attackers had reached the systems that schedule its cranes, and that the port was working by hand while engineers checked every machine.</p>
<p>According to <a href="/author/sam-lee/">Sam Lee<span class="tooltip">Sam Lee · Latest: Port strikes end after four days</span></a>, the first alarms went off before dawn, when two cranes stopped in the middle of a lift.</p>
<p>The authority did not say who was behind the attack. It has asked the national cyber agency for help and expects the port to run normally again by the end of the week.</p>
<h3>About Northwind Ports</h3>
<p>Northwind Ports operates eleven container terminals on three continents and employs 4,200 people. Founded in 1962, it is listed in Rotterdam.</p>
<p>Media contact: Jane Doe, jane.doe@northwind.example, +1 555 010 0199</p>
</div></article></main></body></html>`

// TestStoryEdgesTogether: on one page, every edge goes and the story's
// three paragraphs are all that is left, the linked name in its sentence.
func TestStoryEdgesTogether(t *testing.T) {
	a, err := reader.New().CleanString(edgesPage, "https://news.example/2026/03/03/hackers-breach-harbour/")
	require.NoError(t, err)
	paras := strings.Split(strings.TrimSpace(a.TextContent), "\n\n")
	require.Len(t, paras, 3, "text: %q", a.TextContent)
	assert.True(t, strings.HasPrefix(paras[0], "The harbour authority said"))
	assert.True(t, strings.HasPrefix(paras[1], "According to Sam Lee, the first alarms"))
	assert.True(t, strings.HasPrefix(paras[2], "The authority did not say"))
	assert.Equal(t, "Kim Osei", a.Byline)
	var by []string
	for _, r := range a.Removed {
		by = append(by, r.Rule)
	}
	for _, rule := range []string{"edge-metadata", "kicker-link", "hover-card", "press-boilerplate"} {
		assert.Contains(t, by, rule)
	}
}

// TestLongTitleRepeatGoes: a headline in a script of two-byte letters runs
// far past a dateline's length; repeated over the story it still goes, and
// the view's header is the one place it shows.
func TestLongTitleRepeatGoes(t *testing.T) {
	title := "Городской совет после долгих споров направил план реконструкции гавани на окончательное голосование"
	require.Greater(t, len(title), 150, "the title must be long in bytes")
	para := "<p>The harbour board met on Tuesday and voted to send the plan on, after a debate that ran late into the night and left several members hoarse.</p>"
	page := `<!doctype html><html lang=ru><head><title>` + title + `</title></head><body><main><article>
<div class="story"><h2>` + title + ` </h2>` + strings.Repeat(para, 5) + `</div></article></main></body></html>`
	a, err := reader.New().CleanString(page, "https://news.example/2026/harbour/")
	require.NoError(t, err)
	assert.Equal(t, title, a.Title)
	assert.NotContains(t, a.TextContent, "Городской совет", "the repeated headline stays out of the story")
	var by []string
	for _, r := range a.Removed {
		by = append(by, r.Rule)
	}
	assert.Contains(t, by, "title-repeat")
}
