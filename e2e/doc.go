// Package e2e holds the browser end-to-end tests of the cleanread web app.
// They drive Debian's headless Chromium with chromedp against the built app
// in dist/web, served by internal/webserve exactly as `cleanread serve` does;
// TestFirefox drives Debian's headless firefox-esr over WebDriver BiDi (a
// small client in bidi_test.go: there is no geckodriver) through the demo,
// the bookmarklet's reader window and the add-on in dist/extension-firefox.
//
// They carry the build tag e2e, so `go test ./...` leaves them out; run them
// with `./build.sh test`, or after `./build.sh` with
//
//	go -C e2e test -tags e2e -count=1 ./...
//
// e2e is a module of its own (cleanread/e2e, with replace cleanread => ../),
// so chromedp is not in the library's module graph. The tests find dist/ and
// web/ by paths relative to this folder, the working directory of go test.
//
// CHROMIUM and FIREFOX name the browser binaries (default /usr/bin/chromium
// and /usr/bin/firefox-esr). A missing build or browser fails the tests;
// nothing is skipped. Screenshots go to e2e/out/ (ignored by git).
package e2e
