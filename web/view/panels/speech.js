// panels/speech.js — the "Read aloud" panel: Play/Pause, Stop, speed and
// voice for view/speech.js's speaker, and "r" to start where the reader is.
// While the panel is open or the story is being read, a click on a
// paragraph reads from there; without any voice the panel still opens, to
// say why nothing can be read.

import { createSpeaker, readableBlocks } from '../speech.js';
import { watchVoices, noVoiceReasons } from '../voices.js';

const rates = [0.75, 1, 1.25, 1.5, 1.75, 2];

/** The read-aloud panel (toolbar.js says what a panel is). */
export const speechPanel = {
  name: 'speech',
  label: (kit) => kit.icon('▶', ' Read aloud'),
  heading: 'Read aloud',
  keys: 'r',
  title: 'Read aloud (R)',
  ariaLabel: 'Read aloud',
  // The reader clicks the story to pick where reading starts: that click
  // must not close the panel.
  staysOpen: true,
  build({ state, doc, h, button, id, announce, isOpen, toolbar }) {
    // The view's data-cr-* marks, which its style and the browser tests read.
    const marks = state.container.dataset;
    let opener = null;
    const speaker = createSpeaker(state, { onChange: speechChanged });
    const playBtn = button('Play', { 'data-control': 'play', onclick: () => readAloud(() => speaker.toggle()) });
    const stopBtn = button('Stop', { 'data-control': 'stop', onclick: () => speaker.stop() });
    const select = (name, onchange) => {
      const s = h('select', { class: 'cr-select', id: id(name), 'data-control': name });
      s.addEventListener('change', () => onchange(s.value));
      return s;
    };
    const rateSel = select('rate', (v) => speaker.setRate(v));
    for (const r of rates) rateSel.append(h('option', { value: String(r), text: `${r}×` }));
    rateSel.value = '1';
    const voiceSel = select('voice', (v) => speaker.setVoice(v));
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
    const voices = watchVoices(doc.defaultView, voicesChanged);

    // voicesChanged shows whether the view can read aloud. Without a voice
    // Play and its settings are disabled and point at the hint that says
    // why, and the toolbar button says it too.
    function voicesChanged(status) {
      const none = status === 'none';
      marks.crVoices = status;
      for (const c of [playBtn, rateSel, voiceSel]) c.disabled = none;
      speechHint.textContent = none
        ? noVoiceReasons[voices.reason] ?? noVoiceReasons['no-voice']
        : 'Click a paragraph to start reading there. Uses your system’s voices: nothing is sent anywhere.';
      if (none) playBtn.setAttribute('aria-describedby', speechHint.id);
      else playBtn.removeAttribute('aria-describedby');
      opener.setAttribute('aria-label', none ? 'Read aloud, not available' : 'Read aloud');
      opener.title = none ? 'Read aloud is not available: no voice (R)' : 'Read aloud (R)';
      if (none) speaker.stop();
    }

    function speechChanged(status) {
      marks.crSpeech = status;
      playBtn.textContent = status === 'playing' ? 'Pause' : status === 'paused' ? 'Resume' : 'Play';
      stopBtn.disabled = status === 'idle';
      opener.dataset.speech = status;
      if (status === 'idle' && !isOpen()) delete marks.crReading;
      else marks.crReading = '';
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

    // The first block below the toolbar, so "r" starts where the reader is;
    // null (the top, title included) while the header is still in sight.
    function firstVisibleBlock() {
      const top = toolbar.getBoundingClientRect().bottom;
      const header = state.articleEl?.querySelector('.cr-header');
      if (!header || header.getBoundingClientRect().bottom > top) return null;
      for (const b of readableBlocks(state.articleEl.querySelector('.cr-content'))) {
        if (b.getBoundingClientRect().bottom > top + 8) return b;
      }
      return null;
    }

    function onStoryClick(ev) {
      if (!('crReading' in marks) || voices.status !== 'ready') return;
      if (ev.target.closest?.('a, button, .cr-controls')) return;
      if (!doc.getSelection()?.isCollapsed) return; // the reader is selecting text
      const block = speaker.blockAt(ev.target);
      if (block) speaker.play(block);
    }

    return {
      body: [
        h('div', { class: 'cr-row' }, h('div', { class: 'cr-stepper' }, playBtn, stopBtn)),
        h('div', { class: 'cr-row' }, h('label', { class: 'cr-label', for: rateSel.id, text: 'Speed' }), rateSel),
        h('div', { class: 'cr-row' }, h('label', { class: 'cr-label', for: voiceSel.id, text: 'Voice' }), voiceSel),
        speechHint,
      ],
      speaker,
      mount(btn) {
        opener = btn;
        voicesChanged(voices.status);
        speechChanged('idle');
        state.container.addEventListener('click', onStoryClick);
      },
      opened: () => (marks.crReading = ''),
      closed() {
        if (speaker.status === 'idle') delete marks.crReading;
      },
      actions: {
        read: () => readAloud(() => {
          if (speaker.status === 'idle') speaker.play(firstVisibleBlock());
          else speaker.toggle();
          // Only what did happen: a story with nothing to read stays idle.
          if (speaker.status !== 'idle') announce(speaker.status === 'playing' ? 'Reading aloud' : 'Reading paused');
        }),
      },
      destroy() {
        speaker.stop();
        state.container.removeEventListener('click', onStoryClick);
        synth?.removeEventListener?.('voiceschanged', fillVoices);
        voices.stop();
      },
    };
  },
};
