// wasm-load.js — compile the cleaner's WebAssembly as early and as fast as
// the environment allows. Shared by cleanread.js and the shells.

/**
 * Compiles source into a WebAssembly.Module. source is a URL (string or URL
 * object), bytes (ArrayBuffer or a typed array) or an already compiled
 * WebAssembly.Module. URLs compile while they download when the server sends
 * application/wasm, and fall back to downloading first when it does not.
 */
export async function loadModule(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    return WebAssembly.compile(source);
  }
  const url = String(source);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`fetching ${url}: HTTP ${res.status}`);
  const type = (res.headers.get('Content-Type') || '').split(';')[0].trim();
  if (type === 'application/wasm' && WebAssembly.compileStreaming) {
    return WebAssembly.compileStreaming(res);
  }
  return WebAssembly.compile(await res.arrayBuffer());
}
