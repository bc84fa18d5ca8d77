// engine-host.js — the extension's one long-lived cleaner. The popup, the
// reader tab and the keyboard shortcut all clean through it, so the
// WebAssembly is compiled once and its worker stays warm between uses
// instead of starting cold in every fresh popup.
//
// Chromium hosts it in the offscreen document (offscreen.html), Firefox in
// the background page (background.js); both pass runtime messages of the
// shape {to: ENGINE, type, ...} to handle(). engine-link.js is the other end.
//
//   {type: 'start'}                        → {ok, version, engineId, cleans}
//   {type: 'clean', html, url, options}    → {ok, article, engineId, cleans}
//   failure                                → {ok: false, error: {code, message}}
//
// engineId is random per host and cleans counts the pages cleaned: the
// tests read both to tell one shared engine from several.

import { init, clean } from '../../engine/cleanread.js';
import { ENGINE } from './engine-link.js';

const api = globalThis.browser ?? globalThis.chrome;
const engineId = Math.random().toString(36).slice(2, 10);
let cleans = 0;

// Loading starts with the host, before any page arrives; init() returns the
// same promise to every later caller, and after a failure tries again.
init().catch(() => {});

/**
 * Answers one engine message. Only the extension's own pages may use the
 * engine: a content script or another extension is refused.
 */
export async function handle(msg, sender) {
  try {
    if (!fromOwnPage(sender)) throw { code: 'bad_argument', message: 'not a page of this extension' };
    const { version } = await init();
    if (msg.type === 'start') return { ok: true, version, engineId, cleans };
    if (msg.type !== 'clean') throw { code: 'bad_argument', message: `unknown engine request ${String(msg.type)}` };
    const article = await clean(msg.html, { ...msg.options, url: msg.url });
    cleans += 1;
    return { ok: true, article, engineId, cleans };
  } catch (err) {
    return { ok: false, error: { code: err?.code ?? 'internal', message: err?.message ?? String(err) } };
  }
}

/**
 * Listens for engine messages on runtime.onMessage. Other messages are left
 * to other listeners.
 */
export function listen() {
  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (msg?.to !== ENGINE) return false;
    handle(msg, sender).then(sendResponse);
    return true; // the answer comes later
  });
}

function fromOwnPage(sender) {
  return sender?.id === api.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL(''));
}
