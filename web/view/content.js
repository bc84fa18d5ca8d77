// content.js — turns the article's sanitized HTML into the story's DOM:
// the one safe path for the story and for restored blocks alike.
//
// Everything is done in an inert document (no browsing context: it runs no
// script and loads nothing), before the nodes are adopted into the page: an
// <img> starts loading as soon as it is adopted into a document with a
// browsing context, so remote images must be neutralized, and lazy loading
// and the referrer policy set, before that.
//
// The work is a generator (see steps.js), so a very long story can be
// parsed, prepared and put in the page in steps while the page stays
// responsive; storyFragment runs the same steps at once.

import { isDropped, scrubAttributes } from './safe-html.js';
import { FRAME, runNow } from './steps.js';

/** Characters of HTML parsed in one step of a long story. */
const PARSE_CHUNK = 128 * 1024;

/**
 * Parses html (untrusted, even if sanitized) into a DocumentFragment of doc,
 * ready to insert: active content scrubbed, images lazy and without referrer,
 * remote images replaced by their alt text when blockRemoteImages is set,
 * outside links opening in a new tab, tables and code scrolling in their own box.
 */
export function storyFragment(html, doc, options = {}) {
  const body = runNow(storySteps(html, doc, options));
  const frag = doc.createDocumentFragment();
  for (const node of [...body.childNodes]) frag.append(doc.adoptNode(node));
  return frag;
}

/**
 * The steps of storyFragment up to adoption: returns the inert body holding
 * the prepared story, whose nodes the caller moves into doc (see moveStory).
 */
export function* storySteps(html, doc, { blockRemoteImages = false } = {}) {
  const body = yield* parseSteps(String(html ?? ''), doc);
  yield* prepareSteps(body, { blockRemoteImages, origin: originOf(doc), base: doc.baseURI });
  return body;
}

// parseSteps parses html in an inert document. A long story is written to
// the parser a chunk at a time (the tokenizer keeps its place between
// writes), so no single step parses all of it.
function* parseSteps(html, doc) {
  const parse = () => new DOMParser().parseFromString(html, 'text/html').body;
  if (html.length <= PARSE_CHUNK) return parse();
  let inert;
  try {
    inert = doc.implementation.createHTMLDocument('');
    inert.open();
    inert.write(html.slice(0, PARSE_CHUNK));
  } catch {
    return parse(); // a browser that cannot write to an inert document
  }
  for (let i = PARSE_CHUNK; i < html.length; i += PARSE_CHUNK) {
    yield;
    inert.write(html.slice(i, i + PARSE_CHUNK));
  }
  inert.close();
  return inert.body;
}

// prepareSteps makes the parsed story safe and ready to read, one element
// per step: active content dropped, attributes scrubbed, media, boxes and
// links prepared, restore anchors settled.
function* prepareSteps(body, { blockRemoteImages, origin, base }) {
  const links = [];
  for (const el of body.querySelectorAll('*')) {
    if (!el.isConnected) continue; // inside an element dropped before it
    if (isDropped(el)) {
      el.remove();
      continue;
    }
    scrubAttributes(el);
    prepareMedia(el, { blockRemoteImages, origin, base });
    prepareBox(el);
    if (el.localName === 'a' && el.hasAttribute('href')) links.push(el);
    yield;
  }
  // A <picture> whose sources were all remote keeps only its placeholder.
  if (blockRemoteImages) for (const source of body.querySelectorAll('source:not([src]):not([srcset])')) source.remove();
  for (const a of links) {
    prepareLink(a);
    yield;
  }
  yield* settleAnchors(body);
}

/**
 * Moves the prepared story from body (see storySteps) into to. A short
 * story moves at once, as it is. A long one moves in batches, a rendered
 * frame after each (FRAME): its containers (div, section …) are recreated
 * empty in the page and filled as their content arrives, and runs of
 * blocks go into chunks (div.cr-chunk), which view.css lets the browser
 * skip while they are off screen. Chunks rather than single blocks keep
 * what the browser tracks per frame small.
 */
export function* moveStory(body, to, { long = false } = {}) {
  if (!long) {
    to.append(...body.childNodes);
    return;
  }
  yield* moveChildren(body, to, { nodes: 0 });
}

/** Nodes (blocks, text between them) in one chunk of a long story. */
const CHUNK_NODES = 200;
/** Nodes moved into the page between two rendered frames. */
const MOVE_BATCH = 4000;

const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'hgroup', 'center']);

function* moveChildren(from, to, moved) {
  const doc = to.ownerDocument;
  let chunk = null;
  let inChunk = 0;
  for (let n = from.firstChild; n; ) {
    const next = n.nextSibling;
    if (n.nodeType === 1 && CONTAINERS.has(n.localName) && !n.classList.contains('cr-scroll')) {
      const copy = doc.importNode(n, false); // its attributes, scrubbed already; its children follow
      to.append(copy);
      chunk = null;
      yield* moveChildren(n, copy, moved);
    } else if (!chunk && n.nodeType === 3 && n.data.trim() === '') {
      to.append(n); // white space between containers needs no chunk of its own
    } else {
      if (!chunk || inChunk >= CHUNK_NODES) {
        chunk = doc.createElement('div');
        chunk.className = 'cr-chunk';
        to.append(chunk);
        inChunk = 0;
      }
      chunk.append(n);
      inChunk++;
      if (++moved.nodes >= MOVE_BATCH) {
        moved.nodes = 0;
        yield FRAME;
      }
    }
    n = next;
  }
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

// prepareMedia makes an image lazy and referrer-free and, when asked,
// keeps el from loading anything from another origin.
function prepareMedia(el, { blockRemoteImages, origin, base }) {
  if (el.localName === 'img') {
    el.setAttribute('loading', 'lazy');
    el.setAttribute('decoding', 'async');
    el.setAttribute('referrerpolicy', 'no-referrer');
  }
  if (!blockRemoteImages) return;
  if (el.hasAttribute('srcset') && srcsetIsRemote(el.getAttribute('srcset'), origin, base)) {
    el.removeAttribute('srcset');
    el.removeAttribute('sizes');
  }
  if (el.hasAttribute('poster') && isRemote(el.getAttribute('poster'), origin, base)) el.removeAttribute('poster');
  const src = el.getAttribute('src');
  if (src === null || !isRemote(src, origin, base)) return;
  if (el.localName === 'img') {
    el.replaceWith(blockedPlaceholder(el.ownerDocument, el.getAttribute('alt'), hostOf(src, base)));
  } else {
    el.removeAttribute('src');
  }
}

function blockedPlaceholder(doc, alt, host) {
  const span = doc.createElement('span');
  span.className = 'cr-img-blocked';
  const what = alt?.trim() ? `Image not loaded: ${alt.trim()}` : 'Image not loaded';
  span.textContent = host ? `${what} (from ${host}; remote images are blocked)` : `${what} (remote images are blocked)`;
  span.setAttribute('data-cr-blocked', host);
  return span;
}

// prepareLink opens an outside link in a new tab without a referrer.
// In-story fragment links already point at the story's own "cr-" ids: the
// cleaner rewrites them with the ids.
function prepareLink(a) {
  if (/^https?:\/\//i.test(a.getAttribute('href'))) {
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
  }
}

// prepareBox gives a wide table its own scrolling box, and makes that box
// and code blocks reachable by keyboard so they can be scrolled. Cells of
// running text get room to be read; the box scrolls instead.
function prepareBox(el) {
  if (el.localName === 'table' && !el.parentElement?.classList.contains('cr-scroll')) {
    const box = el.ownerDocument.createElement('div');
    box.className = 'cr-scroll';
    box.tabIndex = 0;
    el.replaceWith(box);
    box.append(el);
  } else if ((el.localName === 'td' || el.localName === 'th') && el.textContent.trim().length > 40) {
    el.classList.add('cr-long-cell');
  } else if (el.localName === 'pre') {
    el.tabIndex = 0;
  }
}

// A list may hold only items, and a list with none is announced as an empty
// list: settleAnchors moves restore anchors (the empty spans marking where a
// removed block stood) out of list bodies. A list left with no items goes,
// its anchors taking its place, each marked data-cr-list with the list's
// tag so a restored item gets a list around it again (one list for all of
// them: data-cr-list-of); an anchor among items moves into its neighbour,
// marked data-cr-beside ("after" the previous item or "before" the next) so
// a restored item lands between them.
function* settleAnchors(root) {
  for (const list of root.querySelectorAll('ul, ol, menu')) {
    yield;
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

