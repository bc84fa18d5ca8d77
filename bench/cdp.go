package main

import (
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// stepTimeout bounds each wait of a shell trial; a loaded machine starts a
// browser in several seconds, and a cold clean of a large page takes more.
const stepTimeout = 60 * time.Second

// targetIDs returns the ids of the browser's targets now, to tell new ones.
func targetIDs(ctx context.Context) (map[target.ID]bool, error) {
	infos, err := allTargets(ctx)
	if err != nil {
		return nil, err
	}
	ids := map[target.ID]bool{}
	for _, info := range infos {
		ids[info.TargetID] = true
	}
	return ids, nil
}

// allTargets lists every target, tabs and workers included.
func allTargets(ctx context.Context) ([]*target.Info, error) {
	res, err := chromedp.CallBrowser(ctx, target.GetTargets, target.GetTargetsParams{Filter: target.Filter{{}}})
	if err != nil {
		return nil, err
	}
	return res.TargetInfos, nil
}

// waitTarget waits until the browser lists a target of type kind whose URL
// starts with prefix and that is not in seen. It polls the target list: a
// window opened by a bookmarklet may start blank and change its URL, and
// polling sees it whatever way it came.
func waitTarget(ctx context.Context, kind, prefix string, seen map[target.ID]bool) (*target.Info, error) {
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	var last []string
	for {
		infos, err := allTargets(ctx)
		if err == nil {
			last = last[:0]
			for _, info := range infos {
				last = append(last, info.Type+" "+info.URL)
				if info.Type == kind && strings.HasPrefix(info.URL, prefix) && !seen[info.TargetID] {
					return info, nil
				}
			}
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("no %s target at %s… within %v; targets: %q", kind, prefix, stepTimeout, last)
		case <-tick.C:
		}
	}
}

// attach returns a context for an existing target (a window the page
// opened, an extension popup); cancel closes the target.
func attach(bctx context.Context, id target.ID) (context.Context, context.CancelFunc, error) {
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithTargetID(id))
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		return nil, nil, fmt.Errorf("attaching to %s: %w", id, err)
	}
	return ctx, cancel, nil
}

// paintedIn waits for the new page target at prefix that a click made,
// attaches to it and waits there for painted; cancel closes the target.
func paintedIn(ctx context.Context, prefix string, seen map[target.ID]bool, pages string, click time.Time) (context.Context, context.CancelFunc, paint, error) {
	info, err := waitTarget(ctx, "page", prefix, seen)
	if err != nil {
		return nil, nil, paint{}, err
	}
	tctx, cancel, err := attach(ctx, info.TargetID)
	if err != nil {
		return nil, nil, paint{}, err
	}
	p, err := painted(tctx, pages, click)
	if err != nil {
		cancel()
		return nil, nil, paint{}, err
	}
	return tctx, cancel, p, nil
}

// paintMark is what www/paint-probe.js records for one state.
type paintMark struct {
	State     string  `json:"state"`
	Pages     string  `json:"pages"`
	At        float64 `json:"at"`
	PaintedAt float64 `json:"paintedAt"`
	Code      string  `json:"code"`
	Hidden    bool    `json:"hidden"`
}

// paint is when a click's result was painted, on the bench's clock.
type paint struct {
	Ms       float64 // since the click
	OffsetMs float64 // the page's clock minus the bench's
	Hidden   bool    // the page was hidden (a tab behind another)
}

// painted waits in the page of ctx for the paint probe's first done or
// error mark with body[data-pages] = pages ("" for any) and returns how long
// after click it was painted, on the bench's clock. The page's own clock
// (performance.timeOrigin + performance.now(), Unix milliseconds) is mapped
// onto the bench's by an offset measured there and then: the middle of a
// round trip that read it, the shortest of a few.
func painted(ctx context.Context, pages string, click time.Time) (paint, error) {
	wait := fmt.Sprintf(`new Promise((resolve) => {
		const go = () => (window.__benchPainted ? window.__benchPainted(%q).then(resolve) : setTimeout(go, 10));
		go();
	})`, pages)
	deadline := time.Now().Add(stepTimeout)
	var m paintMark
	for {
		var err error
		// The target may still be on its way to the page (a window that
		// starts blank): a destroyed context is tried again.
		m, err = evalIn[paintMark](ctx, time.Until(deadline), wait)
		if err == nil {
			break
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return paint{}, fmt.Errorf("waiting for the story: %w", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if m.State != "done" {
		return paint{}, fmt.Errorf("the shell ended in state %q (%s)", m.State, m.Code)
	}
	off, err := clockOffset(ctx)
	if err != nil {
		return paint{}, err
	}
	return paint{Ms: m.PaintedAt - off - unixMs(click), OffsetMs: off, Hidden: m.Hidden}, nil
}

func unixMs(t time.Time) float64 { return float64(t.UnixNano()) / 1e6 }

// clockOffset is the page's clock minus the bench's, in milliseconds.
func clockOffset(ctx context.Context) (float64, error) {
	best, off := -1.0, 0.0
	for range 5 {
		t0 := time.Now()
		v, err := evalIn[float64](ctx, 10*time.Second, `performance.timeOrigin + performance.now()`)
		t1 := time.Now()
		if err != nil {
			return 0, fmt.Errorf("reading the page's clock: %w", err)
		}
		if rt := unixMs(t1) - unixMs(t0); best < 0 || rt < best {
			best, off = rt, v-(unixMs(t0)+unixMs(t1))/2
		}
	}
	return off, nil
}

// navigate loads url in the tab of ctx and waits for its load event.
func navigate(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	return chromedp.Do(ctx, chromedp.Navigate(url))
}

// runJavaScriptURL runs a bookmarklet the way a click on the bookmark does:
// a javascript: navigation of the page, which runs under the page's CSP
// with a user gesture. Such a navigation never commits, so its answer says
// nothing about what the code did.
func runJavaScriptURL(ctx context.Context, href string) error {
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	return chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.Navigate, page.NavigateParams{URL: href})
		if err != nil && strings.Contains(err.Error(), "ERR_ABORTED") {
			return nil
		}
		return err
	}))
}

// targetOf is the target id of the tab of ctx.
func targetOf(ctx context.Context) target.ID {
	return chromedp.FromContext(ctx).Target.TargetID
}

// quietErrorf logs chromedp's errors except the one it reports when it
// attaches to a page still on its way to its first document (a window just
// opened, a popup): harmless, and once per trial it would bury the output.
func quietErrorf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if strings.Contains(msg, "no top-level frame") {
		return
	}
	log.Print(msg)
}
