// Tests of the shells' one table of sentences (shells/kit/messages.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentence, isArrival, cleanerCodes, arrivalCodes, knownCodes } from '../shells/kit/messages.js';

test('every error code of the cleaner has its own sentence', () => {
  const codes = ['empty', 'not_html', 'too_large', 'not_article', 'bad_url', 'internal', 'timeout', 'load_failed',
    'bad_argument', 'terminated', 'not_initialized'];
  for (const code of codes) {
    assert.ok(cleanerCodes.includes(code), code);
    assert.match(sentence(code), /^[A-Z].*\.$/, `${code} reads as a sentence`);
  }
  assert.equal(sentence('empty'), 'Paste some HTML first: the input is empty.');
  assert.equal(sentence('not_article').startsWith("This page doesn't look like an article."), true);
  assert.equal(new Set(codes.map(sentence)).size, codes.length, 'sentences differ');
});

test('an unknown code falls back to the internal sentence', () => {
  assert.equal(sentence('no_such_code'), sentence('internal'));
  assert.equal(sentence('toString'), sentence('internal'), 'no inherited property is a sentence');
  assert.equal(isArrival('toString'), false);
});

test("the reader's arrival codes never shadow a code of the cleaner", () => {
  // The reader says "No page to clean" for an arrival code: a shared code
  // would say it for the cleaner's own error.
  for (const code of arrivalCodes) {
    assert.ok(!cleanerCodes.includes(code), `${code} is both`);
    assert.ok(isArrival(code), code);
  }
  for (const code of cleanerCodes) assert.equal(isArrival(code), false, code);
  assert.match(sentence('too_large_handover'), /too large to hand over/);
  assert.equal(sentence('too_large'), 'This page is too large to clean here.');
});

test("the shells' own codes read as sentences and are no arrival", () => {
  for (const code of ['file_unreadable', 'selection_short']) {
    assert.ok(knownCodes.includes(code), code);
    assert.notEqual(sentence(code), sentence('internal'), code);
    assert.match(sentence(code), /^[A-Z].*\.$/, code);
    assert.equal(isArrival(code), false, code);
  }
  assert.equal(new Set(knownCodes.map(sentence)).size, knownCodes.length, 'every code has a sentence of its own');
});
