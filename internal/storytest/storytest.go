// Package storytest builds the plain news story that the rule and pipeline
// tests put their snippets into, so that both suites test against the same
// page and a case means the same thing in each.
package storytest

import (
	"fmt"
	"strings"
)

// Para is one paragraph of the story; %d numbers it.
const Para = "<p>The committee met for six hours on Tuesday and heard from engineers, residents and two former mayors before it voted, %d, to send the proposal to the full council for a final decision next month.</p>\n"

// Paras is how many paragraphs the story has.
const Paras = 6

// At returns the story with snippet placed before paragraph at (1..Paras),
// or after the last one when at is greater than Paras.
func At(snippet string, at int) string {
	var sb strings.Builder
	sb.WriteString("<!doctype html><html lang=en><head><title>Council sends harbour plan to a final vote</title><meta name=author content='Ada Brook'></head><body><article><h1>Council sends harbour plan to a final vote</h1>\n")
	for i := 1; i <= Paras; i++ {
		if i == at {
			sb.WriteString(snippet + "\n")
		}
		fmt.Fprintf(&sb, Para, i)
	}
	if at > Paras {
		sb.WriteString(snippet + "\n")
	}
	sb.WriteString("</article></body></html>")
	return sb.String()
}
