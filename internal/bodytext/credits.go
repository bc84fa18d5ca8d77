package bodytext

import (
	"regexp"
	"strings"

	"cleanread/internal/dom"

	"golang.org/x/net/html"
)

// creditShape is one way a line says who took or owns a picture, as data.
type creditShape struct {
	why string
	rx  func() *regexp.Regexp
	// underPicture: the line is a credit only right under a picture; alone
	// it says something else (a copyright line closes the page).
	underPicture bool
}

// creditLabels are the words that open a credit line or end a caption with
// one (en, de, fr, es, it, pt, nl, pl).
const creditLabels = `image|images|image credits?|photo|photos|photo credits?|photograph|photography|picture|pictures|pic|` +
	`credits?|illustration|graphic|video|foto|fotos|fotograf|bild|bilder|bildquelle|fotoquelle|grafik|` +
	`crédits?|crédits? photo|photographie|imagen|imágenes|fotografía|immagine|immagini|afbeelding|beeld|zdjęcie|fot`

// creditShapes are the whole-line credits: a line that is only one of
// these is about a picture, not part of the story.
var creditShapes = []creditShape{
	{why: "a label and a name: 'Photo: Ana Ruiz / Harbour Agency', 'Image Credits: Getty', '(Image: AGENCY)'",
		rx: dom.LazyRegexp(`^(?i)\(?\s*(` + creditLabels + `)\s*[:：]\s*\S[^\n]{0,100}$`)},
	{why: "a copyright notice under a picture: '© Harbour Agency', 'Copyright: Ana Ruiz'",
		rx: dom.LazyRegexp(`^(?i)(©|\(c\)\s|copyright\b)\s*:?\s*\S[^\n]{0,100}$`), underPicture: true},
}

// rxCaptionCredit is a caption's closing credit: a sentence about the
// picture that ends "… Photo: Ana Ruiz" or "… (Image: AGENCY)".
var rxCaptionCredit = dom.LazyRegexp(`(?i)[\s(|–—-](` + creditLabels + `)\s*[:：]\s*[^.:;!?]{1,60}\)?\s*$`)

// Limits on what is read as a credit or a loose caption.
const (
	creditMax  = 140 // a credit line is short
	captionMax = 320 // a loose caption is a sentence or two
	// captionSlack allows for the white space the length check counts and
	// the trimmed text does not.
	captionSlack = 64
)

// MarkCredits finds what the story says about its pictures outside a
// figcaption. A line that is only a credit is marked (IsCredit) and
// wrapped in small; a caption written as a paragraph right after a
// picture, ending with its credit, becomes that picture's figcaption.
// Both then stay out of the story's text (InnerText).
func MarkCredits(story *html.Node) {
	for _, n := range dom.Elements(story) {
		// Cheapest first: most blocks are paragraphs of prose, too long
		// for either and without the colon every labelled credit has.
		if n.Parent == nil || !creditCandidate(n) || dom.TextLen(n) > captionMax+captionSlack {
			continue
		}
		if inFigcaption(n) || dom.InEmbed(n) { // a post's or player's line is not a credit
			continue
		}
		t := strings.TrimSpace(dom.Text(n))
		switch {
		case t == "":
		case len(t) <= creditMax && isCreditLine(t, n):
			markCredit(n)
		case len(t) <= captionMax && strings.ContainsAny(t, ":："):
			if pic := pictureBefore(n); pic != nil && rxCaptionCredit().MatchString(t) {
				makeFigure(pic, n)
			}
		}
	}
}

// isCreditLine reports a line t (the text of n) that is only a credit.
func isCreditLine(t string, n *html.Node) bool {
	if lower := strings.ToLower(t[:min(len(t), len("copyright"))]); !strings.ContainsAny(t, ":：©") &&
		!strings.HasPrefix(lower, "(c)") && !strings.HasPrefix(lower, "copyright") {
		return false // every shape has a label's colon or a copyright notice
	}
	for _, s := range creditShapes {
		if s.rx().MatchString(t) && (!s.underPicture || pictureBefore(n) != nil) {
			return true
		}
	}
	return false
}

// creditCandidate reports a block that holds text only: a credit or a
// caption is never a container of other blocks or of a picture.
func creditCandidate(n *html.Node) bool {
	switch n.Data {
	case "p", "div", "span", "small", "em", "i", "cite":
	default:
		return false
	}
	for d := range n.Descendants() {
		if d.Type != html.ElementNode {
			continue
		}
		switch d.Data {
		case "p", "div", "ul", "ol", "table", "blockquote", "figure", "img", "picture", "video", "h1", "h2", "h3", "h4", "h5", "h6":
			return false
		}
	}
	return n.Parent != nil && !(n.Parent.Data == "p" || n.Parent.Data == "li") // an inline part of running text
}

func inFigcaption(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (p.Data == "figcaption" || IsCredit(p)) {
			return true
		}
	}
	return false
}

// markCredit marks n as a credit (for the text) and as .cr-credit (for the
// view, which leaves it out of read-aloud), and wraps its content in small,
// so any reader of the HTML shows it small.
func markCredit(n *html.Node) {
	n.Attr = append(n.Attr, creditMark)
	small := &html.Node{Type: html.ElementNode, Data: "small"}
	moveChildren(n, small)
	n.AppendChild(small)
	dom.SetAttr(n, "class", CreditClass)
}

// CreditClass is the class a credit line carries into the view.
const CreditClass = "cr-credit"

// pictureBefore returns the element right before n (blank text between
// them aside) when it shows a picture and nothing else, else nil.
func pictureBefore(n *html.Node) *html.Node {
	prev := n.PrevSibling
	for prev != nil && prev.Type == html.TextNode && strings.TrimSpace(prev.Data) == "" {
		prev = prev.PrevSibling
	}
	if prev == nil || prev.Type != html.ElementNode || prev.Data == "figure" {
		return nil
	}
	if prev.Data == "img" || prev.Data == "picture" {
		return prev
	}
	if strings.TrimSpace(dom.Text(prev)) != "" || dom.FindFirst(prev, "img") == nil {
		return nil
	}
	return prev
}

// makeFigure puts pic and its caption into one figure, the caption's
// content in a figcaption, where the caption block stood.
func makeFigure(pic, caption *html.Node) {
	fig := &html.Node{Type: html.ElementNode, Data: "figure"}
	figcaption := &html.Node{Type: html.ElementNode, Data: "figcaption"}
	caption.Parent.InsertBefore(fig, pic)
	pic.Parent.RemoveChild(pic)
	fig.AppendChild(pic)
	moveChildren(caption, figcaption)
	fig.AppendChild(figcaption)
	caption.Parent.RemoveChild(caption)
}

// moveChildren moves every child of from to the end of to, in order.
func moveChildren(from, to *html.Node) {
	for c := from.FirstChild; c != nil; {
		next := c.NextSibling
		from.RemoveChild(c)
		to.AppendChild(c)
		c = next
	}
}
