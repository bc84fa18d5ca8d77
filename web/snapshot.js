// snapshot.js — takes a copy of the page it runs in: {html, url, title,
// contentType, selectionHtml, pruned}. A plain script, not a module: its value is the value of its
// last expression, which is how both ways in use it.
//   - The extension injects it with chrome.scripting.executeScript({files}).
//   - build.sh pastes it into the bookmarklet (web/bookmarklet.js, SNAPSHOT).
//
// It never changes the live page: the copy is made in an inert document (no
// browsing context, so nothing in it loads or runs), and lazy images are
// resolved in the copy from the live images (currentSrc, data-src,
// data-srcset). pruned is the copy without script (except JSON-LD metadata),
// style, svg, iframe and comments: small enough to travel in a URL. It is
// made from nodes, not by parsing a string, so pages that enforce Trusted
// Types do not stop it. Keep to whole-line comments and no template literals: the
// bookmarklet build strips comment lines and indentation.
(function cleanreadSnapshot() {
  var doc = document;
  var inert = doc.implementation.createHTMLDocument('');
  var root = inert.importNode(doc.documentElement, true);
  var abs = function (u) {
    try {
      return new URL(u, doc.baseURI).href;
    } catch (e) {
      return '';
    }
  };
  var placeholder = function (u) {
    return !u || /^data:/i.test(u) || /(blank|placeholder|spacer|lazy|transparent|pixel)[^/]*\.(gif|png|svg)/i.test(u);
  };
  var live = doc.querySelectorAll('img');
  var copies = root.querySelectorAll('img');
  for (var i = 0; i < live.length && i < copies.length; i++) {
    var img = live[i];
    var copy = copies[i];
    var lazy = img.getAttribute('data-src') || img.getAttribute('data-lazy-src') || img.getAttribute('data-original');
    var src = img.currentSrc || img.src;
    if (placeholder(src) && lazy) src = abs(lazy);
    if (src && !placeholder(src)) copy.setAttribute('src', src);
    var lazySet = img.getAttribute('data-srcset') || img.getAttribute('data-lazy-srcset');
    if (lazySet && !img.getAttribute('srcset')) copy.setAttribute('srcset', lazySet);
  }
  var sources = root.querySelectorAll('source[data-srcset]');
  for (var j = 0; j < sources.length; j++) {
    if (!sources[j].getAttribute('srcset')) sources[j].setAttribute('srcset', sources[j].getAttribute('data-srcset'));
  }
  var selectionHtml = '';
  var sel = window.getSelection ? window.getSelection() : null;
  if (sel && !sel.isCollapsed && sel.rangeCount > 0) {
    var box = inert.createElement('div');
    for (var k = 0; k < sel.rangeCount; k++) box.appendChild(inert.importNode(sel.getRangeAt(k).cloneContents(), true));
    if (box.textContent.trim().length > 0) selectionHtml = box.innerHTML;
  }
  var html = '<!DOCTYPE html>' + root.outerHTML;
  var drop = root.querySelectorAll('script:not([type="application/ld+json"]), style, svg, iframe, noscript, template, link');
  for (var d = 0; d < drop.length; d++) drop[d].remove();
  var walker = inert.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  var comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (var c = 0; c < comments.length; c++) comments[c].remove();
  var styled = root.querySelectorAll('[style]');
  for (var s = 0; s < styled.length; s++) styled[s].removeAttribute('style');
  return {
    html: html,
    url: location.href,
    title: doc.title,
    contentType: doc.contentType,
    selectionHtml: selectionHtml,
    pruned: '<!DOCTYPE html>' + root.outerHTML
  };
})();
