// demo.js — the demo page (index.html): paste, drop or choose a page, clean
// it, show the reading view. On first load it fetches sample.html from this
// origin and cleans it, so the page shows the whole job at once.
//
// State for people and tests: body[data-state] is loading → ready →
// cleaning → done | error. Measurements, set as body data attributes:
//   data-ready-ms   ms from navigation start until the cleaner was ready
//   data-clean-ms   ms the last clean took (call to article)
//   data-show-ms    ms the reading view then took to show all of the story
//   data-removed    how many blocks the last clean removed
//   data-error-code the code of the last error
//
// The query parameters the browser tests use are read in test-hooks.js.

import { init, clean } from '../../engine/cleanread.js';
import { mountView } from '../../view/view.js';
import { createStatus } from '../kit/status.js';
import { startProgress } from '../kit/progress.js';
import { readHTMLFile } from './file-text.js';
import { testHooks } from './test-hooks.js';

const $ = (id) => document.getElementById(id);
const ui = {
  status: $('status'),
  clean: $('clean'),
  form: $('input-form'),
  panel: $('input-panel'),
  html: $('html'),
  file: $('file'),
  url: $('url'),
  sampleButton: $('load-sample'),
  error: $('error'),
  errorSentence: $('error-sentence'),
  errorDetail: $('error-detail'),
  stats: $('stats'),
  view: $('view'),
};
const { setState, setStatus, showError, hideError, fail } = createStatus({
  status: ui.status,
  box: ui.error,
  text: ui.errorSentence,
  detail: ui.errorDetail,
});

const hooks = testHooks(location.search);
const sampleURL = new URL('sample.html', location.href).href;
let busy = false;
let view = null; // the mounted reading view
let pageNamedURL = ''; // the address a page named for itself, filled into the field by the demo
let loaded = startCleaner();

wireEvents();
loadSample({ autoclean: hooks.autoclean });
offerBookmarklet();

// startCleaner loads the wasm, showing the elapsed time until it is ready.
function startCleaner() {
  setState('loading');
  const progress = startProgress(ui.status, 'Loading the cleaner');
  const p = init().then(
    ({ version }) => {
      progress.stop();
      const ms = performance.now();
      document.body.dataset.readyMs = String(Math.round(ms));
      document.body.dataset.version = version;
      if (document.body.dataset.state === 'loading') setState('ready');
      setStatus(`Ready: the cleaner loaded in ${seconds(ms)} s.`);
    },
    (err) => {
      progress.stop();
      showError(err);
      setStatus('The cleaner failed to load.');
      throw err;
    },
  );
  p.catch(() => {});
  return p;
}

// offerBookmarklet builds the bookmarklet for this origin from
// bookmarklet.min.js (built from shells/bookmarklet/bookmarklet.js) and offers it
// as a link to drag to the bookmarks bar.
async function offerBookmarklet() {
  const link = $('bookmarklet');
  try {
    const res = await fetch('bookmarklet.min.js');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const code = (await res.text()).replace('__CLEANREAD_ORIGIN__', () => location.origin);
    link.href = `javascript:${encodeURIComponent(code)}`;
  } catch {
    return; // not built: no link rather than a broken one
  }
  // Clicked here, it would only meet this page's CSP: explain instead.
  link.addEventListener('click', (ev) => {
    ev.preventDefault();
    setStatus('Drag the cleanread link to your bookmarks bar, then click the bookmark on a news page.');
  });
  $('bookmarklet-install').hidden = false;
}

function wireEvents() {
  ui.form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    runClean();
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      runClean();
    }
  });
  ui.html.addEventListener('input', () => {
    // Edited input is no longer the sample or the page that named itself:
    // their address no longer applies.
    dropStaleAddress();
  });
  ui.file.addEventListener('change', () => {
    if (ui.file.files.length) openFile(ui.file.files[0]);
  });
  ui.sampleButton.addEventListener('click', () => loadSample({ autoclean: true, replace: true }));
  ui.panel.addEventListener('dragover', (ev) => {
    if (!ev.dataTransfer?.types.includes('Files')) return;
    ev.preventDefault();
    ui.panel.classList.add('dragging');
  });
  ui.panel.addEventListener('dragleave', (ev) => {
    if (!ui.panel.contains(ev.relatedTarget)) ui.panel.classList.remove('dragging');
  });
  ui.panel.addEventListener('drop', (ev) => {
    ui.panel.classList.remove('dragging');
    const file = ev.dataTransfer?.files?.[0];
    if (!file) return;
    ev.preventDefault();
    openFile(file);
  });
}

// loadSample puts the built-in sample page in the text area, then cleans it.
async function loadSample({ autoclean, replace = false }) {
  let text;
  try {
    const res = await fetch(sampleURL);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    text = await res.text();
  } catch (err) {
    setStatus(`The sample page could not be loaded (${err.message}). Paste a page instead.`);
    return;
  }
  if (!replace && ui.html.value !== '') return; // the reader was quicker: keep their input
  ui.html.value = text;
  ui.url.value = sampleURL;
  if (autoclean) await runClean({ reveal: replace });
}

// dropStaleAddress clears the address field when it holds one the demo put
// there (the sample's, or one a page named for itself), not the reader's own.
function dropStaleAddress() {
  if (ui.url.value === sampleURL || (pageNamedURL && ui.url.value === pageNamedURL)) ui.url.value = '';
  pageNamedURL = '';
}

// fillAddressFromPage shows the address the page named for itself (its
// canonical link, og:url …) when none was typed, so the reader sees which
// address resolved its links.
function fillAddressFromPage(article) {
  if (ui.url.value.trim() !== '' || !article.url || !article.urlSource || article.urlSource === 'given') return;
  ui.url.value = article.url;
  pageNamedURL = article.url;
}

async function openFile(file) {
  try {
    ui.html.value = await readHTMLFile(file);
    // An address the reader typed stays; one the demo filled in was another page's.
    dropStaleAddress();
  } catch (err) {
    showError({ code: 'file_unreadable', message: err.message });
    setState('error');
    return;
  }
  await runClean();
}

async function runClean({ reveal = true } = {}) {
  if (busy) return;
  busy = true;
  setState('cleaning');
  hideError();
  ui.clean.disabled = true;
  let progress = null;
  try {
    // While the cleaner loads, its own indicator runs (startCleaner).
    await loaded.catch(() => {
      loaded = startCleaner(); // a failed load may be retried
      return loaded;
    });
    // A big page takes a while: the indicator says so, how big the page is
    // and for how long.
    const html = ui.html.value;
    progress = startProgress(ui.status, `Cleaning the page${sizeNote(html)}`);
    const start = performance.now();
    const article = await clean(html, {
      url: ui.url.value.trim() || undefined,
      maxBytes: hooks.maxBytes,
      timeoutMs: hooks.timeoutMs,
    });
    const ms = performance.now() - start;
    fillAddressFromPage(article);
    // A very long story takes a moment to lay out too; the page stays
    // responsive meanwhile (view.js builds it in steps).
    progress.step('Showing the article');
    view?.destroy();
    ui.view.hidden = false;
    // The demo blocks remote images by default: a pasted page's images would
    // tell their servers what is being read.
    view = await mountView(ui.view, article, { blockRemoteImages: true });
    progress.stop();
    progress = null;
    document.body.dataset.showMs = (performance.now() - start - ms).toFixed(1);
    showStats(article, ms);
    // On a narrow screen the view is below the form: bring it into sight.
    if (reveal && ui.stats.getBoundingClientRect().top > window.innerHeight) ui.stats.scrollIntoView({ block: 'start' });
    setStatus(`Cleaned in ${formatMs(ms)}.`);
    setState('done');
  } catch (err) {
    view?.destroy();
    view = null;
    ui.view.replaceChildren();
    ui.view.hidden = true;
    ui.stats.hidden = true;
    progress?.stop();
    fail(err, 'Cleaning failed.');
  } finally {
    ui.clean.disabled = false;
    busy = false;
  }
}

function showStats(article, ms) {
  const removed = article.removed?.length ?? 0;
  document.body.dataset.cleanMs = ms.toFixed(1);
  document.body.dataset.removed = String(removed);
  ui.stats.textContent = [
    `Cleaned in ${formatMs(ms)}`,
    `${removed} ${removed === 1 ? 'block' : 'blocks'} removed`,
    `${article.wordCount.toLocaleString()} words`,
  ].join(' · ');
  ui.stats.hidden = false;
}

// sizeNote is " (N MB)" for a page of a megabyte or more, so a long wait
// has its reason in sight; nothing for a smaller page.
function sizeNote(html) {
  return html.length >= 1e6 ? ` (${(html.length / 1e6).toFixed(1)} MB)` : '';
}

function seconds(ms) {
  return (ms / 1000).toFixed(1);
}

function formatMs(ms) {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${seconds(ms)} s`;
}
