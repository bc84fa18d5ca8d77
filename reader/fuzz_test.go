package reader_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cleanread/reader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	rxEventAttr = regexp.MustCompile(`(?i)<[^>]+\son[a-z]+\s*=`)
	rxJSURL     = regexp.MustCompile(`(?i)(href|src|action|formaction|srcset|cite|poster)\s*=\s*["']?\s*(javascript|vbscript):`)
)

// fuzzSeeds are hostile snippets placed in a story as extra seeds.
var fuzzSeeds = []string{
	`<p>x<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">a</a></p>`,
	`<svg><style><img src=x onerror=alert(1)></style></svg><math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
	`<a href="jav&#x09;ascript:alert(1)">t</a><a href=" JaVaScRiPt:alert(1)">u</a><iframe srcdoc="<script>alert(1)</script>"></iframe>`,
	`<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript><template><script>alert(1)</script></template>`,
	`<form action="https://evil.example"><button formaction="javascript:alert(1)">go</button></form><base href="javascript:alert(1)//">`,
}

func FuzzClean(f *testing.F) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "pages", "*", "source.html"))
	for _, p := range pages {
		b, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(string(b))
	}
	for _, s := range fuzzSeeds {
		f.Add(storyWith(s, false))
	}
	c := reader.New()
	policy := reader.ReadingPolicy()
	f.Fuzz(func(t *testing.T, page string) {
		a, err := c.CleanString(page, "https://news.example/story")
		if err != nil {
			assert.NotEqual(t, "internal", reader.Code(err), "unexpected internal error: %v", err)
			return
		}
		lower := strings.ToLower(a.Content)
		assert.NotContains(t, lower, "<script")
		assert.False(t, rxEventAttr.MatchString(a.Content), "event handler attribute in %q", a.Content)
		assert.False(t, rxJSURL.MatchString(a.Content), "script URL in %q", a.Content)
		assert.Equal(t, a.Content, policy.Sanitize(a.Content), "sanitizing again changes the content")
	})
}
