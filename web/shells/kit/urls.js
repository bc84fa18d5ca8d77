// urls.js — the one check every shell makes of a page's address before it
// hands it to the cleaner, which resolves the story's links against it.

/**
 * Returns s as a normalized http(s) address, or undefined for anything else
 * (a browser page, a file, a javascript: or data: address, no address), so
 * no other scheme ever becomes the base of the story's links.
 * @param {unknown} s
 * @returns {string | undefined}
 */
export function httpURL(s) {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
