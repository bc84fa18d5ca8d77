import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeHTML, readHTMLFile } from '../shells/demo/file-text.js';

const bytes = (...parts) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

test('UTF-8 without a declaration', () => {
  assert.equal(decodeHTML(new TextEncoder().encode('<p>Grüße — “quotes”</p>')), '<p>Grüße — “quotes”</p>');
});

test('a byte order mark wins', () => {
  assert.equal(decodeHTML(bytes([0xef, 0xbb, 0xbf], '<p>', [0xc3, 0xa9], '</p>')), '<p>é</p>');
  assert.equal(decodeHTML(bytes([0xff, 0xfe], [0x3c, 0, 0x70, 0, 0x3e, 0])), '<p>');
});

test('<meta charset> is honoured', () => {
  // Greek in ISO-8859-7: 0xe1 is alpha, which UTF-8 or windows-1252 would not give.
  const html = bytes('<meta charset="iso-8859-7"><p>', [0xe1, 0xe2], '</p>');
  assert.equal(decodeHTML(html), '<meta charset="iso-8859-7"><p>αβ</p>');
  const equiv = bytes('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>', [0xe9], '</p>');
  assert.match(decodeHTML(equiv), /<p>é<\/p>$/);
});

test('invalid UTF-8 without a declaration falls back to windows-1252', () => {
  assert.equal(decodeHTML(bytes('<p>na', [0xef], 've</p>')), '<p>naïve</p>');
});

test('an unknown declared label falls back to UTF-8', () => {
  assert.equal(decodeHTML(bytes('<meta charset="x-nonsense"><p>ok</p>')), '<meta charset="x-nonsense"><p>ok</p>');
});

test('readHTMLFile reads a Blob', async () => {
  assert.equal(await readHTMLFile(new Blob(['<p>π</p>'])), '<p>π</p>');
});
