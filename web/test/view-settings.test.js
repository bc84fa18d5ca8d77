import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import {
  STORAGE_KEY, defaults, choices, normalize, step, nextTheme, applySettings,
  localStorageAdapter, chromeStorageAdapter, loadSettings, saveSettings,
} from '../view/settings-store.js';

// memoryStorage is a Storage look-alike (getItem/setItem) over a Map.
function memoryStorage() {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), map: m };
}

// fakeRoot records attributes like an element.
function fakeRoot() {
  const attrs = {};
  return { attrs, setAttribute: (k, v) => { attrs[k] = v; } };
}

test('normalize keeps valid values and drops the rest', () => {
  assert.deepEqual(normalize(undefined), defaults);
  assert.deepEqual(normalize('not json'), defaults);
  assert.deepEqual(normalize({ theme: 'dark', size: 9, font: 'comic', width: 0, leading: '3', extra: 1 }),
    { ...defaults, theme: 'dark', size: 9 });
  assert.deepEqual(normalize(JSON.stringify({ blockRemoteImages: false })), { ...defaults, blockRemoteImages: false });
  // A choice stored under the setting's former name is kept; the new name wins when both are there.
  assert.deepEqual(normalize({ blockImages: true }), { ...defaults, blockRemoteImages: true });
  assert.deepEqual(normalize({ blockImages: true, blockRemoteImages: false }), { ...defaults, blockRemoteImages: false });
  assert.ok(choices.size.length >= 7, 'at least seven text sizes');
});

test('step clamps at both ends and nextTheme wraps', () => {
  let s = { ...defaults, size: 1 };
  assert.equal(step(s, 'size', -1).size, 1);
  assert.equal(step(s, 'size', 1).size, 2);
  s = { ...defaults, size: 10 };
  assert.equal(step(s, 'size', 1).size, 10);
  const order = [];
  s = { ...defaults };
  for (let i = 0; i < choices.theme.length; i++) {
    s = nextTheme(s);
    order.push(s.theme);
  }
  assert.deepEqual(order, ['light', 'sepia', 'dark', 'contrast', 'auto']);
});

test('settings round-trip through localStorage', async () => {
  const store = memoryStorage();
  const adapter = localStorageAdapter(store);
  assert.deepEqual(await loadSettings(adapter), defaults);
  await saveSettings({ ...defaults, theme: 'sepia', font: 'sans', size: 7 }, adapter);
  assert.deepEqual(JSON.parse(store.map.get(STORAGE_KEY)), { ...defaults, theme: 'sepia', font: 'sans', size: 7 });
  assert.deepEqual(await loadSettings(adapter), { ...defaults, theme: 'sepia', font: 'sans', size: 7 });
});

test('a broken or throwing storage gives the defaults', async () => {
  const throwing = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('full'); } };
  assert.deepEqual(await loadSettings(localStorageAdapter(throwing)), defaults);
  await saveSettings({ ...defaults, theme: 'dark' }, localStorageAdapter(throwing)); // does not throw
  assert.deepEqual(await loadSettings({ get: async () => { throw new Error('x'); } }), defaults);
});

test('chrome.storage adapter: async area, and a localStorage mirror for the boot script', async () => {
  const data = {};
  const area = { get: async (k) => ({ [k]: data[k] }), set: async (o) => Object.assign(data, o) };
  const mirror = memoryStorage();
  globalThis.localStorage = mirror;
  try {
    const adapter = chromeStorageAdapter(area);
    await saveSettings({ ...defaults, theme: 'contrast' }, adapter);
    assert.equal(data[STORAGE_KEY].theme, 'contrast');
    assert.equal(JSON.parse(mirror.map.get(STORAGE_KEY)).theme, 'contrast', 'mirrored for first paint');
    assert.equal((await loadSettings(adapter)).theme, 'contrast');
  } finally {
    delete globalThis.localStorage;
  }
});

test('applySettings sets the data-cr-* attributes the stylesheet reads', () => {
  const root = fakeRoot();
  applySettings(root, { theme: 'dark', size: 3, font: 'mono' });
  assert.deepEqual(root.attrs, {
    'data-cr-theme': 'dark', 'data-cr-font': 'mono', 'data-cr-size': '3', 'data-cr-width': '2', 'data-cr-leading': '3',
  });
});

test('settings-boot.js applies stored settings synchronously and ignores junk', () => {
  const code = readFileSync(new URL('../view/settings-boot.classic.js', import.meta.url), 'utf8');
  const run = (stored, storageThrows = false) => {
    const root = fakeRoot();
    const localStorage = {
      getItem: () => {
        if (storageThrows) throw new Error('SecurityError');
        return stored;
      },
    };
    vm.runInNewContext(code, { document: { documentElement: root }, window: { localStorage } });
    return root.attrs;
  };
  assert.deepEqual(run(JSON.stringify({ theme: 'sepia', size: 8 })), { 'data-cr-theme': 'sepia', 'data-cr-size': '8' });
  assert.deepEqual(run(JSON.stringify({ theme: '"><img src=x>', font: { a: 1 } })), {});
  assert.deepEqual(run('{broken'), {});
  assert.deepEqual(run(null), {});
  assert.deepEqual(run('x', true), {});
});
