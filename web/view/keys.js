// keys.js — the reading view's keyboard shortcuts: which key does what.
// Pure, so the mapping is tested without a browser; the toolbar and its panels act.

/** The shortcuts, in the order the help popover lists them. */
export const shortcuts = [
  { keys: ['+'], action: 'bigger', label: 'Larger text' },
  { keys: ['-'], action: 'smaller', label: 'Smaller text' },
  { keys: ['t'], action: 'theme', label: 'Next theme' },
  { keys: ['r'], action: 'read', label: 'Read aloud: start, pause, resume' },
  { keys: ['d'], action: 'removed', label: 'Show or hide what was removed' },
  { keys: ['?'], action: 'help', label: 'Show or hide these shortcuts' },
  { keys: ['Esc'], action: 'close', label: 'Close the open panel' },
];

const byKey = {
  '+': 'bigger',
  '=': 'bigger',
  '-': 'smaller',
  _: 'smaller',
  t: 'theme',
  T: 'theme',
  r: 'read',
  R: 'read',
  d: 'removed',
  D: 'removed',
  '?': 'help',
};

/**
 * Returns the action for a keydown event, or '' when the key is not ours:
 * with Ctrl, Meta or Alt held (browser zoom and menus keep working), or
 * while typing in a field. Escape always closes panels.
 */
export function actionForKey(ev) {
  if (ev.key === 'Escape') return 'close';
  if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.isComposing) return '';
  if (isEditable(ev.target)) return '';
  return byKey[ev.key] ?? '';
}

function isEditable(target) {
  if (!target || typeof target !== 'object') return false;
  if (target.isContentEditable) return true;
  const tag = String(target.localName ?? target.tagName ?? '').toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  const type = String(target.type ?? 'text').toLowerCase();
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
}
