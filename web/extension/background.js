// background.js — the keyboard shortcut (the "open-reader" command): reads
// the active tab and opens it straight in the reader tab, without the popup.
// Chromium runs this as the service worker, Firefox as a background script
// after grab.js (see manifest.json).
if (typeof cleanreadGrab === 'undefined' && typeof importScripts === 'function') importScripts('grab.js');

var api = globalThis.browser || globalThis.chrome;

// openReaderFor reads tab (the shortcut grants activeTab on it) and opens
// the reader tab. Exposed on self so the browser tests can call the same
// path: a headless browser has no window that receives shortcut keys.
async function openReaderFor(tab) {
  var hash;
  try {
    var page = await cleanreadGrab.snapshot(tab);
    hash = 'ext=' + encodeURIComponent(await cleanreadGrab.store(page));
  } catch (err) {
    hash = 'ext-error=' + encodeURIComponent((err && err.code) || 'unreadable');
  }
  return cleanreadGrab.openReader(tab, hash);
}
self.cleanreadOpenReaderFor = openReaderFor;

api.commands.onCommand.addListener(async function (command, tab) {
  if (command !== 'open-reader') return;
  if (!tab) tab = (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  await openReaderFor(tab);
});
