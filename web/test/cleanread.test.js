// Tests of cleanread.js in worker:false mode against the built wasm
// (dist/web, written by ./build.sh).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const dist = new URL('../../dist/web/', import.meta.url);
let api;
let wasm;
let sample;

before(async () => {
  try {
    wasm = await readFile(new URL('cleanread.wasm', dist));
  } catch (err) {
    throw new Error(`dist/web/cleanread.wasm is missing: run ./build.sh first (${err.message})`);
  }
  api = await import(new URL('cleanread.js', dist));
  sample = await readFile(new URL('../shells/demo/sample.html', import.meta.url), 'utf8');
});

test('clean before init rejects with not_initialized', async () => {
  await assert.rejects(api.clean('<p>x</p>'), { name: 'CleanreadError', code: 'not_initialized' });
});

test('a failed init rejects with load_failed and may be retried', async () => {
  await assert.rejects(api.init({ worker: false, wasm: new Uint8Array([1, 2, 3]) }), {
    name: 'CleanreadError',
    code: 'load_failed',
  });
  const { version } = await api.init({ worker: false, wasm });
  assert.equal(typeof version, 'string');
  assert.notEqual(version, '');
  assert.equal(api.version, version);
  assert.equal(api.init({ worker: false, wasm }), api.init(), 'init again returns the same promise');
});

test('clean returns the sample article', async () => {
  const a = await api.clean(sample, { url: 'https://harbourcourier.example/news/night-buses' });
  assert.equal(a.title, 'Night buses to run on batteries by 2027, council confirms');
  assert.equal(a.url, 'https://harbourcourier.example/news/night-buses');
  assert.match(a.textContent, /quiet workhorse of this city/);
  assert.match(a.textContent, /night fares will remain frozen/);
  assert.ok(a.wordCount > 400, `wordCount ${a.wordCount}`);
  assert.ok(Array.isArray(a.removed));
  assert.doesNotMatch(a.content, /<script|onerror=|javascript:/i);
});

test('a page cleaned without an address takes the one it names for itself', async () => {
  const named = sample.replace('<head>', '<head><link rel="canonical" href="https://harbourcourier.example/news/night-buses">');
  assert.notEqual(named, sample, 'the sample has a <head> to name itself in');
  const guessed = await api.clean(named);
  assert.equal(guessed.url, 'https://harbourcourier.example/news/night-buses');
  assert.equal(guessed.urlSource, 'canonical');
  const given = await api.clean(named, { url: 'https://harbourcourier.example/news/night-buses' });
  assert.equal(given.urlSource, 'given');
  assert.equal(guessed.textContent, given.textContent);
});

test('the article has the JSON shape of the CLI', async () => {
  const a = await api.clean(sample);
  assert.deepEqual(Object.keys(a).sort(), [
    'byline', 'content', 'dir', 'excerpt', 'image', 'imageCaption', 'lang', 'length', 'modifiedTime', 'publishedTime',
    'readingMinutes', 'removed', 'siteName', 'textContent', 'title', 'url', 'urlSource', 'wordCount',
  ]);
});

test('errors reject with CleanreadError and a stable code', async () => {
  const cases = [
    ['', {}, 'empty'],
    ['plain words and nothing else', {}, 'not_html'],
    ['<html><body><form><input name=q></form></body></html>', {}, 'not_article'],
    [sample, { maxBytes: 1000 }, 'too_large'],
    [sample, { url: 'not a url' }, 'bad_url'],
    [sample, { teaserPass: 'yes' }, 'bad_argument'],
    [sample, { noSuchOption: true }, 'bad_argument'],
    [42, {}, 'bad_argument'],
  ];
  for (const [html, options, code] of cases) {
    await assert.rejects(api.clean(html, options), (err) => {
      assert.ok(err instanceof api.CleanreadError, `${code}: ${err}`);
      assert.equal(err.code, code, `for ${JSON.stringify(options)}: ${err.message}`);
      assert.ok(err.message.length > 0);
      return true;
    });
  }
});

test('a .gz file read as the demo reads files is named as the CLI names it', async () => {
  const { decodeHTML } = await import('../shells/demo/file-text.js');
  const { gzipSync } = await import('node:zlib');
  const text = decodeHTML(new Uint8Array(gzipSync(sample)));
  await assert.rejects(api.clean(text), (err) => {
    assert.equal(err.code, 'not_html');
    // The same words as cmd/cleanread's TestBadInputs.
    assert.match(err.message, /the input is not an HTML page: it looks like gzip-compressed data/);
    return true;
  });
});

test('a stray NUL is read as browsers read it', async () => {
  const a = await api.clean(sample.replace('<p>', '<p>\0'));
  assert.match(a.textContent, /quiet workhorse of this city/);
  assert.ok(!a.content.includes('\0'));
});

test('options reach the cleaner', async () => {
  const on = await api.clean(sample);
  const off = await api.clean(sample, { teaserPass: false });
  assert.ok(on.removed.length > 0, 'the teaser pass removed something from the sample');
  assert.equal(off.removed.length, 0, 'with the teaser pass off nothing is recorded as removed');
});

test('terminate stops the cleaner until the next init', async () => {
  api.terminate();
  assert.equal(api.version, '');
  await assert.rejects(api.clean(sample), { code: 'not_initialized' });
  await api.init({ worker: false, wasm });
  const a = await api.clean(sample);
  assert.match(a.title, /Night buses/);
});
