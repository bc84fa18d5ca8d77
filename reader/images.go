package reader

import (
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// lazySrcAttrs are the attributes lazy-loading scripts keep the real image
// URL in, most specific first.
var lazySrcAttrs = []string{"data-src", "data-original", "data-lazy-src", "data-lazy", "data-url", "data-hi-res-src", "data-full-src"}

// lazySrcsetAttrs hold a lazy image's real srcset.
var lazySrcsetAttrs = []string{"data-srcset", "data-lazy-srcset", "data-original-set"}

// resolveLazyImages copies the real URL of lazy images into src and srcset,
// across the whole page, before readability scores it: readability only
// looks at lazy attributes when src is empty or the class says "lazy".
// It also drops tracking pixels here, while their inline style can still be
// read: readability removes style attributes.
func resolveLazyImages(doc *html.Node) {
	for _, n := range elements(doc) {
		switch n.Data {
		case "img":
			if isTrackingPixel(n) {
				detach(n)
				continue
			}
			if v := firstAttr(n, lazySrcAttrs); v != "" && looksLikeURL(v) {
				setAttr(n, "src", v)
			}
			if v := firstAttr(n, lazySrcsetAttrs); v != "" {
				setAttr(n, "srcset", v)
			}
		case "source":
			if v := firstAttr(n, lazySrcsetAttrs); v != "" {
				setAttr(n, "srcset", v)
			}
		case "noscript":
			unwrapNoscriptImage(n)
		}
	}
}

// unwrapNoscriptImage replaces a lazy placeholder image followed by a
// <noscript> holding the real image with that real image.
func unwrapNoscriptImage(ns *html.Node) {
	img := noscriptImage(ns)
	if img == nil {
		return
	}
	prev := ns.PrevSibling
	for prev != nil && prev.Type == html.TextNode && strings.TrimSpace(prev.Data) == "" {
		prev = prev.PrevSibling
	}
	if prev != nil && prev.Type == html.ElementNode && prev.Data == "img" {
		ns.Parent.InsertBefore(img, prev)
		detach(prev)
	} else {
		ns.Parent.InsertBefore(img, ns)
	}
	detach(ns)
}

// noscriptImage parses the markup inside a <noscript> (text to the HTML
// parser) and returns its first image with a src, detached, or nil.
func noscriptImage(ns *html.Node) *html.Node {
	if ns.FirstChild == nil || ns.FirstChild.Type != html.TextNode {
		return nil
	}
	raw := ns.FirstChild.Data
	if !strings.Contains(strings.ToLower(raw), "<img") {
		return nil
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "div"}
	nodes, err := html.ParseFragment(strings.NewReader(raw), ctx)
	if err != nil {
		return nil
	}
	var img *html.Node
	for _, f := range nodes {
		if f.Type != html.ElementNode {
			continue
		}
		if f.Data == "img" {
			img = f
		} else {
			img = findFirst(f, "img")
		}
		if img != nil {
			break
		}
	}
	if img == nil || getAttr(img, "src") == "" {
		return nil
	}
	detach(img)
	img.Parent, img.PrevSibling, img.NextSibling = nil, nil, nil
	return img
}

func firstAttr(n *html.Node, keys []string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(getAttr(n, k)); v != "" {
			return v
		}
	}
	return ""
}

func looksLikeURL(s string) bool {
	return !strings.ContainsAny(s, " <>\"") && (strings.Contains(s, "/") || strings.Contains(s, "."))
}

// strippedWithContent are elements the reading view never shows, removed
// with everything inside them (so the text matches what the view shows),
// each with the reason.
var strippedWithContent = map[string]string{
	"script":      "runs code",
	"style":       "page CSS would restyle the view and can load url() resources",
	"noscript":    "fallback markup for script-less browsers; its real image was taken out by resolveLazyImages",
	"template":    "inert markup meant to be cloned by script",
	"iframe":      "another document (src or srcdoc) inside the story",
	"frame":       "another document",
	"object":      "plugins and nested documents",
	"embed":       "plugins and nested documents",
	"applet":      "plugins",
	"form":        "submits the reader's input elsewhere",
	"button":      "form submission (formaction) and script hooks",
	"input":       "form controls, and type=image loads a URL",
	"select":      "form control",
	"textarea":    "form control; its text is raw markup",
	"svg":         "a foreign namespace with its own script, links and style, and the root of namespace-confusion attacks",
	"math":        "a foreign namespace used in namespace-confusion attacks",
	"canvas":      "drawn by script only",
	"dialog":      "a modal that can cover the view",
	"link":        "loads style sheets, prefetches and preconnects",
	"meta":        "http-equiv refresh navigates; others set policy",
	"base":        "changes where every relative URL of our page points",
	"video":       "autoplaying media and its poster load remote resources",
	"audio":       "autoplaying media",
	"map":         "image maps carry their own links (area)",
	"area":        "links outside the link checks",
	"title":       "belongs to the head; the title is metadata",
	"xmp":         "raw-text element whose text is markup",
	"plaintext":   "swallows the rest of the document as text",
	"noembed":     "fallback markup, parsed differently by different parsers",
	"noframes":    "fallback markup, parsed differently by different parsers",
	"portal":      "another document",
	"fencedframe": "another document",
}

// prepareStory readies the chosen story for sanitizing: never-shown and
// active elements removed, picture sources folded into their img, URLs
// checked (safeURL) and made absolute, links set to open in a new tab,
// tracking pixels (and, when asked, every remote image) dropped.
func prepareStory(story *html.Node, base *url.URL, blockRemoteImages bool) {
	for _, n := range elements(story) {
		if n.Parent == nil && n != story {
			continue // inside something already removed
		}
		if _, ok := strippedWithContent[n.Data]; ok || n.Namespace != "" {
			detach(n)
			continue
		}
		switch n.Data {
		case "picture":
			foldPicture(n)
		case "img":
			fixImage(n, base, blockRemoteImages)
		case "a":
			fixLink(n, base)
		case "blockquote", "q":
			if hasAttr(n, "cite") {
				if u := resolved(base, safeURL(getAttr(n, "cite"), quoteURL)); u != "" {
					setAttr(n, "cite", u)
				} else {
					removeAttr(n, "cite")
				}
			}
		}
	}
}

// fixLink keeps a link's href only when it is an in-page fragment or
// resolves to an http(s) or mailto URL; outbound links open in a new tab
// (the policy adds noopener, noreferrer and nofollow). A relative link with
// no page URL to resolve it against would land on our own origin: its href
// is dropped and its text kept.
func fixLink(n *html.Node, base *url.URL) {
	removeAttr(n, "target")
	if !hasAttr(n, "href") {
		return
	}
	h := safeURL(getAttr(n, "href"), linkURL)
	if strings.HasPrefix(h, "#") {
		setAttr(n, "href", h) // prefixIDs rewrites it to its cr- id
		return
	}
	if h = resolved(base, h); h == "" {
		removeAttr(n, "href")
		return
	}
	setAttr(n, "href", h)
	setAttr(n, "target", "_blank")
}

// resolved makes a checked URL (from safeURL) absolute against base and
// returns it when the result is http(s), mailto or data:, else "".
func resolved(base *url.URL, checked string) string {
	if checked == "" {
		return ""
	}
	lower := strings.ToLower(checked)
	if strings.HasPrefix(lower, "data:") || strings.HasPrefix(lower, "mailto:") {
		return checked
	}
	u, err := url.Parse(checked)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// foldPicture gives a picture's img the first source's srcset when it has
// none, then drops the sources (the view shows one img).
func foldPicture(p *html.Node) {
	img := findFirst(p, "img")
	for c := p.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.Data == "source" {
			if img != nil && getAttr(img, "srcset") == "" && getAttr(c, "srcset") != "" {
				setAttr(img, "srcset", getAttr(c, "srcset"))
			}
			if img != nil && getAttr(img, "src") == "" {
				if s := firstCandidate(getAttr(c, "srcset")); s != "" {
					setAttr(img, "src", s)
				}
			}
			p.RemoveChild(c)
		}
		c = next
	}
}

// fixImage gives an image a checked, absolute src (or drops the image),
// keeps only http(s) srcset candidates, drops tracking pixels and, with
// blockRemoteImages, every image that is not inline data. Kept images load lazily
// and send no Referer.
func fixImage(n *html.Node, base *url.URL, blockRemoteImages bool) {
	src := resolved(base, safeURL(getAttr(n, "src"), imageURL))
	srcset := checkedSrcset(base, getAttr(n, "srcset"))
	if src == "" && srcset != "" {
		src = firstCandidate(srcset)
	}
	if src == "" || isTrackingPixel(n) {
		detach(n)
		return
	}
	isData := strings.HasPrefix(strings.ToLower(src), "data:")
	if blockRemoteImages && !isData {
		detach(n)
		return
	}
	setAttr(n, "src", src)
	if srcset != "" && !blockRemoteImages {
		setAttr(n, "srcset", srcset)
	} else {
		removeAttr(n, "srcset")
	}
	setAttr(n, "loading", "lazy")
	setAttr(n, "referrerpolicy", "no-referrer")
}

// isTrackingPixel reports images declared 1x1 (or smaller), hidden, or made
// invisible by their inline style.
func isTrackingPixel(n *html.Node) bool {
	if tiny(getAttr(n, "width"), hasAttr(n, "width")) || tiny(getAttr(n, "height"), hasAttr(n, "height")) {
		return true
	}
	if hasAttr(n, "hidden") {
		return true
	}
	for _, decl := range styleDecls(n) {
		prop, val := decl[0], decl[1]
		if hidesElement(prop, val) {
			return true
		}
		switch prop {
		case "opacity":
			if v, err := strconv.ParseFloat(val, 64); err == nil && v <= 0.01 {
				return true
			}
		case "width", "height", "max-width", "max-height":
			if tiny(val, true) {
				return true
			}
		}
	}
	return false
}

// styleDecls returns the declarations of n's inline style as property and
// value, lower-cased, without white space or !important.
func styleDecls(n *html.Node) [][2]string {
	style := strings.ToLower(strings.Join(strings.Fields(getAttr(n, "style")), ""))
	var out [][2]string
	for _, decl := range strings.Split(style, ";") {
		prop, val, _ := strings.Cut(decl, ":")
		out = append(out, [2]string{prop, strings.TrimSuffix(val, "!important")})
	}
	return out
}

// hidesElement reports a style declaration that keeps the element from
// being shown.
func hidesElement(prop, val string) bool {
	return prop == "display" && val == "none" || prop == "visibility" && (val == "hidden" || val == "collapse")
}

// tiny reports whether a declared size is at most one pixel.
func tiny(v string, declared bool) bool {
	if !declared {
		return false
	}
	v = strings.TrimSuffix(strings.TrimSpace(v), "px")
	f, err := strconv.ParseFloat(v, 64)
	return err == nil && f <= 1
}

// checkedSrcset keeps the http(s) candidates of a srcset (resolved against
// base) and drops the rest: a javascript: or data: candidate never survives,
// nor does a URL holding a comma (the policy's srcset pattern refuses it).
func checkedSrcset(base *url.URL, srcset string) string {
	var out []string
	for _, c := range parseSrcset(srcset) {
		u := resolved(base, safeURL(c.url, imageURL))
		if u == "" || strings.HasPrefix(strings.ToLower(u), "data:") || strings.Contains(u, ",") {
			continue
		}
		if c.desc != "" {
			u += " " + c.desc
		}
		out = append(out, u)
	}
	return strings.Join(out, ", ")
}

// srcsetCandidate is one image candidate of a srcset.
type srcsetCandidate struct {
	url, desc string
}

// parseSrcset splits a srcset the way the HTML standard does: a URL runs to
// the next white space (trailing commas end it), and its descriptor runs to
// the next comma. Candidates whose descriptor is not one width or density
// are skipped.
func parseSrcset(s string) []srcsetCandidate {
	var out []srcsetCandidate
	for i := 0; i < len(s); {
		c, next := nextCandidate(s, i)
		if c.url == "" {
			break
		}
		i = next
		if c.desc != "" && !rxDescriptor().MatchString(c.desc) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// nextCandidate reads the srcset candidate that starts at or after i and
// returns it with the index after it; an empty URL means there is none.
func nextCandidate(s string, i int) (srcsetCandidate, int) {
	for i < len(s) && (srcsetSpace(s[i]) || s[i] == ',') {
		i++
	}
	start := i
	for i < len(s) && !srcsetSpace(s[i]) {
		i++
	}
	u := s[start:i]
	if trimmed := strings.TrimRight(u, ","); trimmed != u {
		return srcsetCandidate{url: trimmed}, i // a trailing comma ends a candidate without a descriptor
	}
	dstart := i
	for i < len(s) && s[i] != ',' {
		i++
	}
	return srcsetCandidate{url: u, desc: strings.TrimSpace(s[dstart:i])}, i
}

// srcsetSpace is the HTML standard's ASCII white space.
func srcsetSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f'
}

// rxDescriptor is one srcset width ("640w") or density ("2x") descriptor.
var rxDescriptor = lazyRegexp(`^[0-9]+(\.[0-9]+)?[wx]$`)

// firstCandidate returns the URL of a srcset's first candidate.
func firstCandidate(srcset string) string {
	if c := parseSrcset(srcset); len(c) > 0 {
		return c[0].url
	}
	return ""
}
