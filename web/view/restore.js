// restore.js — putting a removed block back into the story: parsed
// by the story's own safe path, and placed where its anchor (the empty
// <span id="cr--rm-N"> the cleaner left) says, in valid structure. Used by
// the Removed drawer on the live story and by the Markdown export on an
// inert copy of it.

import { storyFragment } from './content.js';

/** True when removal r can be put back into the story. */
export function restorable(r) {
  return typeof r?.html === 'string' && r.html !== '' && /^cr--rm-\d+$/.test(r.anchor ?? '');
}

/**
 * Puts removal i of the article's removed list back into content (the live
 * story, or an inert copy of it for an export) at its anchor. Returns false
 * when it cannot go back: page clutter, or its anchor is not in content.
 */
export function restoreAt(content, removed, i, { blockRemoteImages = false } = {}) {
  const r = removed[i];
  if (!restorable(r)) return false;
  const anchor = content.querySelector(`span[id="${r.anchor}"]`);
  if (!anchor) return false;
  if (content.querySelector(`[data-cr-restored="${i}"]`)) return true; // already there
  putBack(content, anchor, restoredNodes(r, i, content.ownerDocument, { blockRemoteImages }), removed);
  return true;
}

/**
 * Parses removal r (the i-th of the article's removed list) into the nodes
 * to put back in doc, each marked as restored block i. Table rows are
 * parsed inside a table: anywhere else a parser drops their tags and keeps
 * only the text. Loose text gets a wrapper of its own.
 */
export function restoredNodes(r, i, doc, { blockRemoteImages = false } = {}) {
  const row = r.tag === 'tr';
  const frag = storyFragment(row ? `<table><tbody>${r.html}</tbody></table>` : r.html, doc, { blockRemoteImages });
  let nodes;
  if (row) {
    nodes = [...(frag.querySelector('tbody')?.children ?? [])];
  } else {
    for (const n of [...frag.childNodes]) {
      if (n.nodeType === 3 && n.data.trim() === '') n.remove();
    }
    nodes = [...frag.childNodes];
  }
  if (nodes.some((n) => n.nodeType !== 1)) {
    const div = doc.createElement('div');
    div.append(...nodes);
    nodes = [div];
  }
  for (const n of nodes) {
    n.classList.add('cr-restored');
    n.dataset.crRestored = String(i);
    n.dataset.crRule = String(r.rule);
  }
  return nodes;
}

/** Takes restored block i out of content again, and any list made only for it. */
export function takeBack(content, i) {
  for (const n of content.querySelectorAll(`[data-cr-restored="${i}"]`)) n.remove();
  for (const l of content.querySelectorAll('[data-cr-list-for]')) if (!l.children.length) l.remove();
}

/**
 * Puts restored nodes (from restoredNodes) into content where anchor says,
 * in the page's order among blocks restored next to them before; removed is
 * the article's removed list, which names each block's anchor. in the page's order
 * Items and rows whose anchor sits inside a neighbouring item or row (see
 * content.js's settleAnchors and the cleaner's table anchors) go
 * beside it, so a list never holds an item
 * within an item; items whose list was dropped get it back, one list for
 * all of its items.
 */
export function putBack(content, anchor, nodes, removed) {
  const doc = content.ownerDocument;
  const all = (tag) => nodes.every((n) => n.localName === tag);
  const cell = anchor.parentElement?.closest('td, th');
  if (all('tr') && cell?.contains(anchor)) {
    const row = cell.closest('tr');
    besides(content, row, rowSide(row, anchor), anchor, nodes, removed);
    return;
  }
  const host = anchor.parentElement;
  if (all('li') && anchor.dataset.crBeside && host?.localName === 'li') {
    besides(content, host, anchor.dataset.crBeside, anchor, nodes, removed);
    return;
  }
  if (all('li') && anchor.dataset.crList) {
    const group = anchor.dataset.crListOf || anchor.id;
    let list = content.querySelector(`[data-cr-list-for="${group}"]`);
    if (!list) {
      list = doc.createElement(anchor.dataset.crList);
      list.dataset.crListFor = group;
      const last = [...content.querySelectorAll(`span[data-cr-list-of="${group}"]`)].pop() ?? anchor;
      last.after(list);
    }
    inOrder(content, [...list.children], anchor, nodes, removed, (ns) => list.append(...ns));
    return;
  }
  if (all('tr')) {
    // Its table has no row left to stand beside: a table of its own.
    const table = doc.createElement('table');
    table.append(doc.createElement('tbody'));
    table.tBodies[0].append(...nodes);
    const box = doc.createElement('div');
    box.className = 'cr-scroll';
    box.tabIndex = 0;
    box.append(table);
    Object.assign(box.dataset, { crRestored: nodes[0].dataset.crRestored, crRule: nodes[0].dataset.crRule });
    box.classList.add('cr-restored');
    nodes = [box];
  }
  anchor.after(...nodes);
}

// besides puts nodes after (or before) host, among the blocks restored on
// that side of it, in the page order of their anchors.
function besides(content, host, side, anchor, nodes, removed) {
  const run = [];
  const next = side === 'after' ? (n) => n.nextElementSibling : (n) => n.previousElementSibling;
  for (let n = next(host); n?.dataset.crRestored !== undefined; n = next(n)) run.push(n);
  if (side === 'before') run.reverse();
  inOrder(content, run, anchor, nodes, removed, (ns) => (side === 'after' ? (run.at(-1) ?? host).after(...ns) : host.before(...ns)));
}

// inOrder puts nodes before the first restored block of run whose anchor
// comes after anchor in the page, or hands them to atEnd when none does.
function inOrder(content, run, anchor, nodes, removed, atEnd) {
  const later = run.find((n) => {
    const a = content.querySelector(`span[id="${removed[Number(n.dataset.crRestored)]?.anchor}"]`);
    return a && anchor.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  if (later) later.before(...nodes);
  else atEnd(nodes);
}

// rowSide tells where a row goes from where its anchor stands: last in the
// row's last cell means after the row, anything else before it.
function rowSide(row, anchor) {
  const cells = [...row.cells];
  const last = cells.at(-1);
  if (!last?.contains(anchor)) return 'before';
  for (let n = anchor.nextSibling; n; n = n.nextSibling) {
    if (!(n.nodeType === 1 && /^cr--rm-\d+$/.test(n.id)) && !(n.nodeType === 3 && n.data.trim() === '')) return 'before';
  }
  return 'after';
}
