// page.js — the one shape in which a page to read may arrive: from the
// bookmarklet's window, in the reader's address, or from the extension's
// storage. Whatever comes is checked against it, since a message, an
// address and even stored data can hold anything.

import { httpURL } from '../kit/urls.js';

/**
 * Returns {html, url, selectionHtml} if data has exactly the bookmarklet's
 * shape {type: 'cleanread:page', html, url, selectionHtml?} and, when origin
 * is given (a message's), comes from the page's own origin; otherwise null.
 * @param {unknown} data
 * @param {string} [origin]
 * @returns {{html: string, url: string | undefined, selectionHtml: string} | null}
 */
export function checkPage(data, origin) {
  if (!data || typeof data !== 'object' || Object.getPrototypeOf(data) !== Object.prototype) return null;
  const allowed = ['type', 'html', 'url', 'selectionHtml'];
  if (!Object.keys(data).every((k) => allowed.includes(k))) return null;
  if (data.type !== 'cleanread:page' || typeof data.html !== 'string' || typeof data.url !== 'string') return null;
  if (data.selectionHtml !== undefined && typeof data.selectionHtml !== 'string') return null;
  const url = httpURL(data.url);
  if (origin !== undefined && url && new URL(url).origin !== origin) return null;
  return { html: data.html, url, selectionHtml: data.selectionHtml || '' };
}
