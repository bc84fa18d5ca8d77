// panels/export.js — the "Export" panel: the story as Markdown on the
// clipboard, as one HTML file with its styles and no script, or on paper.
// When the browser refuses the clipboard, the Markdown is shown selected
// for the reader to copy by hand.

import { markdownOf, copyText, standaloneHTML, download, fileNameFor, viewCSS } from '../export.js';

/** The export panel (toolbar.js says what a panel is). */
export const exportPanel = {
  name: 'export',
  label: 'Export',
  heading: 'Export',
  build({ state, doc, h, button, close }) {
    const status = h('p', { class: 'cr-hint', role: 'status' });
    const fallback = h('textarea', { class: 'cr-select', rows: '8', readonly: '', 'aria-label': 'Markdown' });
    fallback.hidden = true;

    async function copyMarkdown() {
      const md = await markdownOf(state.article, state.restored);
      state.container.dataset.crMarkdown = String(md.length);
      if (await copyText(doc, md)) {
        fallback.hidden = true;
        status.textContent = 'Copied the story as Markdown.';
      } else {
        fallback.value = md;
        fallback.hidden = false;
        fallback.focus();
        fallback.select();
        status.textContent = 'The browser did not allow copying: the Markdown is selected below — press Ctrl+C.';
      }
    }

    async function saveHTML() {
      try {
        // The file opens in the look the reader chose.
        const settingsAttrs = {};
        for (const a of doc.documentElement.attributes) if (a.name.startsWith('data-cr-')) settingsAttrs[a.name] = a.value;
        const html = await standaloneHTML({
          articleEl: state.articleEl, article: state.article, settingsAttrs,
          cssText: await viewCSS(), blockRemoteImages: state.blockRemoteImages,
        });
        download(doc, fileNameFor(state.article.title), html);
        status.textContent = 'Saved: one HTML file with the story and its styles, no script.';
      } catch (err) {
        status.textContent = `Saving failed: ${err.message}`;
      }
    }

    // The panel closes first so that it is not on the page being printed.
    const print = () => {
      close({ focusButton: false });
      doc.defaultView.print();
    };
    return {
      body: [
        h('div', { class: 'cr-menu' },
          button('Copy as Markdown', { 'data-control': 'copy-md', onclick: copyMarkdown }),
          button('Save as HTML file', { 'data-control': 'save-html', onclick: saveHTML }),
          button('Print the story', { 'data-control': 'print', onclick: print })),
        status,
        fallback,
      ],
    };
  },
};
