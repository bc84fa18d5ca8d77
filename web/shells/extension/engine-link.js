// engine-link.js — how the popup and the reader tab reach the extension's
// shared cleaner (engine-host.js): they send it runtime messages instead of
// starting a cleaner of their own. In Chromium the host lives in an
// offscreen document, created here on first use; in Firefox the background
// page hosts it and a message wakes it.
//
//   import { connect } from './engine-link.js';
//   const engine = connect();            // starts the host loading at once
//   await engine.start();                // {version, engineId, cleans}
//   const { article } = await engine.clean(html, url, options);
//
// Failures reject with {code, message}, the codes of cleanread.js.

/** The `to` of every message meant for the engine. */
export const ENGINE = 'cleanread-engine';

const api = globalThis.browser ?? globalThis.chrome;
/** How long to keep asking a host that is still loading, in milliseconds. */
const HOST_WAIT_MS = 5_000;
const RETRY_MS = 25;

/**
 * Connects to the shared engine and starts it loading. start() resolves
 * when it is ready; clean() cleans one page there.
 */
export function connect() {
  const started = request({ type: 'start' });
  started.catch(() => {}); // reported by whoever awaits it
  return {
    start: () => started.catch(() => request({ type: 'start' })),
    clean: (html, url, options = {}) => request({ type: 'clean', html, url, options }),
  };
}

async function request(msg) {
  await ensureHost();
  const deadline = Date.now() + HOST_WAIT_MS;
  for (;;) {
    let res;
    try {
      res = await api.runtime.sendMessage({ to: ENGINE, ...msg });
    } catch (err) {
      // The host's document exists but its script has not run yet.
      if (!/receiving end does not exist|could not establish connection|message port closed/i.test(err?.message ?? '')) {
        throw { code: 'load_failed', message: `the cleaner could not be reached: ${err?.message ?? err}` };
      }
    }
    if (res?.ok) return res;
    if (res) throw res.error ?? { code: 'internal', message: 'the cleaner gave no answer' };
    if (Date.now() > deadline) throw { code: 'load_failed', message: 'the cleaner did not answer' };
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

// ensureHost makes sure Chromium's offscreen document is open. There may be
// only one; the popup and a reader tab opening together may race to create
// it, and the loser's error is expected.
async function ensureHost() {
  if (!api.offscreen) return;
  if (api.runtime.getContexts) {
    const open = await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
    if (open.length > 0) return;
  }
  try {
    await api.offscreen.createDocument({
      url: 'offscreen.html',
      reasons: ['WORKERS'],
      justification: 'Runs the article cleaner in a worker and keeps it warm for the popup and the reader tab.',
    });
  } catch (err) {
    if (!/single offscreen document/i.test(err?.message ?? '')) {
      throw { code: 'load_failed', message: `the cleaner could not be started: ${err?.message ?? err}` };
    }
  }
}
