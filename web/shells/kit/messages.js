// messages.js — plain sentences for the error codes of cleanread.js, shown
// to people. The technical message stays available as detail.

const sentences = {
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
  file_unreadable: "That file couldn't be read. Choose an .html file saved from a browser.",
};

/** Returns the sentence for an error code, with a generic fallback. */
export function sentenceFor(code) {
  return sentences[code] ?? sentences.internal;
}

/** The codes that have their own sentence. */
export const knownCodes = Object.keys(sentences);
