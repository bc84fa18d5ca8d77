package reader

import (
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// storyIDPrefix starts every id the story keeps. The view must not give its
// own elements ids with this prefix.
const storyIDPrefix = "cr-"

// maxStoryIDLen is the longest id after the prefix (the policy's pattern
// allows no more).
const maxStoryIDLen = 64

// prefixIDs keeps the story from clobbering the page that shows it (DOM
// clobbering: an element's id or name becomes a window or document property
// and can shadow the view's own globals and elements).
//
// Every id becomes "cr-" plus its value reduced to [A-Za-z0-9_-]; an <a
// name> (the old way to mark a fragment target) becomes such an id too;
// every name attribute is dropped; an id that would repeat one already given
// is dropped. In-page fragment links — "#x", or the page's own URL with a
// fragment — are rewritten to "#cr-x" so footnotes and tables of contents
// keep working; a fragment link whose target is not in the story loses its
// href (its text stays). page may be nil.
func prefixIDs(story *html.Node, page *url.URL) {
	els := elements(story)
	targets := map[string]string{} // fragment as written on the page → new id
	used := map[string]bool{}
	for _, n := range els {
		id := strings.TrimSpace(getAttr(n, "id"))
		name := ""
		if n.Data == "a" {
			name = strings.TrimSpace(getAttr(n, "name"))
		}
		removeAttr(n, "id")
		removeAttr(n, "name")
		orig := id
		if orig == "" {
			orig = name
		}
		if orig == "" {
			continue
		}
		newID := storyID(orig)
		if newID == "" || used[newID] {
			continue
		}
		used[newID] = true
		setAttr(n, "id", newID)
		for _, key := range [...]string{id, name} {
			if _, seen := targets[key]; key != "" && !seen {
				targets[key] = newID
			}
		}
	}
	for _, n := range els {
		if n.Data != "a" || !hasAttr(n, "href") {
			continue
		}
		frag, ok := inPageFragment(getAttr(n, "href"), page)
		if !ok {
			continue
		}
		removeAttr(n, "target")
		if id, found := targets[frag]; found {
			setAttr(n, "href", "#"+id)
		} else {
			removeAttr(n, "href")
		}
	}
}

// storyID returns the prefixed form of an id: letters, digits, "_" and "-"
// are kept, any other character is written as "_" and its hex code point,
// and the result is cut to maxStoryIDLen characters after the prefix.
func storyID(id string) string {
	var sb strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '-':
			sb.WriteRune(r)
		default:
			sb.WriteByte('_')
			sb.WriteString(strconv.FormatInt(int64(r), 16))
		}
		if sb.Len() >= maxStoryIDLen {
			break
		}
	}
	s := sb.String()
	if s == "" {
		return ""
	}
	return storyIDPrefix + s[:min(len(s), maxStoryIDLen)]
}

// inPageFragment reports whether href points into the page itself — a bare
// fragment, or the page's own URL with a fragment — and returns the fragment,
// percent-decoded.
func inPageFragment(href string, page *url.URL) (string, bool) {
	href = strings.TrimSpace(href)
	if frag, ok := strings.CutPrefix(href, "#"); ok {
		if dec, err := url.PathUnescape(frag); err == nil {
			frag = dec
		}
		return frag, true
	}
	if page == nil || !strings.Contains(href, "#") {
		return "", false
	}
	u, err := url.Parse(href)
	if err != nil {
		return "", false
	}
	same := strings.EqualFold(u.Scheme, page.Scheme) && strings.EqualFold(u.Host, page.Host) &&
		u.EscapedPath() == page.EscapedPath() && u.RawQuery == page.RawQuery
	return u.Fragment, same
}
