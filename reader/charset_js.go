//go:build js

package reader

import "strings"

// decodeLegacy, in the browser build, reads bytes that are not UTF-8 as
// UTF-8 with replacement characters. A browser hands the wasm pages it has
// already decoded (CleanString), so the build leaves out charset sniffing
// and the legacy encoding tables, which only cost download and start-up
// there.
func decodeLegacy(b []byte, _ string) (string, error) {
	return strings.ToValidUTF8(string(b), "\uFFFD"), nil
}
