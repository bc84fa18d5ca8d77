package reader_test

import (
	"testing"

	"cleanread/internal/storytest"
	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The article's text, word count and reading time cover the story's prose:
// captions and credits stay in the HTML (the credit shown small) and out of
// the text, unless captions are asked for.
func TestTextIsTheStorysProse(t *testing.T) {
	pictures := `<figure><img src="https://news.example/quay.jpg" alt="The quay"><figcaption>The old quay at dawn. Photo: Ana Ruiz / Harbour Agency</figcaption></figure>
<p><img src="https://news.example/mayor.jpg" alt="The mayor"></p>
<p>Image Credits: Sam Lee</p>`
	page := storytest.At(pictures, 3)

	a, err := reader.New().CleanString(page, "")
	require.NoError(t, err)
	assert.NotContains(t, a.TextContent, "The old quay at dawn")
	assert.NotContains(t, a.TextContent, "Sam Lee")
	assert.Contains(t, a.TextContent, "voted, 3, to send")
	assert.Contains(t, a.Content, "<figcaption>The old quay at dawn. Photo: Ana Ruiz / Harbour Agency</figcaption>")
	assert.Contains(t, a.Content, `<p class="cr-credit"><small>Image Credits: Sam Lee</small></p>`)
	assert.NotContains(t, a.Content, "credit=", "the mark is the pipeline's own, not the view's")

	with, err := reader.New(reader.WithCaptionsInText(true)).CleanString(page, "")
	require.NoError(t, err)
	assert.Contains(t, with.TextContent, "The old quay at dawn. Photo: Ana Ruiz / Harbour Agency")
	assert.Contains(t, with.TextContent, "Image Credits: Sam Lee")
	assert.Equal(t, a.Content, with.Content, "the HTML is the same either way")
	assert.Greater(t, with.WordCount, a.WordCount)
	assert.Greater(t, with.Length, a.Length)
}

// The policy lets exactly the credit class through, on text elements only:
// a page's other classes, or the class with more in it, are dropped.
func TestCreditClassIsTheOnlyClass(t *testing.T) {
	page := storytest.At(`<p class="cr-credit cr-view">Not a credit at all, just a sentence.</p><div class="cr-creditx">Another</div><img class="cr-credit" src="https://news.example/a.jpg" alt="">`, 3)
	a, err := reader.New().CleanString(page, "")
	require.NoError(t, err)
	assert.NotContains(t, a.Content, "class=")
	assert.Contains(t, a.TextContent, "Not a credit at all, just a sentence.", "a page's class does not hide its text")
}
