package reader_test

import (
	"strings"
	"testing"

	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// leadPage is a story whose lead figure sits between its header and its
// body, with a site logo before the headline and no og:image.
func leadPage(meta string) string {
	return `<html><head><title>Night buses</title>` + meta + `</head><body>
<header><img src="/logo.png" alt="The Courier" width="120" height="40"></header>
<article><header><h1>Night buses to run on batteries</h1>
<p>Every night route will switch to battery buses within two years, after councillors approved the depot plan.</p></header>
<figure><img src="/img/bus.jpg" alt="A bus" width="720" height="360"><figcaption>A trial bus.</figcaption></figure>
<div class="body">` + strings.Repeat(`<p>The council voted on Thursday to rebuild the depot with charging bays for sixty vehicles, replacing the diesel fleet.</p>`, 5) + `</div></article></body></html>`
}

func TestLeadImageFallsBackToTheStorysFirstPicture(t *testing.T) {
	a, err := reader.New().CleanString(leadPage(""), "https://courier.example/news/buses")
	require.NoError(t, err)
	assert.Equal(t, "https://courier.example/img/bus.jpg", a.Image, "not the logo before the headline")

	declared, err := reader.New().CleanString(leadPage(`<meta property="og:image" content="https://cdn.example/share.jpg">`), "https://courier.example/news/buses")
	require.NoError(t, err)
	assert.Equal(t, "https://cdn.example/share.jpg", declared.Image, "the page's declared image wins")

	const inline = "data:image/png;base64,iVBORw0KGgo="
	pic, err := reader.New().CleanString(strings.Replace(leadPage(""), "/img/bus.jpg", inline, 1), "https://courier.example/news/buses")
	require.NoError(t, err)
	assert.Equal(t, inline, pic.Image, "an inline raster lead picture is kept")

	hostile, err := reader.New().CleanString(strings.Replace(leadPage(""), "/img/bus.jpg", "javascript:alert(1)", 1), "https://courier.example/news/buses")
	require.NoError(t, err)
	assert.Empty(t, hostile.Image)
}
