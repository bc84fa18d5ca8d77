// test-hooks.js — the demo's test hooks: query parameters in the page's
// address that exist for the browser tests (e2e/), so they can reach slow
// or rare paths quickly. They are also handy for troubleshooting by hand;
// nothing else in the demo reads the query.

/**
 * Reads the test hooks from a query string (location.search). A number that
 * is missing, not a number or not positive leaves the demo's default.
 * @param {string} search
 * @returns {{timeoutMs?: number, maxBytes?: number, autoclean: boolean}}
 *   timeoutMs (?timeoutMs=N): the whole time limit for one clean, instead
 *     of the cleaner's own (a base plus an allowance for the page's size);
 *     ?timeoutMs=1 shows the timeout path at once.
 *   maxBytes (?maxBytes=N): the largest input accepted, instead of the
 *     cleaner's own, so "too large" shows without a huge paste.
 *   autoclean (?autoclean=0 turns it off): whether the sample is cleaned on
 *     load; off, it is only put in the form, so a test starts from a ready
 *     page that shows no article yet.
 */
export function testHooks(search) {
  const params = new URLSearchParams(search);
  const positive = (name) => {
    const n = Number(params.get(name));
    return params.has(name) && Number.isFinite(n) && n > 0 ? n : undefined;
  };
  return {
    timeoutMs: positive('timeoutMs'),
    maxBytes: positive('maxBytes'),
    autoclean: params.get('autoclean') !== '0',
  };
}
