package reader

import (
	"fmt"
	"net/url"
	"strings"

	"cleanread/internal/bodytext"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// outcome is one run of the pipeline: the article, and what the run saw of
// the page that decides whether a second opinion is needed (reader.go).
// None of it belongs in the Article.
type outcome struct {
	*Article
	pageProse  int    // prose characters on the whole page
	summary    string // the opening words of the page's summary, spaces removed (scope.go)
	standfirst int    // characters of the standfirst added because the story did not hold the summary
}

// article is the outcome's article, or nil for no outcome.
func (o *outcome) article() *Article {
	if o == nil {
		return nil
	}
	return o.Article
}

// clean runs the pipeline of the design on a parsed page; source says
// where pageURL came from (see ownAddress).
func (c *Cleaner) clean(doc *html.Node, pageURL *url.URL, source string) (*outcome, error) {
	if err := c.checkTree(doc); err != nil {
		return nil, err
	}
	base := baseURL(doc, pageURL)
	htmlDir, htmlLang := rootDirLang(doc)
	host := ""
	if base != nil {
		host = base.Hostname()
	}

	var removed removals
	resolveLazyImages(doc)
	lead := leadImage(doc)
	prose := proseLen(doc)
	summary := summaryProbe(doc)
	opening := standfirst(doc, summary)
	var deckLine, deckProbe string
	if opening == "" {
		deckLine, deckProbe = deck(doc)
	}
	quoteEmbeds(doc, base)
	if c.cfg.teaserPass && !c.cfg.skipPrePass {
		c.prePass(doc, host, &removed)
	}

	parser := readability.NewParser()
	parser.Logger = c.cfg.logger
	parser.KeepClasses = true // the post-pass reads class tokens; the sanitizer drops classes
	parser.AllowedVideoRegex = rxVideoFrame()
	parsed, err := parser.ParseAndMutate(doc, base)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotArticle, err)
	}
	story := parsed.Node
	if story == nil {
		return nil, ErrNotArticle
	}

	linkVideos(story, base)
	prepareStory(story, base, c.cfg.blockRemoteImages)
	bodytext.MarkCredits(story) // before the rules, which leave captions and credits alone
	if deckLine != "" && c.cfg.teaserPass {
		// Before the rules, which judge it as any other opening line (a
		// dateline is not a deck); not counted: the summary was not missed.
		addStandfirst(story, deckLine, deckProbe)
	}
	if c.cfg.teaserPass {
		c.postPass(story, host, storyMeta{byline: parsed.Byline(), title: parsed.Title()}, &removed)
	}
	addedOpening := addStandfirst(story, opening, summary)
	dropEmptyWrappers(story)
	if looksLikeIndex(story) {
		return nil, ErrNotArticle
	}
	// The text is read while the pipeline's own marks (credits, players)
	// are still on the story: lockStory drops data attributes.
	text := storyText(story, c.cfg.captionsInText)
	if strings.TrimSpace(text) == "" {
		return nil, ErrNotArticle
	}
	// Security hook (sanitize.go, ids.go): cr- ids, fragment links, denied attributes.
	c.fillRestorable(story, &removed, base, pageURL)
	lockStory(story, pageURL)
	placeAnchors(story, removed.list)

	var sb strings.Builder
	if err := html.Render(&sb, story); err != nil {
		return nil, fmt.Errorf("%w: the story cannot be serialized: %w", ErrNotHTML, err)
	}
	content := c.policy.Sanitize(sb.String())

	a := &Article{
		Content:     content,
		TextContent: text,
		Removed:     removed.list,
	}
	if pageURL != nil {
		a.URL, a.URLSource = pageURL.String(), source
	}
	fillMetadata(a, parsed, base, htmlLang, lead)
	a.Dir = detectDir(story, htmlDir, a.Lang, text)
	fillCounts(a)
	if a.Removed == nil {
		a.Removed = []Removal{}
	}
	return &outcome{Article: a, pageProse: prose, summary: summary, standfirst: addedOpening}, nil
}

// checkTree enforces the element-count and nesting-depth limits without
// recursion, so a hostile depth cannot exhaust the stack here.
func (c *Cleaner) checkTree(doc *html.Node) error {
	elements, depth := 0, 0
	n := doc
	for n != nil {
		if n.Type == html.ElementNode {
			elements++
			if elements > c.cfg.maxElements {
				return c.tooManyElements()
			}
		}
		if n.FirstChild != nil {
			n = n.FirstChild
			depth++
			if depth > c.cfg.maxDepth {
				return c.nestedTooDeep()
			}
			continue
		}
		for n != nil && n.NextSibling == nil {
			n = n.Parent
			depth--
		}
		if n != nil {
			n = n.NextSibling
		}
	}
	if findFirst(doc, "body") == nil && findFirst(doc, "frameset") != nil {
		return fmt.Errorf("%w: a frameset page has no story of its own", ErrNotArticle)
	}
	return nil
}

// looksLikeIndex reports a "story" that is really a list of links — a home
// page, a section front or a search result page — with almost no prose of
// its own.
func looksLikeIndex(story *html.Node) bool {
	total := textLen(story)
	prose := total - linkTextLen(story)
	return prose < indexProseMax && float64(prose) < 0.5*float64(total)
}

// indexProseMax is the most non-link text a link list may have and still be
// refused as "not an article".
const indexProseMax = 250

// proseLen sums the non-link text of the page's prose paragraphs.
func proseLen(root *html.Node) int {
	total := 0
	for n := root; n != nil; {
		if n.Type == html.ElementNode && isProse(n) {
			total += textLen(n) - linkTextLen(n)
			n = nextNode(root, n, true)
			continue
		}
		n = nextNode(root, n, false)
	}
	return total
}
