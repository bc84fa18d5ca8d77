package main

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"time"

	"cleanread/reader"
)

// maxRedirects is the most redirects a fetch follows.
const maxRedirects = 5

// userAgent names cleanread to the servers it fetches from.
var userAgent = "cleanread/" + versionString() + " (reader-mode CLI; fetches one page on the user's request)"

// fetchedPage is a page read over HTTP and decoded to text.
type fetchedPage struct {
	text     string // the page as UTF-8 text
	finalURL string // the URL after redirects
}

// fetch GETs rawURL and returns its decoded HTML. It follows at most
// maxRedirects redirects, accepts only HTML content types, stops reading past
// maxBytes and gives up after timeout.
func fetch(rawURL string, maxBytes int64, timeout time.Duration) (*fetchedPage, error) {
	if err := checkPageURL(rawURL); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", reader.ErrBadURL, err)
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")

	client := &http.Client{
		Transport: http.DefaultTransport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			return nil
		},
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, &inputError{fmt.Errorf("cannot fetch %s: %w", rawURL, fetchReason(ctx, err, timeout))}
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &inputError{fmt.Errorf("cannot fetch %s: the server answered %s", final, resp.Status)}
	}
	ct := resp.Header.Get("Content-Type")
	if ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil {
			return nil, fmt.Errorf("%s: %w: the server sent an unreadable content type %q", final, reader.ErrNotHTML, ct)
		}
		if mt != "text/html" && mt != "application/xhtml+xml" {
			return nil, fmt.Errorf("%s: %w: the server sent %s", final, reader.ErrNotHTML, mt)
		}
	}
	if resp.ContentLength > maxBytes {
		return nil, fmt.Errorf("%s: %w: %d bytes, the limit is %d", final, reader.ErrTooLarge, resp.ContentLength, maxBytes)
	}
	b, err := readAll(resp.Body, maxBytes)
	if err != nil {
		if ie := (*inputError)(nil); errors.As(err, &ie) {
			return nil, &inputError{fmt.Errorf("cannot fetch %s: %w", final, fetchReason(ctx, ie.err, timeout))}
		}
		return nil, fmt.Errorf("%s: %w", final, err)
	}
	text, err := reader.DecodePage(b, ct)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", final, err)
	}
	return &fetchedPage{text: text, finalURL: final}, nil
}

// fetchReason turns a client error into a short reason, without repeating
// the URL that url.Error adds.
func fetchReason(ctx context.Context, err error, timeout time.Duration) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("no complete answer within %s: %w", timeout, context.DeadlineExceeded)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
