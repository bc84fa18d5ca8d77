package reader

import (
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"cleanread/internal/dom"
	"cleanread/internal/rules"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// embedKind is one kind of social post a story embeds: the element and
// class token its embed code writes, and where the post's address is.
type embedKind struct {
	name  string // what it is; the rebuilt quote's marker says it
	tag   string // the element the embed code writes
	class string // the class token that marks it (compared whole, not split at hyphens)
	inner string // an element the embed must hold to be one ("" for none)
	// addrAttrs hold the post's address, most specific first; without one,
	// the address is that of the embed's last link.
	addrAttrs []string
	why       string
}

// embedKinds are the embedded posts the pipeline keeps as quotes. Each is
// the platform's own embed code: a quote with the post's text and a link
// that its script would turn into a widget. The widget never comes (no
// script runs), so the quote is what the story shows.
var embedKinds = []embedKind{
	{name: "tweet", tag: "blockquote", class: "twitter-tweet",
		why: "a post from X/Twitter the story quotes; the last link is the post's own (its date)"},
	{name: "tweet", tag: "blockquote", class: "twitter-video",
		why: "a video post from X/Twitter, written like a tweet"},
	{name: "instagram", tag: "blockquote", class: "instagram-media", addrAttrs: []string{"data-instgrm-permalink"},
		why: "an Instagram post; its caption and author line are the quote"},
	{name: "mastodon", tag: "blockquote", class: "mastodon-embed",
		why: "a Mastodon or other Fediverse post; its link is the post"},
	{name: "mastodon", tag: "iframe", class: "mastodon-embed",
		why: "a Fediverse post shown in a frame: its address without the trailing /embed is the post"},
	{name: "bluesky", tag: "blockquote", class: "bluesky-embed",
		why: "a Bluesky post; the last link (its date) is the post's own"},
	{name: "tiktok", tag: "blockquote", class: "tiktok-embed", addrAttrs: []string{"cite"},
		why: "a TikTok video post; cite holds its address, the text its caption"},
	{name: "threads", tag: "blockquote", class: "text-post-media", addrAttrs: []string{"data-text-post-permalink"},
		why: "a Threads post"},
	{name: "facebook", tag: "div", class: "fb-post", inner: "blockquote", addrAttrs: []string{"data-href", "cite"},
		why: "a Facebook post: the plugin's div holds the post's text as a quote"},
	{name: "facebook", tag: "div", class: "fb-video", inner: "blockquote", addrAttrs: []string{"data-href", "cite"},
		why: "a Facebook video post, written like a Facebook post"},
}

// embedPlaceholders are lines of embed code that stand in for the widget
// ("View this post on Instagram") and say nothing the post says.
var embedPlaceholders = map[string]string{
	"view this post on instagram":          "en",
	"view on instagram":                    "en",
	"view on threads":                      "en",
	"view on mastodon":                     "en",
	"diesen beitrag auf instagram ansehen": "de",
	"voir cette publication sur instagram": "fr",
	"ver esta publicación en instagram":    "es",
}

// videoFrameSignals are what tells a video player's frame from an ad's or a
// widget's: players ask to go full screen. Each entry is an attribute and
// the word its value must hold ("" for any value).
var videoFrameSignals = []struct{ attr, word, why string }{
	{"allowfullscreen", "", "the frame may go full screen: what players ask for"},
	{"allow", "fullscreen", "the permissions policy lets the frame go full screen"},
	{"allow", "picture-in-picture", "only a player asks to float its picture"},
}

// videoPathWords are path segments of a player's address; one of them must
// be there.
var videoPathWords = map[string]bool{"embed": true, "video": true, "videos": true, "player": true}

// notVideoWords in a frame's title or address say it is not a video the
// story shows: an ad slot, or an audio player (which asks for full screen
// too).
var notVideoWords = map[string]string{
	"ad": "ad", "ads": "ad", "advert": "ad", "advertisement": "ad", "advertising": "ad", "sponsored": "ad",
	"promo": "ad", "track": "audio", "album": "audio", "episode": "audio", "podcast": "audio", "audio": "audio",
}

// videoPrefix opens the paragraph a video frame becomes.
const videoPrefix = "Video: "

// titleMax is how much of a frame's title the link keeps, in characters.
const titleMax = 200

// quoteEmbeds turns the page's embedded posts into quotes the story keeps,
// before any pass judges the page: each becomes a blockquote rebuilt from
// its text alone with one kind of link, to the post (http(s) only), and a
// video player's frame is marked for readability to keep and linkVideos to
// link. Every rebuilt block carries dom.EmbedAttr; any the page wrote
// itself is removed first.
func quoteEmbeds(doc *html.Node, base *url.URL) {
	var posts []*html.Node
	for n := doc; n != nil; {
		if n.Type != html.ElementNode {
			n = nextNode(doc, n, false)
			continue
		}
		removeAttr(n, dom.EmbedAttr)
		if kindOf(n) != nil {
			posts = append(posts, n)
			n = nextNode(doc, n, true)
			continue
		}
		if isVideoFrame(n) {
			setAttr(n, dom.EmbedAttr, videoFrameMark)
		}
		n = nextNode(doc, n, false)
	}
	for _, e := range posts {
		q := postQuote(e, kindOf(e), base)
		if q != nil {
			e.Parent.InsertBefore(q, e)
		}
		detach(e)
		if q != nil {
			unwrapEmbedBlocks(q)
		}
	}
}

// unwrapEmbedBlocks takes away the wrappers around a quoted post that hold
// nothing but posts and a short line (rules.EmbedBlock), keeping what they
// hold: a wrapper's class names ("social-embed") would make readability
// take the post for a share bar. It stops at the page's and the story's own
// elements, at those whose place in a list, table or figure the post must
// keep, and at a wrapper named an ad, which the rules then take out whole.
func unwrapEmbedBlocks(q *html.Node) {
	for p := q.Parent; p != nil && p.Type == html.ElementNode && !keepsItsPlace(p.Data) && rules.EmbedBlock(p); {
		up := p.Parent
		for c := p.FirstChild; c != nil; c = p.FirstChild {
			p.RemoveChild(c)
			up.InsertBefore(c, p)
		}
		detach(p)
		p = up
	}
}

// videoFrameMark is the value of dom.EmbedAttr on a video player's
// frame, from the page's first look until linkVideos.
const videoFrameMark = "cr-video-frame"

// rxVideoFrame tells readability which frames are videos to keep: the
// frames quoteEmbeds marked (readability looks at every attribute's value).
var rxVideoFrame = lazyRegexp(`^` + videoFrameMark + `$`)

// linkVideos puts a "Video: <title>" link to its player before each video
// frame of the story, which the story's preparation then removes. It runs
// once readability has chosen the story: a frame scores nothing, and its
// link would, so readability judges the page as it would without it (and
// keeps a block that holds a player, with the story around it).
func linkVideos(story *html.Node, base *url.URL) {
	for _, f := range elements(story) {
		if f.Data == "iframe" && getAttr(f, dom.EmbedAttr) == videoFrameMark {
			if p := videoLink(f, base); p != nil {
				f.Parent.InsertBefore(p, f)
			}
		}
	}
}

// kindOf returns the embed kind n is, or nil.
func kindOf(n *html.Node) *embedKind {
	if n.Data != "blockquote" && n.Data != "div" && n.Data != "iframe" {
		return nil
	}
	class := strings.ToLower(getAttr(n, "class"))
	for i := range embedKinds {
		k := &embedKinds[i]
		// Most blocks name no kind: a substring test rules them out before
		// the class is split into words.
		if k.tag == n.Data && strings.Contains(class, k.class) && slices.Contains(strings.Fields(class), k.class) &&
			(k.inner == "" || findFirst(n, k.inner) != nil) {
			return k
		}
	}
	return nil
}

// isVideoFrame reports an iframe that is a video player: one of
// videoFrameSignals, a player's path word in its address, no word of
// notVideoWords in its title or address, and no class of an embedded post
// (a post the platform's script already turned into a frame is no video).
func isVideoFrame(n *html.Node) bool {
	if n.Data != "iframe" {
		return false
	}
	classes := strings.Fields(strings.ToLower(getAttr(n, "class")))
	for _, k := range embedKinds {
		if slices.Contains(classes, k.class) {
			return false
		}
	}
	signal := false
	for _, s := range videoFrameSignals {
		if hasAttr(n, s.attr) && (s.word == "" || strings.Contains(strings.ToLower(getAttr(n, s.attr)), s.word)) {
			signal = true
			break
		}
	}
	if !signal {
		return false
	}
	u, err := url.Parse(strings.TrimSpace(getAttr(n, "src")))
	if err != nil {
		return false
	}
	player := false
	for _, seg := range strings.Split(strings.ToLower(u.Path), "/") {
		player = player || videoPathWords[seg]
		if notVideoWords[seg] != "" {
			return false
		}
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(getAttr(n, "title")+" "+u.Hostname()), isWordBreak) {
		if notVideoWords[w] != "" {
			return false
		}
	}
	return player
}

func isWordBreak(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= utf8.RuneSelf)
}

// keepsItsPlace reports an element a post's wrapper never is.
func keepsItsPlace(tag string) bool {
	switch tag {
	case "html", "head", "body", "main", "article", "li", "dd", "dt", "td", "th", "tr", "thead", "tbody",
		"tfoot", "table", "ul", "ol", "dl", "blockquote", "figure":
		return true
	}
	return false
}

// postQuote rebuilds an embedded post as a quote: its lines of text, as
// text, in paragraphs, and its links to the post as links (one closing line
// with the bare address when none of its text links there). A post with no
// text and no http(s) address gives nil.
func postQuote(e *html.Node, k *embedKind, base *url.URL) *html.Node {
	addr := ""
	for _, a := range k.addrAttrs {
		if addr = httpURL(base, getAttr(e, a)); addr != "" {
			break
		}
	}
	if addr == "" && k.tag == "iframe" {
		addr = strings.TrimSuffix(httpURL(base, getAttr(e, "src")), "/embed")
	}
	if addr == "" {
		addr = lastLink(e, base)
	}
	lines := postLines(e, addr, base)
	if len(lines) == 0 && addr == "" {
		return nil
	}
	q := element("blockquote")
	if addr != "" {
		setAttr(q, "cite", addr)
	}
	setAttr(q, dom.EmbedAttr, k.name)
	linked := false
	for _, l := range lines {
		p := element("p")
		for _, r := range l {
			switch {
			case r.br:
				p.AppendChild(element("br"))
			case r.link:
				a := element("a")
				setAttr(a, "href", addr)
				a.AppendChild(textNode(r.text))
				p.AppendChild(a)
				linked = true
			default:
				p.AppendChild(textNode(r.text))
			}
		}
		q.AppendChild(p)
	}
	if !linked && addr != "" {
		q.AppendChild(linkLine("", addr, addr))
	}
	return q
}

// videoLink turns a video player's frame into a paragraph "Video: <title>"
// linking to the player's address, or nil when it has no http(s) address.
// The title is the frame's own (the address when it has none), as text.
func videoLink(f *html.Node, base *url.URL) *html.Node {
	src := httpURL(base, getAttr(f, "src"))
	if src == "" {
		return nil
	}
	title := strings.Join(strings.Fields(getAttr(f, "title")), " ")
	if title == "" {
		title = src
	}
	if utf8.RuneCountInString(title) > titleMax {
		title = string([]rune(title)[:titleMax]) + "…"
	}
	p := linkLine(videoPrefix, title, src)
	setAttr(p, dom.EmbedAttr, "video")
	return p
}

// linkLine is a paragraph of lead text and a link.
func linkLine(lead, text, href string) *html.Node {
	p := element("p")
	if lead != "" {
		p.AppendChild(textNode(lead))
	}
	a := element("a")
	setAttr(a, "href", href)
	a.AppendChild(textNode(text))
	p.AppendChild(a)
	return p
}

// httpURL is raw made absolute against base when it is an http(s) URL,
// else "".
func httpURL(base *url.URL, raw string) string {
	return resolved(base, safeURL(raw, quoteURL))
}

// lastLink is the address of e's last http(s) link, or "".
func lastLink(e *html.Node, base *url.URL) string {
	last := ""
	for n := e; n != nil; n = nextNode(e, n, false) {
		if n.Type == html.ElementNode && n.Data == "a" {
			if u := httpURL(base, getAttr(n, "href")); u != "" {
				last = u
			}
		}
	}
	return last
}

// run is a piece of a post's line: text, a link to the post, or a break.
type run struct {
	text     string
	link, br bool
}

// postLines reads an embed's text as lines: a block element ends a line,
// br breaks one, never-shown and hidden markup is skipped, and the text of
// a link to addr stays a link. Placeholder lines are dropped.
func postLines(e *html.Node, addr string, base *url.URL) [][]run {
	var lines [][]run
	var cur []run
	flush := func() {
		for len(cur) > 0 && cur[len(cur)-1].br {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 && !isPlaceholder(cur) {
			lines = append(lines, cur)
		}
		cur = nil
	}
	// enter takes in a node and says whether to go on into its children.
	enter := func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			cur = appendText(cur, n.Data, addr != "" && linksTo(n, e, addr, base))
		case html.ElementNode:
			if _, never := strippedWithContent[n.Data]; never || n.Namespace != "" || hasAttr(n, "hidden") {
				return false
			}
			if n.Data == "br" {
				if len(cur) > 0 {
					cur = append(cur, run{br: true})
				}
				return false
			}
			if postBlocks[n.Data] {
				flush()
			}
			return true
		}
		return false
	}
	leave := func(n *html.Node) {
		if n.Type == html.ElementNode && postBlocks[n.Data] {
			flush()
		}
	}
	// A walk without recursion, so a deep post cannot exhaust the stack.
	for n := e.FirstChild; n != nil; {
		if enter(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for {
			leave(n)
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			if n = n.Parent; n == e {
				n = nil
				break
			}
		}
	}
	flush()
	for _, l := range lines {
		l[0].text = strings.TrimLeft(l[0].text, " ")
		l[len(l)-1].text = strings.TrimRight(l[len(l)-1].text, " ")
	}
	return lines
}

// linksTo reports a node inside a link (below e) to addr.
func linksTo(n, e *html.Node, addr string, base *url.URL) bool {
	for p := n.Parent; p != nil && p != e; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "a" && httpURL(base, getAttr(p, "href")) == addr {
			return true
		}
	}
	return false
}

// postBlocks are the elements that hold a line of a post's text of their
// own; any other element's text runs on in the line around it.
var postBlocks = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "blockquote": true, "header": true, "footer": true,
	"figure": true, "figcaption": true, "ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "pre": true, "table": true, "tr": true,
	"address": true, "aside": true, "hr": true,
}

// appendText adds text to a line with its white space folded to single
// spaces, joining a run of the same kind.
func appendText(line []run, s string, link bool) []run {
	f := strings.Join(strings.Fields(s), " ")
	if f == "" {
		if s != "" && len(line) > 0 && !line[len(line)-1].br && !strings.HasSuffix(line[len(line)-1].text, " ") {
			line[len(line)-1].text += " "
		}
		return line
	}
	if first, _ := utf8.DecodeRuneInString(s); unicode.IsSpace(first) {
		f = " " + f
	}
	if last, _ := utf8.DecodeLastRuneInString(s); unicode.IsSpace(last) {
		f += " "
	}
	if len(line) == 0 || line[len(line)-1].br {
		f = strings.TrimLeft(f, " ")
	}
	if n := len(line); n > 0 && !line[n-1].br && line[n-1].link == link {
		line[n-1].text = strings.ReplaceAll(line[n-1].text+f, "  ", " ")
		return line
	}
	return append(line, run{text: f, link: link})
}

// isPlaceholder reports a line that is one of embedPlaceholders.
func isPlaceholder(line []run) bool {
	var sb strings.Builder
	for _, r := range line {
		sb.WriteString(r.text)
	}
	_, ok := embedPlaceholders[strings.ToLower(strings.TrimSpace(sb.String()))]
	return ok
}

func element(tag string) *html.Node {
	return &html.Node{Type: html.ElementNode, Data: tag, DataAtom: atom.Lookup([]byte(tag))}
}

func textNode(s string) *html.Node { return &html.Node{Type: html.TextNode, Data: s} }
