// arrival.js — plain sentences for the ways a page can fail to reach the
// cleaner (the bookmarklet's hand-over, the extension reading a tab). Codes
// of the cleaner itself are in messages.js.

export const arrival = {
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
