// popup.js — the toolbar popup. On open: wake the extension's shared
// cleaner (engine-link.js) and read the active tab (the click gave
// activeTab) at the same time, clean the page there, show the article
// compactly with the removed count and "Open in reader tab", which hands the
// cleaned article to the reader tab. Pages the extension may not read get a
// plain sentence.
//
// State for tests: body[data-state] is reading → cleaning → done | error;
// body[data-removed] and body[data-error-code] as on the reader page;
// body[data-engine-id] and body[data-engine-cleans] name the shared engine
// that cleaned the page and how many pages it has cleaned.

import { connect } from './engine-link.js';
import { grab } from './grab.js';
import { renderArticleInSteps } from '../../view/view.js';
import { createStatus } from '../kit/status.js';
import { httpURL } from '../kit/urls.js';
import { startProgress } from '../kit/progress.js';

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const ui = { status: $('status'), open: $('open'), message: $('message'), view: $('view') };
const status = createStatus({ status: ui.status, box: ui.message });

const engine = connect(); // before the page is read: it loads meanwhile
let tab = null;
let page = null;
let article = null; // handed to the reader tab
let progress = null; // the status line's indicator while loading and cleaning

main();

async function main() {
  try {
    [tab] = await api.tabs.query({ active: true, currentWindow: true });
    page = await grab.snapshot(tab);
    status.setState('cleaning');
    progress = startProgress(ui.status, 'Loading the cleaner');
    await engine.start();
    progress.step('Cleaning the page');
    const res = await engine.clean(page.html, httpURL(page.url), { blockRemoteImages: false });
    article = res.article;
    document.body.dataset.engineId = res.engineId;
    document.body.dataset.engineCleans = String(res.cleans);
    // A preview (the reader tab has the toolbar), built in steps so a very
    // long story does not freeze the popup.
    progress.step('Showing the article');
    await renderArticleInSteps(document, article, { blockRemoteImages: false }, (root) => ui.view.replaceChildren(root));
    const removed = article.removed?.length ?? 0;
    document.body.dataset.removed = String(removed);
    progress.done(`${removed} ${removed === 1 ? 'block' : 'blocks'} removed · ${(article.wordCount ?? 0).toLocaleString()} words`);
    progress = null;
    ui.open.hidden = false;
    status.setState('done');
  } catch (err) {
    fail(err);
  }
}

ui.open.addEventListener('click', async () => {
  ui.open.disabled = true;
  try {
    const key = await grab.store(page, article);
    await grab.openReader(tab, 'ext=' + encodeURIComponent(key));
    window.close();
  } catch (err) {
    ui.open.disabled = false;
    fail(err);
  }
});

// fail shows the sentence for err in place of the status line, which has
// nothing more to say.
function fail(err) {
  progress?.stop();
  progress = null;
  status.fail(err, '');
}
