// status.js — how every shell tells people and tests where it is: the
// page's state in body[data-state], a line in its role=status element, and
// for an error a plain sentence (messages.js) in its alert box with the code
// in body[data-error-code]. Bound once to a shell's own elements, so the
// shells differ only in which elements they have, not in how they report.

import { sentence } from './messages.js';

/**
 * Binds the status helpers to a shell's elements.
 * @param {object} els
 * @param {HTMLElement} els.status the role=status line
 * @param {HTMLElement} els.box the error box, hidden while there is no error
 * @param {HTMLElement} [els.text] where the sentence goes; the box itself by default
 * @param {HTMLElement} [els.detail] where the technical message goes, if the
 *   shell shows it; without one it goes to the console only
 */
export function createStatus({ status, box, text = box, detail }) {
  const body = status.ownerDocument.body;

  /** Sets body[data-state], the state tests and styles read. */
  const setState = (state) => {
    body.dataset.state = state;
  };

  /** Shows text on the status line; an empty text hides the line. */
  const setStatus = (line) => {
    status.textContent = line;
    status.hidden = line === '';
  };

  /**
   * Shows the sentence for err.code in the error box and returns the code
   * ('internal' when err has none). State and status line are left as
   * they are, for a shell that reports more than "error" (see fail).
   */
  const showError = (err) => {
    const code = err?.code ?? 'internal';
    body.dataset.errorCode = code;
    text.textContent = sentence(code);
    if (detail) detail.textContent = `${code}: ${err?.message ?? String(err)}`;
    else if (err?.message) console.info('cleanread:', code, err.message);
    box.hidden = false;
    return code;
  };

  /** Hides the error box and forgets the code. */
  const hideError = () => {
    box.hidden = true;
    delete body.dataset.errorCode;
  };

  /**
   * Shows err (see showError), puts line on the status line and the page
   * in the error state. Returns the code.
   */
  const fail = (err, line) => {
    const code = showError(err);
    setStatus(line);
    setState('error');
    return code;
  };

  return { setState, setStatus, showError, hideError, fail };
}
