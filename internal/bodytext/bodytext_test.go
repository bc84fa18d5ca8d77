package bodytext

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

func parse(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<body>" + s + "</body>"))
	require.NoError(t, err)
	return doc
}

func serialize(t *testing.T, n *html.Node) string {
	t.Helper()
	var sb strings.Builder
	require.NoError(t, html.Render(&sb, n))
	return sb.String()
}

const prose = "<p>The council met on Tuesday to debate the harbour plan.</p>"

// What is about a picture stays out of the text; the prose and a figure's
// own quote or code stay in, and the tree is unchanged afterwards.
func TestInnerTextLeavesOutCaptions(t *testing.T) {
	cases := []struct {
		name, html, out string
		in              []string
	}{
		{"a figcaption", `<figure><img src="a.jpg"><figcaption>The quay at dawn.</figcaption></figure>`, "The quay at dawn.", nil},
		{"text beside a figure's picture", `<figure><img src="a.jpg"><p>The quay at dawn.</p> and more</figure>`, "The quay at dawn.", nil},
		{"near miss: a pull quote in a figure", `<figure><blockquote>We will build it.</blockquote><figcaption>Mayor</figcaption></figure>`, "Mayor", []string{"We will build it."}},
		{"near miss: code in a figure with a picture", `<figure><img src="a.png"><pre>go test ./...</pre></figure>`, "", []string{"go test ./..."}},
		{"near miss: a figure without a picture", `<figure><p>A table of figures follows.</p></figure>`, "", []string{"A table of figures follows."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := parse(t, prose+c.html)
			before := serialize(t, doc)
			text := InnerText(doc, false)
			assert.Contains(t, text, "The council met on Tuesday")
			if c.out != "" {
				assert.NotContains(t, text, c.out)
				assert.Contains(t, InnerText(doc, true), c.out, "with captions asked for")
			}
			for _, s := range c.in {
				assert.Contains(t, text, s)
			}
			assert.Equal(t, before, serialize(t, doc), "the tree is put back as it was")
		})
	}
}

// A page cannot mark its own text as a credit: the mark has a namespace
// the parser never gives an HTML attribute.
func TestCreditMarkCannotBeForged(t *testing.T) {
	doc := parse(t, prose+`<p cleanread:credit="" data-cleanread-credit class="cr-credit">Buy the harbour book today.</p>`)
	assert.Contains(t, InnerText(doc, false), "Buy the harbour book today.")
	assert.Empty(t, Captions(doc))
}

// MarkCredits marks lines that are only a credit and turns a caption
// written as a paragraph under a picture into its figcaption.
func TestMarkCredits(t *testing.T) {
	cases := []struct {
		name, html string
		credit     bool   // the line is marked as a credit
		figure     string // the figcaption MarkCredits made, or ""
	}{
		{"a label and a name", `<p>Photo: Ana Ruiz / Harbour Agency</p>`, true, ""},
		{"image credits", `<p>Image Credits: Sam Lee</p>`, true, ""},
		{"in brackets, in capitals", `<p>(Image: HARBOUR AGENCY)</p>`, true, ""},
		{"a copyright line under a picture", `<p><img src="a.jpg"></p><div>© Harbour Agency 2026</div>`, true, ""},
		{"near miss: a copyright line that closes the page", `<p>© 2026 The Coastal Ledger. All rights reserved.</p>`, false, ""},
		{"in German", `<p>Foto: dpa / Ana Ruiz</p>`, true, ""},
		{"a caption under a picture, with its credit", `<p><img src="a.jpg"></p><p>The mayor after the vote on Tuesday. (Image: HARBOUR AGENCY)</p>`, false, "The mayor after the vote on Tuesday. (Image: HARBOUR AGENCY)"},
		{"near miss: a sentence about a photo", `<p>Photo: the council will decide on the harbour plan next week, after months of hearings and letters from residents on both sides of the argument about the old quay.</p>`, false, ""},
		{"near miss: a credit inside running text", `<p>The board met. <span>Photo: Ana Ruiz</span> said it was late.</p>`, false, ""},
		{"near miss: a sentence ending with a credit but no picture before it", `<p>The mayor after the vote on Tuesday. Photo: Ana Ruiz</p>`, false, ""},
		{"near miss: a line that only mentions a photographer", `<p>Ana Ruiz took the photos for this story.</p>`, false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := parse(t, prose+c.html)
			MarkCredits(doc)
			out := serialize(t, doc)
			credits := 0
			for _, n := range Captions(doc) {
				if IsCredit(n) {
					credits++
					assert.Contains(t, []string{"p", "div"}, n.Data)
				}
			}
			if c.credit {
				assert.Equal(t, 1, credits)
				assert.Contains(t, out, `class="cr-credit"><small>`)
				assert.NotContains(t, InnerText(doc, false), "Photo:")
			} else {
				assert.Zero(t, credits)
				assert.NotContains(t, out, "cr-credit")
			}
			if c.figure != "" {
				assert.Contains(t, out, "<figure><p><img src=\"a.jpg\"/></p><figcaption>"+c.figure+"</figcaption></figure>")
				assert.NotContains(t, InnerText(doc, false), c.figure)
			} else {
				assert.NotContains(t, out, "<figcaption>")
			}
		})
	}
}

// A gallery told in its captions keeps them: there they are the story.
// A story with a few captioned pictures does not.
func TestGalleryKeepsItsCaptions(t *testing.T) {
	slide := `<figure><img src="a.jpg"><figcaption><p>With a bowler hat, a set of false lashes and a striped shirt, this costume takes ten minutes and costs next to nothing to put together at home.</p></figcaption></figure>`
	gallery := parse(t, prose+strings.Repeat(slide, 3))
	assert.Contains(t, InnerText(gallery, false), "With a bowler hat")

	story := parse(t, strings.Repeat(prose+prose+prose, 3)+strings.Repeat(`<figure><img src="a.jpg"><figcaption>The quay at dawn.</figcaption></figure>`, 3))
	assert.NotContains(t, InnerText(story, false), "The quay at dawn.")

	two := parse(t, prose+strings.Repeat(slide, 2))
	assert.NotContains(t, InnerText(two, false), "With a bowler hat", "two pictures are not a gallery")
}

// Ruby annotations stay out of the text, with or without captions, and
// the tree is put back.
func TestInnerTextLeavesOutRuby(t *testing.T) {
	doc := parse(t, `<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>法律<rt>ほうりつ</rt></ruby>ができて</p><figure><img src="a.jpg"><figcaption><ruby>写真<rt>しゃしん</rt></ruby>です</figcaption></figure>`)
	before := serialize(t, doc)
	assert.Contains(t, InnerText(doc, false), "子どもへの法律ができて")
	assert.NotContains(t, InnerText(doc, false), "写真")
	assert.Contains(t, InnerText(doc, true), "写真です")
	assert.Equal(t, before, serialize(t, doc))
}
