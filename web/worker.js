// worker.js — hosts the cleaner's WebAssembly in a module worker, started by
// cleanread.js. Protocol:
//   in:  {type: 'init', module}            the compiled WebAssembly.Module
//   out: {type: 'ready', version} | {type: 'error', error: {code, message}}
//   in:  {type: 'clean', id, html, url, options}
//   out: {type: 'result', id, result}      result is the bridge's {ok, article | error}
//   out: {type: 'exited'}                  the Go program stopped; replace this worker
//   in:  {type: 'memory'}                  debug hook for tests and the benchmark:
//   out: {type: 'memory', bytes, heap}     the size of the wasm linear memory,
//                                          and the live Go heap after a collection
import './wasm_exec.js';

let api = null;
let memory = null; // the Go program's WebAssembly.Memory

self.onmessage = (ev) => {
  const msg = ev.data;
  if (msg?.type === 'init') start(msg.module);
  else if (msg?.type === 'clean') self.postMessage({ type: 'result', id: msg.id, result: clean(msg) });
  else if (msg?.type === 'memory') {
    const heap = globalThis.cleanread?.heap?.() ?? 0;
    self.postMessage({ type: 'memory', bytes: memory?.buffer.byteLength ?? 0, heap });
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
    warmUp();
  } catch (err) {
    self.postMessage({ type: 'error', error: { code: 'load_failed', message: String(err?.message ?? err) } });
  }
}

// warmUp cleans a small page right after start-up. The engine compiles wasm
// functions on their first call, so the first real clean would otherwise pay
// for compiling most of the cleaner; a request that arrives meanwhile just
// waits for this to finish.
function warmUp() {
  const p = '<p>The council approved the plan on Thursday after a long debate about the cost, the timetable and the routes that will change first.</p>';
  const page = `<!DOCTYPE html><html lang="en"><head><title>Warm-up | Site</title>
<meta property="og:site_name" content="Site"><meta property="article:published_time" content="2025-01-01T00:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><div class="ad"><span>Advertisement</span></div><article><h1>Warm-up</h1>
<p class="byline">By A. Writer</p><figure><img src="/a.jpg" alt=""><figcaption>A caption</figcaption></figure>
${p.repeat(6)}<p>Read more: <a href="/x">Another story</a></p><aside class="newsletter"><p>Sign up for our newsletter</p></aside>
<section><h2>More from Site</h2><ul><li><a href="/1">One story</a></li><li><a href="/2">Two story</a></li><li><a href="/3">Three story</a></li></ul></section>
</article><footer>© Site</footer></body></html>`;
  try {
    api.clean(page, 'https://example.com/warm-up');
  } catch {
    // Only a warm-up: a real request reports any problem itself.
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
