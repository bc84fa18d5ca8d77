// export.js — take the story away: copy as Markdown, save as one
// self-contained HTML file, print (print.css prints just the story).

import { scrub } from './safe-html.js';
import { restoreAt } from './restore.js';

/**
 * Returns an inert document (DOMParser: no script, no loads) whose body holds
 * the story as the reader sees it: the article's content with the blocks the
 * reader restored put back at their anchors. Images keep their real URLs.
 */
export function storyDocument(article, restored = new Set()) {
  const parsed = new DOMParser().parseFromString(String(article.content ?? ''), 'text/html');
  const removed = article.removed ?? [];
  // In page order, as the view places them whatever order they came back in.
  for (const i of restored) restoreAt(parsed.body, removed, i);
  // The marks that let the view hide a block again mean nothing in an export.
  for (const n of parsed.body.querySelectorAll('.cr-restored, [data-cr-list-for]')) {
    n.classList.remove('cr-restored');
    if (!n.classList.length) n.removeAttribute('class');
    for (const k of ['crRestored', 'crRule', 'crListFor']) delete n.dataset[k];
  }
  scrub(parsed.body);
  return parsed;
}

/** The story as Markdown, title and source first. */
export async function markdownOf(article, restored) {
  const { articleMarkdown } = await import('./markdown.js');
  return articleMarkdown(article, storyDocument(article, restored).body);
}

/**
 * Copies text to the clipboard. Returns true on success; false when the
 * browser refuses (no permission, insecure context), so the caller can
 * offer the text another way.
 */
export async function copyText(doc, text) {
  try {
    await doc.defaultView.navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns a standalone HTML page of the rendered article element: view.css
 * inlined (cssText), the current settings as <html> attributes, a strict CSP
 * that allows no script at all and only that one stylesheet (by hash), and
 * images only from data: when remote images are blocked.
 */
export async function standaloneHTML({ articleEl, article, settingsAttrs, cssText, blockRemoteImages }) {
  const doc = articleEl.ownerDocument;
  const clone = articleEl.cloneNode(true);
  for (const n of clone.querySelectorAll('[tabindex]')) n.removeAttribute('tabindex');
  // "</style" would end the style element early (the text is hashed as is).
  const css = `${cssText}\nbody{margin:0}.cr-view{min-height:100vh}\n`.replace(/<\/style/gi, '<\\/style');
  const hash = await sha256Base64(doc, css);
  const imgSrc = blockRemoteImages ? 'data:' : 'data: https: http:';
  // Without WebCrypto (an insecure context) the style is allowed inline;
  // script stays forbidden either way.
  const styleSrc = hash ? `'sha256-${hash}'` : "'unsafe-inline'";
  const csp = `default-src 'none'; script-src 'none'; style-src ${styleSrc}; img-src ${imgSrc}; media-src 'none'; base-uri 'none'; form-action 'none'`;
  const root = doc.implementation.createHTMLDocument(article.title || 'Article');
  const html = root.documentElement;
  for (const [k, v] of Object.entries(settingsAttrs)) html.setAttribute(k, v);
  if (clone.lang) html.lang = clone.lang;
  const head = root.head;
  const meta = (attrs) => {
    const m = root.createElement('meta');
    for (const [k, v] of Object.entries(attrs)) m.setAttribute(k, v);
    head.prepend(m);
  };
  meta({ name: 'viewport', content: 'width=device-width, initial-scale=1' });
  meta({ name: 'referrer', content: 'no-referrer' });
  meta({ 'http-equiv': 'Content-Security-Policy', content: csp });
  meta({ charset: 'utf-8' });
  if (/^https?:\/\//i.test(article.url ?? '')) {
    const link = root.createElement('link');
    link.rel = 'canonical';
    link.href = article.url;
    head.append(link);
  }
  const view = root.createElement('div');
  view.className = 'cr-view';
  view.append(root.importNode(clone, true));
  root.body.append(view);
  // The style goes in as text, never as a <style> element: a document made
  // here shares the page's CSP, which refuses inline style and reports it.
  // The head holds only elements and an escaped title, so its first end tag
  // is the head's own.
  const styleTag = `<style>${css}</style>`;
  return '<!DOCTYPE html>\n' + html.outerHTML.replace('</head>', () => `${styleTag}</head>`) + '\n';
}

/** Offers text as a file download named filename. */
export function download(doc, filename, text, type = 'text/html') {
  const blob = new Blob([text], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name from the title: lowercase words joined by dashes. */
export function fileNameFor(title, ext = 'html') {
  const base = String(title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${base || 'article'}.${ext}`;
}

/** Fetches view.css (our own file) for inlining. */
export async function viewCSS() {
  const res = await fetch(new URL('./view.css', import.meta.url));
  if (!res.ok) throw new Error(`view.css: HTTP ${res.status}`);
  return res.text();
}

async function sha256Base64(doc, text) {
  const subtle = doc.defaultView.crypto?.subtle;
  if (!subtle) return '';
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  let bin = '';
  for (const b of new Uint8Array(digest)) bin += String.fromCharCode(b);
  return btoa(bin);
}
