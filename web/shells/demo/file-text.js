// file-text.js — decode a saved HTML file's bytes into text the way a
// browser would: byte order mark, then <meta charset>, then UTF-8, falling
// back to windows-1252 for bytes that are not valid UTF-8.

/** Reads a File (or Blob) holding an HTML page and returns its text. */
export async function readHTMLFile(file) {
  return decodeHTML(new Uint8Array(await file.arrayBuffer()));
}

/** Decodes an HTML page's bytes. */
export function decodeHTML(bytes) {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const declared = declaredCharset(bytes);
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through to UTF-8.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function bomEncoding(b) {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return '';
}

// declaredCharset finds <meta charset=...> or <meta http-equiv content="...;
// charset=..."> in the first 2 KiB, as the HTML spec's prescan does.
function declaredCharset(bytes) {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 2048));
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const c = /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(m[0]);
    if (c) return c[1];
  }
  return '';
}
