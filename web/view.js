// view.js — the reading view: renders an Article (the object that
// cleanread.js resolves with) into a container, with DOM APIs only.
//
//   import { renderArticle } from './view.js';
//   renderArticle(document.querySelector('#view'), article);
//
// Pair it with view.css. Shells add their own chrome (toolbar, themes, the
// list of removed blocks) around the <article> this returns.

import { htmlToFragment } from './safe-html.js';

/** Default English labels; pass {labels} to renderArticle to translate. */
export const defaultLabels = {
  readingTime: (minutes) => `${minutes} min read`,
  original: (host) => (host ? `Original page on ${host}` : 'Original page'),
  words: (n) => `${n.toLocaleString()} words`,
};

/**
 * Renders article into container, replacing what was there, and returns the
 * new <article> element. options: {locale, labels}.
 */
export function renderArticle(container, article, options = {}) {
  const doc = container.ownerDocument;
  const labels = { ...defaultLabels, ...options.labels };
  const root = doc.createElement('article');
  root.className = 'cr-article';
  setLangDir(root, article);
  root.append(buildHeader(doc, article, labels, options.locale));
  root.append(buildContent(doc, article));
  container.replaceChildren(root);
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

/** Builds the story body from the article's sanitized HTML. */
export function buildContent(doc, article) {
  const body = el(doc, 'div', 'cr-content');
  body.append(htmlToFragment(article.content, doc));
  dropRepeatedTitle(body, article.title);
  for (const img of body.querySelectorAll('img')) {
    img.loading = 'lazy';
    img.decoding = 'async';
  }
  for (const a of body.querySelectorAll('a[href]')) {
    if (isHTTP(a.getAttribute('href'))) {
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }
  }
  for (const table of body.querySelectorAll('table')) {
    const box = el(doc, 'div', 'cr-scroll');
    table.replaceWith(box);
    box.append(table);
  }
  return body;
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

// dropRepeatedTitle removes a leading heading that repeats the title shown
// in the header.
function dropRepeatedTitle(body, title) {
  const first = body.querySelector('h1, h2');
  if (!first || !title) return;
  const norm = (s) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const before = textBefore(body, first);
  if (before === '' && norm(first.textContent) === norm(title)) first.remove();
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
