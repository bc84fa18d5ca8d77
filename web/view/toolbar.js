// view-toolbar.js — the reading view's controls: a toolbar of five buttons,
// each opening one panel (text and theme, read aloud, removed, export,
// shortcuts), plus the keyboard shortcuts. One panel is open at a time;
// Escape or a click outside closes it and focus goes back to its button.
//
// Used by view.js's mountView; `state` is its shared state (see there).

import { choices, step, nextTheme } from './settings-store.js';
import { actionForKey, shortcuts } from './keys.js';
import { buildRemovedList } from './removed.js';
import { createSpeaker, readableBlocks } from './speech.js';
import { watchVoices, noVoiceReasons } from './voices.js';
import { markdownOf, copyText, standaloneHTML, download, fileNameFor, viewCSS } from './export.js';

let instances = 0;

const fontNames = { serif: 'Serif', sans: 'Sans', mono: 'Mono' };
const themeNames = { auto: 'Auto', light: 'Light', sepia: 'Sepia', dark: 'Dark', contrast: 'High contrast' };
const widthNames = ['Narrow', 'Medium', 'Wide', 'Widest'];
const leadingNames = ['Tight', 'Snug', 'Normal', 'Relaxed', 'Loose'];
const rates = [0.75, 1, 1.25, 1.5, 1.75, 2];

/**
 * Builds the controls for the view described by state. Returns {element,
 * refresh(), restore(i, opts), closePanels(), destroy()}.
 */
export function buildControls(state, { shortcuts: withShortcuts = true } = {}) {
  const doc = state.doc;
  const id = (s) => `cr${instances}-${s}`;
  instances++;
  const h = (tag, props = {}, ...children) => {
    const n = doc.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'class') n.className = v;
      else if (k === 'text') n.textContent = v;
      else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
      else n.setAttribute(k, v);
    }
    n.append(...children.filter((c) => c !== null && c !== undefined));
    return n;
  };
  const button = (label, props = {}) => h('button', { type: 'button', class: 'cr-btn', ...props }, ...[].concat(label));

  const root = h('div', { class: 'cr-controls' });
  const bar = h('div', { class: 'cr-toolbar', role: 'group', 'aria-label': 'Reading view controls' });
  const live = h('p', { class: 'cr-live', role: 'status', 'aria-live': 'polite' });
  const announce = (text) => {
    live.textContent = '';
    // A fresh node text is announced even when it repeats the last one.
    setTimeout(() => (live.textContent = text), 30);
  };
  root.append(bar);

  const panels = {};
  let openName = '';

  /** Adds a toolbar button that opens panel `name` with the given body. */
  function addPanel(name, label, heading, body, { keys = '', wide = false, title = heading } = {}) {
    const panel = h('section', {
      class: `cr-panel${wide ? ' cr-panel-wide' : ''}`,
      id: id(name),
      'aria-labelledby': id(`${name}-h`),
      'data-panel': name,
    });
    panel.hidden = true;
    // The heading takes focus when the panel's first control is out of sight (see focusFirst).
    panel.append(h('h2', { id: id(`${name}-h`), tabindex: '-1', text: heading }), ...[].concat(body));
    const btn = button(label, {
      'aria-expanded': 'false',
      'aria-controls': panel.id,
      'data-control': name,
      title,
      onclick: () => toggle(name),
    });
    if (keys) btn.setAttribute('aria-keyshortcuts', keys);
    bar.append(btn);
    root.append(panel);
    panels[name] = { panel, btn };
    return panel;
  }

  function open(name, { focus = true } = {}) {
    if (openName && openName !== name) close({ focusButton: false });
    const p = panels[name];
    if (!p) return;
    p.panel.hidden = false;
    p.btn.setAttribute('aria-expanded', 'true');
    openName = name;
    state.container.dataset.crPanel = name;
    if (name === 'speech') state.container.dataset.crReading = '';
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
    const p = panels[openName];
    if (!p) return;
    p.panel.hidden = true;
    p.btn.setAttribute('aria-expanded', 'false');
    if (openName === 'speech' && speaker.status === 'idle') delete state.container.dataset.crReading;
    openName = '';
    delete state.container.dataset.crPanel;
    if (focusButton) p.btn.focus();
  }

  function toggle(name) {
    if (openName === name) close();
    else open(name);
  }

  // ---- text and theme ----
  const fontGroup = h('div', { class: 'cr-choices', role: 'group', 'aria-labelledby': id('font-l') });
  for (const f of choices.font) {
    fontGroup.append(button(fontNames[f], {
      'aria-pressed': 'false', 'data-font': f, class: `cr-btn cr-font-${f}`,
      onclick: () => setSetting({ font: f }, `Font: ${fontNames[f]}`),
    }));
  }
  const sizeOut = h('output', { 'aria-live': 'off' });
  const widthOut = h('output', { 'aria-live': 'off' });
  const leadingOut = h('output', { 'aria-live': 'off' });
  const stepper = (key, out, less, more, what) =>
    h('div', { class: 'cr-stepper', role: 'group', 'aria-labelledby': id(`${key}-l`) },
      // The spoken name starts with the visible text, so "click A minus" works by voice.
      button(less.text, { 'aria-label': `${less.text} ${less.label}`, 'data-step': `${key}-`, onclick: () => stepSetting(key, -1, what) }),
      out,
      button(more.text, { 'aria-label': `${more.text} ${more.label}`, 'data-step': `${key}+`, onclick: () => stepSetting(key, 1, what) }));
  const themeGroup = h('div', { class: 'cr-choices', role: 'group', 'aria-labelledby': id('theme-l') });
  for (const t of choices.theme) {
    themeGroup.append(button([h('span', { class: `cr-swatch cr-swatch-${t}`, 'aria-hidden': 'true' }), themeNames[t]], {
      'aria-pressed': 'false', 'data-theme': t,
      onclick: () => setSetting({ theme: t }, `Theme: ${themeNames[t]}`),
    }));
  }
  const imagesSwitch = button('', {
    role: 'switch', 'aria-checked': 'false', 'aria-labelledby': id('img-l'), 'data-control': 'block-images',
    onclick: () => setSetting({ blockRemoteImages: !state.blockRemoteImages },
      state.blockRemoteImages ? 'Remote images are shown' : 'Remote images are blocked'),
  });
  addPanel('type', [h('span', { 'aria-hidden': 'true', text: 'Aa' }), h('span', { class: 'cr-wide-label', text: ' Text' })],
    'Text and theme', [
      h('div', { class: 'cr-row' }, h('span', { class: 'cr-label', id: id('font-l'), text: 'Font' }), fontGroup),
      h('div', { class: 'cr-row' }, h('span', { class: 'cr-label', id: id('size-l'), text: 'Text size' }),
        stepper('size', sizeOut, { text: 'A−', label: 'Smaller text' }, { text: 'A+', label: 'Larger text' }, 'Text size')),
      h('div', { class: 'cr-row' }, h('span', { class: 'cr-label', id: id('width-l'), text: 'Line width' }),
        stepper('width', widthOut, { text: '−', label: 'Narrower lines' }, { text: '+', label: 'Wider lines' }, 'Line width')),
      h('div', { class: 'cr-row' }, h('span', { class: 'cr-label', id: id('leading-l'), text: 'Line spacing' }),
        stepper('leading', leadingOut, { text: '−', label: 'Less line spacing' }, { text: '+', label: 'More line spacing' }, 'Line spacing')),
      h('div', { class: 'cr-row cr-theme-row' }, h('span', { class: 'cr-label', id: id('theme-l'), text: 'Theme' })),
      themeGroup,
      h('p', { class: 'cr-hint', text: 'Auto follows your system’s light or dark setting.' }),
      h('div', { class: 'cr-switch' }, h('span', { id: id('img-l'), text: 'Block remote images' }), imagesSwitch),
      h('p', { class: 'cr-hint', text: 'Loading an image tells its server what you are reading. Images inside the page stay.' }),
    ], { keys: '+ - t', title: 'Text and theme (+, −, T)' });

  // ---- read aloud ----
  const speaker = createSpeaker(state, { onChange: speechChanged });
  const playBtn = button('Play', { 'data-control': 'play', onclick: () => readAloud(() => speaker.toggle()) });
  const stopBtn = button('Stop', { 'data-control': 'stop', onclick: () => speaker.stop() });
  const rateSel = h('select', { class: 'cr-select', id: id('rate'), 'data-control': 'rate' });
  for (const r of rates) rateSel.append(h('option', { value: String(r), text: `${r}×` }));
  rateSel.value = '1';
  rateSel.addEventListener('change', () => speaker.setRate(rateSel.value));
  const voiceSel = h('select', { class: 'cr-select', id: id('voice'), 'data-control': 'voice' });
  voiceSel.addEventListener('change', () => speaker.setVoice(voiceSel.value));
  const fillVoices = () => {
    const current = voiceSel.value;
    voiceSel.replaceChildren(h('option', { value: '', text: 'Default voice' }));
    for (const v of speaker.voices()) voiceSel.append(h('option', { value: v.voiceURI, text: `${v.name} (${v.lang})` }));
    voiceSel.value = current;
  };
  const synth = doc.defaultView.speechSynthesis;
  synth?.addEventListener?.('voiceschanged', fillVoices);
  fillVoices();
  const speechHint = h('p', { class: 'cr-hint', id: id('speech-hint') });
  addPanel('speech', [h('span', { 'aria-hidden': 'true', text: '▶' }), h('span', { class: 'cr-wide-label', text: ' Read aloud' })],
    'Read aloud', [
      h('div', { class: 'cr-row' }, h('div', { class: 'cr-stepper' }, playBtn, stopBtn)),
      h('div', { class: 'cr-row' }, h('label', { class: 'cr-label', for: rateSel.id, text: 'Speed' }), rateSel),
      h('div', { class: 'cr-row' }, h('label', { class: 'cr-label', for: voiceSel.id, text: 'Voice' }), voiceSel),
      speechHint,
    ], { keys: 'r', title: 'Read aloud (R)' });
  panels.speech.btn.setAttribute('aria-label', 'Read aloud');
  const voices = watchVoices(doc.defaultView, voicesChanged);
  voicesChanged(voices.status);

  // voicesChanged shows whether the view can read aloud. Without a voice the
  // panel still opens, to say why; Play and its settings are disabled and
  // point at that sentence, and the toolbar button says it too.
  function voicesChanged(status) {
    const none = status === 'none';
    state.container.dataset.crVoices = status;
    for (const c of [playBtn, rateSel, voiceSel]) c.disabled = none;
    speechHint.textContent = none
      ? noVoiceReasons[voices.reason] ?? noVoiceReasons['no-voice']
      : 'Click a paragraph to start reading there. Uses your system’s voices: nothing is sent anywhere.';
    if (none) playBtn.setAttribute('aria-describedby', speechHint.id);
    else playBtn.removeAttribute('aria-describedby');
    const btn = panels.speech.btn;
    btn.setAttribute('aria-label', none ? 'Read aloud, not available' : 'Read aloud');
    btn.title = none ? 'Read aloud is not available: no voice (R)' : 'Read aloud (R)';
    if (none) speaker.stop();
  }

  // readAloud runs start once it is known that a voice exists, or says why
  // nothing will be read; it returns whether start ran. A voice may have
  // come after the view first gave up waiting: the status now decides.
  async function readAloud(start) {
    if (voices.status === 'checking') await voices.settled;
    if (voices.status !== 'ready') {
      announce(`Read aloud is not available. ${speechHint.textContent}`);
      return false;
    }
    start();
    return true;
  }

  // ---- removed ----
  const removed = buildRemovedList(state, announce);
  const restorableCount = (state.article.removed ?? []).filter((r) => r.anchor).length;
  addPanel('removed', ['Removed ', h('span', { class: 'cr-count', text: `(${removed.count})` })],
    `Removed by the cleaner (${removed.count})`, [
      h('p', { class: 'cr-hint', text: removed.count
        ? `What was taken out of the page, and why. ${restorableCount ? 'Blocks from inside the story can be restored in place.' : 'All of it was around the story, not in it.'}`
        : 'Nothing was removed.' }),
      removed.element,
    ], { keys: 'd', wide: true, title: 'What was removed (D)' });
  panels.removed.btn.setAttribute('aria-label', `Removed: ${removed.count} ${removed.count === 1 ? 'block' : 'blocks'}`);

  // ---- export ----
  const exportStatus = h('p', { class: 'cr-hint', role: 'status' });
  const fallback = h('textarea', { class: 'cr-select', rows: '8', readonly: '', 'aria-label': 'Markdown' });
  fallback.hidden = true;
  addPanel('export', 'Export', 'Export', [
    h('div', { class: 'cr-menu' },
      button('Copy as Markdown', { 'data-control': 'copy-md', onclick: copyMarkdown }),
      button('Save as HTML file', { 'data-control': 'save-html', onclick: saveHTML }),
      button('Print the story', { 'data-control': 'print', onclick: () => { close({ focusButton: false }); doc.defaultView.print(); } })),
    exportStatus,
    fallback,
  ], { title: 'Export' });

  async function copyMarkdown() {
    const md = await markdownOf(state.article, state.restored);
    state.container.dataset.crMarkdown = String(md.length);
    if (await copyText(doc, md)) {
      fallback.hidden = true;
      exportStatus.textContent = 'Copied the story as Markdown.';
    } else {
      fallback.value = md;
      fallback.hidden = false;
      fallback.focus();
      fallback.select();
      exportStatus.textContent = 'The browser did not allow copying: the Markdown is selected below — press Ctrl+C.';
    }
  }

  async function saveHTML() {
    try {
      const settingsAttrs = {};
      for (const a of doc.documentElement.attributes) if (a.name.startsWith('data-cr-')) settingsAttrs[a.name] = a.value;
      const html = await standaloneHTML({
        articleEl: state.articleEl, article: state.article, settingsAttrs,
        cssText: await viewCSS(), blockRemoteImages: state.blockRemoteImages,
      });
      download(doc, fileNameFor(state.article.title), html);
      exportStatus.textContent = 'Saved: one HTML file with the story and its styles, no script.';
    } catch (err) {
      exportStatus.textContent = `Saving failed: ${err.message}`;
    }
  }

  // ---- help ----
  const list = h('dl', { class: 'cr-shortcuts' });
  for (const s of shortcuts) list.append(h('dt', {}, ...s.keys.map((k) => h('kbd', { text: k }))), h('dd', { text: s.label }));
  addPanel('help', h('span', { 'aria-hidden': 'true', text: '?' }), 'Keyboard shortcuts', [
    list,
    h('p', { class: 'cr-hint', text: 'Shortcuts work anywhere in the page except while typing in a field.' }),
  ], { keys: '?', title: 'Keyboard shortcuts (?)' });
  panels.help.btn.setAttribute('aria-label', 'Keyboard shortcuts');

  root.append(live);

  // ---- behaviour ----
  async function setSetting(patch, message) {
    await state.update({ ...state.settings, ...patch }, { imagesChosen: 'blockRemoteImages' in patch });
    if (message) announce(message);
  }

  function stepSetting(key, delta, what) {
    const next = step(state.settings, key, delta);
    const list = choices[key];
    const i = list.indexOf(next[key]);
    const edge = next[key] === state.settings[key] ? (delta > 0 ? ' (largest)' : ' (smallest)') : '';
    setSetting(next, `${what}: ${describe(key, next[key])}, ${i + 1} of ${list.length}${edge}`);
  }

  function describe(key, v) {
    if (key === 'width') return widthNames[v - 1];
    if (key === 'leading') return leadingNames[v - 1];
    return String(v);
  }

  /** Brings every control in line with the current settings. */
  function refresh() {
    const s = state.settings;
    for (const b of fontGroup.children) b.setAttribute('aria-pressed', String(b.dataset.font === s.font));
    for (const b of themeGroup.children) b.setAttribute('aria-pressed', String(b.dataset.theme === s.theme));
    sizeOut.textContent = `${s.size} / ${choices.size.length}`;
    widthOut.textContent = describe('width', s.width);
    leadingOut.textContent = describe('leading', s.leading);
    const edges = { size: choices.size, width: choices.width, leading: choices.leading };
    for (const [key, list] of Object.entries(edges)) {
      root.querySelector(`[data-step="${key}-"]`).disabled = s[key] === list[0];
      root.querySelector(`[data-step="${key}+"]`).disabled = s[key] === list[list.length - 1];
    }
    imagesSwitch.setAttribute('aria-checked', String(state.blockRemoteImages));
    // On/Off is for the eye; the switch's checked state says it to a screen
    // reader, whose name for it stays "Block remote images".
    imagesSwitch.replaceChildren(h('span', { 'aria-hidden': 'true', text: state.blockRemoteImages ? 'On' : 'Off' }));
    removed.refresh();
  }

  function speechChanged(status) {
    state.container.dataset.crSpeech = status;
    playBtn.textContent = status === 'playing' ? 'Pause' : status === 'paused' ? 'Resume' : 'Play';
    stopBtn.disabled = status === 'idle';
    panels.speech.btn.dataset.speech = status;
    if (status === 'idle' && openName !== 'speech') delete state.container.dataset.crReading;
    else state.container.dataset.crReading = '';
  }
  speechChanged('idle');

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
    switch (action) {
      case 'bigger': stepSetting('size', 1, 'Text size'); break;
      case 'smaller': stepSetting('size', -1, 'Text size'); break;
      case 'theme': {
        const next = nextTheme(state.settings);
        setSetting(next, `Theme: ${themeNames[next.theme]}`);
        break;
      }
      case 'read':
        readAloud(() => {
          if (speaker.status === 'idle') speaker.play(firstVisibleBlock());
          else speaker.toggle();
          // Only what did happen: a story with nothing to read stays idle.
          if (speaker.status !== 'idle') announce(speaker.status === 'playing' ? 'Reading aloud' : 'Reading paused');
        });
        break;
      case 'removed': toggle('removed'); break;
      case 'help': toggle('help'); break;
    }
  }

  // The first block below the toolbar, so "r" starts where the reader is;
  // null (the top, title included) while the header is still in sight.
  function firstVisibleBlock() {
    const top = root.getBoundingClientRect().bottom;
    const header = state.articleEl?.querySelector('.cr-header');
    if (!header || header.getBoundingClientRect().bottom > top) return null;
    for (const b of readableBlocks(state.articleEl.querySelector('.cr-content'))) {
      if (b.getBoundingClientRect().bottom > top + 8) return b;
    }
    return null;
  }

  function onStoryClick(ev) {
    if (!('crReading' in state.container.dataset) || voices.status !== 'ready') return;
    if (ev.target.closest?.('a, button, .cr-controls')) return;
    if (!doc.getSelection()?.isCollapsed) return; // the reader is selecting text
    const block = speaker.blockAt(ev.target);
    if (block) speaker.play(block);
  }

  function onPointerDown(ev) {
    if (!openName || openName === 'speech') return;
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
  state.container.addEventListener('click', onStoryClick);

  return {
    element: root,
    refresh,
    restore: (i, opts) => removed.restore(i, opts),
    closePanels: () => close({ focusButton: false }),
    speaker,
    destroy() {
      speaker.stop();
      doc.removeEventListener('keydown', onKey);
      doc.removeEventListener('pointerdown', onPointerDown);
      state.container.removeEventListener('click', onStoryClick);
      synth?.removeEventListener?.('voiceschanged', fillVoices);
      voices.stop();
    },
  };
}
