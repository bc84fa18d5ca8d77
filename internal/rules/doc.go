// Package rules is the table of teaser and ad rules: what counts as
// clutter inside a page and its story, as data with a reason.
//
// A rule names only general signals — element kinds, ARIA roles, class and
// id tokens, label words in many languages, link density, card shapes, and
// where a block stands relative to the story's prose — never a site. Each
// family of rules (landmarks, classes, teasers, cards, ads, share bars,
// notices, calls to action, edges, popups, endings, widgets) lives in one
// file with its predicates and word lists (the endings' press release
// predicates in press.go); table.go says in which order the families run
// and why.
//
// The package knows nothing of articles, sanitizing or restoring: the
// pipeline hands it a tree and a callback,
//
//	t := rules.Compile(disabled)
//	t.Page(body, host, cut)        // whole page, before readability
//	t.Story(story, host, meta, cut) // inside the chosen story, then sweeps
//
// and the callback records each Hit and takes it out of the tree. Word
// sets, regular expressions and the table are built on first use.
package rules
