// messages.js — every plain sentence a shell shows for an error code: the
// cleaner's own codes (cleanread.js), the ways a page can fail to reach the
// cleaner, and the few codes the shells make themselves. One table, so a
// code reads the same in every shell and no shell merges tables of its own.
// The technical message stays available as detail.

/** The cleaner's own codes, from cleanread.js and its worker. */
const cleaner = {
  empty: 'Paste some HTML first: the input is empty.',
  not_article: "This page doesn't look like an article. Try the page of a single story rather than a home, search or login page.",
  not_html: "This doesn't look like an HTML page. Paste the page's source code (its HTML), not plain text, an image or a PDF.",
  too_large: 'This page is too large to clean here.',
  bad_url: 'The page address must be a full http:// or https:// address, or left empty.',
  timeout: 'Cleaning took too long and was stopped. The page may be very large or unusually built.',
  internal: 'Something went wrong inside the cleaner. Please report this page so it can be fixed.',
  load_failed: "The cleaner couldn't be loaded. Reload the page to try again.",
  bad_argument: 'The cleaner was called the wrong way. This is a bug in the page, not in your input.',
  terminated: 'Cleaning was cancelled.',
  not_initialized: 'The cleaner is not loaded yet.',
};

/**
 * The ways a page can fail to reach the cleaner: the bookmarklet's
 * hand-over, the extension reading a tab. The reader says "No page to
 * clean" for these and offers the paste fallback.
 */
const arrival = {
  nothing: 'Nothing to read yet. Click the cleanread bookmarklet on the page you want to read.',
  // Not too_large: that is the cleaner's own code, with its own sentence.
  too_large_handover:
    'This page is too large to hand over. It blocks the link between its window and this one (Cross-Origin-Opener-Policy), and it is over the 1.5 MB that fit in an address instead.',
  no_answer: 'The page did not send its content. Click the bookmarklet again on the page you want to read.',
  restricted:
    "cleanread can't read this page: browsers keep their own pages, the extension store and the PDF viewer closed to extensions.",
  file_access:
    'To read files on your computer, turn on "Allow access to file URLs" for cleanread on the browser\'s extensions page.',
  pdf: 'cleanread reads web pages, not PDF files: this tab shows a PDF.',
  gone: 'This page is no longer available: it was kept only until the browser closed. Open cleanread on the page again.',
  too_large_tab: 'This page is too large to open in a reader tab. Read it in the popup instead.',
  unreadable: "cleanread couldn't read this page. Reload it and try again.",
};

/** Codes a shell gives of its own, for what only it does. */
const shell = {
  file_unreadable: "That file couldn't be read. Choose an .html file saved from a browser.",
  selection_short: 'The selection is too short to read as an article. Select more of the story, or read the whole page.',
};

const sentences = { ...cleaner, ...arrival, ...shell };

/**
 * Returns the sentence for an error code; an unknown code gets the
 * cleaner's generic one, so a person always reads a sentence.
 * @param {string} code
 * @returns {string}
 */
export function sentence(code) {
  return Object.hasOwn(sentences, code) ? sentences[code] : cleaner.internal;
}

/**
 * Says whether code means that the page never reached the cleaner.
 * @param {string} code
 * @returns {boolean}
 */
export function isArrival(code) {
  return Object.hasOwn(arrival, code);
}

/** The cleaner's codes that have their own sentence. */
export const cleanerCodes = Object.keys(cleaner);

/** The arrival codes (see isArrival). */
export const arrivalCodes = Object.keys(arrival);

/** Every code that has its own sentence. */
export const knownCodes = Object.keys(sentences);
