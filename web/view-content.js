// view-content.js — turns the article's sanitized HTML into the story's DOM:
// the one safe path for the story and for restored blocks alike.
//
// Everything is done in an inert DOMParser document, before the nodes are
// adopted into the page: an <img> starts loading as soon as it is adopted
// into a document with a browsing context, so remote images must be
// neutralized, and lazy loading and the referrer policy set, before that.

import { scrub } from './safe-html.js';

/**
 * Parses html (untrusted, even if sanitized) into a DocumentFragment of doc,
 * ready to insert: active content scrubbed, images lazy and without referrer,
 * remote images replaced by their alt text when blockRemoteImages is set,
 * outside links opening in a new tab, tables and code scrolling in their own box.
 */
export function storyFragment(html, doc, { blockRemoteImages = false } = {}) {
  const parsed = new DOMParser().parseFromString(String(html ?? ''), 'text/html');
  const body = parsed.body;
  scrub(body);
  prepareMedia(body, { blockRemoteImages, origin: originOf(doc) });
  prepareLinks(body);
  prepareBoxes(body);
  settleAnchors(body);
  const frag = doc.createDocumentFragment();
  for (const node of [...body.childNodes]) frag.append(doc.adoptNode(node));
  return frag;
}

/** True when url (resolved against base) would load from another origin; data: and blob: never do. */
export function isRemote(url, origin, base = origin) {
  let u;
  try {
    u = new URL(String(url).trim(), base);
  } catch {
    return false; // unparseable: the browser will not load it either
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:') return false;
  return u.origin !== origin;
}

/** True when any candidate of a srcset value is remote. */
export function srcsetIsRemote(srcset, origin, base = origin) {
  return String(srcset)
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0])
    .filter(Boolean)
    .some((u) => isRemote(u, origin, base));
}

/** The host an image would come from, for the placeholder's words. */
export function hostOf(url, base) {
  try {
    const u = new URL(url, base);
    return u.protocol === 'data:' ? '' : u.host;
  } catch {
    return '';
  }
}

// prepareMedia makes images lazy, referrer-free and, when asked, local only.
function prepareMedia(root, { blockRemoteImages, origin }) {
  const base = root.ownerDocument.baseURI;
  for (const img of root.querySelectorAll('img')) {
    img.setAttribute('loading', 'lazy');
    img.setAttribute('decoding', 'async');
    img.setAttribute('referrerpolicy', 'no-referrer');
  }
  if (!blockRemoteImages) return;
  for (const el of root.querySelectorAll('[src], [srcset], [poster]')) {
    const src = el.getAttribute('src');
    const remoteSrc = src !== null && isRemote(src, origin, base);
    if (el.hasAttribute('srcset') && srcsetIsRemote(el.getAttribute('srcset'), origin, base)) {
      el.removeAttribute('srcset');
      el.removeAttribute('sizes');
    }
    if (el.hasAttribute('poster') && isRemote(el.getAttribute('poster'), origin, base)) el.removeAttribute('poster');
    if (!remoteSrc) continue;
    if (el.localName === 'img') {
      el.replaceWith(blockedPlaceholder(root.ownerDocument, el.getAttribute('alt'), hostOf(src, base)));
    } else {
      el.removeAttribute('src');
    }
  }
  // A <picture> whose sources were all remote keeps only its placeholder.
  for (const source of root.querySelectorAll('source:not([src]):not([srcset])')) source.remove();
}

function blockedPlaceholder(doc, alt, host) {
  const span = doc.createElement('span');
  span.className = 'cr-img-blocked';
  const what = alt?.trim() ? `Image not loaded: ${alt.trim()}` : 'Image not loaded';
  span.textContent = host ? `${what} (from ${host}; remote images are blocked)` : `${what} (remote images are blocked)`;
  span.setAttribute('data-cr-blocked', host);
  return span;
}

// prepareLinks opens outside links in a new tab without a referrer, and
// points in-story footnote links at the ids the cleaner prefixed with "cr-".
function prepareLinks(root) {
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    if (/^https?:\/\//i.test(href)) {
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    } else if (href.startsWith('#') && href.length > 1) {
      const id = href.slice(1);
      if (!root.querySelector(`[id="${cssString(id)}"]`) && root.querySelector(`[id="cr-${cssString(id)}"]`)) {
        a.setAttribute('href', `#cr-${id}`);
      }
    }
  }
}

// prepareBoxes gives wide tables their own scrolling box, and makes that
// box and code blocks reachable by keyboard so they can be scrolled.
function prepareBoxes(root) {
  const doc = root.ownerDocument;
  for (const table of root.querySelectorAll('table')) {
    if (table.parentElement?.classList.contains('cr-scroll')) continue;
    const box = doc.createElement('div');
    box.className = 'cr-scroll';
    box.tabIndex = 0;
    table.replaceWith(box);
    box.append(table);
    // Cells of running text get room to be read; the box scrolls instead.
    for (const cell of table.querySelectorAll('td, th')) {
      if (cell.textContent.trim().length > 40) cell.classList.add('cr-long-cell');
    }
  }
  for (const pre of root.querySelectorAll('pre')) pre.tabIndex = 0;
}

// A list may hold only items, and a list with none is announced as an empty
// list: settleAnchors moves restore anchors (the empty spans marking where a
// removed block stood) out of list bodies. A list left with no items goes,
// its anchors taking its place, each marked data-cr-list with the list's
// tag so a restored item gets a list around it again (one list for all of
// them: data-cr-list-of); an anchor among items moves into its neighbour,
// marked data-cr-beside ("after" the previous item or "before" the next) so
// a restored item lands between them.
function settleAnchors(root) {
  for (const list of root.querySelectorAll('ul, ol, menu')) {
    const anchors = [...list.children].filter(isAnchor);
    if (anchors.length === 0) continue;
    const items = [...list.children].filter((n) => n.localName === 'li');
    if (items.length === 0 && list.textContent.trim() === '') {
      // data-cr-list-of names the list, so its items come back into one list.
      for (const a of anchors) Object.assign(a.dataset, { crList: list.localName, crListOf: anchors[0].id });
      list.replaceWith(...anchors);
      continue;
    }
    const before = [];
    for (const a of anchors) {
      const prev = previousItem(a);
      if (prev) {
        a.dataset.crBeside = 'after';
        prev.append(a);
      } else if (items.length > 0) {
        a.dataset.crBeside = 'before';
        before.push(a);
      }
    }
    items[0]?.prepend(...before); // together, so they keep their order
  }
}

function isAnchor(n) {
  return n.localName === 'span' && /^cr--rm-\d+$/.test(n.id) && n.childNodes.length === 0;
}

function previousItem(n) {
  for (let p = n.previousElementSibling; p; p = p.previousElementSibling) {
    if (p.localName === 'li') return p;
  }
  return null;
}

function originOf(doc) {
  try {
    return new URL(doc.baseURI).origin;
  } catch {
    return 'null';
  }
}

function cssString(s) {
  return s.replace(/["\\]/g, '\\$&');
}
