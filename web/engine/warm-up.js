// warm-up.js — realistic pages for the worker to clean before the first real
// one arrives. The engine compiles wasm functions in a fast baseline tier on
// first call and optimizes them only once they are hot, so one tiny page
// leaves most of the cleaner cold: a few news-shaped pages of a real size
// (navigation, a long story with links, figures, lists, quotes and a table,
// then teasers, a newsletter box, comments and a footer) run the paths a real
// page takes, while the user is still clicking.

const WORDS = ('council approved plan thursday after long debate about cost timetable routes change first ' +
  'residents asked whether buses would run later evening while officials said budget allowed more trains ' +
  'station opens spring workers finished tracks north bridge city expects fewer cars downtown next year')
  .split(' ');

// sentence builds a deterministic sentence of n words from seed.
function sentence(seed, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(WORDS[(seed * 7 + i * 13) % WORDS.length]);
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return out.join(' ') + '.';
}

function paragraph(seed) {
  const a = sentence(seed, 14);
  const b = sentence(seed + 1, 18);
  return `<p>${a} <a href="/topic/${seed}">${sentence(seed + 2, 3)}</a> ${b} <em>${sentence(seed + 3, 5)}</em></p>`;
}

/** warmUpPage returns the i-th warm-up page: about 20 KB of news-shaped HTML. */
export function warmUpPage(i) {
  const body = [];
  for (let k = 0; k < 24; k++) {
    body.push(paragraph(i * 31 + k));
    if (k === 5) body.push(`<figure><img src="/img/${i}-${k}.jpg" alt="A photo" width="800" height="450"><figcaption>${sentence(k, 8)} Photo: Agency</figcaption></figure>`);
    if (k === 9) body.push(`<h2>${sentence(k, 4)}</h2><blockquote><p>${sentence(k, 20)}</p></blockquote>`);
    if (k === 14) body.push(`<ul>${[1, 2, 3, 4].map((n) => `<li>${sentence(k + n, 9)}</li>`).join('')}</ul>`);
    if (k === 18) body.push(`<table><tr><th>Line</th><th>Opens</th></tr><tr><td>North</td><td>2026</td></tr><tr><td>South</td><td>2027</td></tr></table>`);
    if (k === 12) body.push(`<div class="ad-slot"><span>Advertisement</span></div><p>Read more: <a href="/other/${k}">${sentence(k, 6)}</a></p>`);
  }
  const teasers = [1, 2, 3, 4, 5, 6].map((n) =>
    `<li class="card"><a href="/story/${i}-${n}"><img src="/t/${n}.jpg" alt=""></a><h3><a href="/story/${i}-${n}">${sentence(n + i, 7)}</a></h3></li>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${sentence(i, 6)} | The Daily</title>
<meta property="og:site_name" content="The Daily"><meta property="og:image" content="https://example.com/lead-${i}.jpg">
<meta property="article:published_time" content="2026-01-0${(i % 9) + 1}T08:00:00Z"><meta name="description" content="${sentence(i + 5, 16)}">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Warm-up ${i}","author":{"name":"A. Writer"}}</script>
<style>.nav{display:flex}</style></head><body>
<header class="site-header"><nav aria-label="Main"><ul>${[1, 2, 3, 4, 5].map((n) => `<li><a href="/s/${n}">Section ${n}</a></li>`).join('')}</ul></nav></header>
<div class="share-bar"><a href="/share">Share</a><a href="/tweet">Tweet</a></div>
<main><article><header><h1>${sentence(i, 6)}</h1><p class="standfirst">${sentence(i + 5, 16)}</p>
<p class="byline">By <a href="/by/writer">A. Writer</a> · <time datetime="2026-01-01">1 January 2026</time></p></header>
${body.join('\n')}
<aside class="newsletter"><h2>Get the morning briefing</h2><p>Sign up for our newsletter</p><form><input type="email"><button>Subscribe</button></form></aside>
</article>
<section class="related"><h2>More from The Daily</h2><ul>${teasers}</ul></section>
<section id="comments"><h2>Comments</h2><p>Log in to comment.</p></section></main>
<footer><p>© The Daily</p><a href="/privacy">Privacy</a></footer></body></html>`;
}

/** How many warm-up pages the worker cleans before it idles. */
export const WARM_UP_PAGES = 5;
