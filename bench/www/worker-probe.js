// worker-probe.js — bench only: the worker the cold-start page (cold.js)
// asks cleanread.js to start instead of /worker.js. worker-timing.js is
// imported first, so its hooks are in place before web/engine/worker.js runs;
// then web/engine/worker.js itself, unchanged.
import './worker-timing.js';
import '/worker.js';
