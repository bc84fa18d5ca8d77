// settings-boot.js — applies the reader's stored view settings to <html>
// before the first paint, so a dark or sepia reader never sees a flash of the
// light theme. Load it as a classic, blocking script in <head>, before the
// stylesheets:  <script src="settings-boot.js"></script>
// (a file of our own origin: the CSP forbids inline script).
//
// It mirrors applySettings() in settings-store.js but cannot import it (a
// module would run after first paint). It only copies values that look like
// setting values; view.css gives meaning to the valid ones and ignores the
// rest, and settings-store.js validates properly once the view is mounted.
(function () {
  'use strict';
  var keys = ['theme', 'font', 'size', 'width', 'leading'];
  var root = document.documentElement;
  var stored = null;
  try {
    stored = JSON.parse(window.localStorage.getItem('cleanread.view') || 'null');
  } catch (e) {
    stored = null; // no storage (private mode, sandbox) or garbage: defaults
  }
  if (!stored || typeof stored !== 'object') return;
  for (var i = 0; i < keys.length; i++) {
    var v = stored[keys[i]];
    if ((typeof v === 'string' || typeof v === 'number') && /^[a-z0-9]{1,12}$/.test(String(v))) {
      root.setAttribute('data-cr-' + keys[i], String(v));
    }
  }
})();
