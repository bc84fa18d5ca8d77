//go:build js && wasm

package main

import (
	"errors"
	"os"
	"strings"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cleanread/reader"
)

const storyPage = `<!DOCTYPE html><html lang="en"><head><title>Harbour lights return | Courier</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour lights return</h1>
<p>The lamps along the harbour wall were switched back on last night after a two-year restoration that cost the town far less than anyone had feared at the start.</p>
<p>Volunteers cleaned and rewired each of the forty lamps by hand, working through the winter in a borrowed boat shed near the ferry terminal, with parts made by the college.</p>
<p>"It feels like the town has its evening back," said the harbour master, who watched the first lamps come on from the end of the pier with a crowd of several hundred people.</p>
<p>The restoration was paid for by a public appeal that raised more than its target in six weeks, and the council has promised to maintain the lamps from now on.</p>
</article></body></html>`

// call runs clean through the registered JS global, as JS code would.
func call(t *testing.T, args ...any) js.Value {
	t.Helper()
	g := js.Global().Get("Object").New()
	register(g, "test-version")
	return g.Get("cleanread").Call("clean", args...)
}

func errorCode(v js.Value) string {
	if v.Get("ok").Bool() {
		return ""
	}
	return v.Get("error").Get("code").String()
}

func TestRegisterSetsVersionAndClean(t *testing.T) {
	g := js.Global().Get("Object").New()
	register(g, "v1.2.3")
	api := g.Get("cleanread")
	assert.Equal(t, "v1.2.3", api.Get("version").String())
	assert.Equal(t, js.TypeFunction, api.Get("clean").Type())
}

func TestCleanReturnsArticle(t *testing.T) {
	v := call(t, storyPage, "https://news.example/harbour")
	require.True(t, v.Get("ok").Bool(), "error: %v", v.Get("error"))
	a := v.Get("article")
	require.Equal(t, js.TypeObject, a.Type(), "the article crosses as a parsed object")
	assert.Contains(t, a.Get("title").String(), "Harbour lights return")
	assert.Equal(t, "https://news.example/harbour", a.Get("url").String())
	assert.Contains(t, a.Get("content").String(), "forty lamps")
	assert.NotContains(t, a.Get("textContent").String(), "Home News")
	assert.Greater(t, a.Get("wordCount").Int(), 50)
	assert.GreaterOrEqual(t, a.Get("readingMinutes").Int(), 1)
	assert.True(t, js.Global().Get("Array").Call("isArray", a.Get("removed")).Bool() || a.Get("removed").IsNull())
}

// The article must have exactly the JSON shape of reader.Article.
func TestCleanArticleKeysMatchJSONTags(t *testing.T) {
	v := call(t, storyPage, js.Undefined())
	require.True(t, v.Get("ok").Bool(), "error: %v", v.Get("error"))
	keys := js.Global().Get("Object").Call("keys", v.Get("article"))
	var got []string
	for i := range keys.Length() {
		got = append(got, keys.Index(i).String())
	}
	want := []string{"url", "urlSource", "title", "byline", "siteName", "excerpt", "lang", "dir", "publishedTime",
		"modifiedTime", "image", "imageCaption", "content", "textContent", "length", "wordCount", "readingMinutes", "removed"}
	assert.ElementsMatch(t, want, got)
}

func TestCleanSample(t *testing.T) {
	b, err := os.ReadFile("../web/shells/demo/sample.html")
	require.NoError(t, err)
	v := call(t, string(b), "")
	require.True(t, v.Get("ok").Bool(), "error: %v", v.Get("error"))
	a := v.Get("article")
	assert.Equal(t, "Night buses to run on batteries by 2027, council confirms", a.Get("title").String())
	assert.Contains(t, a.Get("textContent").String(), "quiet workhorse of this city")
	assert.NotContains(t, a.Get("content").String(), "<script")
}

func TestCleanErrorCodes(t *testing.T) {
	tests := []struct {
		name string
		args []any
		code string
	}{
		{"empty", []any{""}, "empty"},
		{"white space", []any{" \n\t "}, "empty"},
		{"plain text", []any{"just some words, no markup at all"}, "not_html"},
		{"relative url", []any{storyPage, "/story"}, "bad_url"},
		{"ftp url", []any{storyPage, "ftp://example.com/a"}, "bad_url"},
		{"not an article", []any{"<html><body><form><input name=q></form></body></html>"}, "not_article"},
		{"too large", []any{storyPage, nil, map[string]any{"maxBytes": 100}}, "too_large"},
		{"no arguments", nil, "bad_argument"},
		{"html not a string", []any{42}, "bad_argument"},
		{"html null", []any{nil}, "bad_argument"},
		{"url a number", []any{storyPage, 7}, "bad_argument"},
		{"options a string", []any{storyPage, "", "teaserPass"}, "bad_argument"},
		{"options an array", []any{storyPage, "", []any{}}, "bad_argument"},
		{"unknown option", []any{storyPage, "", map[string]any{"teaser": true}}, "bad_argument"},
		{"teaserPass not bool", []any{storyPage, "", map[string]any{"teaserPass": "yes"}}, "bad_argument"},
		{"maxBytes fraction", []any{storyPage, "", map[string]any{"maxBytes": 1.5}}, "bad_argument"},
		{"maxBytes zero", []any{storyPage, "", map[string]any{"maxBytes": 0}}, "bad_argument"},
		{"disabledRules not array", []any{storyPage, "", map[string]any{"disabledRules": "dialog"}}, "bad_argument"},
		{"disabledRules with number", []any{storyPage, "", map[string]any{"disabledRules": []any{"dialog", 3}}}, "bad_argument"},
		{"too many arguments", []any{storyPage, "", nil, 4}, "bad_argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := call(t, tt.args...)
			assert.False(t, v.Get("ok").Bool())
			assert.Equal(t, tt.code, errorCode(v), "message: %s", v.Get("error").Get("message"))
			assert.NotEmpty(t, v.Get("error").Get("message").String())
		})
	}
}

func TestCleanAcceptsOptions(t *testing.T) {
	v := call(t, storyPage, nil, map[string]any{
		"teaserPass": false, "blockRemoteImages": true, "maxBytes": 1 << 20,
		"disabledRules": []any{"dialog", "share-bar"}, "unsetLater": js.Undefined(),
	})
	assert.True(t, v.Get("ok").Bool(), "error: %v", v.Get("error"))
}

// captionsInText puts a figure's caption into the text; by default the
// text is the story's prose only. The HTML has the caption either way.
func TestCleanCaptionsInText(t *testing.T) {
	page := strings.Replace(storyPage, "</h1>", `</h1><figure><img src="https://img.example/wall.jpg" alt=""><figcaption>The wall lit at dusk.</figcaption></figure>`, 1)
	for _, with := range []bool{false, true} {
		v := call(t, page, nil, map[string]any{"captionsInText": with})
		require.True(t, v.Get("ok").Bool(), "error: %v", v.Get("error"))
		a := v.Get("article")
		assert.Contains(t, a.Get("content").String(), "The wall lit at dusk.")
		assert.Equal(t, with, strings.Contains(a.Get("textContent").String(), "The wall lit at dusk."), "captionsInText: %v", with)
	}
	_, err := parseOptions(js.ValueOf(map[string]any{"captionsInText": "yes"}))
	assert.ErrorIs(t, err, errArgs, "a flag must be a boolean")
}

func TestParseOptions(t *testing.T) {
	o, err := parseOptions(js.ValueOf(map[string]any{"disabledRules": []any{"b", "a", "b", ""}, "teaserPass": false}))
	require.NoError(t, err)
	assert.Equal(t, options{teaserPass: false, disabledRules: "a\nb"}, o)

	o, err = parseOptions(js.Null())
	require.NoError(t, err)
	assert.Equal(t, defaultOptions(), o)

	_, err = parseOptions(js.ValueOf(map[string]any{"maxBytes": -3}))
	assert.ErrorIs(t, err, errArgs)
}

func TestCleanerCacheReusesPerOptionSet(t *testing.T) {
	c := &cleanerCache{}
	a := c.get(options{teaserPass: true})
	b := c.get(options{teaserPass: true})
	d := c.get(options{teaserPass: false})
	assert.Same(t, a, b)
	assert.NotSame(t, a, d)
	for i := range 3 * maxCleaners {
		c.get(options{maxBytes: i + 1})
	}
	assert.LessOrEqual(t, len(c.m), maxCleaners)
}

// A panic inside the cleaner must come back as code "internal" and leave the
// bridge working for the next call.
func TestCleanRecoversPanic(t *testing.T) {
	orig := cleanPage
	t.Cleanup(func() { cleanPage = orig })
	cleanPage = func(*reader.Cleaner, string, string) (*reader.Article, error) { panic("boom") }
	v := call(t, storyPage)
	assert.Equal(t, "internal", errorCode(v))
	assert.Contains(t, v.Get("error").Get("message").String(), "boom")

	cleanPage = func(*reader.Cleaner, string, string) (*reader.Article, error) {
		return nil, errors.New("something odd")
	}
	assert.Equal(t, "internal", errorCode(call(t, storyPage)))

	cleanPage = orig
	assert.True(t, call(t, storyPage).Get("ok").Bool())
}

func TestCleanMessageIsReadable(t *testing.T) {
	v := call(t, "", "")
	msg := v.Get("error").Get("message").String()
	assert.True(t, strings.Contains(msg, "empty"), msg)
}
