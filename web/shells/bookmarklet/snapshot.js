// snapshot.js — takeSnapshot() copies the page it runs in: {html, url, title,
// contentType, selectionHtml, pruned}. Two ways in use it, both built by
// internal/build from this module:
//   - the bookmarklet (bookmarklet.js) bundles it into its javascript: link;
//   - the extension injects snapshot.js, a classic script whose last
//     expression calls takeSnapshot(), with scripting.executeScript({files}):
//     the script's value is what the popup receives.
//
// It never changes the live page: the copy is made in an inert document (no
// browsing context, so nothing in it loads or runs), and lazy images are
// resolved in the copy from the live images (currentSrc, data-src,
// data-srcset). html is that copy without what the cleaner throws away
// unread (the rules below), so there is less to copy, decode and parse in the
// worker, with the same story and metadata out. pruned also drops svg,
// iframe, noscript, link and style attributes: smaller still, to travel in a
// URL, at the cost of what those carry. Both are made from nodes, not by
// parsing a string, so pages that enforce Trusted Types do not stop them.
export function takeSnapshot() {
  var doc = document;
  // What html leaves out: a selector, where, and why the cleaner makes the
  // same article without it. Where is 'head', or 'top' for head and the
  // direct children of html and body that have no class, id or role. Never
  // deeper: the cleaner's whole-page pass judges body elements by their
  // class and id (a script of id "share-js" is recorded as removed
  // clutter), weighs a block by all the text in it, script text included,
  // and looks at a block's neighbours, so taking one out from inside the
  // page can change which blocks it removes. e2e/prune_test.go checks the
  // equality over the corpora.
  var PRUNE = [
    ['script:not([type="application/ld+json"])', 'top', 'code: removed unread before the story is sought; JSON-LD is read for metadata, so it stays'],
    ['style', 'top', 'CSS: removed unread, and the cleaner computes no styles'],
    ['template', 'head', 'inert markup for scripts to clone; in body the cleaner parses its content as elements and may record them as removed clutter']
  ];
  var BARE = ':not([class]):not([id]):not([role])';
  var pruneCopy = function (root, inert) {
    for (var r = 0; r < PRUNE.length; r++) {
      var sel = PRUNE[r][0];
      var query = 'head > ' + sel;
      if (PRUNE[r][1] === 'top') query += ', :scope > ' + sel + BARE + ', body > ' + sel + BARE;
      var found = root.querySelectorAll(query);
      for (var f = 0; f < found.length; f++) found[f].remove();
    }
    // Comments, anywhere: removed unread, except one between two runs of
    // text, which would join them into one text node, and the cleaner
    // trims white space per text node when it measures a block.
    var walker = inert.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
    var comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    for (var c = 0; c < comments.length; c++) {
      var prev = comments[c].previousSibling;
      var next = comments[c].nextSibling;
      if (!(prev && prev.nodeType === 3 && next && next.nodeType === 3)) comments[c].remove();
    }
  };
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
  pruneCopy(root, inert);
  var html = '<!DOCTYPE html>' + root.outerHTML;
  var drop = root.querySelectorAll('script:not([type="application/ld+json"]), style, svg, iframe, noscript, template, link');
  for (var d = 0; d < drop.length; d++) drop[d].remove();
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
}
