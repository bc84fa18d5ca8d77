package reader

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cleanread/internal/storytest"
)

// The lead picture keeps its caption beside it (for the view), and the
// caption stays out of the story's text.
func TestLeadPictureKeepsItsCaption(t *testing.T) {
	b, err := os.ReadFile("../web/shells/demo/sample.html")
	require.NoError(t, err)
	a, err := New().CleanString(string(b), "")
	require.NoError(t, err)
	assert.NotEmpty(t, a.Image)
	assert.Equal(t, "A trial battery bus on the N4 harbour route last autumn. Illustration: Courier graphics", a.ImageCaption)
	assert.NotContains(t, a.TextContent, "A trial battery bus")
}

func TestLeadCaptionNearMisses(t *testing.T) {
	figure := func(inner string) string {
		// The picture sits between the headline and the story's body, as a
		// lead figure does.
		return strings.Replace(storytest.At("", 99), "<h1>Council sends harbour plan to a final vote</h1>",
			"<h1>Council sends harbour plan to a final vote</h1>\n"+inner, 1)
	}
	cases := []struct {
		name, page, want string
	}{
		{"a figure without a caption", figure(`<figure><img src="https://news.example/lead.jpg" width="800"></figure>`), ""},
		{"an image outside any figure", figure(`<p><img src="https://news.example/lead.jpg" width="800"></p><p class=caption>Not a figcaption</p>`), ""},
		{"a caption too long to be one", figure(`<figure><img src="https://news.example/lead.jpg" width="800"><figcaption>` + strings.Repeat("word ", 120) + `</figcaption></figure>`), ""},
		{"a caption with markup, read as text", figure(`<figure><img src="https://news.example/lead.jpg" width="800"><figcaption>The quay <b>at dawn</b>.<script>x()</script></figcaption></figure>`), "The quay at dawn."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := New().CleanString(tc.page, "https://news.example/story")
			require.NoError(t, err)
			assert.Equal(t, tc.want, a.ImageCaption)
		})
	}
}
