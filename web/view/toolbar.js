// toolbar.js — the reading view's controls: a toolbar with one button per
// panel (the panels are in panels/, one file each), plus the keyboard
// shortcuts. One panel is open at a time; Escape or a click outside closes
// it and focus goes back to its button. Adding a panel is one file in
// panels/ and one line in `panels` below.
//
// What a panel is, and what it is handed, is the Panel and PanelContext
// below; panels/kit.js makes the DOM helpers they share.

import { actionForKey } from './keys.js';
import { createKit } from './panels/kit.js';
import { typePanel } from './panels/type.js';
import { speechPanel } from './panels/speech.js';
import { removedPanel } from './panels/removed.js';
import { exportPanel } from './panels/export.js';
import { helpPanel } from './panels/help.js';

/**
 * One toolbar panel, as each file in panels/ exports it.
 * @typedef {object} Panel
 * @property {string} name - its data-control and data-panel, and the base of its ids
 * @property {*} [label] - what its button shows: text, nodes, or a function of the kit that makes them
 * @property {string} [heading] - the panel's h2; the button's title unless title is given
 * @property {string} [title] - the button's tooltip
 * @property {string} [keys] - the button's aria-keyshortcuts
 * @property {string} [ariaLabel] - the button's name when its label is only a sign
 * @property {boolean} [wide] - the panel takes more room (a long list)
 * @property {boolean} [staysOpen] - a click outside leaves it open
 * @property {(ctx: PanelContext) => object} build - returns {body} (the nodes under the
 *   heading), label, heading or ariaLabel when they depend on the story, and any
 *   hooks: mount(button) once its button exists, opened(), closed(), refresh()
 *   when the settings change, actions {keys.js action: run}, destroy(); restore
 *   and speaker are handed out in the toolbar's own API.
 */

/**
 * What the toolbar hands every panel's build: the kit (h, button, id, icon,
 * hint), view.js's shared state and its document, announce(text) for screen
 * readers, close({focusButton}) for whichever panel is open, toggle() and
 * isOpen() for this panel, and toolbar, the controls' root element.
 * @typedef {object} PanelContext
 */

/** @type {Panel[]} The toolbar's panels, in the order of their buttons. */
const panels = [
  typePanel, // how the story looks: font, size, width, spacing, theme, remote images
  speechPanel, // the story read aloud by the system's own voices
  removedPanel, // what the cleaner took out and why, and putting it back
  exportPanel, // the story taken elsewhere: Markdown, one HTML file, paper
  helpPanel, // the keyboard shortcuts, listed where they are used
];

/**
 * Builds the controls for the view described by state (view.js's shared
 * state). Returns {element, refresh(), restore(i, opts), closePanels(),
 * speaker, destroy()}. Without shortcuts, only Escape inside the controls
 * is handled, for a page whose own keys must keep working.
 */
export function buildControls(state, { shortcuts: withShortcuts = true } = {}) {
  const doc = state.doc;
  const kit = createKit(doc);
  const { h, button, id } = kit;

  const root = h('div', { class: 'cr-controls' });
  const bar = h('div', { class: 'cr-toolbar', role: 'group', 'aria-label': 'Reading view controls' });
  const live = h('p', { class: 'cr-live', role: 'status', 'aria-live': 'polite' });
  const announce = (text) => {
    live.textContent = '';
    // A fresh node text is announced even when it repeats the last one.
    setTimeout(() => (live.textContent = text), 30);
  };
  root.append(bar);

  const shown = {}; // name → {panel, btn, part}
  let openName = '';

  for (const p of panels) {
    const ctx = {
      state, doc, ...kit, announce, close, toolbar: root,
      toggle: () => toggle(p.name),
      isOpen: () => openName === p.name,
    };
    const part = { ...p, ...p.build(ctx) };
    shown[p.name] = { ...addPanel(part), part };
    part.mount?.(shown[p.name].btn);
  }
  root.append(live);
  const parts = Object.values(shown).map((s) => s.part);
  const actions = Object.assign({}, ...parts.map((p) => p.actions));
  const provided = (key) => parts.find((p) => p[key])?.[key];

  /** Adds the section and toolbar button of a built panel. */
  function addPanel({ name, label, heading, body, keys = '', wide = false, title = heading, ariaLabel }) {
    const panel = h('section', {
      class: `cr-panel${wide ? ' cr-panel-wide' : ''}`,
      id: id(name),
      'aria-labelledby': id(`${name}-h`),
      'data-panel': name,
    });
    panel.hidden = true;
    // The heading takes focus when the panel's first control is out of sight (see focusFirst).
    panel.append(h('h2', { id: id(`${name}-h`), tabindex: '-1', text: heading }), ...[].concat(body));
    const btn = button(typeof label === 'function' ? label(kit) : label, {
      'aria-expanded': 'false',
      'aria-controls': panel.id,
      'data-control': name,
      title,
      onclick: () => toggle(name),
    });
    if (keys) btn.setAttribute('aria-keyshortcuts', keys);
    if (ariaLabel) btn.setAttribute('aria-label', ariaLabel);
    bar.append(btn);
    root.append(panel);
    return { panel, btn };
  }

  function open(name, { focus = true } = {}) {
    if (openName && openName !== name) close({ focusButton: false });
    const p = shown[name];
    if (!p) return;
    p.panel.hidden = false;
    p.btn.setAttribute('aria-expanded', 'true');
    openName = name;
    state.container.dataset.crPanel = name;
    p.part.opened?.();
    if (focus) focusFirst(p.panel);
  }

  // focusFirst opens the panel at its top and focuses its first enabled
  // control when that is in sight there, else its heading: focusing a control far down a
  // long list (the first Restore button on a phone) would scroll the panel
  // to it, and the reader would land mid-list.
  function focusFirst(panel) {
    panel.scrollTop = 0;
    const first = panel.querySelector(':is(button, select, textarea):not(:disabled), [tabindex]:not([tabindex="-1"])');
    const top = panel.getBoundingClientRect().top;
    if (first && first.getBoundingClientRect().bottom - top <= panel.clientHeight) first.focus();
    else panel.querySelector('h2').focus({ preventScroll: true });
  }

  function close({ focusButton = true } = {}) {
    const p = shown[openName];
    if (!p) return;
    p.panel.hidden = true;
    p.btn.setAttribute('aria-expanded', 'false');
    p.part.closed?.();
    openName = '';
    delete state.container.dataset.crPanel;
    if (focusButton) p.btn.focus();
  }

  function toggle(name) {
    if (openName === name) close();
    else open(name);
  }

  /** Brings every control in line with the current settings. */
  function refresh() {
    for (const p of parts) p.refresh?.();
  }

  function onKey(ev) {
    if (ev.defaultPrevented) return;
    const action = actionForKey(ev);
    if (!action) return;
    if (action === 'close') {
      if (!openName) return;
      ev.preventDefault();
      close();
      return;
    }
    ev.preventDefault();
    actions[action]?.();
  }

  function onPointerDown(ev) {
    if (!openName || shown[openName].part.staysOpen) return;
    if (root.contains(ev.target)) return;
    close({ focusButton: false });
  }

  if (withShortcuts) doc.addEventListener('keydown', onKey);
  root.addEventListener('keydown', (ev) => {
    if (!withShortcuts && ev.key === 'Escape' && openName) {
      ev.preventDefault();
      close();
    }
  });
  doc.addEventListener('pointerdown', onPointerDown);

  return {
    element: root,
    refresh,
    restore: (i, opts) => provided('restore')(i, opts),
    closePanels: () => close({ focusButton: false }),
    speaker: provided('speaker'),
    destroy() {
      for (const p of parts) p.destroy?.();
      doc.removeEventListener('keydown', onKey);
      doc.removeEventListener('pointerdown', onPointerDown);
    },
  };
}
