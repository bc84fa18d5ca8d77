import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toMarkdown, articleMarkdown, escapeText } from '../view/markdown.js';
import { splitSentences } from '../view/speech.js';
import { actionForKey, shortcuts } from '../view/keys.js';
import { ruleLabel } from '../view/removed.js';
import { restorable } from '../view/restore.js';
import { isRemote, srcsetIsRemote } from '../view/content.js';
import { fileNameFor } from '../view/export.js';

// h builds a DOM-like element for the Markdown converter: h('p', {attrs}, ...children).
function h(name, attrs, ...children) {
  if (typeof attrs === 'string' || attrs?.nodeType) {
    children.unshift(attrs);
    attrs = {};
  }
  return {
    nodeType: 1,
    nodeName: name.toUpperCase(),
    childNodes: children.map((c) => (typeof c === 'string' ? { nodeType: 3, nodeName: '#text', nodeValue: c } : c)),
    getAttribute: (a) => attrs?.[a] ?? null,
  };
}
const root = (...children) => h('div', {}, ...children);

test('markdown: headings, paragraphs, emphasis, links, images', () => {
  const md = toMarkdown(root(
    h('h2', 'Why nights first'),
    h('p', 'Night routes are ', h('em', 'easier'), ' to ', h('strong', 'electrify'), ', said ',
      h('a', { href: 'https://example.com/a b' }, 'officers'), '.'),
    h('figure', h('img', { src: 'https://img.example/bus.jpg', alt: 'A bus' }), h('figcaption', 'The N7 at night.')),
  ));
  assert.equal(md, [
    '## Why nights first',
    '',
    'Night routes are *easier* to **electrify**, said [officers](<https://example.com/a b>).',
    '',
    '![A bus](https://img.example/bus.jpg)',
    '',
    '*The N7 at night.*',
    '',
  ].join('\n'));
});

test('markdown: nested lists, ordered start, quotes and code', () => {
  const md = toMarkdown(root(
    h('ul', h('li', 'one'), h('li', 'two', h('ol', { start: '3' }, h('li', 'three'), h('li', 'four')))),
    h('blockquote', h('p', 'first'), h('p', 'second')),
    h('pre', h('code', { class: 'language-go' }, 'x := "```"\nfmt.Println(x)\n')),
    h('p', 'use ', h('code', 'a`b'), ' here'),
  ));
  assert.equal(md, [
    '- one',
    '- two',
    '  3. three',
    '  4. four',
    '',
    '> first',
    '>',
    '> second',
    '',
    '````go',
    'x := "```"',
    'fmt.Println(x)',
    '````',
    '',
    'use ``a`b`` here',
    '',
  ].join('\n'));
});

test('markdown: tables escape pipes; restore anchors and scripts vanish', () => {
  const md = toMarkdown(root(
    h('table', h('thead', h('tr', h('th', 'Route'), h('th', 'Buses'))),
      h('tbody', h('tr', h('td', 'N1 | N2'), h('td', '12')))),
    h('span', { id: 'cr--rm-3' }),
    h('script', 'alert(1)'),
  ));
  assert.equal(md, '| Route | Buses |\n| --- | --- |\n| N1 \\| N2 | 12 |\n');
});

test('markdown: text that looks like syntax stays text', () => {
  assert.equal(escapeText('# not a heading'), '\\# not a heading');
  assert.equal(escapeText('1. not a list'), '1\\. not a list');
  assert.equal(escapeText('a *b* [c](d) <e>'), 'a \\*b\\* \\[c\\](d) \\<e\\>');
  assert.equal(toMarkdown(root(h('p', '- dash'), h('p', 'a', h('br'), 'b'))), '\\- dash\n\na\\\nb\n');
});

test('markdown: article header with title, byline, date and source', () => {
  const md = articleMarkdown(
    { title: 'Buses *now*', byline: 'Mara L.', siteName: 'Courier', publishedTime: '2025-03-14T06:30:00Z', url: 'https://x.example/a' },
    root(h('p', 'Body.')),
  );
  assert.equal(md, '# Buses \\*now\\*\n\n*Mara L. · Courier · 2025-03-14*\n\nSource: <https://x.example/a>\n\nBody.\n');
});

test('sentences: split with offsets, abbreviations and quotes kept', () => {
  const text = 'Every bus will run on batteries. "Not now," said Dr. Okafor! Is it 3.5 km? Yes';
  const s = splitSentences(text, 'en');
  assert.deepEqual(s.map((x) => x.text), ['Every bus will run on batteries.', '"Not now," said Dr. Okafor!', 'Is it 3.5 km?', 'Yes']);
  for (const x of s) assert.equal(text.slice(x.start, x.end), x.text);
  assert.deepEqual(splitSentences('  \n ', 'en'), []);
  assert.equal(splitSentences('Один. Два.', 'ru').length, 2);
});

test('keys: shortcuts map to actions, but not while typing or with modifiers', () => {
  const k = (key, extra = {}) => actionForKey({ key, target: { localName: 'button' }, ...extra });
  assert.equal(k('+'), 'bigger');
  assert.equal(k('='), 'bigger');
  assert.equal(k('-'), 'smaller');
  assert.equal(k('t'), 'theme');
  assert.equal(k('r'), 'read');
  assert.equal(k('d'), 'removed');
  assert.equal(k('?'), 'help');
  assert.equal(k('x'), '');
  assert.equal(k('+', { ctrlKey: true }), '', 'Ctrl + is browser zoom');
  assert.equal(k('t', { target: { localName: 'textarea' } }), '');
  assert.equal(k('t', { target: { localName: 'input', type: 'url' } }), '');
  assert.equal(k('t', { target: { localName: 'input', type: 'checkbox' } }), 'theme');
  assert.equal(k('t', { target: { localName: 'div', isContentEditable: true } }), '');
  assert.equal(k('Escape', { target: { localName: 'textarea' } }), 'close');
  assert.ok(shortcuts.every((s) => s.label && s.keys.length));
});

test('removed: rule labels and what can be restored', () => {
  assert.equal(ruleLabel({ rule: 'cta-line', label: '“Read more” line' }), '“Read more” line');
  assert.equal(ruleLabel({ rule: 'new-rule' }), 'new-rule', 'without a label the rule name shows');
  assert.equal(ruleLabel({ rule: 'new-rule', label: '' }), 'new-rule');
  assert.equal(ruleLabel(undefined), 'Removed');
  assert.equal(restorable({ rule: 'cta-line', html: '<p>x</p>', anchor: 'cr--rm-2' }), true);
  assert.equal(restorable({ rule: 'dialog', text: 'cookies' }), false);
  assert.equal(restorable({ html: '<p>x</p>', anchor: 'x" onclick="y' }), false);
});

test('remote images: other origins are remote, data: and our own are not', () => {
  const origin = 'https://app.example';
  assert.equal(isRemote('https://cdn.example/a.jpg', origin), true);
  assert.equal(isRemote('//cdn.example/a.jpg', origin), true);
  assert.equal(isRemote('/img/a.jpg', origin), false);
  assert.equal(isRemote('https://app.example/a.jpg', origin), false);
  assert.equal(isRemote('data:image/png;base64,AAAA', origin), false);
  assert.equal(srcsetIsRemote('/a.jpg 1x, https://cdn.example/b.jpg 2x', origin), true);
  assert.equal(srcsetIsRemote('/a.jpg 1x, /b.jpg 2x', origin), false);
});

test('export: file names from titles', () => {
  assert.equal(fileNameFor('Night buses to run on batteries by 2027, council confirms'),
    'night-buses-to-run-on-batteries-by-2027-council-confirms.html');
  assert.equal(fileNameFor('Ça coûte cher!', 'md'), 'ca-coute-cher.md');
  assert.equal(fileNameFor(''), 'article.html');
});
