// markdown.js — the story as Markdown (CommonMark plus GFM tables and
// strikethrough), for "Copy as Markdown".
//
// Why our own converter and not turndown (or html-to-markdown in the Go
// core): the input is never arbitrary HTML but the cleaner's sanitized
// reading subset (headings, paragraphs, lists, quotes, code, tables,
// figures, links, emphasis), so a short walk covers it exactly. turndown
// would add a library and its DOM shim to the bundle for a subset this
// small; html-to-markdown in Go would add to the wasm every reader
// downloads, for a feature some never use. This module is loaded only when Markdown is asked for.
//
// It walks any DOM-like tree (nodeType, nodeName, childNodes, getAttribute,
// nodeValue), so it runs on an inert DOMParser document in the browser and
// on plain objects in node tests.

/** Converts the children of root (a DOM node) to Markdown blocks. */
export function toMarkdown(root) {
  return tidy(blocks(root, { list: 0 }));
}

/**
 * Returns the whole article as Markdown: title, byline and date, source
 * link, then the story (root: the story's container node).
 */
export function articleMarkdown(article, root) {
  const head = [`# ${escapeText(oneLine(article.title || 'Untitled'))}`];
  const meta = [article.byline, article.siteName].filter(Boolean).map(oneLine);
  if (article.publishedTime) meta.push(String(article.publishedTime).slice(0, 10));
  if (meta.length) head.push(`*${escapeText(meta.join(' · '))}*`);
  if (/^https?:\/\//i.test(article.url ?? '')) head.push(`Source: <${article.url.replace(/[<>\s]/g, encodeURIComponent)}>`);
  return tidy(head.join('\n\n') + '\n\n' + toMarkdown(root));
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'ul',
]);

const name = (n) => String(n.nodeName || '').toLowerCase();
const kids = (n) => [...(n.childNodes || [])];
const attr = (n, a) => (n.getAttribute ? n.getAttribute(a) : null) ?? '';

// blocks converts the children of node, joining blocks with blank lines;
// inside a list item, a nested list follows its text on the next line.
function blocks(node, ctx) {
  const out = [];
  let inline = [];
  const flush = () => {
    const s = inline.join('').replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
    if (s) out.push({ s, list: false });
    inline = [];
  };
  for (const child of kids(node)) {
    if (child.nodeType === 1 && BLOCK.has(name(child))) {
      flush();
      const b = block(child, ctx);
      if (b.trim()) out.push({ s: b, list: name(child) === 'ul' || name(child) === 'ol' });
    } else {
      inline.push(inlineOf(child));
    }
  }
  flush();
  const inItem = name(node) === 'li';
  return out.map((b, i) => (i === 0 ? '' : inItem && b.list ? '\n' : '\n\n') + b.s).join('');
}

function block(n, ctx) {
  const tag = name(n);
  switch (tag) {
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
      return `${'#'.repeat(Number(tag[1]))} ${inlines(n).replace(/\n/g, ' ')}`;
    case 'p': case 'dd': case 'summary':
      return inlines(n);
    case 'dt':
      return `**${inlines(n)}**`;
    case 'figcaption':
      return inlines(n) ? `*${inlines(n)}*` : '';
    case 'hr':
      return '---';
    case 'blockquote':
      return prefixLines(blocks(n, ctx), '> ');
    case 'pre':
      return fence(n);
    case 'ul': case 'ol':
      return list(n, ctx, tag === 'ol');
    case 'li':
      return blocks(n, ctx);
    case 'table':
      return table(n);
    default:
      return blocks(n, ctx);
  }
}

function list(n, ctx, ordered) {
  let i = Number(attr(n, 'start')) || 1;
  const items = [];
  for (const li of kids(n)) {
    if (li.nodeType !== 1 || name(li) !== 'li') continue;
    const marker = ordered ? `${i++}. ` : '- ';
    const body = blocks(li, { list: ctx.list + 1 }) || '';
    const pad = ' '.repeat(marker.length);
    items.push(marker + body.split('\n').map((l, j) => (j === 0 || l === '' ? l : pad + l)).join('\n'));
  }
  // Items with more than one block need blank lines between items.
  const loose = items.some((s) => s.includes('\n\n'));
  return items.join(loose ? '\n\n' : '\n');
}

function fence(pre) {
  const text = textOf(pre).replace(/\n$/, '');
  const longest = Math.max(2, ...(text.match(/`+/g) || []).map((s) => s.length));
  const ticks = '`'.repeat(longest + 1);
  const code = kids(pre).find((c) => name(c) === 'code');
  const lang = /(?:^|\s)(?:language|lang)-([\w+-]+)/.exec(attr(code || pre, 'class'))?.[1] ?? '';
  return `${ticks}${lang}\n${text}\n${ticks}`;
}

function table(t) {
  const rows = [];
  const walk = (n) => {
    for (const c of kids(n)) {
      if (c.nodeType !== 1) continue;
      if (name(c) === 'tr') rows.push(kids(c).filter((x) => x.nodeType === 1 && /^t[hd]$/.test(name(x))));
      else if (/^(thead|tbody|tfoot)$/.test(name(c))) walk(c);
    }
  };
  walk(t);
  if (!rows.length) return '';
  const width = Math.max(...rows.map((r) => r.length));
  // Text pipes are already escaped; code spans need it too inside a table.
  const cell = (c) => (c ? inlines(c).replace(/\n/g, ' ').replace(/(?<!\\)\|/g, '\\|') : '');
  const line = (r) => `| ${Array.from({ length: width }, (_, i) => cell(r[i])).join(' | ')} |`;
  const out = [line(rows[0]), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)];
  const caption = kids(t).find((c) => name(c) === 'caption');
  if (caption) out.push('', `*${inlines(caption)}*`);
  return out.join('\n');
}

// inlines converts the inline content of n, trimmed, with single spaces.
function inlines(n) {
  return kids(n).map(inlineOf).join('').replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

function inlineOf(n) {
  if (n.nodeType === 3) return escapeText(String(n.nodeValue).replace(/\s+/g, ' '));
  if (n.nodeType !== 1) return '';
  const tag = name(n);
  if (BLOCK.has(tag)) return ` ${blocks(n, { list: 0 }).replace(/\n+/g, ' ')} `;
  switch (tag) {
    case 'br':
      return '\\\n';
    case 'strong': case 'b':
      return wrap(n, '**');
    case 'em': case 'i': case 'cite': case 'dfn':
      return wrap(n, '*');
    case 'del': case 's': case 'strike':
      return wrap(n, '~~');
    case 'code': case 'kbd': case 'samp': {
      const t = textOf(n).replace(/\s+/g, ' ');
      if (!t) return '';
      const run = '`'.repeat(Math.max(0, ...(t.match(/`+/g) || []).map((s) => s.length)) + 1);
      const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
      return `${run}${pad}${t}${pad}${run}`;
    }
    case 'a': {
      const text = inlines(n);
      const href = attr(n, 'href');
      if (!href || !/^(https?:|mailto:|#)/i.test(href)) return text;
      const title = attr(n, 'title');
      return `[${text || href}](${url(href)}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`;
    }
    case 'img': {
      const src = attr(n, 'src');
      if (!src) return escapeText(attr(n, 'alt'));
      const title = attr(n, 'title');
      return `![${escapeText(attr(n, 'alt'))}](${url(src)}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`;
    }
    case 'span':
      if (/^cr--rm-\d+$/.test(attr(n, 'id'))) return ''; // a restore anchor
      return kids(n).map(inlineOf).join('');
    case 'script': case 'style': case 'template': case 'noscript':
      return '';
    default:
      return kids(n).map(inlineOf).join('');
  }
}

function wrap(n, mark) {
  const inner = kids(n).map(inlineOf).join('');
  const t = inner.trim();
  if (!t) return inner;
  // Keep the spaces outside the markers, where CommonMark wants them.
  const lead = inner.match(/^\s*/)[0] ? ' ' : '';
  const tail = inner.match(/\s*$/)[0] ? ' ' : '';
  return `${lead}${mark}${t}${mark}${tail}`;
}

/** Escapes Markdown syntax in plain text so it stays text. */
export function escapeText(s) {
  return String(s)
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^(\s*)([#+-])(?=\s)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s)/, '$1\\$2');
}

function url(href) {
  return /[\s()<>]/.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href;
}

function textOf(n) {
  if (n.nodeType === 3) return String(n.nodeValue);
  if (name(n) === 'br') return '\n';
  return kids(n).map(textOf).join('');
}

function prefixLines(s, prefix) {
  return s.split('\n').map((l) => (l ? prefix + l : prefix.trimEnd())).join('\n');
}

function oneLine(s) {
  return String(s).replace(/\s+/g, ' ').trim();
}

// tidy ends the document with one newline and at most one blank line between blocks.
function tidy(s) {
  return s.replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
