// cleanread.js — the public JavaScript API of cleanread.
//
//   import { init, clean, CleanreadError } from './cleanread.js';
//   await init();                       // once; loads cleanread.wasm next to this file
//   const article = await clean(html, { url: 'https://example.com/story' });
//
// init({wasmURL, wasm, worker = true, timeoutMs = 20000, timeoutPerMBMs = 4000, workerURL})
//   Starts loading and compiling the WebAssembly at once (streaming) and
//   resolves with {version} when the cleaner is ready. Call it once; calling it
//   again returns the same promise, and after a failure it may be retried.
//   wasm: bytes or a WebAssembly.Module to use instead of fetching wasmURL
//   (for Node, which cannot fetch file: URLs). worker: false runs the cleaner
//   in the calling thread (Node tests, or pages without workers); the time
//   limit then cannot be enforced. The time limit of a clean grows with its
//   page: timeoutMs plus timeoutPerMBMs for every million characters (see
//   timeLimitFor), so a page the size limit accepts is not cut off for being
//   big.
// clean(html, {url, timeoutMs, teaserPass, blockRemoteImages, captionsInText, maxBytes, disabledRules})
//   Resolves with the Article (the same JSON shape as `cleanread clean -format
//   json`) or rejects with a CleanreadError whose .code is one of "empty",
//   "not_html", "too_large", "not_article", "bad_url", "internal",
//   "bad_argument", "timeout", "load_failed", "not_initialized", "terminated".
//   In worker mode a clean that runs past its time limit terminates the
//   worker and rejects with "timeout"; the next call starts a fresh worker.
//   A timeoutMs given here is the whole limit for this call, not scaled.
// timeLimitFor(chars, {timeoutMs, timeoutPerMBMs})
//   The time limit init's options give a page of chars characters.
// terminate()
//   Stops the worker and rejects calls still waiting; init() may be called again.
// version
//   The cleaner's version, set once init() resolves.

import { loadModule } from './wasm-load.js';

/* global CLEANREAD_WASM_FILE */
// The wasm next to this file. The build defines CLEANREAD_WASM_FILE as the
// content-hashed name, which the server lets browsers cache for good; the
// sources, run unbuilt (the JS tests), fall back to the plain name.
const WASM_FILE = typeof CLEANREAD_WASM_FILE === 'string' ? CLEANREAD_WASM_FILE : './cleanread.wasm';

/** Default time limit for one clean, in milliseconds, before the allowance for its size. */
export const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Default extra time per million characters of page, in milliseconds. The
 * clean's cost grows with the page, and the size limit (16 MiB by default,
 * more with maxBytes) lets through pages that take many times the base
 * limit on a slow or busy machine; this keeps a wide margin over that.
 */
export const DEFAULT_TIMEOUT_PER_MB_MS = 4_000;

/**
 * Returns the time limit in milliseconds for cleaning a page of chars
 * characters (a JavaScript string's length): timeoutMs plus timeoutPerMBMs
 * for each million characters.
 */
export function timeLimitFor(chars, { timeoutMs = DEFAULT_TIMEOUT_MS, timeoutPerMBMs = DEFAULT_TIMEOUT_PER_MB_MS } = {}) {
  return Math.ceil(timeoutMs + (timeoutPerMBMs * Math.max(0, chars)) / 1e6);
}

/** The error every failed call rejects with; `code` is a stable string. */
export class CleanreadError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.name = 'CleanreadError';
    this.code = code;
  }
}

/** The cleaner's version; an empty string until init() resolves. */
export let version = '';

let engine = null; // the running engine, once init succeeded or while it runs
let initPromise = null;

/**
 * Loads the cleaner. Resolves with {version}; rejects with a CleanreadError
 * of code "load_failed" (and may then be called again).
 */
export function init(options = {}) {
  if (initPromise) return initPromise;
  const p = start(options);
  initPromise = p;
  p.catch(() => {
    if (initPromise === p) {
      initPromise = null;
      engine = null;
    }
  });
  return p;
}

async function start({
  wasmURL = new URL(WASM_FILE, import.meta.url),
  wasm,
  worker = true,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  timeoutPerMBMs = DEFAULT_TIMEOUT_PER_MB_MS,
  workerURL = new URL('./worker.js', import.meta.url),
} = {}) {
  checkTimeout(timeoutMs);
  if (typeof timeoutPerMBMs !== 'number' || !(timeoutPerMBMs >= 0)) {
    throw new CleanreadError('bad_argument', `timeoutPerMBMs must be a number of at least 0, got ${timeoutPerMBMs}`);
  }
  // Compiling starts now, while the worker script loads in parallel.
  const modulePromise = loadModule(wasm ?? wasmURL);
  modulePromise.catch(() => {}); // reported through ready below
  const e = worker
    ? new WorkerEngine(modulePromise, workerURL, (chars) => timeLimitFor(chars, { timeoutMs, timeoutPerMBMs }))
    : new InlineEngine(modulePromise, new URL('./wasm_exec.js', import.meta.url));
  engine = e;
  try {
    version = await e.start();
  } catch (err) {
    e.terminate();
    throw asError(err, 'load_failed');
  }
  return { version };
}

/**
 * Cleans one page. html is the page's HTML as a string; options.url its
 * address (absolute http(s), or omitted).
 */
export async function clean(html, options = {}) {
  if (!initPromise) {
    throw new CleanreadError('not_initialized', 'call init() before clean()');
  }
  const e = engine;
  await initPromise;
  if (typeof html !== 'string') {
    throw new CleanreadError('bad_argument', `html must be a string, got ${typeof html}`);
  }
  if (options === null || typeof options !== 'object') {
    throw new CleanreadError('bad_argument', 'options must be an object');
  }
  const { url, timeoutMs, ...cleanerOptions } = options;
  if (timeoutMs !== undefined) checkTimeout(timeoutMs);
  const result = await e.clean(html, url, cleanerOptions, timeoutMs);
  if (!result || !result.ok) {
    const { code = 'internal', message = 'no result' } = result?.error ?? {};
    throw new CleanreadError(code, message);
  }
  return result.article;
}

/** Stops the cleaner; calls still waiting reject with code "terminated". */
export function terminate() {
  engine?.terminate();
  engine = null;
  initPromise = null;
  version = '';
}

function checkTimeout(ms) {
  if (typeof ms !== 'number' || !(ms > 0)) {
    throw new CleanreadError('bad_argument', `timeoutMs must be a positive number, got ${ms}`);
  }
}

function asError(err, code) {
  if (err instanceof CleanreadError) return err;
  return new CleanreadError(code, err?.message ?? String(err), { cause: err });
}

/**
 * Runs the cleaner in a module worker, one request at a time, and replaces
 * the worker when a request runs past its time limit or the worker dies.
 */
class WorkerEngine {
  constructor(modulePromise, workerURL, limitFor) {
    this.modulePromise = modulePromise;
    this.workerURL = workerURL;
    this.limitFor = limitFor; // the time limit for a page of so many characters
    this.slot = null; // {worker, ready, pending, dead}
    this.tail = Promise.resolve();
    this.nextID = 1;
    this.closed = false;
  }

  start() {
    return this.live().ready;
  }

  // live returns the current worker, starting a fresh one if there is none.
  live() {
    if (!this.slot || this.slot.dead) this.slot = this.spawn();
    return this.slot;
  }

  spawn() {
    const worker = new Worker(this.workerURL, { type: 'module', name: 'cleanread' });
    const slot = { worker, pending: null, dead: false };
    slot.ready = new Promise((resolve, reject) => {
      slot.onReady = resolve;
      slot.onFail = reject;
    });
    slot.ready.catch(() => {});
    worker.onmessage = (ev) => this.onMessage(slot, ev.data);
    worker.onerror = (ev) => {
      ev.preventDefault?.();
      this.kill(slot, 'load_failed', `the worker failed: ${ev.message || 'script error'}`);
    };
    worker.onmessageerror = () => this.kill(slot, 'internal', 'a message from the worker could not be read');
    this.modulePromise.then(
      (module) => { if (!slot.dead) worker.postMessage({ type: 'init', module }); },
      (err) => this.kill(slot, 'load_failed', err.message),
    );
    return slot;
  }

  onMessage(slot, msg) {
    switch (msg?.type) {
      case 'ready':
        slot.onReady(msg.version);
        break;
      case 'error':
        this.kill(slot, msg.error?.code ?? 'load_failed', msg.error?.message ?? 'the worker failed to start');
        break;
      case 'exited':
        this.kill(slot, 'internal', 'the cleaner stopped unexpectedly');
        break;
      case 'result':
        if (slot.pending && slot.pending.id === msg.id) {
          const p = slot.pending;
          slot.pending = null;
          clearTimeout(p.timer);
          p.resolve(msg.result);
        }
        break;
    }
  }

  // kill ends slot's worker and fails what waits on it.
  kill(slot, code, message) {
    if (slot.dead) return;
    slot.dead = true;
    slot.worker.terminate();
    const err = new CleanreadError(code, message);
    slot.onFail(err);
    if (slot.pending) {
      clearTimeout(slot.pending.timer);
      slot.pending.reject(err);
      slot.pending = null;
    }
    if (this.slot === slot) this.slot = null;
  }

  clean(html, url, options, timeoutMs = this.limitFor(html.length)) {
    const run = () => this.run(html, url, options, timeoutMs);
    const p = this.tail.then(run, run);
    this.tail = p.catch(() => {});
    return p;
  }

  async run(html, url, options, timeoutMs) {
    if (this.closed) throw new CleanreadError('terminated', 'the cleaner was terminated');
    const slot = this.live();
    await slot.ready;
    const id = this.nextID++;
    return new Promise((resolve, reject) => {
      slot.pending = { id, resolve, reject };
      slot.pending.timer = setTimeout(() => {
        this.kill(slot, 'timeout', `cleaning took longer than ${timeoutMs} ms and was stopped`);
      }, timeoutMs);
      try {
        slot.worker.postMessage({ type: 'clean', id, html, url, options });
      } catch (err) {
        clearTimeout(slot.pending.timer);
        slot.pending = null;
        reject(new CleanreadError('bad_argument', `options cannot be sent to the worker: ${err.message}`));
      }
    });
  }

  terminate() {
    this.closed = true;
    if (this.slot) this.kill(this.slot, 'terminated', 'the cleaner was terminated');
  }
}

/** Runs the cleaner in the calling thread. It has no time limit. */
class InlineEngine {
  constructor(modulePromise, wasmExecURL) {
    this.modulePromise = modulePromise;
    this.wasmExecURL = wasmExecURL;
    this.api = null;
    this.closed = false;
  }

  async start() {
    if (typeof globalThis.Go !== 'function') await import(this.wasmExecURL.href);
    const module = await this.modulePromise;
    const go = new globalThis.Go();
    const instance = await WebAssembly.instantiate(module, go.importObject);
    const previous = globalThis.cleanread;
    go.run(instance); // resolves only if the Go program exits; main never does
    this.api = globalThis.cleanread;
    if (!this.api || this.api === previous) throw new Error('the cleaner did not register itself');
    return this.api.version;
  }

  async clean(html, url, options) {
    if (this.closed) throw new CleanreadError('terminated', 'the cleaner was terminated');
    try {
      return this.api.clean(html, url, options);
    } catch (err) {
      return { ok: false, error: { code: 'internal', message: err?.message ?? String(err) } };
    }
  }

  terminate() {
    this.closed = true;
  }
}
