package reader

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStoryID(t *testing.T) {
	cases := []struct{ in, want string }{
		{"notes", "cr-notes"},
		{"fn-1_a", "cr-fn-1_a"},
		{"a.b c", "cr-a_2eb_20c"},
		{"Überblick", "cr-_dcberblick"},
		{"", ""},
		{strings.Repeat("x", 200), "cr-" + strings.Repeat("x", maxStoryIDLen)},
	}
	for _, tc := range cases {
		got := storyID(tc.in)
		assert.Equal(t, tc.want, got, tc.in)
		if got != "" {
			assert.Regexp(t, rxStoryID(), got, "the policy must accept every id prefixIDs writes")
		}
	}
}

func TestInPageFragment(t *testing.T) {
	page, _ := url.Parse("https://news.example/2026/story?id=4")
	cases := []struct {
		href, frag string
		ok         bool
	}{
		{"#notes", "notes", true},
		{"#caf%C3%A9", "café", true},
		{"#", "", true},
		{"https://news.example/2026/story?id=4#notes", "notes", true},
		{"HTTPS://NEWS.example/2026/story?id=4#notes", "notes", true},
		{"https://news.example/2026/story?id=5#notes", "notes", false},
		{"https://other.example/2026/story?id=4#notes", "notes", false},
		{"https://news.example/2026/story?id=4", "", false},
		{"/2026/story?id=4#notes", "", false},
	}
	for _, tc := range cases {
		frag, ok := inPageFragment(tc.href, page)
		assert.Equal(t, tc.ok, ok, tc.href)
		if tc.ok {
			assert.Equal(t, tc.frag, frag, tc.href)
		}
	}
	_, ok := inPageFragment("https://news.example/x#y", nil)
	assert.False(t, ok, "without a page URL only bare fragments are in-page")
}
