// progress.js — long work made visible. Every shell shows the same
// indicator: a moving bar with what is happening ("Loading the cleaner",
// "Cleaning the page") once a step has run past a short delay, so quick work
// never flickers, and the time taken when it is done.
//
// State for people and tests: the status element gets data-progress="on"
// while the bar shows and "done" after; aria-busy is set while work runs.

/** Work that ends sooner than this shows no indicator. */
export const PROGRESS_DELAY_MS = 300;

/**
 * Starts an indicator in el (a role=status element). Returns a handle:
 * step(label) names the next step without restarting the clock; done(text)
 * stops it and shows text followed by the time taken; stop() clears it.
 */
export function startProgress(el, label, { after = PROGRESS_DELAY_MS } = {}) {
  const doc = el.ownerDocument;
  const start = performance.now();
  let current = label;
  let shown = false;
  const text = doc.createElement('span');
  text.className = 'cr-progress-text';
  const bar = doc.createElement('span');
  bar.className = 'cr-progress-bar';
  bar.setAttribute('aria-hidden', 'true');

  const render = () => {
    const ms = performance.now() - start;
    if (!shown && ms < after) return;
    if (!shown) {
      shown = true;
      el.hidden = false;
      el.dataset.progress = 'on';
      el.replaceChildren(bar, text);
    }
    text.textContent = `${current}… ${(ms / 1000).toFixed(1)} s`;
  };
  el.setAttribute('aria-busy', 'true');
  const timer = setInterval(render, 100);
  const settle = () => {
    clearInterval(timer);
    el.removeAttribute('aria-busy');
    return performance.now() - start;
  };
  return {
    /** Names the step now running; the clock keeps going. */
    step(next) {
      current = next;
      if (shown) render();
    },
    /** Stops the clock and shows `${text} · in N ms`; returns the elapsed ms. */
    done(message) {
      const ms = settle();
      el.dataset.progress = 'done';
      el.textContent = message ? `${message} · ${formatTime(ms)}` : formatTime(ms);
      el.hidden = false;
      return ms;
    },
    /** Stops the clock and leaves el empty (the caller shows an error). */
    stop() {
      const ms = settle();
      delete el.dataset.progress;
      el.textContent = '';
      return ms;
    },
  };
}

/** formatTime says how long something took, in ms below a second. */
export function formatTime(ms) {
  return ms < 1000 ? `in ${Math.round(ms)} ms` : `in ${(ms / 1000).toFixed(1)} s`;
}

/**
 * Replaces container's children with a failure: sentence as a paragraph and
 * detail in a closed "Details" disclosure. Returns the wrapper element.
 */
export function showFailure(container, sentence, detail) {
  const doc = container.ownerDocument;
  const box = doc.createElement('div');
  box.className = 'cr-error';
  box.setAttribute('role', 'alert');
  const p = doc.createElement('p');
  p.textContent = sentence;
  box.append(p);
  if (detail) {
    const details = doc.createElement('details');
    const summary = doc.createElement('summary');
    summary.textContent = 'Details';
    const pre = doc.createElement('pre');
    pre.textContent = detail;
    details.append(summary, pre);
    box.append(details);
  }
  container.replaceChildren(box);
  return box;
}
