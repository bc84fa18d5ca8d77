package reader

import "golang.org/x/net/html/atom"

// The tag facts prescan needs to follow the parser's open elements, from
// the HTML parsing algorithm (tree construction, "in body" and "in foreign
// content").

// tagSet turns atoms into a lookup set.
func tagSet(tags ...atom.Atom) map[atom.Atom]bool {
	m := make(map[atom.Atom]bool, len(tags))
	for _, t := range tags {
		m[t] = true
	}
	return m
}

// voidElements never have content, so they never stay open.
var voidElements = tagSet(atom.Area, atom.Base, atom.Basefont, atom.Bgsound, atom.Br, atom.Col, atom.Embed,
	atom.Frame, atom.Hr, atom.Image, atom.Img, atom.Input, atom.Keygen, atom.Link, atom.Meta, atom.Param,
	atom.Source, atom.Track, atom.Wbr)

// closesParagraph are the start tags that close an open paragraph.
var closesParagraph = tagSet(atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details,
	atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer,
	atom.Header, atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Search, atom.Section,
	atom.Summary, atom.Ul, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Pre, atom.Listing,
	atom.Form, atom.Li, atom.Dd, atom.Dt, atom.Plaintext, atom.Table, atom.Hr, atom.Xmp)

// impliedClose are the start tags that close an open element of their own
// kind (a list item closes the item before it, a link the link it is in).
var impliedClose = map[atom.Atom][]atom.Atom{
	atom.Li: {atom.Li}, atom.Dd: {atom.Dd, atom.Dt}, atom.Dt: {atom.Dd, atom.Dt},
	atom.Td: {atom.Td, atom.Th}, atom.Th: {atom.Td, atom.Th}, atom.Tr: {atom.Tr},
	atom.Tbody: {atom.Tbody, atom.Thead, atom.Tfoot}, atom.Thead: {atom.Tbody, atom.Thead, atom.Tfoot},
	atom.Tfoot: {atom.Tbody, atom.Thead, atom.Tfoot}, atom.Caption: {atom.Caption},
	atom.Option: {atom.Option}, atom.Optgroup: {atom.Option, atom.Optgroup},
	atom.A: {atom.A}, atom.Nobr: {atom.Nobr}, atom.Button: {atom.Button},
	atom.H1: headings, atom.H2: headings, atom.H3: headings, atom.H4: headings, atom.H5: headings, atom.H6: headings,
}

var headings = []atom.Atom{atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6}

// tableParts are dropped by the parser outside a table.
var tableParts = tagSet(atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Td, atom.Tfoot, atom.Th,
	atom.Thead, atom.Tr)

// breaksOutOfForeign are the HTML start tags that close open svg or math
// content.
var breaksOutOfForeign = tagSet(atom.B, atom.Big, atom.Blockquote, atom.Body, atom.Br, atom.Center, atom.Code,
	atom.Dd, atom.Div, atom.Dl, atom.Dt, atom.Em, atom.Embed, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5,
	atom.H6, atom.Head, atom.Hr, atom.I, atom.Img, atom.Li, atom.Listing, atom.Menu, atom.Meta, atom.Nobr,
	atom.Ol, atom.P, atom.Pre, atom.Ruby, atom.S, atom.Small, atom.Span, atom.Strong, atom.Strike, atom.Sub,
	atom.Sup, atom.Table, atom.Tt, atom.U, atom.Ul, atom.Var, atom.Font)

// integrationPoints are the svg and math elements whose content is HTML.
var integrationPoints = tagSet(atom.Foreignobject, atom.Desc, atom.Title, atom.AnnotationXml, atom.Mi, atom.Mo,
	atom.Mn, atom.Ms, atom.Mtext)
