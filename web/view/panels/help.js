// panels/help.js — the "Keyboard shortcuts" panel: the list from keys.js,
// so what it shows is what the keys do; "?" opens and closes it.

import { shortcuts } from '../keys.js';

/** The shortcuts panel (toolbar.js says what a panel is). */
export const helpPanel = {
  name: 'help',
  label: (kit) => kit.icon('?'),
  heading: 'Keyboard shortcuts',
  keys: '?',
  title: 'Keyboard shortcuts (?)',
  ariaLabel: 'Keyboard shortcuts',
  build({ h, hint, toggle }) {
    const list = h('dl', { class: 'cr-shortcuts' });
    for (const s of shortcuts) list.append(h('dt', {}, ...s.keys.map((k) => h('kbd', { text: k }))), h('dd', { text: s.label }));
    return {
      body: [list, hint('Shortcuts work anywhere in the page except while typing in a field.')],
      actions: { help: toggle },
    };
  },
};
