// reader-tab.js — the extension's reader tab (read.html inside the
// extension). It shows the page the popup or the keyboard shortcut stored
// in storage.session under the key in #ext=<key>, with the popup's article
// when it has one (shown as it is, not cleaned again); #ext-error=<code>
// says why there is none. The cleaning is done by the extension's shared
// engine (engine-link.js), warm from the popup, never by a cleaner of this
// page's own; the showing is the bookmarklet reader's (reader/show.js).
//
// State for tests: body[data-source] is "extension"; body[data-engine-id]
// and body[data-engine-cleans] name the shared engine and how many pages
// it has cleaned; the rest is described in reader/show.js.

import { connect } from './engine-link.js';
import { chromeStorageAdapter } from '../../view/view.js';
import { checkPage } from '../reader/page.js';
import { startReader } from '../reader/show.js';

const api = globalThis.browser ?? globalThis.chrome;

const reader = startReader({
  engine: sharedEngine(),
  // The view's settings live in the extension's storage, shared by its pages.
  storage: api?.storage?.local ? chromeStorageAdapter(api.storage.local) : undefined,
});
reader.setSource('extension');
reader.showFirst(fromStorage(location.hash));

// sharedEngine is the extension's shared cleaner, noting in the page which
// engine answered and how many pages it has cleaned.
function sharedEngine() {
  const link = connect();
  const note = (res) => {
    document.body.dataset.engineId = res.engineId;
    document.body.dataset.engineCleans = String(res.cleans);
    return res;
  };
  return {
    start: async () => note(await link.start()),
    clean: async (html, url, options) => note(await link.clean(html, url, options)),
  };
}

// fromStorage reads the page the popup or the shortcut stored.
async function fromStorage(hash) {
  if (hash) history.replaceState(null, '', location.pathname + location.search);
  const params = new URLSearchParams(hash.slice(1));
  if (params.has('ext-error')) throw { code: params.get('ext-error') };
  const key = params.get('ext');
  if (!key || !api?.storage?.session) throw { code: 'nothing' };
  // Put the key back so that reloading this tab shows the page again.
  history.replaceState(null, '', `${location.pathname}#ext=${encodeURIComponent(key)}`);
  const stored = (await api.storage.session.get(key))[key];
  const { article, ...rest } = stored ?? {};
  const page = stored && checkPage({ type: 'cleanread:page', ...rest });
  if (!page) throw { code: 'gone' };
  if (article && typeof article === 'object' && typeof article.content === 'string') page.article = article;
  return page;
}
