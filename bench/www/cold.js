// cold.js — one cold start, in a fresh browser context: cold.html?engine=cr|js&page=NAME.
// The page's HTML is fetched first (not timed: a shell has it or waits for it
// anyway). Then the engine is loaded and cleans the page once, and a second
// time warm. Times are from the first byte of the engine's code requested
// (the wasm for cleanread, Readability.js for the JS side; from the Resource
// Timing entry's startTime) to the first cleaned article.
//
// For cleanread the start is split (all on this page's clock, which the
// worker's shares): fetch (request to last byte), compile (module ready;
// streaming compiles while the bytes arrive, so what counts is the part after
// the last byte), module posted to the worker, instantiate, Go runtime and
// package init (until the Go program registers its API), ready seen here,
// warm-up cleans in the worker (only when the page comes later), first clean.
// The worker is web/engine/worker.js behind the hooks of worker-timing.js.
import { askWorker } from './ask-worker.js';

const PAGE_URL = 'http://fakehost/test/page.html';
const params = new URLSearchParams(location.search);
const engine = params.get('engine');
const name = params.get('page');
// later=N: the page comes N ms after the engine is ready, as in a shell that
// starts the engine while it still waits for its page (the popup reading the
// tab, a reader window waiting for the bookmarklet, a user about to paste).
const laterMs = Number(params.get('later') || 0);
const arrive = () => new Promise((resolve) => setTimeout(resolve, laterMs));
const clock = () => performance.now();
const toPage = (unixMs) => unixMs - performance.timeOrigin; // worker marks → this page's clock

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

// hooks times the compile and the module's hand-over to the worker, and
// keeps the worker to ask it for its own marks.
function hooks() {
  const h = { compileStart: 0, compileEnd: 0, initPosted: 0, worker: null };
  for (const fn of ['compileStreaming', 'compile']) {
    const orig = WebAssembly[fn];
    if (!orig) continue;
    WebAssembly[fn] = async function (...args) {
      h.compileStart ||= clock();
      try {
        return await orig.apply(this, args);
      } finally {
        h.compileEnd = clock();
      }
    };
  }
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      h.worker = this;
    }
    postMessage(msg, ...rest) {
      if (msg?.type === 'init') h.initPosted = clock();
      return super.postMessage(msg, ...rest);
    }
  };
  return h;
}

const span = (xs) => xs.reduce((sum, x) => sum + (x.end - x.start), 0);

async function runCleanread(html, out) {
  const h = hooks();
  const { init, clean } = await import('/cleanread.js');
  const tInit = clock();
  await init({ workerURL: new URL('/bench/worker-probe.js', location.href) });
  const tLoaded = clock();
  await arrive();
  const tReady = clock();
  const article = await clean(html, { url: PAGE_URL });
  const tFirst = clock();
  await clean(html, { url: PAGE_URL });
  const tWarm = clock();
  const wasm = entryStart('/cleanread.wasm');
  const w = h.worker ? (await askWorker(h.worker, 'bench-probe'))?.timings : null;
  out.start = wasm ? wasm.start : tInit;
  out.wasmResponseEnd = wasm?.end;
  out.wasmTransfer = wasm?.transfer;
  out.readyMs = tLoaded - out.start;
  out.firstMs = tFirst - out.start;
  out.firstCleanMs = tFirst - tReady;
  out.warmMs = tWarm - tFirst;
  out.ok = !!article?.content;
  const split = { fetchMs: wasm ? wasm.end - wasm.start : 0 };
  split.compileMs = h.compileEnd - (wasm ? Math.max(wasm.end, h.compileStart) : h.compileStart);
  split.postMs = h.initPosted - h.compileEnd;
  if (w) {
    split.instantiateMs = w.instantiateEnd - w.instantiateStart;
    split.goInitMs = w.registered - w.instantiateEnd;
    split.initMs = tLoaded - h.initPosted;
    split.warmUps = w.warmUps.length;
    split.warmUpMs = span(w.warmUps);
    split.firstCleanWorkerMs = w.cleans.length ? w.cleans[0].end - w.cleans[0].start : 0;
    split.handOverMs = toPage(w.initArrived) - h.initPosted;
  }
  out.split = split;
}

async function runJS(html, out) {
  const t0 = clock();
  await Promise.all([loadScript('/vendor/Readability.js'), loadScript('/vendor/purify.js')]);
  const tLoaded = clock();
  await arrive();
  const tReady = clock();
  const once = () => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const a = new Readability(doc).parse();
    return a && DOMPurify.sanitize(a.content);
  };
  const content = once();
  const tFirst = clock();
  once();
  const tWarm = clock();
  const js = entryStart('/vendor/Readability.js');
  out.start = js ? js.start : t0;
  out.readyMs = tLoaded - out.start;
  out.firstMs = tFirst - out.start;
  out.firstCleanMs = tFirst - tReady;
  out.warmMs = tWarm - tFirst;
  out.ok = !!content;
}

async function run() {
  const res = await fetch(`/pages/${encodeURIComponent(name)}.html`);
  const html = await res.text();
  const out = { engine, page: name, bytes: html.length };
  await (engine === 'cr' ? runCleanread(html, out) : runJS(html, out));
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
