// Tests of the shell kit's status helpers and address check
// (shells/kit/status.js, shells/kit/urls.js), on stand-in elements: the
// helpers only set text, hidden and data attributes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStatus } from '../shells/kit/status.js';
import { httpURL } from '../shells/kit/urls.js';
import { sentence } from '../shells/kit/messages.js';

function page() {
  const body = { dataset: {} };
  const el = () => ({ textContent: '', hidden: false, ownerDocument: { body } });
  const box = el();
  box.hidden = true;
  return { body, status: el(), box, text: el(), detail: el() };
}

test('fail shows the sentence, the status line and the error state', () => {
  const p = page();
  const s = createStatus({ status: p.status, box: p.box, text: p.text });
  const info = console.info;
  console.info = () => {};
  try {
    assert.equal(s.fail({ code: 'not_article', message: 'no story' }, 'Cleaning failed.'), 'not_article');
  } finally {
    console.info = info;
  }
  assert.equal(p.text.textContent, sentence('not_article'));
  assert.equal(p.box.hidden, false);
  assert.equal(p.body.dataset.errorCode, 'not_article');
  assert.equal(p.body.dataset.state, 'error');
  assert.equal(p.status.textContent, 'Cleaning failed.');
  s.hideError();
  assert.equal(p.box.hidden, true);
  assert.equal(p.body.dataset.errorCode, undefined);
});

test('the sentence goes in the box itself when there is no text element', () => {
  const p = page();
  createStatus({ status: p.status, box: p.box }).showError({});
  assert.equal(p.box.textContent, sentence('internal'), 'an error without a code is internal');
  assert.equal(p.body.dataset.errorCode, 'internal');
});

test('a shell with a detail element shows the technical message there', () => {
  const p = page();
  createStatus({ status: p.status, box: p.box, text: p.text, detail: p.detail }).showError({ code: 'timeout', message: 'after 1 ms' });
  assert.equal(p.detail.textContent, 'timeout: after 1 ms');
});

test('an empty status line is hidden, a new one shown again', () => {
  const p = page();
  const s = createStatus({ status: p.status, box: p.box });
  s.setStatus('');
  assert.equal(p.status.hidden, true);
  s.setStatus('Ready.');
  assert.deepEqual([p.status.hidden, p.status.textContent], [false, 'Ready.']);
});

test('httpURL keeps http(s) addresses only', () => {
  assert.equal(httpURL('https://example.com/a?b#c'), 'https://example.com/a?b#c');
  assert.equal(httpURL('HTTP://Example.com'), 'http://example.com/');
  for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'chrome://settings', 'data:text/html,x', '', 'nope', undefined, null]) {
    assert.equal(httpURL(bad), undefined, String(bad));
  }
});
