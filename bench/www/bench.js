// bench.js — the in-browser benchmark page (bench.html), driven by the Go
// program in bench/. It compares cleanread, called through its public API
// (web/engine/cleanread.js, worker included), with Readability.js + DOMPurify on the
// same page strings, in the same tab. The Go driver calls window.bench.*.
//
// Both sides start from the page's HTML as a string and end with sanitized
// article HTML plus metadata:
//   cleanread: await clean(html, {url})               (postMessage, parse, clean, JSON back)
//   js:        DOMParser → new Readability(doc).parse() → DOMPurify.sanitize(content)

import { init, clean } from '/cleanread.js';
import { askWorker } from './ask-worker.js';

const PAGE_URL = 'http://fakehost/test/page.html'; // what the Mozilla pages were captured under
const pages = new Map(); // name → html
const params = new URLSearchParams(location.search);
const prune = params.get('prune') === '1';

// Keep a handle on the worker cleanread.js starts, to ask it for its memory.
window.__cleanreadWorkers = [];
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(...args) {
    super(...args);
    window.__cleanreadWorkers.push(this);
  }
};

async function loadPage(name) {
  if (!pages.has(name)) {
    const res = await fetch(`/pages/${encodeURIComponent(name)}.html`);
    if (!res.ok) throw new Error(`page ${name}: HTTP ${res.status}`);
    pages.set(name, await res.text());
  }
  return pages.get(name);
}

// pruneDocument removes what the cleaner never uses from doc: scripts (except
// JSON-LD), styles and stylesheet links, SVG, iframes, templates, comments.
// It is what a shell holding the live DOM could post instead of the page.
export function pruneDocument(doc) {
  for (const el of doc.querySelectorAll('script:not([type="application/ld+json"]), style, link[rel~="stylesheet"], svg, iframe, template')) el.remove();
  const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.remove();
  return doc;
}

async function timeCleanread(html) {
  const t0 = performance.now();
  let ok = true;
  try {
    await clean(html, { url: PAGE_URL });
  } catch {
    ok = false;
  }
  return { ms: performance.now() - t0, ok };
}

// timeCleanreadPruned measures what a shell holding the live DOM would do:
// clone it, prune the clone, serialize it, and clean that.
async function timeCleanreadPruned(doc) {
  const t0 = performance.now();
  const copy = pruneDocument(doc.cloneNode(true));
  const html = '<!DOCTYPE html>' + copy.documentElement.outerHTML;
  const t1 = performance.now();
  let ok = true;
  try {
    await clean(html, { url: PAGE_URL });
  } catch {
    ok = false;
  }
  const t2 = performance.now();
  return { ms: t2 - t0, pruneMs: t1 - t0, ok, bytes: html.length };
}

function timeJS(html) {
  const t0 = performance.now();
  let ok = false;
  try {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const article = new Readability(doc).parse();
    if (article) {
      DOMPurify.sanitize(article.content);
      ok = true;
    }
  } catch {
    ok = false;
  }
  return { ms: performance.now() - t0, ok };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

window.bench = {
  async ready() {
    const t0 = performance.now();
    const { version } = await init();
    return { version, initMs: performance.now() - t0, prune };
  },

  // page runs both engines `runs` times on one page, interleaved and
  // alternating which goes first, and returns the per-run times.
  async page(name, runs, engines = 'both') {
    const html = await loadPage(name);
    const doc = prune ? new DOMParser().parseFromString(html, 'text/html') : null;
    const cr = [], js = [], pruneMs = [];
    let crOK = true, jsOK = true, prunedBytes = 0;
    for (let i = 0; i < runs; i++) {
      const order = i % 2 ? ['js', 'cr'] : ['cr', 'js'];
      for (const which of order) {
        if (which === 'cr' && engines !== 'js') {
          const r = prune ? await timeCleanreadPruned(doc) : await timeCleanread(html);
          cr.push(r.ms);
          crOK &&= r.ok;
          if (prune) { pruneMs.push(r.pruneMs); prunedBytes = r.bytes; }
        } else if (which === 'js' && engines !== 'cr') {
          const r = timeJS(html);
          js.push(r.ms);
          jsOK &&= r.ok;
        }
        // Let the event loop breathe between runs (pending GC tasks, timers).
        await new Promise((r) => setTimeout(r, 0));
      }
    }
    return {
      name, bytes: html.length, cr, js, crOK, jsOK,
      crMedian: median(cr), jsMedian: median(js),
      pruneMedian: prune ? median(pruneMs) : undefined, prunedBytes: prune ? prunedBytes : undefined,
    };
  },

  // wasmMemory asks the worker for its WebAssembly memory size (bytes).
  wasmMemory() {
    return window.__cleanreadWorkers?.length ? askMemory(window.__cleanreadWorkers.at(-1)) : Promise.resolve(-1);
  },

  // workerMemory asks the worker for its memory size and its live Go heap
  // after a collection (bytes).
  async workerMemory() {
    const w = window.__cleanreadWorkers?.at(-1);
    const r = w ? await askWorker(w, 'test:memory') : null;
    return { bytes: r?.bytes ?? -1, heap: r?.heap ?? -1 };
  },

  jsHeap() {
    return performance.memory ? performance.memory.usedJSHeapSize : -1;
  },
};

// askMemory asks the worker's test hook {type: 'test:memory'} for its memory size (bytes).
async function askMemory(worker) {
  return (await askWorker(worker, 'test:memory'))?.bytes ?? -1;
}

document.body.dataset.state = 'ready';
