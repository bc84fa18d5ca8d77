// Tests of cleanread.js in worker mode with a scripted stand-in for Worker,
// so the protocol, the time limit and the restarts are checked without a
// browser. The real worker runs in the browser end-to-end tests.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

// The smallest valid wasm module: init only compiles it.
const emptyModule = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

class FakeWorker {
  static made = [];
  static behaviour = {};
  constructor(url, options) {
    this.url = String(url);
    this.options = options;
    this.terminated = false;
    this.received = [];
    FakeWorker.made.push(this);
  }
  postMessage(msg) {
    this.received.push(msg);
    const b = FakeWorker.behaviour;
    if (msg.type === 'init') {
      assert.ok(msg.module instanceof WebAssembly.Module, 'the worker gets a compiled module');
      if (b.failInit) this.reply({ type: 'error', error: { code: 'load_failed', message: 'no wasm' } });
      else this.reply({ type: 'ready', version: 'fake-1' });
    } else if (msg.type === 'clean') {
      if (msg.html.startsWith('hang')) return; // never answers, like a runaway clean
      if (msg.html === 'die') {
        this.reply({ type: 'exited' });
        return;
      }
      const result = msg.html === ''
        ? { ok: false, error: { code: 'empty', message: 'the page is empty' } }
        : { ok: true, article: { title: msg.html, url: msg.url ?? '', options: msg.options } };
      this.reply({ type: 'result', id: msg.id + (b.wrongID ? 1000 : 0), result });
    }
  }
  reply(data) {
    // behaviour.msPerMB: a clean takes this long per million characters, as a big page does.
    const ms = data.type === 'result' && FakeWorker.behaviour.msPerMB
      ? (FakeWorker.behaviour.msPerMB * this.received.at(-1).html.length) / 1e6
      : 1;
    setTimeout(() => !this.terminated && this.onmessage?.({ data }), ms);
  }
  terminate() {
    this.terminated = true;
  }
}
globalThis.Worker = FakeWorker;

const api = await import('../engine/cleanread.js');

beforeEach(() => {
  api.terminate();
  FakeWorker.made = [];
  FakeWorker.behaviour = {};
});

test('init starts one module worker and reports its version', async () => {
  const { version } = await api.init({ wasm: emptyModule });
  assert.equal(version, 'fake-1');
  assert.equal(api.version, 'fake-1');
  assert.equal(FakeWorker.made.length, 1);
  assert.equal(FakeWorker.made[0].options.type, 'module');
  assert.match(FakeWorker.made[0].url, /worker\.js$/);
});

test('requests carry ids, url and options, and replies resolve them in order', async () => {
  await api.init({ wasm: emptyModule });
  const [a, b] = await Promise.all([
    api.clean('first', { url: 'https://e.example/1', teaserPass: false }),
    api.clean('second'),
  ]);
  assert.equal(a.title, 'first');
  assert.equal(a.url, 'https://e.example/1');
  assert.deepEqual(a.options, { teaserPass: false });
  assert.equal(b.title, 'second');
  const ids = FakeWorker.made[0].received.filter((m) => m.type === 'clean').map((m) => m.id);
  assert.equal(new Set(ids).size, 2, 'each request has its own id');
});

test('bridge errors become CleanreadError with the code', async () => {
  await api.init({ wasm: emptyModule });
  await assert.rejects(api.clean(''), { name: 'CleanreadError', code: 'empty', message: 'the page is empty' });
});

test('a clean past the time limit terminates the worker, rejects with timeout, and the next call gets a fresh worker', async () => {
  await api.init({ wasm: emptyModule, timeoutMs: 50 });
  const started = Date.now();
  await assert.rejects(api.clean('hang'), { code: 'timeout' });
  assert.ok(Date.now() - started >= 45, 'waited for the limit');
  assert.equal(FakeWorker.made[0].terminated, true);

  const a = await api.clean('after');
  assert.equal(a.title, 'after');
  assert.equal(FakeWorker.made.length, 2, 'a fresh worker was started');
  assert.equal(FakeWorker.made[1].terminated, false);
});

test('a per-call timeoutMs overrides the default', async () => {
  await api.init({ wasm: emptyModule }); // default 20 s
  await assert.rejects(api.clean('hang', { timeoutMs: 20 }), { code: 'timeout' });
  await assert.rejects(api.clean('x', { timeoutMs: -1 }), { code: 'bad_argument' });
});

test('calls queued behind a runaway clean still run, on the fresh worker', async () => {
  await api.init({ wasm: emptyModule, timeoutMs: 40 });
  const hung = api.clean('hang');
  const next = api.clean('queued');
  await assert.rejects(hung, { code: 'timeout' });
  assert.equal((await next).title, 'queued');
  assert.equal(FakeWorker.made.length, 2);
});

test('a worker whose Go program exits is replaced', async () => {
  await api.init({ wasm: emptyModule });
  await assert.rejects(api.clean('die'), { code: 'internal' });
  assert.equal((await api.clean('again')).title, 'again');
  assert.equal(FakeWorker.made.length, 2);
});

test('a reply with an unknown id is ignored', async () => {
  await api.init({ wasm: emptyModule, timeoutMs: 60 });
  FakeWorker.behaviour.wrongID = true;
  await assert.rejects(api.clean('x'), { code: 'timeout' });
});

test('a failed start rejects init with load_failed; init may then be retried', async () => {
  FakeWorker.behaviour.failInit = true;
  await assert.rejects(api.init({ wasm: emptyModule }), { code: 'load_failed' });
  await assert.rejects(api.clean('x'), { code: 'not_initialized' });
  FakeWorker.behaviour.failInit = false;
  assert.equal((await api.init({ wasm: emptyModule })).version, 'fake-1');
});

test('terminate rejects the call in flight with terminated', async () => {
  await api.init({ wasm: emptyModule });
  const p = api.clean('hang');
  await new Promise((r) => setTimeout(r, 10));
  api.terminate();
  await assert.rejects(p, { code: 'terminated' });
  assert.equal(FakeWorker.made[0].terminated, true);
});

test('html must be a string', async () => {
  await api.init({ wasm: emptyModule });
  await assert.rejects(api.clean(null), { code: 'bad_argument' });
  await assert.rejects(api.clean('x', 'options'), { code: 'bad_argument' });
});

test('the time limit grows with the page: base plus an allowance per million characters', () => {
  assert.equal(api.timeLimitFor(0), api.DEFAULT_TIMEOUT_MS);
  assert.equal(api.timeLimitFor(16 << 20), Math.ceil(api.DEFAULT_TIMEOUT_MS + api.DEFAULT_TIMEOUT_PER_MB_MS * (16 << 20) / 1e6));
  assert.equal(api.timeLimitFor(2_500_000, { timeoutMs: 1000, timeoutPerMBMs: 400 }), 2000);
  assert.ok(api.timeLimitFor(16 << 20) >= 4 * api.DEFAULT_TIMEOUT_MS, 'a page at the size limit gets several times the base');
});

test('a big page that takes longer than the base limit, but within its allowance, is not stopped', async () => {
  await api.init({ wasm: emptyModule, timeoutMs: 50, timeoutPerMBMs: 200 });
  FakeWorker.behaviour.msPerMB = 100; // a 2-million-character page takes 200 ms: four times the base
  const big = 'p'.repeat(2_000_000);
  const started = Date.now();
  const a = await api.clean(big);
  assert.ok(Date.now() - started >= 150, 'the clean really ran past the base limit');
  assert.equal(a.title.length, big.length);
  assert.equal(FakeWorker.made.length, 1, 'the worker was not replaced');
});

test('a runaway clean of a big page is still stopped, once its scaled limit passes', async () => {
  await api.init({ wasm: emptyModule, timeoutMs: 50, timeoutPerMBMs: 100 });
  const started = Date.now();
  await assert.rejects(api.clean('hang'.padEnd(2_000_000, 'x')), { code: 'timeout', message: /250 ms/ });
  assert.ok(Date.now() - started >= 245, 'waited for base plus allowance');
});

test('a per-call timeoutMs is the whole limit, not scaled by the page', async () => {
  await api.init({ wasm: emptyModule, timeoutPerMBMs: 100_000 });
  const started = Date.now();
  await assert.rejects(api.clean('hang' + 'x'.repeat(1_000_000), { timeoutMs: 30 }), { code: 'timeout' });
  assert.ok(Date.now() - started < 1000);
});

test('timeoutPerMBMs must be a number of at least 0', async () => {
  await assert.rejects(api.init({ wasm: emptyModule, timeoutPerMBMs: -1 }), { code: 'bad_argument' });
});
