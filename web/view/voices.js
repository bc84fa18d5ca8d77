// voices.js — whether this browser can read aloud at all. A browser
// may have speechSynthesis and no voice (headless browsers, a Linux desktop
// without a speech engine): speaking then does nothing and says nothing, so
// the view must know before it offers to read. Voices are often listed only
// after a while, announced by a "voiceschanged" event; until then the answer
// is "checking".

/**
 * How long to wait for a first voice before deciding there is none: long
 * enough for an engine that lists its voices late, short enough that a
 * reader who pressed Read aloud is not left waiting in silence.
 */
export const VOICE_WAIT_MS = 2000;

/** Why the view cannot read aloud, by cause: shown next to the controls and announced. */
export const noVoiceReasons = {
  'no-synthesis': 'This browser has no speech synthesis, so it cannot read aloud.',
  'no-voice': 'This browser has no voice to read with, so it cannot read aloud. Install a text-to-speech voice for your system and reload the page.',
};

/**
 * Watches the voices of win.speechSynthesis. Returns {status, reason,
 * settled, stop()}: status is 'ready', 'none' or 'checking'; reason is a
 * key of noVoiceReasons when status is 'none'; settled resolves to true
 * (ready) or false (none) once that is known. onChange(status) is called
 * when status changes after watchVoices has returned.
 */
export function watchVoices(win, onChange = () => {}, { waitMs = VOICE_WAIT_MS } = {}) {
  const synth = win.speechSynthesis;
  const has = () => (synth?.getVoices?.() ?? []).length > 0;
  const w = { status: 'checking', reason: '', settled: null, stop };
  let resolve;
  w.settled = new Promise((r) => (resolve = r));
  let timer = 0;
  let started = false;

  function settle(status, reason = '') {
    const changed = w.status !== status;
    w.status = status;
    w.reason = reason;
    clearTimeout(timer);
    resolve(status === 'ready');
    if (changed && started) onChange(status);
  }
  // A voice that appears after the wait (an engine that was slow to start)
  // still makes the view able to read.
  function onVoices() {
    if (has()) settle('ready');
  }
  function stop() {
    clearTimeout(timer);
    synth?.removeEventListener?.('voiceschanged', onVoices);
  }

  if (!synth || typeof win.SpeechSynthesisUtterance !== 'function') {
    settle('none', 'no-synthesis');
    started = true;
    return w;
  }
  synth.addEventListener?.('voiceschanged', onVoices);
  if (has()) settle('ready');
  else timer = setTimeout(() => (has() ? settle('ready') : settle('none', 'no-voice')), waitMs);
  started = true;
  return w;
}
