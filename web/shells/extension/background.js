// background.js — the keyboard shortcut (the "open-reader" command): reads
// the active tab and opens it straight in the reader tab, without the popup;
// in Firefox also the host of the shared cleaner.
// Chromium runs it as the service worker, Firefox as the background page's
// script (see manifest.json); internal/build bundles it into one classic
// script, as service workers without "type": "module" need.
import { grab } from './grab.js';
import { ENGINE } from './engine-link.js';

var api = globalThis.browser || globalThis.chrome;

// In Firefox this is a background page, and it hosts the shared cleaner
// (engine-host.js) that Chromium keeps in an offscreen document. The
// listener is registered at once, so that a message from the popup wakes
// a suspended page; the cleaner itself loads on the first message.
if (typeof document !== 'undefined') {
  var engineHost = null;
  api.runtime.onMessage.addListener(function (msg, sender, sendResponse) {
    if (!msg || msg.to !== ENGINE) return false;
    // engine-host.js is its own file, loaded here only: the service worker
    // never holds the engine.
    engineHost = engineHost || import('./engine-host.js').then(function (host) {
      stayWhileBrowsing();
      return host;
    });
    engineHost.then(function (host) {
      return host.handle(msg, sender);
    }).then(sendResponse, function (err) {
      sendResponse({ ok: false, error: { code: 'load_failed', message: String((err && err.message) || err) } });
    });
    return true;
  });
}

// stayWhileBrowsing keeps the page, and the warm cleaner in it, up while
// the browser is in use. Firefox suspends an idle background page, and
// every event its listeners get counts as activity; tab switches and page
// loads are what browsing is made of. The listeners are added once the
// cleaner has started, not as the page starts, so Firefox does not keep
// them to wake a suspended page: an idle browser lets the page go, and the
// next popup starts it again.
function stayWhileBrowsing() {
  var activity = function () {}; // the event itself is the point
  api.tabs.onActivated.addListener(activity);
  api.tabs.onUpdated.addListener(activity, { properties: ['status'] });
}

// openReaderFor reads tab (the shortcut grants activeTab on it) and opens
// the reader tab. Exposed on self so the browser tests can call the same
// path: a headless browser has no window that receives shortcut keys.
async function openReaderFor(tab) {
  var hash;
  try {
    var page = await grab.snapshot(tab);
    hash = 'ext=' + encodeURIComponent(await grab.store(page));
  } catch (err) {
    hash = 'ext-error=' + encodeURIComponent((err && err.code) || 'unreadable');
  }
  return grab.openReader(tab, hash);
}
self.cleanreadOpenReaderFor = openReaderFor;

api.commands.onCommand.addListener(async function (command, tab) {
  if (command !== 'open-reader') return;
  if (!tab) tab = (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  await openReaderFor(tab);
});
