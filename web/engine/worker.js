// worker.js — hosts the cleaner's WebAssembly in a module worker, started by
// cleanread.js. Protocol:
//   in:  {type: 'init', module}            the compiled WebAssembly.Module
//   out: {type: 'ready', version} | {type: 'error', error: {code, message}}
//   in:  {type: 'clean', id, html, url, options}
//   out: {type: 'result', id, result, warmed}  result is the bridge's {ok, article | error};
//                                          warmed, how many warm-up pages ran before it
//   out: {type: 'exited'}                  the Go program stopped; replace this worker
//
// Test hook, for the browser tests and the benchmark only; no shell sends it:
//   in:  {type: 'test:memory'}
//   out: {type: 'test:memory', bytes,      the size of the wasm linear memory,
//         heap, warmed, settled,           the live Go heap after a collection,
//         warmUpPages}                     the warm-up pages run before the first
//                                          real page and after it (see settle),
//                                          and how many there are
import './wasm_exec.js';
import { warmUpPage, WARM_UP_PAGES } from './warm-up.js';

let api = null;
let memory = null; // the Go program's WebAssembly.Memory
/** How long after ready the worker waits for a real page before warming up. */
const WARM_UP_GRACE_MS = 100;
/** How long the worker waits after its first real page, with nothing else
 * asked of it, before it warms up once more (see settle). */
const SETTLE_IDLE_MS = 1500;

let realArrived = false; // warming stops once a real page has come
let warmed = 0; // warm-up pages cleaned, reported with each result for tests and the bench
let requests = 0; // real cleans asked so far: a warm-up stops when this moves
let settleTimer = 0;
let settled = false;
let settledPages = 0; // warm-up pages cleaned by settle

self.onmessage = (ev) => {
  const msg = ev.data;
  if (msg?.type === 'init') start(msg.module);
  else if (msg?.type === 'clean') {
    realArrived = true;
    requests++;
    self.postMessage({ type: 'result', id: msg.id, result: clean(msg), warmed });
    if (!settled) {
      clearTimeout(settleTimer);
      settleTimer = setTimeout(settle, SETTLE_IDLE_MS);
    }
  } else if (msg?.type === 'test:memory') {
    const heap = globalThis.cleanread?.testHeap?.() ?? 0;
    self.postMessage({
      type: 'test:memory',
      bytes: memory?.buffer.byteLength ?? 0,
      heap,
      warmed,
      settled: settledPages,
      warmUpPages: WARM_UP_PAGES,
    });
  }
};

async function start(module) {
  try {
    const go = new Go();
    const instance = await WebAssembly.instantiate(module, go.importObject);
    memory = instance.exports.mem;
    // run resolves only when the Go program exits, which it should never do.
    go.run(instance).then(() => self.postMessage({ type: 'exited' }));
    api = globalThis.cleanread;
    if (!api || typeof api.clean !== 'function') throw new Error('the cleaner did not register itself');
    self.postMessage({ type: 'ready', version: api.version });
    // A shell that has its page already sends it as soon as it hears ready;
    // that page then warms the engine itself, and a warm-up clean in front
    // of it would only make it wait.
    setTimeout(warmUp, WARM_UP_GRACE_MS);
  } catch (err) {
    self.postMessage({ type: 'error', error: { code: 'load_failed', message: String(err?.message ?? err) } });
  }
}

// warmUp cleans a few realistic pages right after start-up (see
// warm-up.js), and it stops as soon as a real page has arrived: from then
// on real pages warm the engine.
function warmUp() {
  return warmUpWhile(() => !realArrived, (n) => {
    warmed = n;
  });
}

// settle runs the warm-up pages once more while the reader reads the first
// story, and stops the moment a real page comes. The first real page ran
// most of the cleaner in the engine's baseline tier; these runs make it hot,
// so the engine optimizes it now rather than during the next page (a second
// bookmarklet click, the next popup of the extension's shared engine), and
// the browser has the optimized code to cache for the next visit.
function settle() {
  settled = true;
  const asked = requests;
  return warmUpWhile(() => requests === asked, (n) => {
    settledPages = n;
  });
}

// warmUpWhile cleans the warm-up pages while more() holds, one task each,
// so a real request that arrives meanwhile waits for at most one of them.
async function warmUpWhile(more, ran = () => {}) {
  for (let i = 0; i < WARM_UP_PAGES && more(); i++) {
    try {
      api.clean(warmUpPage(i), `https://example.com/warm-up/${i}`);
    } catch {
      // Only a warm-up: a real request reports any problem itself.
    }
    ran(i + 1);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

function clean({ html, url, options }) {
  if (!api) return { ok: false, error: { code: 'internal', message: 'the cleaner is not loaded' } };
  try {
    return api.clean(html, url, options);
  } catch (err) {
    // The bridge never throws; this catches a Go program that has exited.
    return { ok: false, error: { code: 'internal', message: String(err?.message ?? err) } };
  }
}
