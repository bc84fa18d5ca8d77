// removed.js — the "Removed (N)" drawer: every block the cleaner took
// out (rule and text), and "Restore" for blocks removed from inside the
// story, which puts the block back where its anchor is.
//
// A removal is {rule, label, tag, text, html?, anchor?}; label says in plain
// words what the block was, given by the cleaner. Blocks removed from inside
// the story carry sanitized `html` and the id of an empty
// <span id="cr--rm-N"> left at their place in article.content; page clutter
// removed before the story was found has neither and cannot be restored.
// restore.js parses the html by the story's own safe path
// (storyFragment, never innerHTML) and places it.

import { restorable, restoreAt, takeBack } from './restore.js';

/**
 * The reader-facing name of removal r: the plain label the cleaner gives
 * every rule; a removal without one (an older engine) shows its rule name.
 */
export function ruleLabel(r) {
  return typeof r?.label === 'string' && r.label !== '' ? r.label : String(r?.rule ?? 'Removed');
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
    if (!content || !restoreAt(content, removed, i, { blockRemoteImages: state.blockRemoteImages })) return false;
    state.restored.add(i);
    refresh();
    if (!quiet) {
      announce(`Restored: ${r.text || ruleLabel(r)}`);
      content.querySelector(`[data-cr-restored="${i}"]`)?.scrollIntoView?.({ block: 'nearest' });
    }
    return true;
  }

  /** Takes restored block i out again. */
  function hide(i) {
    const content = state.articleEl?.querySelector('.cr-content');
    if (content) takeBack(content, i);
    state.restored.delete(i);
    refresh();
    announce(`Hidden again: ${removed[i]?.text || ''}`);
  }

  refresh();
  return { element: list, restore, hide, refresh, count: removed.length };
}
