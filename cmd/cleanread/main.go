// Command cleanread turns web pages into clean, readable articles on the
// reader's own machine, and serves the cleanread web app locally.
//
// Usage:
//
//	cleanread clean [flags] FILE|-|URL   write the story of a page as html, json or text
//	cleanread serve [flags]              serve the web app on 127.0.0.1
//	cleanread version                    print the version
//
// Run "cleanread help" for the flags and the exit codes.
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit codes. They are documented in the usage text and stay stable.
const (
	exitOK         = 0 // success
	exitUsage      = 1 // bad command line
	exitInput      = 2 // input unreadable: missing file, failed fetch, HTTP error status
	exitEmpty      = 3 // the page is empty
	exitNotHTML    = 4 // the input is not HTML
	exitTooLarge   = 5 // the page passed a size limit
	exitNotArticle = 6 // the page holds no article
	exitBadURL     = 7 // the page URL is not an absolute http(s) URL
	exitInternal   = 8 // a bug in cleanread
	exitOutput     = 9 // the output could not be written, or the server could not run
)

const usage = `cleanread turns web pages into clean, readable articles, on your own machine.

Usage:
  cleanread clean [flags] FILE|-|URL   write the story of a page (FILE, - for stdin,
                                       or an http(s) URL to fetch)
  cleanread serve [flags]              serve the cleanread web app on 127.0.0.1
  cleanread version                    print the version
  cleanread help [COMMAND]             print this help, or a command's flags

Examples:
  cleanread clean -o story.html saved-page.html
  curl -s https://example.com/story | cleanread clean -url https://example.com/story -format text -
  cleanread clean -format json https://example.com/story
  cleanread serve -addr 127.0.0.1:8080

EXIT CODES
  0  success
  1  usage error (unknown command or flag, missing argument)
  2  input unreadable: file missing, fetch failed, HTTP error status
  3  the page is empty
  4  the input is not HTML (binary data, JSON, plain text, a non-HTML content type)
  5  the page is too large (bytes, elements or nesting depth)
  6  the page does not look like an article
  7  the page URL is not an absolute http(s) URL
  8  internal error (a bug: please report it)
  9  the output could not be written, or the server could not start
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line args and returns the process exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "clean":
		return runClean(rest, stdin, stdout, stderr)
	case "serve":
		return runServe(rest, stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "cleanread %s\n", versionString())
		return exitOK
	case "help", "-h", "-help", "--help":
		switch {
		case len(rest) > 0 && rest[0] == "clean":
			return runClean([]string{"-h"}, stdin, stdout, stdout)
		case len(rest) > 0 && rest[0] == "serve":
			return runServe([]string{"-h"}, stdout, stdout)
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "cleanread: unknown command %q; run \"cleanread help\".\n", cmd)
		return exitUsage
	}
}

// fail prints one plain sentence for err to stderr and returns code.
func fail(stderr io.Writer, code int, err error) int {
	fmt.Fprintf(stderr, "cleanread: %v\n", err)
	return code
}
