// read.js — the bookmarklet's reader window (read.html). It cleans one page
// in a worker of its own and shows the reading view (show.js). The page
// comes from one of two places:
//
//   1. The bookmarklet's window (window.opener): this page posts
//      {type: 'cleanread:ready'} to it and accepts exactly one message of the
//      shape {type: 'cleanread:page', html, url, selectionHtml?} (page.js),
//      only from window.opener, and only from the origin of that url.
//      Later clicks of the bookmarklet find this window by its name and reuse
//      it with its cleaner warm: any window may ask {type: 'cleanread:ping'};
//      this page answers 'cleanread:ready' to it alone, then accepts one page
//      from that window, again only from the origin of the page's url.
//   2. The URL fragment #page=<JSON {html, url, selectionHtml}>: the
//      bookmarklet's pruned copy, for pages whose Cross-Origin-Opener-Policy
//      leaves this window without an opener. It is read once and cleared
//      with history.replaceState. #too-large says the copy did not fit.
//      Any link can open this page with a fragment of its author's choosing,
//      so such a page says where it claims to come from (#origin) and
//      starts with remote images blocked.
//
// body[data-source] is message | fragment; the rest of the page's state is
// described in show.js.

import { init, clean } from '../../engine/cleanread.js';
import { checkPage } from './page.js';
import { startReader } from './show.js';

/** How long the reader waits for the bookmarklet's message. */
const WAIT_MS = 10_000;
/** With a copy in the fragment too, how long to wait for the full page. */
const WAIT_WITH_COPY_MS = 3_000;

const origin = document.getElementById('origin');
const reader = startReader({ engine: pageEngine(), onPage: showOrigin });
let asker = null; // the window that pinged last, whose page is awaited

window.addEventListener('message', onLaterPage);
reader.showFirst(receive());

// pageEngine is this page's own cleaner, in a worker of its own.
function pageEngine() {
  const loaded = init();
  return {
    start: () => loaded,
    clean: async (html, url, options) => ({ article: await clean(html, { ...options, url }) }),
  };
}

// receive resolves with the page to clean, or rejects with {code}.
async function receive() {
  document.getElementById('demo-link').href = new URL('./', location.href).href;
  const hash = location.hash;
  if (hash) history.replaceState(null, '', location.pathname + location.search);

  const copy = hash.startsWith('#page=') ? parseCopy(hash.slice('#page='.length)) : null;
  if (window.opener) {
    try {
      const page = await fromOpener(copy ? WAIT_WITH_COPY_MS : WAIT_MS);
      reader.setSource('message');
      return page;
    } catch (err) {
      if (!copy) throw err;
    }
  }
  if (copy) {
    reader.setSource('fragment');
    return { ...copy, fromAddress: true };
  }
  throw { code: hash === '#too-large' ? 'too_large_handover' : 'nothing' };
}

// showOrigin names, for a page that came in the address, the origin its
// link claims; nothing vouches for it, so the line says so.
function showOrigin(page) {
  origin.hidden = !page.fromAddress;
  if (!page.fromAddress) return;
  const host = page.url ? new URL(page.url).host : '';
  const claim = host ? `it says it is from ${host}, but cleanread can't check that` : 'it does not say where it is from';
  origin.textContent = `This page came in the reader's address, which any link can fill: ${claim}. Remote images are blocked until you switch them on.`;
}

// onLaterPage answers a bookmarklet that found this window by its name, and
// shows the page it then posts.
function onLaterPage(ev) {
  if (!ev.source || !ev.data || typeof ev.data !== 'object') return;
  if (ev.data.type === 'cleanread:ping') {
    asker = ev.source;
    try {
      // Only the asker's origin may see it: it says this reader is open.
      ev.source.postMessage({ type: 'cleanread:ready' }, ev.origin);
    } catch {
      asker = null; // an opaque origin cannot be answered exactly
    }
    return;
  }
  if (ev.source !== asker) return;
  const page = checkPage(ev.data, ev.origin);
  if (!page) return;
  asker = null;
  reader.setSource('message');
  reader.showPage(page);
}

// fromOpener says "ready" to the bookmarklet's window and waits for the page.
function fromOpener(waitMs) {
  const opener = window.opener;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      window.removeEventListener('message', onMessage);
      reject({ code: 'no_answer' });
    }, waitMs);
    function onMessage(ev) {
      if (ev.source !== opener) return;
      const page = checkPage(ev.data, ev.origin);
      if (!page) return;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve(page);
    }
    window.addEventListener('message', onMessage);
    // The ready message carries nothing, so any origin may see it.
    opener.postMessage({ type: 'cleanread:ready' }, '*');
  });
}

// parseCopy reads the fragment's copy of the page, or returns null.
function parseCopy(encoded) {
  try {
    const data = JSON.parse(decodeURIComponent(encoded));
    return checkPage({ type: 'cleanread:page', ...data });
  } catch {
    return null;
  }
}
