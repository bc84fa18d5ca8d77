// view-removed.js — the "Removed (N)" drawer: every block the cleaner took
// out (rule and text), and "Restore" for blocks removed from inside the
// story, which puts the block back where its anchor is.
//
// A removal is {rule, label, tag, text, html?, anchor?}; label is the rule's
// plain name for readers, given by the cleaner. Blocks removed from inside
// the story carry sanitized `html` and the id of an empty
// <span id="cr--rm-N"> left at their place in article.content; page clutter
// removed before the story was found has neither and cannot be restored.
// The html is parsed by the story's own safe path (storyFragment), never
// assigned to innerHTML.

import { storyFragment } from './view-content.js';

/**
 * The reader-facing name of removal r: the plain label the cleaner gives
 * every rule; a removal without one (an older engine) shows its rule name.
 */
export function ruleLabel(r) {
  return typeof r?.label === 'string' && r.label !== '' ? r.label : String(r?.rule ?? 'Removed');
}

/** True when removal r can be put back into the story. */
export function restorable(r) {
  return typeof r?.html === 'string' && r.html !== '' && /^cr--rm-\d+$/.test(r.anchor ?? '');
}

/**
 * Builds the drawer's list for state.article.removed and returns
 * {element, restore(i, {quiet}), hide(i), refresh()}. state is view.js's
 * shared state; announce(text) speaks to screen readers.
 */
export function buildRemovedList(state, announce) {
  const doc = state.doc;
  const removed = Array.isArray(state.article.removed) ? state.article.removed : [];
  const list = doc.createElement('ul');
  list.className = 'cr-removed-list';
  const items = removed.map((r, i) => {
    const li = doc.createElement('li');
    li.dataset.index = String(i);
    const rule = doc.createElement('span');
    rule.className = 'cr-removed-rule';
    rule.append(`${ruleLabel(r)} `);
    const code = doc.createElement('code');
    code.textContent = `${r.rule}${r.tag ? ` · <${r.tag}>` : ''}`;
    rule.append(code);
    const text = doc.createElement('p');
    text.className = 'cr-removed-text';
    text.textContent = r.text || '(no text)';
    li.append(rule, text);
    if (restorable(r)) {
      const btn = doc.createElement('button');
      btn.type = 'button';
      btn.className = 'cr-btn';
      btn.addEventListener('click', () => (state.restored.has(i) ? hide(i) : restore(i)));
      const status = doc.createElement('span');
      status.className = 'cr-removed-state';
      li.append(btn, status);
    } else {
      const note = doc.createElement('span');
      note.className = 'cr-removed-note';
      note.textContent = 'Page clutter';
      note.title = 'Removed from the page around the story, so it has no place to go back to.';
      li.append(note);
    }
    list.append(li);
    return li;
  });

  function refresh() {
    removed.forEach((r, i) => {
      const btn = items[i].querySelector('button');
      if (!btn) return;
      const on = state.restored.has(i);
      btn.textContent = on ? 'Hide again' : 'Restore';
      btn.setAttribute('aria-label', `${on ? 'Hide again' : 'Restore'}: ${r.text || ruleLabel(r)}`);
      items[i].querySelector('.cr-removed-state').textContent = on ? 'Restored' : '';
      items[i].dataset.restored = String(on);
    });
  }

  /** Puts removal i back at its anchor; returns false when it cannot. */
  function restore(i, { quiet = false } = {}) {
    const r = removed[i];
    const content = state.articleEl?.querySelector('.cr-content');
    if (!restorable(r) || !content) return false;
    const anchor = content.querySelector(`span[id="${r.anchor}"]`);
    if (!anchor) return false;
    if (content.querySelector(`[data-cr-restored="${i}"]`)) return true; // already there
    let nodes = parseBlock(r);
    if (nodes.some((n) => n.nodeType !== 1)) {
      // Loose text gets a wrapper of its own.
      const div = doc.createElement('div');
      div.append(...nodes);
      nodes = [div];
    }
    for (const n of nodes) {
      n.classList.add('cr-restored');
      n.dataset.crRestored = String(i);
      n.dataset.crRule = String(r.rule);
    }
    place(content, anchor, nodes);
    state.restored.add(i);
    refresh();
    if (!quiet) {
      announce(`Restored: ${r.text || ruleLabel(r)}`);
      content.querySelector(`[data-cr-restored="${i}"]`)?.scrollIntoView?.({ block: 'nearest' });
    }
    return true;
  }

  // parseBlock turns removal r's html into nodes by the story's safe path.
  // Table rows are parsed inside a table: anywhere else a parser drops their
  // tags and keeps only the text.
  function parseBlock(r) {
    const row = r.tag === 'tr';
    const frag = storyFragment(row ? `<table><tbody>${r.html}</tbody></table>` : r.html, doc,
      { blockRemoteImages: state.blockRemoteImages });
    if (row) return [...(frag.querySelector('tbody')?.children ?? [])];
    for (const n of [...frag.childNodes]) {
      if (n.nodeType === 3 && n.data.trim() === '') n.remove();
    }
    return [...frag.childNodes];
  }

  // place puts restored nodes where their anchor says, in the page's order
  // among blocks restored next to them before. Items and rows whose anchor
  // sits inside a neighbouring item or row (see settleAnchors and the
  // cleaner's table anchors) go beside it, so a list never holds an item
  // within an item; items whose list was dropped get it back, one list for
  // all of its items.
  function place(content, anchor, nodes) {
    const all = (tag) => nodes.every((n) => n.localName === tag);
    const cell = anchor.parentElement?.closest('td, th');
    if (all('tr') && cell?.contains(anchor)) {
      const row = cell.closest('tr');
      besides(content, row, rowSide(row, anchor), anchor, nodes);
      return;
    }
    const host = anchor.parentElement;
    if (all('li') && anchor.dataset.crBeside && host?.localName === 'li') {
      besides(content, host, anchor.dataset.crBeside, anchor, nodes);
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
      inOrder(content, [...list.children], anchor, nodes, (ns) => list.append(...ns));
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
  function besides(content, host, side, anchor, nodes) {
    const run = [];
    const next = side === 'after' ? (n) => n.nextElementSibling : (n) => n.previousElementSibling;
    for (let n = next(host); n?.dataset.crRestored !== undefined; n = next(n)) run.push(n);
    if (side === 'before') run.reverse();
    inOrder(content, run, anchor, nodes, (ns) => (side === 'after' ? (run.at(-1) ?? host).after(...ns) : host.before(...ns)));
  }

  // inOrder puts nodes before the first restored block of run whose anchor
  // comes after anchor in the page, or hands them to atEnd when none does.
  function inOrder(content, run, anchor, nodes, atEnd) {
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

  /** Takes restored block i out again. */
  function hide(i) {
    const content = state.articleEl?.querySelector('.cr-content');
    for (const n of content?.querySelectorAll(`[data-cr-restored="${i}"]`) ?? []) n.remove();
    // A list made for restored items goes when its last item does.
    for (const l of content?.querySelectorAll('[data-cr-list-for]') ?? []) if (!l.children.length) l.remove();
    state.restored.delete(i);
    refresh();
    announce(`Hidden again: ${removed[i]?.text || ''}`);
  }

  refresh();
  return { element: list, restore, hide, refresh, count: removed.length };
}
