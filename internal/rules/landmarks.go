package rules

import "cleanread/internal/dom"

// Landmarks: the page's own navigation, banner, footer, dialogs and side
// rails, known by their element or ARIA role.
func landmarkRules() []rule {
	return []rule{
		{
			name: "landmark-nav", label: "Navigation", pass: both,
			why:  "site and section navigation is never the story",
			tags: []string{"nav"}, roles: []string{"navigation", "menu", "menubar"},
			shape: notTableOfContents,
		},
		{
			name: "landmark-chrome", label: "Site header or menu", pass: pagePass,
			why:   "page banner and footer landmarks hold site chrome, not the story",
			roles: []string{"banner", "contentinfo", "search"},
			guard: true,
		},
		{
			name: "page-footer", label: "Page footer", pass: both,
			why:   "footers hold copyright, tags, share links and site links",
			tags:  []string{"footer"},
			guard: true,
		},
		{
			name: "dialog", label: "Pop-up or cookie banner", pass: pagePass,
			why:  "dialogs and modals are overlays: cookie walls, sign-up prompts",
			tags: []string{"dialog"}, roles: []string{"dialog", "alertdialog", "alert"},
			guard: true,
		},
		{
			name: "aside-links", label: "Side box of links", pass: both,
			why:  "asides and complementary blocks full of links are teaser rails",
			tags: []string{"aside"}, roles: []string{"complementary"},
			shape: linkHeavyOrCards,
		},
	}
}

// notTableOfContents keeps navigation that is the story's own table of contents.
func notTableOfContents(s *scan) bool {
	for _, t := range s.Tokens() {
		if t == "toc" || t == "tableofcontents" || t == "contents" {
			return false
		}
	}
	return !mostlyFragmentLinks(s.n)
}

// linkHeavyOrCards holds for a block that is mostly links, or a handful of
// image-and-link cards, and not a run of prose.
func linkHeavyOrCards(s *scan) bool {
	if storyShaped(s.n) {
		return false
	}
	if dom.LinkDensity(s.n) >= 0.35 {
		return true
	}
	links, imgs := 0, 0
	for _, e := range dom.Elements(s.n) {
		switch e.Data {
		case "a":
			links++
		case "img":
			imgs++
		}
	}
	return links >= 2 && imgs >= 1 && s.textLen() < 500
}
