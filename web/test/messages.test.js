import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceFor, knownCodes } from '../shells/kit/messages.js';

test('every error code of the cleaner has its own sentence', () => {
  const codes = ['empty', 'not_html', 'too_large', 'not_article', 'bad_url', 'internal', 'timeout', 'load_failed',
    'bad_argument', 'terminated', 'not_initialized'];
  for (const code of codes) {
    assert.ok(knownCodes.includes(code), code);
    assert.match(sentenceFor(code), /^[A-Z].*\.$/, `${code} reads as a sentence`);
  }
  assert.equal(sentenceFor('empty'), 'Paste some HTML first: the input is empty.');
  assert.equal(sentenceFor('not_article').startsWith("This page doesn't look like an article."), true);
  assert.equal(new Set(codes.map(sentenceFor)).size, codes.length, 'sentences differ');
});

test('an unknown code falls back to the internal sentence', () => {
  assert.equal(sentenceFor('no_such_code'), sentenceFor('internal'));
});

test("the reader's arrival codes never shadow a code of the cleaner", async () => {
  // read.js and the popup look a code up in arrival first: a shared code
  // would show the hand-over sentence for the cleaner's own error.
  const { arrival } = await import('../shells/kit/arrival.js');
  for (const code of Object.keys(arrival)) assert.ok(!knownCodes.includes(code), `${code} is both`);
  assert.match(arrival.too_large_handover, /too large to hand over/);
  assert.equal(sentenceFor('too_large'), 'This page is too large to clean here.');
});
