// panels/type.js — the "Text and theme" panel: font, text size, line width,
// line spacing, theme and whether remote images load. Each change is saved
// through state.update and said to screen readers; "+", "-" and "t" do the
// same from the keyboard.

import { choices, step, nextTheme } from '../settings-store.js';

const fontNames = { serif: 'Serif', sans: 'Sans', mono: 'Mono' };
const themeNames = { auto: 'Auto', light: 'Light', sepia: 'Sepia', dark: 'Dark', contrast: 'High contrast' };
const widthNames = ['Narrow', 'Medium', 'Wide', 'Widest'];
const leadingNames = ['Tight', 'Snug', 'Normal', 'Relaxed', 'Loose'];

// The stepped settings, in panel order. name(v) is how a value is said;
// shown(v), when given, is how its output shows it.
const steppers = [
  { key: 'size', what: 'Text size', name: String, shown: (v) => `${v} / ${choices.size.length}`,
    less: { text: 'A−', label: 'Smaller text' }, more: { text: 'A+', label: 'Larger text' } },
  { key: 'width', what: 'Line width', name: (v) => widthNames[v - 1],
    less: { text: '−', label: 'Narrower lines' }, more: { text: '+', label: 'Wider lines' } },
  { key: 'leading', what: 'Line spacing', name: (v) => leadingNames[v - 1],
    less: { text: '−', label: 'Less line spacing' }, more: { text: '+', label: 'More line spacing' } },
];

/** The text and theme panel (toolbar.js says what a panel is). */
export const typePanel = {
  name: 'type',
  label: (kit) => kit.icon('Aa', ' Text'),
  heading: 'Text and theme',
  keys: '+ - t',
  title: 'Text and theme (+, −, T)',
  build({ state, h, button, id, hint, announce }) {
    async function setSetting(patch, message) {
      await state.update({ ...state.settings, ...patch }, { imagesChosen: 'blockRemoteImages' in patch });
      if (message) announce(message);
    }
    function stepSetting(s, delta) {
      const next = step(state.settings, s.key, delta);
      const list = choices[s.key];
      const i = list.indexOf(next[s.key]);
      const edge = next[s.key] === state.settings[s.key] ? (delta > 0 ? ' (largest)' : ' (smallest)') : '';
      setSetting(next, `${s.what}: ${s.name(next[s.key])}, ${i + 1} of ${list.length}${edge}`);
    }
    const setTheme = (patch) => setSetting(patch, `Theme: ${themeNames[patch.theme]}`);

    const label = (key, text) => h('span', { class: 'cr-label', id: id(`${key}-l`), text });
    const row = (key, text, control) => h('div', { class: 'cr-row' }, label(key, text), control);
    // A group of pressed-or-not buttons, one per choice of setting key.
    const group = (key, look, props = () => ({}), say) => {
      const g = h('div', { class: 'cr-choices', role: 'group', 'aria-labelledby': id(`${key}-l`) });
      for (const v of choices[key]) {
        g.append(button(look(v), { 'aria-pressed': 'false', [`data-${key}`]: v, ...props(v), onclick: () => say({ [key]: v }) }));
      }
      return g;
    };
    const groups = {
      font: group('font', (f) => fontNames[f], (f) => ({ class: `cr-btn cr-font-${f}` }),
        (patch) => setSetting(patch, `Font: ${fontNames[patch.font]}`)),
      theme: group('theme', (t) => [h('span', { class: `cr-swatch cr-swatch-${t}`, 'aria-hidden': 'true' }), themeNames[t]],
        undefined, setTheme),
    };
    const steps = steppers.map((s) => {
      // The spoken name starts with the visible text, so "click A minus" works by voice.
      const side = (end, delta, sign) => button(end.text,
        { 'aria-label': `${end.text} ${end.label}`, 'data-step': `${s.key}${sign}`, onclick: () => stepSetting(s, delta) });
      return { ...s, lessBtn: side(s.less, -1, '-'), out: h('output', { 'aria-live': 'off' }), moreBtn: side(s.more, 1, '+') };
    });
    const imagesSwitch = button('', {
      role: 'switch', 'aria-checked': 'false', 'aria-labelledby': id('img-l'), 'data-control': 'block-images',
      onclick: () => setSetting({ blockRemoteImages: !state.blockRemoteImages },
        state.blockRemoteImages ? 'Remote images are shown' : 'Remote images are blocked'),
    });

    return {
      body: [
        row('font', 'Font', groups.font),
        ...steps.map((s) => row(s.key, s.what,
          h('div', { class: 'cr-stepper', role: 'group', 'aria-labelledby': id(`${s.key}-l`) }, s.lessBtn, s.out, s.moreBtn))),
        h('div', { class: 'cr-row cr-theme-row' }, label('theme', 'Theme')),
        groups.theme,
        hint('Auto follows your system’s light or dark setting.'),
        h('div', { class: 'cr-switch' }, h('span', { id: id('img-l'), text: 'Block remote images' }), imagesSwitch),
        hint('Loading an image tells its server what you are reading. Images inside the page stay.'),
      ],
      actions: {
        bigger: () => stepSetting(steppers[0], 1),
        smaller: () => stepSetting(steppers[0], -1),
        theme: () => setTheme(nextTheme(state.settings)),
      },
      /** Brings every control in line with the current settings. */
      refresh() {
        const now = state.settings;
        for (const [key, g] of Object.entries(groups)) {
          for (const b of g.children) b.setAttribute('aria-pressed', String(b.dataset[key] === now[key]));
        }
        for (const s of steps) {
          const v = now[s.key];
          const list = choices[s.key];
          s.out.textContent = (s.shown ?? s.name)(v);
          s.lessBtn.disabled = v === list[0];
          s.moreBtn.disabled = v === list[list.length - 1];
        }
        imagesSwitch.setAttribute('aria-checked', String(state.blockRemoteImages));
        // On/Off is for the eye; the switch's checked state says it to a screen
        // reader, whose name for it stays "Block remote images".
        imagesSwitch.replaceChildren(h('span', { 'aria-hidden': 'true', text: state.blockRemoteImages ? 'On' : 'Off' }));
      },
    };
  },
};
