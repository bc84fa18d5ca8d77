// Package reader turns a web page into its story: the article's text as
// safe HTML and plain text, its metadata, and a list of every block of
// clutter it took out, so a view can show what went and put it back.
//
// # Pipeline
//
// A Cleaner runs each page through the same steps:
//
//  1. Guards: size, text that is not HTML, element count and nesting depth
//     (counted while the page is only tokenized, and checked again on the
//     tree).
//  2. Parse once with golang.org/x/net/html; bytes get charset sniffing,
//     strings (from a browser) do not.
//  3. Page pass: high-confidence clutter (navigation, banners, dialogs,
//     ads, teaser rails) leaves the whole page, so it is never chosen as
//     the story.
//  4. Readability (codeberg.org/readeck/go-readability/v2) chooses the
//     story, with a new parser per page.
//  5. Story preparation: lazy images, absolute URLs, never-shown elements
//     out.
//  6. Story pass and sweeps: teasers, calls to action, ad labels, share
//     bars and the story's edges and endings, judged by where the story's
//     prose starts and ends; the sweep repeats while it removes something.
//  7. The standfirst the page's summary repeats opens the story when
//     readability left it out.
//  8. Ids prefixed "cr-", denied attributes out, then the bluemonday
//     reading-view policy.
//  9. Metadata, plain text, counts, reading time and direction.
//
// The rules of steps 3 and 6 are data in the internal rules package; this
// package records each removal, leaves an anchor where it stood and keeps
// its sanitized HTML. CleanString and Clean give a second opinion when the
// pass empties a page (cleaned again without it), when a short story misses
// the page's own summary (cleaned from the block that holds it), or when
// the story holds under a quarter of the page's prose (cleaned again
// without the page pass).
//
// # Security Considerations
//
// Page HTML, its URL and its metadata are untrusted. Content is sanitized
// by an allow-list policy whose output is stable when parsed and sanitized
// again: no script, no event handler, no javascript: URL, no form, no
// style that leaks out of the story. Every id in the story is prefixed
// "cr-" and every name attribute dropped, so the story cannot shadow the
// globals or elements of the page that shows it. URLs are checked the way
// browsers read them; tracking pixels are dropped, and WithBlockRemoteImages
// drops every image that would load from the network. Title, byline and
// the other metadata are plain text and must be inserted as text. Limits
// on bytes, elements and depth bound the work on hostile input, the walks
// do not recurse, and no panic leaves the package: errors are the sentinels
// of errors.go, wrapped with %w.
package reader
