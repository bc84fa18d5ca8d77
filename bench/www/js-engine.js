// js-engine.js — bench only, never shipped: the JavaScript pair
// (Readability.js + DOMPurify) behind the API of web/engine/cleanread.js. The
// build program bundles the bench's JavaScript variants of the shells (the
// reader window, the extension) around this file instead of cleanread.js
// (go -C build run . -engine bench/www/js-engine.js -out dist/bench-js), with
// the two libraries bundled from bench/node_modules and the wasm and its
// worker left out: the shell is the same code, only the engine differs, and a
// shell that still reached for the wasm would fail instead of measuring the
// wrong engine. It is only ever bundled: a browser cannot load its bare
// imports as they are.
//
// init() loads the two modules (the JS side's "fetch and compile"); clean()
// parses the page, runs Readability on it, sanitizes the story and returns
// an object of cleanread's Article shape. It runs in the calling page: the
// pair needs a DOM, which a worker does not have.

/** Default time limit for one clean, in milliseconds (unused here). */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** Default extra time per million characters, in milliseconds (unused here). */
export const DEFAULT_TIMEOUT_PER_MB_MS = 4_000;

/** The time limit for a page of chars characters, as cleanread.js computes it. */
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

/** The engine's name, set once init() resolves. */
export let version = '';

let loading = null;
let Readability = null;
let DOMPurify = null;

/** Loads the pair; resolves with {version}. */
export function init() {
  if (loading) return loading;
  const p = Promise.all([import('@mozilla/readability'), import('dompurify')]).then(([r, d]) => {
    Readability = r.Readability;
    DOMPurify = d.default;
    version = 'readability.js+dompurify';
    return { version };
  });
  loading = p;
  p.catch(() => {
    if (loading === p) loading = null;
  });
  return p;
}

/** Cleans one page: the same job as cleanread's clean(). */
export async function clean(html, options = {}) {
  if (!loading) throw new CleanreadError('not_initialized', 'call init() before clean()');
  try {
    await loading;
  } catch (err) {
    throw new CleanreadError('load_failed', String(err?.message ?? err));
  }
  if (typeof html !== 'string') throw new CleanreadError('bad_argument', 'html must be a string');
  const url = typeof options.url === 'string' ? options.url : undefined;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (url) {
    // Relative links and images resolve against the page, as cleanread's do.
    const base = doc.createElement('base');
    base.href = url;
    doc.head.prepend(base);
  }
  const a = new Readability(doc).parse();
  if (!a) throw new CleanreadError('not_article', 'Readability found no article');
  const words = (a.textContent.match(/\S+/g) || []).length;
  return {
    title: a.title,
    byline: a.byline,
    siteName: a.siteName,
    excerpt: a.excerpt,
    lang: a.lang,
    dir: a.dir,
    publishedTime: a.publishedTime,
    content: DOMPurify.sanitize(a.content),
    textContent: a.textContent,
    length: a.length,
    url,
    wordCount: words,
    readingMinutes: Math.max(1, Math.round(words / 230)),
    removed: [],
  };
}

/** Forgets the loaded pair; init() may be called again. */
export function terminate() {
  loading = null;
  version = '';
}
