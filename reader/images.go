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
func resolveLazyImages(doc *html.Node) {
	for _, n := range elements(doc) {
		switch n.Data {
		case "img":
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
	if ns.FirstChild == nil || ns.FirstChild.Type != html.TextNode {
		return
	}
	raw := ns.FirstChild.Data
	if !strings.Contains(strings.ToLower(raw), "<img") {
		return
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "div"}
	nodes, err := html.ParseFragment(strings.NewReader(raw), ctx)
	if err != nil {
		return
	}
	var img *html.Node
	for _, f := range nodes {
		if f.Type == html.ElementNode {
			if f.Data == "img" {
				img = f
			} else if found := findFirst(f, "img"); found != nil {
				img = found
			}
		}
		if img != nil {
			break
		}
	}
	if img == nil || getAttr(img, "src") == "" {
		return
	}
	detach(img)
	img.Parent, img.PrevSibling, img.NextSibling = nil, nil, nil
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
// with everything inside them so the text matches what the view shows.
var strippedWithContent = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "iframe": true, "frame": true,
	"object": true, "embed": true, "applet": true, "form": true, "button": true, "input": true,
	"select": true, "textarea": true, "svg": true, "math": true, "canvas": true, "dialog": true,
	"link": true, "meta": true, "base": true, "video": true, "audio": true, "map": true, "area": true,
}

// prepareStory readies the chosen story for sanitizing: picture sources
// folded into their img, URLs made absolute, tracking pixels (and, when
// asked, every remote image) dropped, and never-shown elements removed.
func prepareStory(story *html.Node, base *url.URL, blockImages bool) {
	for _, n := range elements(story) {
		if n.Parent == nil && n != story {
			continue // inside something already removed
		}
		if strippedWithContent[n.Data] || n.Namespace != "" {
			detach(n)
			continue
		}
		switch n.Data {
		case "picture":
			foldPicture(n)
		case "img":
			fixImage(n, base, blockImages)
		case "a":
			if h := getAttr(n, "href"); h != "" && !strings.HasPrefix(h, "#") {
				setAttr(n, "href", absolute(base, h))
			}
		}
	}
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

func fixImage(n *html.Node, base *url.URL, blockImages bool) {
	src := strings.TrimSpace(getAttr(n, "src"))
	srcset := getAttr(n, "srcset")
	if src == "" && srcset != "" {
		src = firstCandidate(srcset)
	}
	if src == "" || isTrackingPixel(n) {
		detach(n)
		return
	}
	isData := strings.HasPrefix(strings.ToLower(src), "data:")
	if blockImages && !isData {
		detach(n)
		return
	}
	if !isData {
		setAttr(n, "src", absolute(base, src))
	}
	if srcset != "" && !blockImages {
		setAttr(n, "srcset", absoluteSrcset(base, srcset))
	} else {
		removeAttr(n, "srcset")
	}
	setAttr(n, "loading", "lazy")
}

// isTrackingPixel reports images declared 1x1 (or smaller) or hidden.
func isTrackingPixel(n *html.Node) bool {
	w, _ := strconv.Atoi(strings.TrimSuffix(getAttr(n, "width"), "px"))
	h, _ := strconv.Atoi(strings.TrimSuffix(getAttr(n, "height"), "px"))
	if (hasAttr(n, "width") && w <= 1) || (hasAttr(n, "height") && h <= 1) {
		return true
	}
	style := strings.ToLower(strings.ReplaceAll(getAttr(n, "style"), " ", ""))
	return hasAttr(n, "hidden") || strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

func firstCandidate(srcset string) string {
	first, _, _ := strings.Cut(srcset, ",")
	f := strings.Fields(first)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func absolute(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if base == nil {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return base.ResolveReference(u).String()
}

func absoluteSrcset(base *url.URL, srcset string) string {
	parts := strings.Split(srcset, ",")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		f := strings.Fields(p)
		if len(f) == 0 {
			continue
		}
		f[0] = absolute(base, f[0])
		out = append(out, strings.Join(f, " "))
	}
	return strings.Join(out, ", ")
}
