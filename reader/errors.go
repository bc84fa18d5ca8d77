package reader

import "errors"

// Sentinel errors returned (wrapped with %w) by the cleaning functions. Match
// them with errors.Is, or turn any error into a stable string with Code.
var (
	// ErrEmpty means the input held no bytes, or only white space.
	ErrEmpty = errors.New("the page is empty")
	// ErrNotHTML means the input is not an HTML document: binary data, an
	// image, a PDF, JSON or plain text.
	ErrNotHTML = errors.New("the input is not an HTML page")
	// ErrTooLarge means the input passed a limit: bytes, elements or nesting depth.
	ErrTooLarge = errors.New("the page is too large")
	// ErrNotArticle means the page parsed but holds nothing that reads as an
	// article (a home page, a search form, a login wall).
	ErrNotArticle = errors.New("this page doesn't look like an article")
	// ErrBadURL means the page URL given with the HTML is not an absolute
	// http(s) URL.
	ErrBadURL = errors.New("the page URL is not a valid http(s) URL")
)

// codes maps each sentinel to the stable string the JS bridge and the CLI use.
var codes = []struct {
	err  error
	code string
}{
	{ErrEmpty, "empty"},
	{ErrNotHTML, "not_html"},
	{ErrTooLarge, "too_large"},
	{ErrNotArticle, "not_article"},
	{ErrBadURL, "bad_url"},
}

// Code returns a stable, machine-readable name for err: "empty", "not_html",
// "too_large", "not_article", "bad_url", "" for a nil error and "internal"
// for anything else.
func Code(err error) string {
	if err == nil {
		return ""
	}
	for _, c := range codes {
		if errors.Is(err, c.err) {
			return c.code
		}
	}
	return "internal"
}
