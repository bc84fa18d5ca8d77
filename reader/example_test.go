package reader_test

import (
	"fmt"
	"log"

	"cleanread/reader"
)

func ExampleCleaner_CleanString() {
	page := `<!doctype html><html lang="en"><head><title>Night buses to run on batteries</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Night buses to run on batteries</h1>
<p>Every night bus in the city will run on batteries by 2027, the council confirmed on Tuesday after a two-year trial on three routes.</p>
<p>Advertisement</p>
<p>The trial buses covered more than 400,000 kilometres without a breakdown, and drivers said the quiet engines made the late shifts easier.</p>
</article></body></html>`
	c := reader.New()
	a, err := c.CleanString(page, "https://news.example/night-buses")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Title)
	fmt.Println(a.WordCount, "words")
	for _, r := range a.Removed {
		fmt.Printf("removed %s (%s): %s\n", r.Label, r.Rule, r.Text)
	}
	// Output:
	// Night buses to run on batteries
	// 46 words
	// removed Navigation (landmark-nav): Home News
	// removed Advertisement (ad-label): Advertisement
}
