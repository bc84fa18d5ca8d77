// view-removed.js — the "Removed (N)" drawer: every block the cleaner took
// out (rule and text), and "Restore" for blocks removed from inside the
// story, which puts the block back where its anchor is.
//
// A removal is {rule, tag, text, html?, anchor?}. Blocks removed from inside
// the story carry sanitized `html` and the id of an empty
// <span id="cr--rm-N"> left at their place in article.content; page clutter
// removed before the story was found has neither and cannot be restored.
// The html is parsed by the story's own safe path (storyFragment), never
// assigned to innerHTML.

import { storyFragment } from './view-content.js';

/** Plain words for the cleaner's rule names; unknown rules show their name. */
export const ruleLabels = {
  'landmark-nav': 'Navigation',
  'landmark-chrome': 'Site header or menu',
  'page-footer': 'Page footer',
  dialog: 'Pop-up or cookie banner',
  'aside-links': 'Side box of links',
  'clutter-class': 'Marked as page clutter',
  'other-stories': 'Related or next stories',
  'linked-card': 'Card for another story',
  'read-on-card': 'Card for another story',
  'teaser-card': 'Card for another story',
  'picture-teaser': 'Card for another story',
  'ad-label': 'Advertisement',
  'ad-prefix': 'Advertisement',
  'share-bar': 'Share buttons',
  'teaser-list': 'Links to other stories',
  'teaser-heading': 'Heading of other stories',
  'teaser-heading-left': 'Heading of other stories',
  'lone-link-line': 'Link to another story',
  'post-meta': 'Post details',
  'author-box': 'About the author',
  'cta-line': '“Read more” line',
  'click-prompt': '“Click here” call',
  'paywall-notice': 'Subscription notice',
  'affiliate-notice': 'Affiliate-link notice',
  'self-promo': 'The site’s own promotion',
  'server-error': 'Server error message',
  disclaimer: 'The site’s disclaimer',
  'cta-subscribe': 'Sign-up or subscribe call',
  'newsletter-box': 'Newsletter box',
  'edge-metadata': 'Dateline or repeated byline',
  'closing-line': 'Closing line',
  'trailing-clutter': 'Clutter after the story',
  'comment-count': 'Comment count',
  'control-label': 'Button label',
  'follow-topic': 'Follow-this-topic box',
  'follower-count': 'Follower count',
  'gallery-nav': 'Gallery controls',
};

/** The reader-facing name of a rule. */
export function ruleLabel(rule) {
  return ruleLabels[rule] ?? String(rule ?? 'Removed');
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
    rule.append(`${ruleLabel(r.rule)} `);
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
      btn.setAttribute('aria-label', `${on ? 'Hide again' : 'Restore'}: ${r.text || ruleLabel(r.rule)}`);
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
    const frag = storyFragment(r.html, doc, { blockRemoteImages: state.blockRemoteImages });
    // Mark each top-level element so "Hide again" finds it; loose text gets
    // a wrapper of its own.
    for (const n of [...frag.childNodes]) {
      if (n.nodeType === 3 && n.data.trim() === '') n.remove();
    }
    let nodes = [...frag.childNodes];
    if (nodes.some((n) => n.nodeType !== 1)) {
      const div = doc.createElement('div');
      div.append(frag);
      nodes = [div];
    }
    for (const n of nodes) {
      n.classList.add('cr-restored');
      n.dataset.crRestored = String(i);
      n.dataset.crRule = String(r.rule);
    }
    anchor.after(...nodes);
    state.restored.add(i);
    refresh();
    if (!quiet) {
      announce(`Restored: ${r.text || ruleLabel(r.rule)}`);
      content.querySelector(`[data-cr-restored="${i}"]`)?.scrollIntoView?.({ block: 'nearest' });
    }
    return true;
  }

  /** Takes restored block i out again. */
  function hide(i) {
    const content = state.articleEl?.querySelector('.cr-content');
    for (const n of content?.querySelectorAll(`[data-cr-restored="${i}"]`) ?? []) n.remove();
    state.restored.delete(i);
    refresh();
    announce(`Hidden again: ${removed[i]?.text || ''}`);
  }

  refresh();
  return { element: list, restore, hide, refresh, count: removed.length };
}
