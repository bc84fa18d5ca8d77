// steps.js — long work in the page done in steps, so the page keeps
// answering input, scrolling and Escape while a very long story is built.
//
// The work is written once, as a generator that yields between small units
// of work; runNow runs it to the end in one go (short stories, the sync
// API), runInSteps gives the page its turn whenever a task has used its
// time budget, and waits for a rendered frame where the work yields FRAME.

/** How long one task of stepped work may run before the page gets its turn. */
export const STEP_BUDGET_MS = 12;

/**
 * Yielded by stepped work that has just put something in the page: the page
 * should lay it out and paint before more comes, so that one frame never
 * has to lay out the whole story.
 */
export const FRAME = Symbol('frame');

/** Runs the generator to its end at once and returns its value. */
export function runNow(gen) {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

/**
 * Runs the generator in tasks of at most about budget ms each and resolves
 * with its value. stop() is asked at every FRAME; when it says true the work
 * is abandoned (its result is no longer wanted) and the promise resolves
 * with null.
 */
export async function runInSteps(gen, { budget = STEP_BUDGET_MS, stop = () => false, win = globalThis } = {}) {
  let start = performance.now();
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
    if (r.value === FRAME) {
      await nextFrame(win);
      if (stop()) {
        gen.return();
        return null;
      }
      start = performance.now();
    } else if (performance.now() - start >= budget) {
      await nextTask();
      start = performance.now();
    }
  }
}

// nextTask resolves in a new task, queued behind what the page has waiting:
// input, and the page's own timers too (the progress indicator's, say),
// which scheduler.yield would put behind this work until it ends. A message
// channel is not throttled the way nested timers are.
function nextTask() {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

// nextFrame resolves after the next frame has been rendered, or after a
// short wait where no frame comes (a hidden tab renders none).
function nextFrame(win) {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      nextTask().then(resolve);
    };
    const timer = setTimeout(go, 100);
    if (typeof win.requestAnimationFrame === 'function') win.requestAnimationFrame(go);
  });
}
