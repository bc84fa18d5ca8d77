//go:build e2e

package e2e

// payloadStory is a few paragraphs of real story, so the payload page reads
// as an article.
const payloadStory = `<p>The harbour committee met on Tuesday to decide the future of the old fish market, a building that has stood empty for most of the last decade and now needs a new roof before the winter storms.</p>
<p>Members heard from traders, residents and the heritage trust, who all agreed that the hall should be saved, but disagreed on almost everything else, from the rents to the opening hours and the parking.</p>
<p>A decision is expected next month, after a public consultation that will run for six weeks and include two open evenings in the hall itself, if the structural engineers agree that it is safe.</p>
`

// payloadPage carries script payloads of every common kind. If any of them
// runs, it calls alert or sets window.__pwned.
const payloadPage = `<!DOCTYPE html><html lang="en"><head><title>Market hall decision delayed</title>
<script>window.__pwned = 'head script'; alert('head')</script>
<meta http-equiv="refresh" content="0;url=javascript:alert('refresh')">
<base href="javascript:alert('base')//">
</head><body onload="window.__pwned='body onload'; alert('onload')">
<article>
<h1>Market hall decision delayed</h1>
<p>By <a href="javascript:alert('byline')">A. Reporter</a></p>
` + payloadStory + `
<p><img src="x:broken" onerror="window.__pwned='img onerror'; alert('img')" alt="pic"></p>
<p onmouseover="alert('hover')" onclick="window.__pwned='click'">Read the <a href="javascript:window.__pwned='link';alert('link')">full report</a>
and the <a href="  JaVaScRiPt:alert('mixed case')">appendix</a> and the <a href="data:text/html,<script>alert('data')</script>">data copy</a>.</p>
<svg onload="alert('svg')"><script>alert('svg script')</script></svg>
<iframe src="javascript:alert('iframe')"></iframe><iframe srcdoc="<script>parent.alert('srcdoc')</script>"></iframe>
<object data="javascript:alert('object')"></object><embed src="javascript:alert('embed')">
<form action="javascript:alert('form')"><button formaction="javascript:alert('button')">Go</button></form>
<math><mtext><table><mglyph><style><img src=x onerror="alert('mxss')"></style></mglyph></table></mtext></math>
<noscript><p title="</noscript><img src=x onerror=alert('noscript')>"></p></noscript>
<div style="background:url(javascript:alert('css'))">Styled text that is part of the story about the hall.</div>
<p>Councillors will visit the hall on Friday. <script>alert('inline')</script></p>
</article></body></html>`

// notArticlePage is a search page with no story.
const notArticlePage = `<!DOCTYPE html><html><head><title>Search</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<form action="/search"><label>Search <input name="q"></label><button>Go</button></form>
</body></html>`
