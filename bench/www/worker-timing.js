// worker-timing.js — bench only: hooks, in the worker, that time what the
// page cannot see from outside (see worker-probe.js), on the worker's clock
// as Unix milliseconds, which the page's clock shares:
//   initArrived                 the compiled module reached the worker
//   instantiateStart/End        WebAssembly.instantiate
//   registered                  the Go program set globalThis.cleanread:
//                               the Go runtime and every package's init ran
//   warmUps[], cleans[]         {start, end} of each warm-up clean (a URL
//                               under /warm-up/, see web/engine/warm-up.js) and
//                               each real clean, inside the worker
// The page asks with {type: 'bench-probe'}; cleanread.js ignores the answer's
// type, and web/engine/worker.js ignores the question's.
const now = () => performance.timeOrigin + performance.now();
const t = { initArrived: 0, instantiateStart: 0, instantiateEnd: 0, registered: 0, warmUps: [], cleans: [] };

self.addEventListener('message', (ev) => {
  if (ev.data?.type === 'init') t.initArrived = now();
  else if (ev.data?.type === 'bench-probe') self.postMessage({ type: 'bench-probe', timings: t });
});

const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function (...args) {
  t.instantiateStart = now();
  try {
    return await instantiate.apply(this, args);
  } finally {
    t.instantiateEnd = now();
  }
};

// The Go program registers its API with Reflect.set on globalThis, which
// calls this setter; the API worker.js then reads is a copy whose clean()
// is timed.
let api;
Object.defineProperty(globalThis, 'cleanread', {
  configurable: true,
  get() {
    return api;
  },
  set(v) {
    t.registered = now();
    const clean = v.clean;
    api = Object.assign({}, v, {
      clean(html, url, options) {
        const start = now();
        try {
          return clean.call(v, html, url, options);
        } finally {
          (/\/warm-up\//.test(String(url)) ? t.warmUps : t.cleans).push({ start, end: now() });
        }
      },
    });
  },
});
