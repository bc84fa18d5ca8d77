package main

import (
	"fmt"
	"time"

	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// settle is how long a trial lets a page that has just loaded be before
// the click, as a reader looks at the page first: the browser's start-up
// and the page's own load work are then not counted as the shell's.
const settle = 200 * time.Millisecond

// bookmarklet times the bookmarklet of engine in a fresh browser context
// (empty cache, new renderers): a first click on page first, which opens
// the reader window, then, once the reader has read it for -read, with the
// news tab in front again and on page second, a click that finds that
// window by its name and posts the page into it.
func (env *shellEnv) bookmarklet(engine, first, second string, run int) []shellTrial {
	trial := func(flow, page string) shellTrial {
		return shellTrial{Flow: flow, Engine: engine, Page: page, Run: run}
	}
	one, two := trial("bookmarklet-first", first), trial("bookmarklet-second", second)
	fail := func(err error) []shellTrial {
		if one.Ms == 0 {
			one.Error = err.Error()
		}
		two.Error = err.Error()
		return []shellTrial{one, two}
	}

	ctx, cancel := chromedp.NewContext(env.bmCtx, chromedp.WithNewBrowserContext())
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		return fail(err)
	}
	news := targetOf(ctx)
	reader := env.app[engine] + "/read.html"
	href := env.bookmarkletURL[engine]

	if err := navigate(ctx, env.pageURL(first)); err != nil {
		return fail(err)
	}
	time.Sleep(settle)
	seen, err := targetIDs(ctx)
	if err != nil {
		return fail(err)
	}
	click := time.Now()
	if err := runJavaScriptURL(ctx, href); err != nil {
		return fail(fmt.Errorf("clicking the bookmarklet: %w", err))
	}
	rctx, cancelReader, p, err := paintedIn(ctx, reader, seen, "1", click)
	if err != nil {
		return fail(fmt.Errorf("first click: %w", err))
	}
	defer cancelReader()
	one.record(p)
	time.Sleep(env.c.read) // reading the first story

	// Back to the news tab, as a reader who goes on to the next story.
	if _, err := chromedp.CallBrowser(ctx, target.ActivateTarget, target.ActivateTargetParams{TargetID: news}); err != nil {
		return fail(err)
	}
	if err := navigate(ctx, env.pageURL(second)); err != nil {
		return fail(err)
	}
	time.Sleep(settle)
	click = time.Now()
	if err := runJavaScriptURL(ctx, href); err != nil {
		return fail(fmt.Errorf("clicking the bookmarklet again: %w", err))
	}
	if p, err = painted(rctx, "2", click); err != nil {
		return fail(fmt.Errorf("second click (the reader window should take the page): %w", err))
	}
	two.record(p)
	return []shellTrial{one, two}
}
