// view-panels.test.js — the reading view's toolbar, built from its panel
// files on a fake document: the buttons and sections the browser tests and
// screen readers find, opening and closing, and the keys.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeDocument } from './fake-dom.js';
import { buildControls } from '../view/toolbar.js';
import { defaults } from '../view/settings-store.js';
import { shortcuts } from '../view/keys.js';

// view builds a toolbar over a story with one restorable removal and one
// removal of page clutter; updates records what state.update was given.
function view(options) {
  const doc = fakeDocument();
  const updates = [];
  let settings = defaults;
  let controls;
  const state = {
    doc,
    container: doc.createElement('div'),
    article: {
      title: 'Night buses',
      removed: [
        { rule: 'ad', label: 'Advert', tag: 'div', text: 'Buy now', html: '<p>Buy now</p>', anchor: 'cr--rm-0' },
        { rule: 'nav', label: 'Menu', text: 'Home' },
      ],
    },
    restored: new Set(),
    articleEl: null,
    blockRemoteImages: true,
    get settings() {
      return settings;
    },
    async update(next, opts) {
      updates.push([next, opts]);
      settings = next;
      controls.refresh();
    },
  };
  controls = buildControls(state, options);
  controls.refresh();
  const $ = (sel) => controls.element.querySelector(sel);
  const key = (k, props) => doc.dispatch('keydown', { key: k, ...props });
  return { doc, state, controls, updates, $, key, marks: state.container.dataset };
}

test('toolbar: one button per panel, in order, each controlling its section', () => {
  const { controls, $ } = view();
  const bar = controls.element.children[0];
  const names = bar.children.map((b) => b.dataset.control);
  assert.deepEqual(names, ['type', 'speech', 'removed', 'export', 'help']);
  for (const b of bar.children) {
    const panel = $(`[data-panel="${b.dataset.control}"]`);
    assert.equal(b.getAttribute('aria-controls'), panel.id);
    assert.equal(b.getAttribute('aria-expanded'), 'false');
    assert.ok(panel.hidden, `${panel.id} starts closed`);
    const heading = panel.children[0];
    assert.equal(heading.localName, 'h2');
    assert.equal(panel.getAttribute('aria-labelledby'), heading.id);
  }
  assert.deepEqual(bar.children.map((b) => b.getAttribute('aria-keyshortcuts')), ['+ - t', 'r', 'd', null, '?']);
  assert.equal($('[data-panel="removed"]').children[0].textContent, 'Removed by the cleaner (2)');
  assert.equal($('[data-control="removed"]').getAttribute('aria-label'), 'Removed: 2 blocks');
  assert.ok($('[data-panel="removed"]').className.includes('cr-panel-wide'));
  assert.equal(controls.element.children.at(-1).className, 'cr-live', 'the live region comes last');
});

test('toolbar: ids are unique to each toolbar', () => {
  const a = view().$('[data-panel="type"]').id;
  const b = view().$('[data-panel="type"]').id;
  assert.notEqual(a, b);
});

test('toolbar: a button opens its panel, a second click closes it and focus goes back', () => {
  const { doc, $, marks } = view();
  const btn = $('[data-control="export"]');
  btn.click();
  assert.equal(btn.getAttribute('aria-expanded'), 'true');
  assert.ok(!$('[data-panel="export"]').hidden);
  assert.equal(marks.crPanel, 'export');
  $('[data-control="type"]').click();
  assert.ok($('[data-panel="export"]').hidden, 'one panel at a time');
  $('[data-control="type"]').click();
  assert.equal(marks.crPanel, undefined);
  assert.equal(doc.activeElement, $('[data-control="type"]'));
});

test('toolbar: a click outside closes a panel, except read aloud', () => {
  const { doc, $, marks } = view();
  $('[data-control="type"]').click();
  doc.dispatch('pointerdown');
  assert.equal(marks.crPanel, undefined);
  $('[data-control="speech"]').click();
  doc.dispatch('pointerdown');
  assert.equal(marks.crPanel, 'speech');
  assert.ok('crReading' in marks, 'the story can be clicked to read from there');
});

test('toolbar: every shortcut but Escape is handled by a panel', () => {
  const { key } = view();
  for (const s of shortcuts) {
    if (s.action === 'close') continue;
    assert.ok(key(s.keys[0]).defaultPrevented, `${s.keys[0]} is handled`);
  }
  assert.ok(!key('x').defaultPrevented);
  assert.ok(!key('d', { ctrlKey: true }).defaultPrevented, 'browser keys keep working');
});

test('toolbar: keys change the settings and open panels', async () => {
  const { key, updates, $, marks } = view();
  key('+');
  key('t');
  await new Promise((r) => setTimeout(r));
  assert.equal(updates[0][0].size, defaults.size + 1);
  assert.equal(updates[1][0].theme, 'light');
  assert.equal($('output').textContent, `${defaults.size + 1} / 10`);
  key('d');
  assert.equal(marks.crPanel, 'removed');
  key('?');
  assert.equal(marks.crPanel, 'help');
  assert.ok(key('Escape').defaultPrevented);
  assert.equal(marks.crPanel, undefined);
  assert.ok(!key('Escape').defaultPrevented, 'Escape with nothing open is the page’s');
});

test('toolbar: without a voice, read aloud says so and Play is off', () => {
  const { $, marks, controls } = view();
  assert.equal(marks.crVoices, 'none');
  assert.equal($('[data-control="speech"]').getAttribute('aria-label'), 'Read aloud, not available');
  assert.ok($('[data-control="play"]').disabled);
  assert.equal(typeof controls.speaker.stop, 'function');
});

test('toolbar: without shortcuts only Escape inside the controls closes', () => {
  const { doc, controls, key, $, marks } = view({ shortcuts: false });
  assert.ok(!key('d').defaultPrevented);
  $('[data-control="help"]').click();
  controls.element.dispatch('keydown', { key: 'Escape' });
  assert.equal(marks.crPanel, undefined);
  assert.equal((doc.listeners.keydown ?? []).length, 0, 'the page’s own keys are left alone');
});

test('toolbar: destroy leaves no listener on the page', () => {
  const { doc, state, controls } = view();
  controls.destroy();
  assert.deepEqual(doc.listeners.keydown, []);
  assert.deepEqual(doc.listeners.pointerdown, []);
  assert.deepEqual(state.container.listeners.click, []);
});
