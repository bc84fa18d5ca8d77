// bookmarklet.js — the source of the cleanread bookmarklet. build.sh turns it
// into dist/web/bookmarklet.min.js: whole-line comments and indentation
// dropped, the SNAPSHOT line replaced by web/snapshot.js. The demo page
// fetches that file, puts its own origin in place of the ORIGIN placeholder
// and offers the result as a javascript: link.
//
// On click, in the page being read (its CSP does not matter: nothing is
// injected or loaded into it, and the cleaner never runs there):
//   1. copy the page (snapshot.js: lazy images resolved, selection kept);
//   2. open ORIGIN/read.html; if the pruned copy fits in a URL, it also goes
//      in the fragment, for pages whose Cross-Origin-Opener-Policy cuts the
//      link to the new window (the reader then has no opener);
//   3. when the reader says {type: 'cleanread:ready'}, post it the page with
//      the exact target origin.
// A blocked pop-up is reported with alert(): a bookmarklet has no other way
// to speak that the page's CSP cannot block.
// Keep to whole-line comments and no template literals (see build.sh).
(function cleanreadBookmarklet() {
  var ORIGIN = '__CLEANREAD_ORIGIN__';
  var MAX_URL = 1500000;
  var page = SNAPSHOT;
  var fragment = '#page=' + encodeURIComponent(JSON.stringify({
    html: page.pruned,
    url: page.url,
    selectionHtml: page.selectionHtml
  }));
  if (fragment.length > MAX_URL) fragment = '#too-large';
  var reader = window.open(ORIGIN + '/read.html' + fragment, '_blank');
  if (!reader) {
    alert('cleanread: your browser blocked the reader window. Allow pop-ups for this site, then click the bookmarklet again.');
    return;
  }
  var done = false;
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
  };
  window.addEventListener('message', onMessage);
  setTimeout(function () {
    window.removeEventListener('message', onMessage);
  }, 60000);
})();
