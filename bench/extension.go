package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/cdproto/extensions"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// extension times the extension of engine in a browser started for this
// trial alone: a toolbar click on page first (a fresh browser), then, with
// that popup closed, -read later and the tab on page second, another (the
// browser used once), then that popup's "Open in reader tab".
func (env *shellEnv) extension(engine, first, second string, run int) []shellTrial {
	trial := func(flow, page string) shellTrial {
		return shellTrial{Flow: flow, Engine: engine, Page: page, Run: run}
	}
	out := []shellTrial{trial("popup-fresh", first), trial("popup-used", second), trial("reader-tab", second)}
	fail := func(err error) []shellTrial {
		for i := range out {
			if out[i].Ms == 0 && out[i].Error == "" {
				out[i].Error = err.Error()
			}
		}
		return out
	}

	dir := env.extDir[engine]
	// chromedp's defaults pass --disable-extensions, which silently drops
	// --load-extension: all three flags are needed.
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), shellLaunchOptions(env.c,
		chromedp.Flag("disable-extensions", false),
		chromedp.Flag("load-extension", dir),
		chromedp.Flag("disable-extensions-except", dir))...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx, chromedp.WithErrorf(quietErrorf))
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		return fail(fmt.Errorf("starting the browser: %w", err))
	}
	// The id of an unpacked extension depends on its folder: read it from
	// the service worker's URL.
	sw, err := waitTarget(ctx, "service_worker", "chrome-extension://", nil)
	if err != nil {
		return fail(err)
	}
	extID, _, _ := strings.Cut(strings.TrimPrefix(sw.URL, "chrome-extension://"), "/")
	extURL := "chrome-extension://" + extID + "/"

	// popup clicks the toolbar button on the tab showing page and returns
	// the popup's context once its preview is painted.
	popup := func(t *shellTrial, page string) (context.Context, context.CancelFunc, error) {
		if err := navigate(ctx, env.pageURL(page)); err != nil {
			return nil, nil, err
		}
		time.Sleep(settle)
		seen, err := targetIDs(ctx)
		if err != nil {
			return nil, nil, err
		}
		tab, err := tabTarget(ctx, env.pageURL(page))
		if err != nil {
			return nil, nil, err
		}
		click := time.Now()
		if _, err := chromedp.CallBrowser(ctx, extensions.TriggerAction, extensions.TriggerActionParams{ID: extID, TargetID: string(tab)}); err != nil {
			return nil, nil, fmt.Errorf("Extensions.triggerAction: %w", err)
		}
		pctx, cancelPopup, p, err := paintedIn(ctx, extURL+"popup.html", seen, "", click)
		if err != nil {
			return nil, nil, fmt.Errorf("popup: %w", err)
		}
		t.record(p)
		return pctx, cancelPopup, nil
	}

	_, closeFirst, err := popup(&out[0], first)
	if err != nil {
		return fail(err)
	}
	closeFirst()           // as a popup closes when the reader clicks elsewhere
	time.Sleep(env.c.read) // reading, before the next page
	pctx, closeSecond, err := popup(&out[1], second)
	if err != nil {
		return fail(err)
	}
	defer closeSecond()

	// "Open in reader tab": a real mouse click on the button.
	xy, err := evalIn[[]float64](pctx, 10*time.Second, `(() => {
		const r = document.getElementById('open').getBoundingClientRect();
		return [r.left + r.width / 2, r.top + r.height / 2];
	})()`)
	if err != nil || len(xy) != 2 {
		return fail(fmt.Errorf("finding the popup's Open in reader tab button: %v", err))
	}
	seen, err := targetIDs(ctx)
	if err != nil {
		return fail(err)
	}
	click := time.Now()
	// The popup closes itself once the tab is open, which may cut the
	// answer to the click short: what counts is the reader tab.
	cctx, cancelClick := context.WithTimeout(pctx, 5*time.Second)
	_ = chromedp.Do(cctx, chromedp.MouseClickXY(xy[0], xy[1]))
	cancelClick()
	_, closeReader, p, err := paintedIn(ctx, extURL+"read.html", seen, "1", click)
	if err != nil {
		return fail(fmt.Errorf("reader tab: %w", err))
	}
	closeReader()
	out[2].record(p)
	return out
}

// tabTarget is the id of the TAB target showing url, which
// Extensions.triggerAction wants (it refuses the page target's id).
func tabTarget(ctx context.Context, url string) (target.ID, error) {
	res, err := chromedp.CallBrowser(ctx, target.GetTargets, target.GetTargetsParams{Filter: target.Filter{{Type: "tab"}}})
	if err != nil {
		return "", err
	}
	var urls []string
	for _, info := range res.TargetInfos {
		if info.URL == url {
			return info.TargetID, nil
		}
		urls = append(urls, info.URL)
	}
	return "", fmt.Errorf("no tab shows %s; tabs: %q", url, urls)
}
