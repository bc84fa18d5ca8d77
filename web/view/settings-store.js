// settings-store.js — the reading view's settings: what they can be, how
// they are stored, and how they are applied to the page.
//
// Settings live on <html> as data-cr-* attributes (data-cr-theme="dark",
// data-cr-size="6", …); view.css styles .cr-view from them. settings-boot.js
// applies the same attributes from localStorage before first paint, so a
// stored theme shows without a flash of the default one.
//
// Storage is an adapter: {get(key) → value | Promise<value>, set(key, value)}
// holding plain objects. localStorageAdapter() is the web's; the extension
// can pass chromeStorageAdapter(chrome.storage.local). Whatever the adapter,
// saveSettings also mirrors to localStorage (when there is one) so that the
// boot script can paint the next page right.

/** The key settings are stored under (and the boot script reads). */
export const STORAGE_KEY = 'cleanread.view';

/** Allowed values of each setting; numbers are steps, 1-based. */
export const choices = Object.freeze({
  theme: ['auto', 'light', 'sepia', 'dark', 'contrast'],
  font: ['serif', 'sans', 'mono'],
  size: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  width: [1, 2, 3, 4],
  leading: [1, 2, 3, 4, 5],
  blockRemoteImages: [null, true, false], // null: the shell's default
});

/** The settings a first-time reader gets. */
export const defaults = Object.freeze({
  theme: 'auto',
  font: 'serif',
  size: 5,
  width: 2,
  leading: 3,
  blockRemoteImages: null,
});

/**
 * Settings stored under an older name, by their name now: a reader's stored
 * choice outlives the rename.
 */
const formerNames = Object.freeze({ blockImages: 'blockRemoteImages' });

/** Settings that are shown through <html> data attributes. */
const painted = ['theme', 'font', 'size', 'width', 'leading'];

/**
 * Returns a complete, valid settings object from anything (a stored value,
 * JSON, garbage): unknown keys are dropped, bad values fall back to defaults.
 */
export function normalize(value) {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      v = null;
    }
  }
  const out = { ...defaults };
  if (!v || typeof v !== 'object') return out;
  for (const [old, now] of Object.entries(formerNames)) {
    if (!(now in v) && old in v) v = { ...v, [now]: v[old] };
  }
  for (const key of Object.keys(defaults)) {
    if (choices[key].includes(v[key])) out[key] = v[key];
  }
  return out;
}

/** Returns settings with one step of a numeric setting taken (delta ±1), clamped. */
export function step(settings, key, delta) {
  const list = choices[key];
  const i = list.indexOf(settings[key]);
  const j = Math.min(list.length - 1, Math.max(0, i + delta));
  return { ...settings, [key]: list[j] };
}

/** Returns settings with the next theme, wrapping around. */
export function nextTheme(settings) {
  const list = choices.theme;
  return { ...settings, theme: list[(list.indexOf(settings.theme) + 1) % list.length] };
}

/** Sets the data-cr-* attributes of root (normally <html>) from settings. */
export function applySettings(root, settings) {
  const s = normalize(settings);
  for (const key of painted) root.setAttribute(`data-cr-${key}`, String(s[key]));
}

/** A storage adapter over window.localStorage (or any Storage); never throws. */
export function localStorageAdapter(store = globalThis.localStorage) {
  return {
    isLocal: true,
    get(key) {
      try {
        return JSON.parse(store?.getItem(key) ?? 'null');
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        store?.setItem(key, JSON.stringify(value));
      } catch {
        // private mode or full: the setting applies to this page only
      }
    },
  };
}

/** A storage adapter over a chrome.storage area (chrome.storage.local or .sync). */
export function chromeStorageAdapter(area) {
  return {
    async get(key) {
      const r = await area.get(key);
      return r?.[key] ?? null;
    },
    async set(key, value) {
      await area.set({ [key]: value });
    },
  };
}

/** Loads settings through storage (default: localStorage); always resolves. */
export async function loadSettings(storage = localStorageAdapter()) {
  try {
    return normalize(await storage.get(STORAGE_KEY));
  } catch {
    return { ...defaults };
  }
}

/** Saves settings through storage, mirrored to localStorage for the boot script. */
export async function saveSettings(settings, storage = localStorageAdapter()) {
  const s = normalize(settings);
  if (!storage.isLocal) localStorageAdapter().set(STORAGE_KEY, s);
  try {
    await storage.set(STORAGE_KEY, s);
  } catch {
    // the mirror still holds it
  }
  return s;
}
