// read.js — the reader page (read.html). It cleans one page in the worker
// and shows the reading view. The page comes from one of three places:
//
//   1. The bookmarklet's window (window.opener): this page posts
//      {type: 'cleanread:ready'} to it and accepts exactly one message of the
//      shape {type: 'cleanread:page', html, url, selectionHtml?}, only from
//      window.opener, and only from the origin of that url.
//      Later clicks of the bookmarklet find this window by its name and reuse
//      it with its cleaner warm: any window may ask {type: 'cleanread:ping'};
//      this page answers 'cleanread:ready' to it alone, then accepts one page
//      from that window, again only from the origin of the page's url.
//   2. The URL fragment #page=<JSON {html, url, selectionHtml}>: the
//      bookmarklet's pruned copy, for pages whose Cross-Origin-Opener-Policy
//      leaves this window without an opener. It is read once and cleared
//      with history.replaceState. #too-large says the copy did not fit.
//      Any link can open this page with a fragment of its author's choosing,
//      so such a page says where it claims to come from (#origin) and
//      starts with remote images blocked.
//   3. In the extension, #ext=<key>: the page the popup or the keyboard
//      shortcut stored in storage.session, with the popup's article when it
//      has one (shown as it is, not cleaned again); #ext-error=<code> says
//      why there is none. Inside the extension the cleaning is done by its
//      shared engine (extension/engine-link.js), warm from the popup, not by
//      a cleaner of this page's own.
//
// State for people and tests: body[data-state] is waiting → cleaning →
// done | error; body[data-source] says which of the three it was;
// body[data-removed] how many blocks were removed; body[data-scope] is
// page | selection; body[data-pages] counts the pages this window received
// and body[data-reader-id], random per document, tells a reused window from
// a new one; body[data-handed] is "yes" when the article came cleaned; in
// the extension body[data-engine-id] and body[data-engine-cleans] name the
// shared engine and how many pages it has cleaned.

import { init, clean } from '../../engine/cleanread.js';
import { mountView, chromeStorageAdapter } from '../../view/view.js';
import { sentence, isArrival } from '../kit/messages.js';
import { startProgress } from '../kit/progress.js';

/** How long the reader waits for the bookmarklet's message. */
const WAIT_MS = 10_000;
/** With a copy in the fragment too, how long to wait for the full page. */
const WAIT_WITH_COPY_MS = 3_000;

const ext = globalThis.browser ?? globalThis.chrome;
const inExtension = /^(chrome|moz|safari-web)-extension:$/.test(location.protocol);

const $ = (id) => document.getElementById(id);
const ui = {
  status: $('status'),
  scope: $('scope'),
  origin: $('origin'),
  message: $('message'),
  messageText: $('message-text'),
  messageHelp: $('message-help'),
  view: $('view'),
};

const engine = inExtension ? extensionEngine() : pageEngine();
engine.start().catch(() => {}); // loading starts now; failures are reported when cleaning

// Kept for the selection toggle.
let current = null; // {html, url, selectionHtml}
let whole = null; // the whole page's article, for the selection's header
let view = null; // the mounted reading view
let pages = 0; // pages received in this window
let showing = 0; // the latest show(), so a slower earlier one does not win
let asker = null; // the window that pinged last, whose page is awaited

// Not crypto.randomUUID: that needs a secure context, and a self-hosted
// reader may be served over plain http.
document.body.dataset.readerId = Math.random().toString(36).slice(2, 10);
document.body.dataset.pages = '0';
if (!inExtension) window.addEventListener('message', onLaterPage);

receive().then(
  (page) => {
    if (pages === 0) return showPage(page);
  },
  (err) => {
    if (pages === 0) fail(err);
  },
);
ui.scope.addEventListener('click', () => show(document.body.dataset.scope === 'page' ? 'selection' : 'page'));

// receive resolves with the page to clean, or rejects with {code}.
async function receive() {
  if (!inExtension) document.getElementById('demo-link').href = new URL('./', location.href).href;
  const hash = location.hash;
  if (hash) history.replaceState(null, '', location.pathname + location.search);

  if (inExtension) return fromExtension(hash);

  const copy = hash.startsWith('#page=') ? parseCopy(hash.slice('#page='.length)) : null;
  if (window.opener) {
    try {
      const page = await fromOpener(copy ? WAIT_WITH_COPY_MS : WAIT_MS);
      setSource('message');
      return page;
    } catch (err) {
      if (!copy) throw err;
    }
  }
  if (copy) {
    setSource('fragment');
    return { ...copy, fromAddress: true };
  }
  throw { code: hash === '#too-large' ? 'too_large_handover' : 'nothing' };
}

// pageEngine is this page's own cleaner, in a worker of its own.
function pageEngine() {
  const loaded = init();
  return {
    start: () => loaded,
    clean: async (html, url, options) => ({ article: await clean(html, { ...options, url }) }),
  };
}

// extensionEngine is the extension's shared cleaner (see engine-link.js,
// which only the extension has).
function extensionEngine() {
  const link = import('../extension/engine-link.js').then((m) => m.connect());
  const note = (res) => {
    document.body.dataset.engineId = res.engineId;
    document.body.dataset.engineCleans = String(res.cleans);
    return res;
  };
  return {
    start: async () => note(await (await link).start()),
    clean: async (html, url, options) => note(await (await link).clean(html, url, options)),
  };
}

// showPage shows a page newly received in this window.
function showPage(page) {
  current = page;
  whole = null;
  pages += 1;
  document.body.dataset.pages = String(pages);
  showOrigin(page);
  return show('page', page.article);
}

// showOrigin names, for a page that came in the address, the origin its
// link claims; nothing vouches for it, so the line says so.
function showOrigin(page) {
  ui.origin.hidden = !page.fromAddress;
  if (!page.fromAddress) return;
  const host = page.url ? new URL(page.url).host : '';
  const claim = host ? `it says it is from ${host}, but cleanread can't check that` : 'it does not say where it is from';
  ui.origin.textContent = `This page came in the reader's address, which any link can fill: ${claim}. Remote images are blocked until you switch them on.`;
}

// onLaterPage answers a bookmarklet that found this window by its name, and
// shows the page it then posts.
function onLaterPage(ev) {
  if (!ev.source || !ev.data || typeof ev.data !== 'object') return;
  if (ev.data.type === 'cleanread:ping') {
    asker = ev.source;
    try {
      // Only the asker's origin may see it: it says this reader is open.
      ev.source.postMessage({ type: 'cleanread:ready' }, ev.origin);
    } catch {
      asker = null; // an opaque origin cannot be answered exactly
    }
    return;
  }
  if (ev.source !== asker) return;
  const page = checkPage(ev.data, ev.origin);
  if (!page) return;
  asker = null;
  setSource('message');
  showPage(page);
}

// fromOpener says "ready" to the bookmarklet's window and waits for the page.
function fromOpener(waitMs) {
  const opener = window.opener;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      window.removeEventListener('message', onMessage);
      reject({ code: 'no_answer' });
    }, waitMs);
    function onMessage(ev) {
      if (ev.source !== opener) return;
      const page = checkPage(ev.data, ev.origin);
      if (!page) return;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve(page);
    }
    window.addEventListener('message', onMessage);
    // The ready message carries nothing, so any origin may see it.
    opener.postMessage({ type: 'cleanread:ready' }, '*');
  });
}

// checkPage returns {html, url, selectionHtml} if data has exactly the
// bookmarklet's shape (and, for a message, comes from the page's own origin),
// or null.
function checkPage(data, origin) {
  if (!data || typeof data !== 'object' || Object.getPrototypeOf(data) !== Object.prototype) return null;
  const allowed = ['type', 'html', 'url', 'selectionHtml'];
  if (!Object.keys(data).every((k) => allowed.includes(k))) return null;
  if (data.type !== 'cleanread:page' || typeof data.html !== 'string' || typeof data.url !== 'string') return null;
  if (data.selectionHtml !== undefined && typeof data.selectionHtml !== 'string') return null;
  const url = httpURL(data.url);
  if (origin !== undefined && url && new URL(url).origin !== origin) return null;
  return { html: data.html, url, selectionHtml: data.selectionHtml || '' };
}

// parseCopy reads the fragment's copy of the page, or returns null.
function parseCopy(encoded) {
  try {
    const data = JSON.parse(decodeURIComponent(encoded));
    return checkPage({ type: 'cleanread:page', ...data });
  } catch {
    return null;
  }
}

// fromExtension reads the page the popup or the shortcut stored.
async function fromExtension(hash) {
  setSource('extension');
  document.getElementById('demo-link').closest('p').remove(); // no demo page inside the extension
  const params = new URLSearchParams(hash.slice(1));
  if (params.has('ext-error')) throw { code: params.get('ext-error') };
  const key = params.get('ext');
  if (!key || !ext?.storage?.session) throw { code: 'nothing' };
  // Put the key back so that reloading this tab shows the page again.
  history.replaceState(null, '', `${location.pathname}#ext=${encodeURIComponent(key)}`);
  const stored = (await ext.storage.session.get(key))[key];
  const { article, ...rest } = stored ?? {};
  const page = stored && checkPage({ type: 'cleanread:page', ...rest });
  if (!page) throw { code: 'gone' };
  if (article && typeof article === 'object' && typeof article.content === 'string') page.article = article;
  return page;
}

// show cleans the whole page or just the selection and renders it; an
// article handed over already cleaned is rendered as it is.
async function show(scope, handed) {
  const seq = ++showing;
  const page = current;
  setState('cleaning');
  document.body.dataset.scope = scope;
  document.body.dataset.handed = handed ? 'yes' : 'no';
  ui.message.hidden = true;
  const progress = startProgress(ui.status, handed ? 'Showing the article' : 'Loading the cleaner');
  try {
    let article = handed;
    if (!article) {
      await engine.start();
      progress.step(scope === 'page' ? 'Cleaning the page' : 'Cleaning the selection');
      const html = scope === 'page' ? page.html : selectionPage(page.selectionHtml, whole ?? {});
      ({ article } = await engine.clean(html, page.url, { blockRemoteImages: false }));
    }
    if (seq !== showing) {
      progress.stop();
      return; // a newer page or scope is on its way
    }
    if (scope === 'page') whole = article;
    // Once the user has switched images on for this page, the other scope
    // keeps them on.
    if (page.fromAddress && view && !view.blockRemoteImages) page.imagesAllowed = true;
    progress.step('Showing the article'); // a very long story takes a moment to lay out
    view?.destroy();
    // Remote images are shown by default here (the view's switch can block
    // them); settings live in the extension's storage inside the extension.
    view = await mountView(ui.view, article, {
      blockRemoteImages: false,
      startBlocked: Boolean(page.fromAddress && !page.imagesAllowed),
      storage: inExtension && ext?.storage?.local ? chromeStorageAdapter(ext.storage.local) : undefined,
    });
    document.title = `${article.title || 'Untitled'} — cleanread`;
    const removed = article.removed?.length ?? 0;
    document.body.dataset.removed = String(removed);
    progress.done(
      [
        scope === 'page' ? 'Whole page' : 'Selection only',
        `${removed} ${removed === 1 ? 'block' : 'blocks'} removed`,
        `${(article.wordCount ?? 0).toLocaleString()} words`,
      ].join(' · '),
    );
    ui.scope.hidden = !page.selectionHtml;
    if (page.selectionHtml) ui.scope.textContent = scope === 'page' ? 'Clean just the selection' : 'Show the whole page';
    setState('done');
  } catch (err) {
    progress.stop();
    if (seq !== showing) return;
    if (scope === 'selection') {
      document.body.dataset.scope = 'page'; // the whole page stays on screen
      if (err?.code === 'not_article') err = { code: 'selection_short' };
    }
    fail(err, { keepView: scope === 'selection' });
  }
}

// selectionPage wraps the selected HTML in a page the cleaner can read,
// with the whole page's title, site, author and date.
function selectionPage(selectionHtml, { title = '', siteName = '', byline = '', publishedTime = '' }) {
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const meta = (attr, name, value) => (value ? `<meta ${attr}="${name}" content="${esc(value)}">` : '');
  return `<!DOCTYPE html><html><head><title>${esc(title)}</title>${meta('property', 'og:site_name', siteName)}${meta('name', 'author', byline)}${meta('property', 'article:published_time', publishedTime)}</head><body><article>${selectionHtml}</article></body></html>`;
}

// fail shows a plain sentence for err.code; the technical text goes to the
// console only.
function fail(err, { keepView = false } = {}) {
  const code = err?.code ?? 'internal';
  if (err?.message) console.info('cleanread:', code, err.message);
  document.body.dataset.errorCode = code;
  const known = isArrival(code);
  ui.messageText.textContent = sentence(code);
  // The paste fallback helps whenever the page itself did not arrive.
  ui.messageHelp.hidden = inExtension || !known;
  ui.message.hidden = false;
  if (!keepView) ui.view.replaceChildren();
  setStatus(known ? 'No page to clean.' : 'Cleaning failed.');
  setState('error');
}

function httpURL(s) {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function setSource(source) {
  document.body.dataset.source = source;
}

function setState(state) {
  document.body.dataset.state = state;
}

function setStatus(text) {
  ui.status.textContent = text;
}
