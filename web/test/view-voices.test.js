import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchVoices, noVoiceReasons } from '../view/voices.js';

// fakeWindow has a speechSynthesis whose voices the test sets.
function fakeWindow(voices = []) {
  const synth = new EventTarget();
  synth.voices = voices;
  synth.getVoices = () => synth.voices;
  return { speechSynthesis: synth, SpeechSynthesisUtterance: function Utterance() {} };
}

const voice = { name: 'Test', lang: 'en-GB', voiceURI: 'test' };

test('voices listed at once: ready, settled true', async () => {
  const seen = [];
  const w = watchVoices(fakeWindow([voice]), (s) => seen.push(s), { waitMs: 10 });
  assert.equal(w.status, 'ready');
  assert.equal(await w.settled, true);
  assert.deepEqual(seen, [], 'no change after the start');
  w.stop();
});

test('no voice within the wait: none, with the reason', async () => {
  const seen = [];
  const w = watchVoices(fakeWindow(), (s) => seen.push(s), { waitMs: 10 });
  assert.equal(w.status, 'checking');
  assert.equal(await w.settled, false);
  assert.equal(w.status, 'none');
  assert.equal(w.reason, 'no-voice');
  assert.ok(noVoiceReasons[w.reason]);
  assert.deepEqual(seen, ['none']);
  w.stop();
});

test('a voice that comes late, by voiceschanged, makes it ready', async () => {
  const win = fakeWindow();
  const seen = [];
  const w = watchVoices(win, (s) => seen.push(s), { waitMs: 10 });
  assert.equal(await w.settled, false);
  win.speechSynthesis.voices = [voice];
  win.speechSynthesis.dispatchEvent(new Event('voiceschanged'));
  assert.equal(w.status, 'ready');
  assert.deepEqual(seen, ['none', 'ready']);
  w.stop();
});

test('a voice during the wait settles ready before it ends', async () => {
  const win = fakeWindow();
  const w = watchVoices(win, () => {}, { waitMs: 60000 });
  win.speechSynthesis.voices = [voice];
  win.speechSynthesis.dispatchEvent(new Event('voiceschanged'));
  assert.equal(await w.settled, true);
  w.stop();
});

test('no speechSynthesis at all: none, said so', async () => {
  const w = watchVoices({}, () => {});
  assert.equal(w.status, 'none');
  assert.equal(w.reason, 'no-synthesis');
  assert.equal(await w.settled, false);
});
