//go:build e2e

package e2e

// Local "news sites" for the bookmarklet and extension tests, and a helper
// that starts a browser of its own with extra flags (popup blocker on, an
// unpacked extension) next to the shared one of TestMain.

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// newsCSP is the strict policy of the news sites: no inline script, no
// foreign script, no wasm, no cross-origin fetch.
const newsCSP = "default-src 'self'; script-src 'self'"

// newsTitle is the story's headline, as the reader should show it.
const newsTitle = "Lighthouse keepers return to Skerrow Point after forty years"

// newsStory are sentences of the story; each must reach the reading view.
var newsStory = []string{
	"For the first time since 1985, someone will live at the foot of the Skerrow Point lighthouse",
	"The automatic lamp has kept ships off the reef for four decades",
	"Ingrid Salo, who grew up two miles along the coast, applied on the day the post was advertised.",
	"The trust expects around four thousand visitors in the first summer",
	"Fishermen in the harbour below were cautiously pleased.",
}

// newsClutter is text of the page's non-story blocks, none of which may
// reach the reading view.
var newsClutter = map[string]string{
	"navigation":     "Sport",
	"ad label":       "Advertisement",
	"teaser heading": "Most read on The Coastal Post",
	"teaser":         "Ferry fares to rise by nine per cent in April",
	"newsletter":     "Get The Coastal Post in your inbox every morning",
	"share bar":      "Share on Facebook",
	"comments":       "Finally some good news for the coast",
	"cookie banner":  "We use cookies to improve your experience",
	"footer":         "All rights reserved",
}

// newsPage is the cluttered article. The lead image is lazy (a placeholder
// src and the real one in data-src), as many news sites do it.
var newsPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>` + newsTitle + ` | The Coastal Post</title>
<meta property="og:site_name" content="The Coastal Post">
<meta property="og:title" content="` + newsTitle + `">
<meta name="author" content="Tomas Herne">
<meta property="article:published_time" content="2025-06-02T07:15:00Z">
<link rel="stylesheet" href="/site.css">
<script src="/site.js"></script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"` + newsTitle + `","author":{"@type":"Person","name":"Tomas Herne"}}</script>
</head><body>
<div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience. <button>Accept all</button> <button>Settings</button></p></div>
<header class="site-header"><a href="/" class="logo">The Coastal Post</a>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<div class="ad-slot ad-leaderboard"><span class="ad-label">Advertisement</span><a href="/ads/click"><img src="/img/ad.png" alt="Buy a boat"></a></div>
<main>
<article class="story">
<h1>` + newsTitle + `</h1>
<p class="byline">By <a href="/authors/tomas-herne" rel="author">Tomas Herne</a>, Coast reporter · <time datetime="2025-06-02T07:15:00Z">2 June 2025</time></p>
<div class="share-bar"><a href="/share/fb">Share on Facebook</a> <a href="/share/x">Share on X</a> <a href="/share/mail">Email</a></div>
<figure class="lead"><img src="/img/placeholder.gif" data-src="/img/lighthouse.png" alt="The lighthouse at Skerrow Point" width="640" height="360"><figcaption>The lighthouse at Skerrow Point at dusk.</figcaption></figure>
<p>For the first time since 1985, someone will live at the foot of the Skerrow Point lighthouse. The Northern Lights Trust said on Monday that it has hired two keepers to open the station to visitors and look after the buildings, which have stood empty since the light was automated.</p>
<p>The automatic lamp has kept ships off the reef for four decades, but the cottages, the engine house and the walled garden around it have slowly given way to the salt and the wind. Slates are missing from every roof, and the foghorn has not sounded since a storm took its compressor in 2011.</p>
<div class="ad-slot ad-inline"><span class="ad-label">Advertisement</span><p>Holiday cottages from £49 a night. Book now.</p></div>
<p>Ingrid Salo, who grew up two miles along the coast, applied on the day the post was advertised. "My grandfather rowed out to the keepers with their post every Thursday," she said. "I never thought anyone would live there again, let alone me."</p>
<p>She and her partner, the boat builder Aled Price, will move in at the end of the month. Their first job is the roof of the main cottage; their second, the garden, where the keepers once grew enough potatoes and kale to last a winter cut off by the sea.</p>
<aside class="newsletter-signup"><h3>Get The Coastal Post in your inbox every morning</h3><form action="/subscribe"><input type="email" placeholder="Your email"><button>Sign up</button></form></aside>
<p>The trust expects around four thousand visitors in the first summer, most of them walkers on the coast path. It will open the engine house as a small museum and restore the foghorn, which it hopes to sound once a year, on the anniversary of the light's first lighting in 1872.</p>
<p>Fishermen in the harbour below were cautiously pleased. "A light is a light," said one, who has worked the reef for thirty years. "But it's good to see a window lit up down there again. It makes the place feel looked after."</p>
</article>
<section class="most-read"><h2>Most read on The Coastal Post</h2><ul>
<li><a href="/news/ferry-fares"><img src="/img/t1.png" alt="">Ferry fares to rise by nine per cent in April</a></li>
<li><a href="/news/harbour-wall"><img src="/img/t2.png" alt="">Harbour wall repairs finished ahead of winter</a></li>
<li><a href="/news/seal-pups"><img src="/img/t3.png" alt="">Record number of seal pups counted on the islands</a></li>
<li><a href="/news/bus-route"><img src="/img/t4.png" alt="">Coast bus route saved after petition</a></li>
</ul></section>
<section class="comments"><h2>Comments (3)</h2>
<div class="comment"><p class="comment-author">seaview_sue</p><p>Finally some good news for the coast. I hope they open the tower too.</p></div>
<div class="comment"><p class="comment-author">Reef Walker</p><p>Lovely story. The garden must be a sight.</p></div>
<p><a href="/login">Log in to comment</a></p></section>
</main>
<footer class="site-footer"><p>© 2025 The Coastal Post. All rights reserved.</p><p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>
</body></html>`

// siteJS is the news site's own script: it proves the page's scripts run
// under its CSP, and marks the page ready.
const siteJS = `document.documentElement.dataset.siteScript = 'ran';`

// onePixelPNG is a valid 1×1 PNG for every image of the news site.
var onePixelPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

// leadPNG is the lead picture: sky, sea and a lighthouse, so screenshots
// show whether the lazy image arrived.
var leadPNG = func() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 640, 360))
	for y := range 360 {
		for x := range 640 {
			c := color.NRGBA{uint8(120 + y/3), uint8(170 + y/5), 230, 255} // sky
			switch {
			case y > 250:
				c = color.NRGBA{30, 80, uint8(110 + (y-250)/4), 255} // sea
			case x >= 300 && x < 340 && y > 90:
				c = color.NRGBA{245, 245, 240, 255} // tower
				if (y/30)%2 == 0 {
					c = color.NRGBA{200, 40, 40, 255}
				}
			case x >= 290 && x < 350 && y > 60 && y <= 90:
				c = color.NRGBA{255, 214, 90, 255} // lamp
			}
			img.SetNRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}()

// newsSite serves the news page at /story with the strict CSP, and with
// Cross-Origin-Opener-Policy: same-origin when coop is set. It returns the
// story's URL. body returns the page, so a test can make it bigger.
func newsSite(t *testing.T, coop bool, body func() string) string {
	t.Helper()
	mux := http.NewServeMux()
	headers := func(w http.ResponseWriter) {
		w.Header().Set("Content-Security-Policy", newsCSP)
		if coop {
			w.Header().Set("Cross-Origin-Opener-Policy", "same-origin")
		}
	}
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		headers(w)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body())
	})
	mux.HandleFunc("/site.js", func(w http.ResponseWriter, r *http.Request) {
		headers(w)
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprint(w, siteJS)
	})
	mux.HandleFunc("/site.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css")
		fmt.Fprint(w, "body { font-family: serif; } .cookie-banner { position: fixed; bottom: 0; }")
	})
	mux.HandleFunc("/img/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		if r.URL.Path == "/img/lighthouse.png" {
			w.Write(leadPNG)
			return
		}
		w.Write(onePixelPNG)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + "/story"
}

// newBrowser starts a browser of the test's own with the shared launch
// options plus extra, and returns its root context; it stops at cleanup.
func newBrowser(t *testing.T, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), launchOptions(extra...)...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	require.NoError(t, chromedp.Do(ctx), "starting the browser") // no deadline on the first run
	return ctx
}

// openIn opens a new tab in the browser of bctx, with the alert hooks, and
// loads url.
func openIn(t *testing.T, bctx context.Context, url string) *tab {
	t.Helper()
	tb := &tab{t: t}
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithListener(tb.listen))
	t.Cleanup(cancel)
	tb.ctx = ctx
	require.NoError(t, chromedp.Do(ctx), "opening a tab")
	tb.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: hookScript})
		return err
	}))
	tb.do(chromedp.Navigate(url))
	return tb
}

// attach returns a tab for an existing target (a window the page opened, an
// extension popup).
func attach(t *testing.T, bctx context.Context, id target.ID) *tab {
	t.Helper()
	tb := &tab{t: t}
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithTargetID(id), chromedp.WithListener(tb.listen))
	t.Cleanup(cancel)
	tb.ctx = ctx
	require.NoError(t, chromedp.Do(ctx), "attaching to %s", id)
	return tb
}

// waitTarget waits until the browser lists a target of type kind whose URL
// starts with prefix and that is not in seen, and returns it. It polls
// Target.getTargets: a window opened from a page with
// Cross-Origin-Opener-Policy has no opener, so WaitNewTarget (which follows
// openers) does not see it.
func waitTarget(t *testing.T, bctx context.Context, kind, prefix string, seen map[target.ID]bool) *target.Info {
	t.Helper()
	ctx, cancel := context.WithTimeout(bctx, stepTimeout)
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var last []string
	for {
		infos, err := allTargets(ctx)
		if err == nil {
			last = last[:0]
			for _, info := range infos {
				last = append(last, info.Type+" "+info.URL)
				if info.Type == kind && strings.HasPrefix(info.URL, prefix) && !seen[info.TargetID] {
					return info
				}
			}
		}
		select {
		case <-ctx.Done():
			t.Fatalf("no %s target at %s… within %v; targets: %q", kind, prefix, stepTimeout, last)
			return nil
		case <-tick.C:
		}
	}
}

// allTargets lists every target, tabs and workers included.
func allTargets(ctx context.Context) ([]*target.Info, error) {
	res, err := chromedp.CallBrowser(ctx, target.GetTargets, target.GetTargetsParams{Filter: target.Filter{{}}})
	if err != nil {
		return nil, err
	}
	return res.TargetInfos, nil
}

// targetIDs returns the ids of the browser's targets now, to tell new ones.
func targetIDs(t *testing.T, bctx context.Context) map[target.ID]bool {
	t.Helper()
	ctx, cancel := context.WithTimeout(bctx, stepTimeout)
	defer cancel()
	infos, err := allTargets(ctx)
	require.NoError(t, err)
	ids := map[target.ID]bool{}
	for _, info := range infos {
		ids[info.TargetID] = true
	}
	return ids
}

// decodeURIComponent undoes JavaScript's encodeURIComponent.
func decodeURIComponent(s string) (string, error) {
	return url.PathUnescape(s)
}
