// panels/kit.js — the small DOM toolkit every toolbar panel builds with:
// element making, the toolbar's button, and ids unique to one toolbar, so
// two views in one page never share a label's id.

let instances = 0;

/**
 * Returns {h, button, id, icon, hint} for building in doc.
 * h(tag, props, ...children) makes an element: props are attributes,
 * except class, text (its text) and on* (listeners). button(label, props)
 * is a toolbar button; label is text, a node or a list of them. id(s) is s
 * made unique to this kit. icon(sign, text) is a button label that shows
 * only its sign on a narrow screen. hint(text) is a line of help.
 */
export function createKit(doc) {
  const n = ++instances;
  const id = (s) => `cr${n}-${s}`;
  const h = (tag, props = {}, ...children) => {
    const el = doc.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v);
    }
    el.append(...children.filter((c) => c !== null && c !== undefined));
    return el;
  };
  const button = (label, props = {}) => h('button', { type: 'button', class: 'cr-btn', ...props }, ...[].concat(label));
  // The sign is not spoken: a screen reader says the button's name instead.
  const icon = (sign, text) => [
    h('span', { 'aria-hidden': 'true', text: sign }),
    text ? h('span', { class: 'cr-wide-label', text }) : null,
  ].filter(Boolean);
  const hint = (text) => h('p', { class: 'cr-hint', text });
  return { h, button, id, icon, hint };
}
