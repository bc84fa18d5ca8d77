// grab.js — reads the page of a tab for the extension and hands it to the
// reader tab. The popup and the background script (Chromium's service worker,
// Firefox's background page) both bundle it.
//
// Reading a tab needs the activeTab grant that a click on the toolbar button
// or the keyboard shortcut gives; there are no host permissions. Errors are
// thrown as {code, message}; the codes have sentences in kit/messages.js.
export const grab = (function () {
  var api = globalThis.browser || globalThis.chrome;
  // Pages no extension may read, whatever its permissions.
  var RESTRICTED = /^(chrome|edge|brave|opera|vivaldi|about|chrome-extension|moz-extension|view-source|devtools|chrome-search|chrome-untrusted|data|blob):|^https:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons)(\/|$)/i;
  // How many stored pages to keep for reader tabs (storage.session is
  // cleared when the browser closes).
  var KEEP = 5;

  // snapshot resolves with {html, url, title, selectionHtml} of tab.
  async function snapshot(tab) {
    if (!tab || typeof tab.id !== 'number') throw { code: 'unreadable', message: 'no active tab' };
    var url = tab.url || '';
    if (RESTRICTED.test(url)) throw { code: 'restricted', message: url };
    var results;
    try {
      results = await api.scripting.executeScript({ target: { tabId: tab.id }, files: ['snapshot.js'] });
    } catch (err) {
      var code = /^file:/i.test(url) ? 'file_access' : 'restricted';
      throw { code: code, message: String((err && err.message) || err) };
    }
    var page = results && results[0] && results[0].result;
    if (!page || typeof page.html !== 'string') throw { code: 'unreadable', message: 'the page gave no HTML' };
    if (page.contentType === 'application/pdf') throw { code: 'pdf', message: page.url };
    return { html: page.html, url: page.url, title: page.title, selectionHtml: page.selectionHtml || '' };
  }

  // store keeps page in storage.session for a reader tab and returns its key;
  // with article (the page already cleaned) the reader tab shows it without
  // cleaning again. An article too large to keep too is left out: the
  // reader tab then cleans the page itself.
  async function store(page, article) {
    var key = 'page-' + Date.now() + '-' + Math.random().toString(36).slice(2, 10);
    var all = await api.storage.session.get(null);
    var old = Object.keys(all).filter(function (k) { return k.indexOf('page-') === 0; }).sort();
    if (old.length >= KEEP) await api.storage.session.remove(old.slice(0, old.length - KEEP + 1));
    var item = {};
    item[key] = { html: page.html, url: page.url, selectionHtml: page.selectionHtml };
    if (article) {
      item[key].article = article;
      try {
        await api.storage.session.set(item);
        return key;
      } catch (err) {
        delete item[key].article;
      }
    }
    try {
      await api.storage.session.set(item);
    } catch (err) {
      throw { code: 'too_large_tab', message: String((err && err.message) || err) };
    }
    return key;
  }

  // openReader opens the reader tab next to tab: with the stored page, or
  // with the reason there is none.
  async function openReader(tab, hash) {
    var props = { url: api.runtime.getURL('read.html#' + hash) };
    if (tab && typeof tab.index === 'number') props.index = tab.index + 1;
    return api.tabs.create(props);
  }

  return { snapshot: snapshot, store: store, openReader: openReader };
})();
