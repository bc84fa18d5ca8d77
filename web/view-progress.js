// view-progress.js — long work made visible: a status line with the elapsed
// time (loading the cleaner, cleaning a big page), and failures as a plain
// sentence with the technical details behind a disclosure. For shells that
// have no status line of their own (the demo has one).

/**
 * Shows `label… N.N s` in el (a role=status element is best) and updates it
 * every tenth of a second until the returned stop() is called. The time
 * appears only after `after` ms, so quick work does not flicker.
 */
export function showProgress(el, label, { after = 250 } = {}) {
  const start = performance.now();
  el.textContent = `${label}…`;
  const tick = () => {
    const ms = performance.now() - start;
    if (ms >= after) el.textContent = `${label}… ${(ms / 1000).toFixed(1)} s`;
  };
  const timer = setInterval(tick, 100);
  return {
    /** Stops the clock; returns the elapsed ms. */
    stop() {
      clearInterval(timer);
      return performance.now() - start;
    },
  };
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
