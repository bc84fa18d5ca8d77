// cold.js — one cold start, in a fresh browser context: cold.html?engine=cr|js&page=NAME.
// The page's HTML is fetched first (not timed: a shell has it or waits for it
// anyway). Then the engine is loaded and cleans the page once, and a second
// time warm. Times are from the first byte of the engine's code requested
// (the wasm for cleanread, Readability.js for the JS side; from the Resource
// Timing entry's startTime) to the first cleaned article.
const PAGE_URL = 'http://fakehost/test/page.html';
const params = new URLSearchParams(location.search);
const engine = params.get('engine');
const name = params.get('page');
// later=N: the page comes N ms after the engine is ready, as in a shell that
// starts the engine while it still waits for its page (the popup reading the
// tab, a reader window waiting for the bookmarklet, a user about to paste).
const laterMs = Number(params.get('later') || 0);
const arrive = () => new Promise((resolve) => setTimeout(resolve, laterMs));

function entryStart(suffix) {
  // The app asks for cleanread.wasm?v=<hash>: match the path, not the query.
  const e = performance.getEntriesByType('resource').find((r) => new URL(r.name).pathname.endsWith(suffix));
  return e ? { start: e.startTime, end: e.responseEnd, transfer: e.transferSize, encoded: e.encodedBodySize } : null;
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`loading ${src}`));
    document.head.append(s);
  });
}

async function run() {
  const res = await fetch(`/pages/${encodeURIComponent(name)}.html`);
  const html = await res.text();
  const out = { engine, page: name, bytes: html.length };
  if (engine === 'cr') {
    const { init, clean } = await import('/cleanread.js');
    const tInit = performance.now();
    const ready = init();
    await ready;
    await arrive();
    const tReady = performance.now();
    const article = await clean(html, { url: PAGE_URL });
    const tFirst = performance.now();
    await clean(html, { url: PAGE_URL });
    const tWarm = performance.now();
    const wasm = entryStart('/cleanread.wasm');
    out.start = wasm ? wasm.start : tInit;
    out.wasmResponseEnd = wasm?.end;
    out.wasmTransfer = wasm?.transfer;
    out.readyMs = tReady - out.start;
    out.firstMs = tFirst - out.start;
    out.firstCleanMs = tFirst - tReady;
    out.warmMs = tWarm - tFirst;
    out.ok = !!article?.content;
  } else {
    const t0 = performance.now();
    await Promise.all([loadScript('/vendor/Readability.js'), loadScript('/vendor/purify.js')]);
    await arrive();
    const tReady = performance.now();
    const once = () => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const a = new Readability(doc).parse();
      return a && DOMPurify.sanitize(a.content);
    };
    const content = once();
    const tFirst = performance.now();
    once();
    const tWarm = performance.now();
    const js = entryStart('/vendor/Readability.js');
    out.start = js ? js.start : t0;
    out.readyMs = tReady - out.start;
    out.firstMs = tFirst - out.start;
    out.firstCleanMs = tFirst - tReady;
    out.warmMs = tWarm - tFirst;
    out.ok = !!content;
  }
  return out;
}

run().then(
  (out) => {
    window.coldResult = out;
    document.body.dataset.state = 'done';
  },
  (err) => {
    window.coldResult = { error: String(err?.message ?? err) };
    document.body.dataset.state = 'error';
  },
);
