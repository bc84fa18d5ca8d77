// ask-worker.js — bench only: posts {type} to a cleanread worker and
// resolves with its answer of the same type (null after 5 s). cleanread.js
// ignores answers of types it does not know, so the bench can ask its own.
export function askWorker(worker, type) {
  return new Promise((resolve) => {
    const onMsg = (ev) => {
      if (ev.data?.type !== type) return;
      worker.removeEventListener('message', onMsg);
      resolve(ev.data);
    };
    worker.addEventListener('message', onMsg);
    worker.postMessage({ type });
    setTimeout(() => resolve(null), 5000);
  });
}
