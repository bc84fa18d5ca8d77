// view.js — the reading view, shared by the demo, the bookmarklet's reader
// page and the extension. Public API (kept stable; shells use only this):
//
//   import { mountView, renderArticle } from './view.js';
//
//   const view = await mountView(container, article, {
//     storage,            // settings adapter (settings-store.js); default localStorage.
//                         //   Extension: chromeStorageAdapter(chrome.storage.local)
//     blockRemoteImages,  // the shell's default for the switch: demo true, bookmarklet/extension false
//     startBlocked,       // block remote images until the user flips the switch, whatever is stored
//     locale,             // for the date; default the browser's
//     shortcuts,          // document-wide keyboard shortcuts (default true)
//   });
//   // → { article: <article>, blockRemoteImages, close(): closes panels, destroy(): removes listeners, stops speech }
//
//   renderArticle(container, article, {blockRemoteImages, locale, labels})
//   // → just the header and story (no toolbar), e.g. for a preview.
//   await renderArticleInSteps(doc, article, options, place)
//   // → the same in steps that leave the page responsive (what mountView uses).
//
// mountView gives the container class "cr-view" and fills it with the
// toolbar (type, theme, read aloud, removed, export, help) and the article.
// `article` is what cleanread.js's clean() resolves with. A very long story
// is built in steps (steps.js) and put in the page in batches, its
// header and first part first, so the page keeps answering input, scrolling
// and Escape; mountView resolves once all of it is in place.
//
// Pages that show the view should load, in <head>:
//   <script src="settings-boot.js"></script>        (stored theme before first paint; no inline script)
//   <link rel="stylesheet" href="view.css">
//   <link rel="stylesheet" href="print.css" media="print">
// and serve view-*.js, settings-*.js next to view.js.

import { storySteps, moveStory, isRemote } from './content.js';
import { runNow, runInSteps } from './steps.js';
import { loadSettings, saveSettings, applySettings, localStorageAdapter } from './settings-store.js';
import { buildControls } from './toolbar.js';

export { storyFragment } from './content.js';
export { readableBlocks } from './speech.js';
export { chromeStorageAdapter, localStorageAdapter } from './settings-store.js';

/**
 * A story of at least this many characters of HTML is long: it goes into
 * the page in batches, in chunks that are laid out only when they come near
 * the screen (content-visibility in view.css).
 */
export const LONG_STORY_CHARS = 100_000;

/** Default English labels; pass {labels} to translate. */
export const defaultLabels = {
  readingTime: (minutes) => `${minutes} min read`,
  original: (host) => (host ? `Original page on ${host}` : 'Original page'),
  words: (n) => `${n.toLocaleString()} words`,
};

/**
 * Mounts the full reading view of article into container: toolbar, panels,
 * header and story. Settings are loaded through options.storage and applied
 * to <html>. Resolves with a controller {article, close(), destroy()}.
 */
export async function mountView(container, article, options = {}) {
  const doc = container.ownerDocument;
  const storage = options.storage ?? localStorageAdapter();
  let settings = await loadSettings(storage);
  applySettings(doc.documentElement, settings);

  const restored = new Set();
  // A page of unknown origin must not load images before the user says so,
  // even when the stored setting shows them; the first flip of the switch
  // ends this.
  let forcedBlock = Boolean(options.startBlocked);
  const state = {
    doc,
    container,
    article,
    storage,
    get settings() {
      return settings;
    },
    get blockRemoteImages() {
      return forcedBlock || (settings.blockRemoteImages ?? Boolean(options.blockRemoteImages));
    },
    articleEl: null,
    restored,
    /** Applies and saves a new settings object; imagesChosen: the user flipped the images switch. */
    async update(next, { imagesChosen = false } = {}) {
      const imagesBefore = state.blockRemoteImages;
      if (imagesChosen) forcedBlock = false;
      settings = await saveSettings(next, storage);
      applySettings(doc.documentElement, settings);
      if (state.blockRemoteImages !== imagesBefore) await rerender();
      controls.refresh();
    },
    rerender,
  };

  // rerender builds the article afresh (the images switch changed) and puts
  // it in place of the one shown; blocks the reader restored come back once
  // the whole story is in. A newer render supersedes one still running.
  let renders = 0;
  async function rerender() {
    controls.speaker.stop(); // its sentences point into the old nodes
    const mine = ++renders;
    const renderOptions = { blockRemoteImages: state.blockRemoteImages, locale: options.locale, labels: options.labels };
    const shown = await renderArticleInSteps(doc, article, renderOptions, (root) => {
      if (state.articleEl) state.articleEl.replaceWith(root);
      else container.replaceChildren(controls.element, root);
      state.articleEl = root;
    });
    if (!shown || mine !== renders) return;
    for (const i of [...restored].sort((a, b) => a - b)) controls.restore(i, { quiet: true });
  }

  container.classList.add('cr-view');
  const controls = buildControls(state, { shortcuts: options.shortcuts !== false });
  await rerender();
  controls.refresh();
  return {
    /** The <article> element shown now (a re-render replaces it). */
    get article() {
      return state.articleEl;
    },
    /** Whether remote images are blocked now (the switch, or startBlocked). */
    get blockRemoteImages() {
      return state.blockRemoteImages;
    },
    close: () => controls.closePanels(),
    destroy: () => controls.destroy(),
  };
}

/**
 * Renders article into container, replacing what was there, and returns the
 * new <article> element: header and story only. options: {blockRemoteImages,
 * locale, labels}.
 */
export function renderArticle(container, article, options = {}) {
  return runNow(articleSteps(container.ownerDocument, article, options, (root) => container.replaceChildren(root)));
}

/**
 * Renders article as renderArticle does, in steps that leave the page
 * responsive. place(root) is called with the new <article> as soon as its
 * header is built, to put it in the page; the story then fills in. Resolves
 * with root once the story is complete, or with null if root was taken out
 * of the page before (a newer render replaced it).
 */
export async function renderArticleInSteps(doc, article, options, place) {
  let root = null;
  return runInSteps(
    articleSteps(doc, article, options, (r) => {
      root = r;
      place(r);
    }),
    { stop: () => root !== null && root.parentNode === null, win: doc.defaultView ?? globalThis },
  );
}

// articleSteps builds the article: the story is parsed and prepared in an
// inert document first, so the header and lead image know what it holds,
// then the <article> is placed and the story moved into it.
function* articleSteps(doc, article, options, place) {
  const labels = { ...defaultLabels, ...options.labels };
  const html = String(article.content ?? '');
  const story = yield* storySteps(html, doc, { blockRemoteImages: Boolean(options.blockRemoteImages) });
  const root = doc.createElement('article');
  root.className = 'cr-article';
  setLangDir(root, article);
  root.append(buildHeader(doc, article, labels, options.locale));
  const lead = leadImage(doc, article, story, options);
  if (lead) root.append(lead);
  const content = el(doc, 'div', 'cr-content');
  const long = html.length >= LONG_STORY_CHARS;
  if (long) content.classList.add('cr-long');
  root.append(content);
  place(root);
  yield* moveStory(story, content, { long });
  return root;
}

/** Builds the header: site, title, byline, date, reading time, original link. */
export function buildHeader(doc, article, labels = defaultLabels, locale = undefined) {
  const header = el(doc, 'header', 'cr-header');
  const host = hostOf(article.url);
  const site = article.siteName || host;
  if (site) header.append(el(doc, 'p', 'cr-site', site));
  header.append(el(doc, 'h1', 'cr-title', article.title || 'Untitled'));

  const meta = el(doc, 'p', 'cr-meta');
  const parts = [];
  if (article.byline) parts.push(el(doc, 'span', 'cr-byline', article.byline));
  const date = dateElement(doc, article.publishedTime, locale);
  if (date) parts.push(date);
  if (article.readingMinutes > 0) parts.push(el(doc, 'span', 'cr-reading-time', labels.readingTime(article.readingMinutes)));
  parts.forEach((p, i) => {
    if (i > 0) meta.append(el(doc, 'span', 'cr-sep', ' · '));
    meta.append(p);
  });
  if (parts.length) header.append(meta);

  if (isHTTP(article.url)) {
    const a = el(doc, 'a', 'cr-original', labels.original(host));
    a.href = article.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    const p = el(doc, 'p', 'cr-source');
    p.append(a);
    header.append(p);
  }
  return header;
}

/** Returns a <time> for value in the reader's locale, or null if empty. */
export function dateElement(doc, value, locale) {
  if (!value) return null;
  const t = el(doc, 'time', 'cr-date');
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) {
    t.textContent = value;
    return t;
  }
  t.dateTime = d.toISOString();
  t.textContent = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(d);
  return t;
}

// leadImage returns a figure for article.image when the story (content,
// prepared but not yet in the page) does not already start with an image or
// show the same one, and the image may load.
function leadImage(doc, article, content, options) {
  const src = article.image;
  if (typeof src !== 'string' || !(isHTTP(src) || /^data:image\/(png|jpeg|gif|webp|avif);/.test(src))) return null;
  if (options.blockRemoteImages && isRemote(src, doc.location?.origin ?? 'null', doc.baseURI)) return null;
  const first = content.querySelector('img');
  if (first && textBefore(content, first) === '') return null;
  for (const img of content.querySelectorAll('img')) {
    if (sameImage(img.getAttribute('src'), src, doc.baseURI)) return null;
  }
  const fig = el(doc, 'figure', 'cr-lead');
  const img = doc.createElement('img');
  img.alt = '';
  img.loading = 'lazy';
  img.decoding = 'async';
  img.referrerPolicy = 'no-referrer';
  img.src = src; // after the policy: the first request already carries no referrer
  fig.append(img);
  if (typeof article.imageCaption === 'string' && article.imageCaption.trim() !== '') {
    const caption = doc.createElement('figcaption');
    caption.textContent = article.imageCaption; // text only: the caption is as untrusted as the page
    fig.append(caption);
  }
  return fig;
}

function sameImage(a, b, base) {
  try {
    const u = new URL(a, base);
    const v = new URL(b, base);
    return u.origin + u.pathname === v.origin + v.pathname;
  } catch {
    return false;
  }
}

function textBefore(root, node) {
  const r = root.ownerDocument.createRange();
  r.setStart(root, 0);
  r.setEndBefore(node);
  return r.toString().trim();
}

function setLangDir(node, article) {
  if (/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(article.lang ?? '')) node.lang = article.lang;
  if (article.dir === 'rtl' || article.dir === 'ltr') node.dir = article.dir;
}

function el(doc, tag, className, text) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function isHTTP(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url);
}

function hostOf(url) {
  try {
    return isHTTP(url) ? new URL(url).host : '';
  } catch {
    return '';
  }
}
