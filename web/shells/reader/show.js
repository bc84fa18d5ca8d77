// show.js — what the bookmarklet's reader window (read.js) and the
// extension's reader tab (extension/reader-tab.js) share once a page has
// arrived: cleaning it, or just its selection, in the engine the shell
// gives, showing it in the reading view, and saying in plain words why not.
// How the page arrives is each shell's own business.
//
// State for people and tests: body[data-state] is waiting → cleaning →
// done | error; body[data-source] says where the page came from;
// body[data-removed] how many blocks were removed; body[data-scope] is
// page | selection; body[data-pages] counts the pages this window received
// and body[data-reader-id], random per document, tells a reused window from
// a new one; body[data-handed] is "yes" when the article came cleaned.

import { mountView } from '../../view/view.js';
import { isArrival } from '../kit/messages.js';
import { createStatus } from '../kit/status.js';
import { startProgress } from '../kit/progress.js';

/**
 * @typedef {object} Engine a cleaner for the reader
 * @property {() => Promise<unknown>} start loads it (again a no-op once loaded)
 * @property {(html: string, url: string | undefined, options: object) => Promise<{article: object}>} clean
 */

/**
 * Starts the reader on this page (read.html) and loads the engine, so it is
 * warm by the time the page arrives.
 * @param {object} o
 * @param {Engine} o.engine
 * @param {object} [o.storage] where the view keeps its settings; the view's own default when absent
 * @param {(page: object) => void} [o.onPage] runs as each page arrives, before it is shown, for a
 *   shell's own note about it
 * @returns {{showPage(page: object): Promise<void>, showFirst(arrival: Promise<object>): void,
 *   setSource(source: string): void}}
 */
export function startReader({ engine, storage, onPage = () => {} }) {
  const $ = (id) => document.getElementById(id);
  const ui = {
    status: $('status'),
    scope: $('scope'),
    message: $('message'),
    messageHelp: $('message-help'), // the paste fallback, where the page has one
    view: $('view'),
  };
  const status = createStatus({ status: ui.status, box: ui.message, text: $('message-text') });

  let current = null; // the page on screen {html, url, selectionHtml}, kept for the selection toggle
  let whole = null; // the whole page's article, for the selection's header
  let view = null; // the mounted reading view
  let pages = 0; // pages received in this window
  let showing = 0; // the latest show(), so a slower earlier one does not win

  engine.start().catch(() => {}); // loading starts now; failures are reported when cleaning
  // Not crypto.randomUUID: that needs a secure context, and a self-hosted
  // reader may be served over plain http.
  document.body.dataset.readerId = Math.random().toString(36).slice(2, 10);
  document.body.dataset.pages = '0';
  ui.scope.addEventListener('click', () => show(document.body.dataset.scope === 'page' ? 'selection' : 'page'));

  // showPage shows a page newly received in this window.
  function showPage(page) {
    current = page;
    whole = null;
    pages += 1;
    document.body.dataset.pages = String(pages);
    onPage(page);
    return show('page', page.article);
  }

  // show cleans the whole page or just the selection and renders it; an
  // article handed over already cleaned is rendered as it is.
  async function show(scope, handed) {
    const seq = ++showing;
    const page = current;
    status.setState('cleaning');
    document.body.dataset.scope = scope;
    document.body.dataset.handed = handed ? 'yes' : 'no';
    ui.message.hidden = true;
    const progress = startProgress(ui.status, handed ? 'Showing the article' : 'Loading the cleaner');
    try {
      let article = handed;
      if (!article) {
        await engine.start();
        progress.step(scope === 'page' ? 'Cleaning the page' : 'Cleaning the selection');
        const html = scope === 'page' ? page.html : selectionPage(page.selectionHtml, whole ?? {});
        ({ article } = await engine.clean(html, page.url, { blockRemoteImages: false }));
      }
      if (seq !== showing) {
        progress.stop();
        return; // a newer page or scope is on its way
      }
      if (scope === 'page') whole = article;
      // Once the user has switched images on for this page, the other scope
      // keeps them on.
      if (page.fromAddress && view && !view.blockRemoteImages) page.imagesAllowed = true;
      progress.step('Showing the article'); // a very long story takes a moment to lay out
      view?.destroy();
      // Remote images are shown by default here (the view's switch can
      // block them), except for a page anyone's link could have put in the
      // address.
      view = await mountView(ui.view, article, {
        blockRemoteImages: false,
        startBlocked: Boolean(page.fromAddress && !page.imagesAllowed),
        storage,
      });
      document.title = `${article.title || 'Untitled'} — cleanread`;
      const removed = article.removed?.length ?? 0;
      document.body.dataset.removed = String(removed);
      progress.done(
        [
          scope === 'page' ? 'Whole page' : 'Selection only',
          `${removed} ${removed === 1 ? 'block' : 'blocks'} removed`,
          `${(article.wordCount ?? 0).toLocaleString()} words`,
        ].join(' · '),
      );
      ui.scope.hidden = !page.selectionHtml;
      if (page.selectionHtml) ui.scope.textContent = scope === 'page' ? 'Clean just the selection' : 'Show the whole page';
      status.setState('done');
    } catch (err) {
      progress.stop();
      if (seq !== showing) return;
      if (scope === 'selection') {
        document.body.dataset.scope = 'page'; // the whole page stays on screen
        if (err?.code === 'not_article') err = { code: 'selection_short' };
      }
      fail(err, { keepView: scope === 'selection' });
    }
  }

  // fail shows a plain sentence for err.code; the technical text goes to
  // the console only.
  function fail(err, { keepView = false } = {}) {
    const code = status.showError(err);
    const arrived = !isArrival(code);
    // The paste fallback helps whenever the page itself did not arrive.
    if (ui.messageHelp) ui.messageHelp.hidden = arrived;
    if (!keepView) ui.view.replaceChildren();
    status.setStatus(arrived ? 'Cleaning failed.' : 'No page to clean.');
    status.setState('error');
  }

  return {
    showPage,
    // showFirst shows the page arrival resolves to, or why there is none,
    // unless a page came another way meanwhile.
    showFirst: (arrival) =>
      arrival.then(
        (page) => {
          if (pages === 0) return showPage(page);
        },
        (err) => {
          if (pages === 0) fail(err);
        },
      ),
    setSource: (source) => {
      document.body.dataset.source = source;
    },
  };
}

// selectionPage wraps the selected HTML in a page the cleaner can read,
// with the whole page's title, site, author and date.
function selectionPage(selectionHtml, { title = '', siteName = '', byline = '', publishedTime = '' }) {
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const meta = (attr, name, value) => (value ? `<meta ${attr}="${name}" content="${esc(value)}">` : '');
  return `<!DOCTYPE html><html><head><title>${esc(title)}</title>${meta('property', 'og:site_name', siteName)}${meta('name', 'author', byline)}${meta('property', 'article:published_time', publishedTime)}</head><body><article>${selectionHtml}</article></body></html>`;
}
