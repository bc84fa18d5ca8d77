// bookmarklet.js — the source of the cleanread bookmarklet. internal/build
// bundles it with snapshot.js into dist/web/bookmarklet.min.js, one minified
// classic script. The demo page fetches that file, puts its own origin in
// place of the ORIGIN placeholder and offers the result as a javascript: link.
//
// On click, in the page being read (its CSP does not matter: nothing is
// injected or loaded into it, and the cleaner never runs there):
//   1. copy the page (snapshot.js: lazy images resolved, selection kept);
//   2. look up the reader window by its name: window.open('', NAME) returns
//      an open reader without reloading it, or a fresh about:blank window;
//   3. ask it {type: 'cleanread:ping'} with the exact target origin: a
//      reader of ours answers {type: 'cleanread:ready'} and keeps its warm
//      cleaner; a blank window drops the ping, its origin being another;
//   4. a window just created (blank, of this page's origin) is navigated at
//      once; otherwise, with no answer within PING_MS, navigate the window to
//      ORIGIN/read.html; if the pruned copy fits in a URL, it also goes in
//      the fragment, for pages whose Cross-Origin-Opener-Policy cuts the
//      link to the new window (the reader then has no opener), and the
//      fresh reader says 'cleanread:ready' on its own;
//   5. on 'cleanread:ready', post it the page with the exact target origin.
// A blocked pop-up is reported with alert(): a bookmarklet has no other way
// to speak that the page's CSP cannot block.
import { takeSnapshot } from './snapshot.js';

(function cleanreadBookmarklet() {
  var ORIGIN = '__CLEANREAD_ORIGIN__';
  var NAME = 'cleanread-reader';
  var MAX_URL = 1500000;
  // Long enough for a warm reader to answer, short enough not to be felt.
  var PING_MS = 400;
  var page = takeSnapshot();
  var fragment = '#page=' + encodeURIComponent(JSON.stringify({
    html: page.pruned,
    url: page.url,
    selectionHtml: page.selectionHtml
  }));
  if (fragment.length > MAX_URL) fragment = '#too-large';
  var reader = window.open('', NAME);
  if (!reader) {
    alert('cleanread: your browser blocked the reader window. Allow pop-ups for this site, then click the bookmarklet again.');
    return;
  }
  var done = false;
  var reloaded = false;
  var onMessage = function (ev) {
    if (done || ev.source !== reader || ev.origin !== ORIGIN) return;
    if (!ev.data || ev.data.type !== 'cleanread:ready') return;
    done = true;
    window.removeEventListener('message', onMessage);
    reader.postMessage({
      type: 'cleanread:page',
      html: page.html,
      url: page.url,
      selectionHtml: page.selectionHtml
    }, ORIGIN);
    // A reused window may sit behind this one; a new one is in front already.
    if (!reloaded) reader.focus();
  };
  var load = function () {
    if (done || reloaded) return;
    reloaded = true;
    reader.location.href = ORIGIN + '/read.html' + fragment;
  };
  // A window that was just created is a blank page of this page's own
  // origin, so its address can be read: load the reader at once instead of
  // waiting for a ping nobody will answer. A reader of ours is of another
  // origin, and reading its address throws.
  var blank = false;
  try {
    blank = reader.location.href === 'about:blank';
  } catch (e) {
    blank = false;
  }
  window.addEventListener('message', onMessage);
  if (blank) {
    load();
  } else {
    reader.postMessage({ type: 'cleanread:ping' }, ORIGIN);
    setTimeout(load, PING_MS);
  }
  setTimeout(function () {
    window.removeEventListener('message', onMessage);
  }, 60000);
})();
