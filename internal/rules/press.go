package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"cleanread/internal/dom"

	"golang.org/x/net/html"
)

// Part of the endings family (endings.go lists the rule). Press releases
// close with boilerplate: "About <company>" and a paragraph describing the
// company, and the media contact's name, e-mail and phone. Only what comes
// after the release's last paragraph of its own is taken.

// pressRelease holds for the start of a press release's closing
// boilerplate: an "About <company>" heading or bold lead, or a media
// contact block, with nothing of the story's own after it.
func pressRelease(s *scan) bool {
	if s.lay == nil || s.lay.firstProse < 0 || s.lay.before(s.n) || !s.mayStart(opensPressBlock) || inCaption(s.n) {
		return false
	}
	if i, ok := s.lay.order[s.n]; !ok || i <= s.lay.firstProse {
		return false // the release has some text of its own before its boilerplate
	}
	if !isAboutSection(s.n) && !isAboutLead(s.n) && !isContactBlock(s.n) {
		return false
	}
	return onlyBoilerplateAfter(s)
}

// pressLabel names what pressRelease matched.
func pressLabel(s *scan) string {
	if isContactBlock(s.n) {
		return "Press contact"
	}
	return ""
}

// pressAlso takes the company's description along with its "About"
// heading, and the contact details along with a "Media contact" heading.
func pressAlso(s *scan) *html.Node {
	next := dom.NextElement(s.n)
	switch {
	case next == nil:
		return nil
	case isAboutSection(s.n):
		return next
	case isContactLabel(s.n) && holdsContact(next):
		return next
	}
	return nil
}

// opensPressBlock reports normalized text that may open a press release's
// boilerplate: an "About" or a contact word. It reads only the first words.
func opensPressBlock(t string) bool {
	return dom.StartsWithAny(t, aboutWords) || dom.StartsWithWord(t, contactLabels) || dom.StartsWithWord(t, contactWordList)
}

// aboutWords start an "About <company>" heading (en, de, fr, es, pt, it, nl).
var aboutWords = []string{"about ", "über ", "à propos de ", "à propos d'", "a propos de ", "acerca de ", "sobre ",
	"informazioni su ", "over "}

// notCompanies are what an "About" heading names when it is the story's
// own section or the author's box, not a company.
var notCompanies = lazySet("the", "this", "our", "author", "authors", "autor", "autorin", "auteur", "autora", "me",
	"den", "die", "der", "das", "le", "la", "les", "el", "los", "il", "het", "de")

// aboutNameWordsMax is how many words a company's name may have.
const aboutNameWordsMax = 6

// aboutName is the company an "About <company>" line names, or "" when
// the line is not one: capitalised, a few words, not a sentence.
func aboutName(n *html.Node) string {
	t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(dom.Text(n)), ":"))
	lower := strings.ToLower(t)
	for _, w := range aboutWords {
		if !strings.HasPrefix(lower, w) {
			continue
		}
		name := strings.TrimSpace(t[len(w):])
		words := strings.Fields(name)
		if len(words) == 0 || len(words) > aboutNameWordsMax || notCompanies()[strings.ToLower(words[0])] ||
			strings.ContainsAny(name, "!?") {
			return ""
		}
		r, _ := utf8.DecodeRuneInString(name)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return ""
		}
		return name
	}
	return ""
}

// isAboutHeading reports a heading, or a short block standing for one,
// that reads "About <company>".
func isAboutHeading(n *html.Node) bool {
	return n != nil && isHeadingLike(n) && !dom.HoldsParagraph(n) && aboutName(n) != ""
}

// isAboutSection reports an "About <company>" heading followed by the
// company's description.
func isAboutSection(n *html.Node) bool {
	return isAboutHeading(n) && describes(dom.NextElement(n), aboutName(n))
}

// isAboutLead reports a paragraph that opens with "About <company>" in
// bold and goes on to describe it.
func isAboutLead(n *html.Node) bool {
	if n == nil || n.Data != "p" && n.Data != "div" {
		return false
	}
	lead := firstChildElement(n)
	if lead == nil || lead.Data != "strong" && lead.Data != "b" {
		return false
	}
	name := aboutName(lead)
	return name != "" && dom.TextLen(n)-dom.TextLen(lead) >= dom.ProseMin &&
		strings.Contains(dom.Normalize(textOutside(n, lead)), firstWord(name))
}

// firstChildElement returns n's first child element when no text stands
// before it, or nil.
func firstChildElement(n *html.Node) *html.Node {
	return elementFrom(n.FirstChild, func(c *html.Node) *html.Node { return c.NextSibling })
}

// describes reports a paragraph that describes the company name names: a
// run of prose that mentions it.
func describes(n *html.Node, name string) bool {
	return n != nil && name != "" && (n.Data == "p" || n.Data == "div") && dom.TextLen(n) >= dom.ProseMin &&
		strings.Contains(dom.Normalize(dom.Text(n)), firstWord(name))
}

func firstWord(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	return strings.TrimFunc(f[0], dom.IsEdgeRune)
}

// contactLabels open a press release's contact block (normalized; en, de,
// fr, es, pt, it, nl, pl). A bare "contact" needs its colon: as a word it
// starts sentences.
var contactLabels = []string{
	"media contact", "media contacts", "press contact", "press contacts", "media inquiries", "press inquiries",
	"media enquiries", "press enquiries", "investor contact", "investor contacts", "investor relations contact",
	"contact:", "contacts:", "for more information, contact", "for further information, contact",
	"pressekontakt", "medienkontakt", "kontakt für medien", "kontakt für journalisten", "ansprechpartner für die presse",
	"contact presse", "contacts presse", "contact médias", "contacto de prensa", "contacto para medios",
	"contacto con medios", "contato para imprensa", "assessoria de imprensa", "contatto stampa", "contatti stampa",
	"ufficio stampa", "perscontact", "persvoorlichting", "kontakt dla mediów", "kontakt dla prasy",
}

var (
	rxEmail = lazyRegexp(`[\p{L}\d._%+-]+@[\p{L}\d-]+\.[\p{L}\d.-]+|\[at\]|\(at\)`)
	rxPhone = lazyRegexp(`\+?\(?\d[\d ()./-]{6,}\d`)
)

// contactWords are the bare words a contact block may open with when a
// name follows them ("Kontakt Dirk Schmechel …").
var contactWords = lazySet(contactWordList...)

var contactWordList = []string{"contact", "contacts", "kontakt", "contacto", "contato", "contatti"}

// opensWithContactWord reports text that opens with a contact word and
// then a capitalised name: in a sentence, a lower-case word follows it
// ("Contact with the port was lost").
func opensWithContactWord(t string) bool {
	f := strings.Fields(t)
	if len(f) < 2 || !contactWords()[strings.ToLower(strings.TrimRight(f[0], ":"))] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[1])
	return unicode.IsUpper(r)
}

// isContactLabel reports a heading or short block that opens a contact
// block ("Media contact", "Pressekontakt:").
func isContactLabel(n *html.Node) bool {
	if n == nil || !isHeadingLike(n) {
		return false
	}
	t := dom.Normalize(dom.Text(n))
	return contactWords()[t] || dom.StartsWithWord(t+" ", contactLabels)
}

// holdsContact reports a block with an e-mail address or a phone number.
func holdsContact(n *html.Node) bool {
	if n == nil {
		return false
	}
	if a := dom.FindFirst(n, "a"); a != nil && strings.HasPrefix(strings.ToLower(dom.Attr(a, "href")), "mailto:") {
		return true
	}
	t := dom.Text(n)
	return rxEmail().MatchString(t) || rxPhone().MatchString(t)
}

// isContactBlock reports a media contact block: its label and the
// contact's details, or the label alone right before them.
func isContactBlock(n *html.Node) bool {
	if n == nil || dom.HasMedia(n) {
		return false
	}
	if (dom.StartsWithWord(dom.Normalize(dom.Text(n)+" "), contactLabels) || opensWithContactWord(dom.Text(n))) &&
		holdsContact(n) {
		return true
	}
	return isContactLabel(n) && holdsContact(dom.NextElement(n))
}

// contactDetailsMax is the longest block of a contact's details (bytes):
// a name, an office, an address, a phone and an e-mail.
const contactDetailsMax = 200

// isContactDetails reports a short block of a contact's details with no
// label: lines with an e-mail address, not a sentence. After a contact
// block they are its further contacts; alone they are not taken.
func isContactDetails(n *html.Node) bool {
	return n != nil && dom.TextLen(n) <= contactDetailsMax && !dom.HasMedia(n) && holdsContact(n) &&
		!looksLikeSentence(dom.Text(n)) && rxEmail().MatchString(dom.Text(n)+" "+mailto(n))
}

// mailto is the address of n's first mailto: link, or "".
func mailto(n *html.Node) string {
	if a := dom.FindFirst(n, "a"); a != nil {
		if h := dom.Attr(a, "href"); strings.HasPrefix(strings.ToLower(h), "mailto:") {
			return h[len("mailto:"):]
		}
	}
	return ""
}

// onlyBoilerplateAfter holds when every prose paragraph after the block
// sits in its later siblings and is a press release's boilerplate: another
// company's "About", its description, a contact block.
func onlyBoilerplateAfter(s *scan) bool {
	boiler := 0
	for sib := dom.NextElement(s.n); sib != nil; sib = dom.NextElement(sib) {
		prose := proseIn(sib)
		if prose == 0 {
			continue
		}
		if !isBoilerplate(sib) {
			return false
		}
		boiler += prose
	}
	return s.lay.proseAfter(s.n) == boiler
}

// isBoilerplate reports a block of a press release's closing boilerplate:
// a bold "About" lead, a contact block, or what an "About" heading or a
// contact label before it introduces.
func isBoilerplate(n *html.Node) bool {
	if isAboutLead(n) || isContactBlock(n) || isContactDetails(n) {
		return true
	}
	prev := dom.PrevElement(n)
	return isAboutHeading(prev) && describes(n, aboutName(prev)) || isContactLabel(prev) && holdsContact(n)
}

// proseIn counts the prose paragraphs in n, n included, as the layout does.
func proseIn(n *html.Node) int {
	c := 0
	for _, e := range dom.Elements(n) {
		if dom.IsProse(e) {
			c++
		}
	}
	return c
}
