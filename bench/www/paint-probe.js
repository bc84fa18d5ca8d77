// paint-probe.js — bench only, never shipped. The bench serves its copies of
// the shells' pages (read.html, popup.html) with this classic script first in
// <head>, for both engines alike. It records when body[data-state] changes
// (with body[data-pages] and body[data-error-code]) and, for done and error,
// the animation frame after: the moment the story is painted (and whether
// the page was hidden then, as a tab behind another is). Times are on
// the page's clock as Unix milliseconds (performance.timeOrigin +
// performance.now()); the Go side maps them onto its own clock.
//
//   window.__benchMarks               every change seen, in order
//   window.__benchPainted(pages)      resolves with the first done or error
//                                     mark painted with body[data-pages] =
//                                     pages ('' for any)
(function () {
  'use strict';
  var now = function () {
    return performance.timeOrigin + performance.now();
  };
  var marks = [];
  var waiters = [];
  var last = '';

  function find(pages) {
    for (var i = 0; i < marks.length; i++) {
      var m = marks[i];
      if (m.paintedAt && (pages === '' || m.pages === pages)) return m;
    }
    return null;
  }

  function settle() {
    waiters = waiters.filter(function (w) {
      var m = find(w.pages);
      if (m) w.resolve(m);
      return !m;
    });
  }

  function see() {
    var b = document.body;
    if (!b) return;
    var key = (b.dataset.state || '') + '|' + (b.dataset.pages || '');
    if (key === last) return;
    last = key;
    var m = { state: b.dataset.state || '', pages: b.dataset.pages || '', at: now(), paintedAt: 0, code: '', hidden: false };
    marks.push(m);
    if (m.state === 'done' || m.state === 'error') {
      m.code = b.dataset.errorCode || '';
      requestAnimationFrame(function () {
        m.paintedAt = now();
        m.hidden = document.hidden;
        settle();
      });
    }
  }

  // Watch the body's attributes only, not the whole tree: the view's own
  // mutations would otherwise queue records while the story renders.
  var onBody = new MutationObserver(see);
  var watch = function () {
    if (!document.body) return false;
    onBody.observe(document.body, { attributes: true, attributeFilter: ['data-state', 'data-pages'] });
    see();
    return true;
  };
  if (!watch()) {
    var forBody = new MutationObserver(function () {
      if (watch()) forBody.disconnect();
    });
    forBody.observe(document.documentElement, { childList: true });
  }

  window.__benchMarks = marks;
  window.__benchPainted = function (pages) {
    return new Promise(function (resolve) {
      var m = find(pages || '');
      if (m) resolve(m);
      else waiters.push({ pages: pages || '', resolve: resolve });
    });
  };
})();
