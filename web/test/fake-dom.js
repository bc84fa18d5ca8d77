// fake-dom.js — just enough of a document for the reading view's toolbar to
// be built and clicked in Node: elements with ordered attributes, dataset,
// the reflected properties the toolbar uses, listeners and simple
// selectors. Not a test file itself; the panel tests import it.

const reflected = { id: 'id', className: 'class', title: 'title', type: 'type' };
const flags = ['hidden', 'disabled'];

class FakeNode {
  constructor(doc, tag) {
    this.ownerDocument = doc;
    this.nodeType = 1;
    this.localName = tag;
    this.attrs = new Map();
    this.childNodes = [];
    this.listeners = {};
    this.scrollTop = 0;
    this.clientHeight = 0;
    this.dataset = datasetOf(this);
  }
  get children() { return this.childNodes.filter((n) => n.nodeType === 1); }
  get attributes() { return [...this.attrs].map(([name, value]) => ({ name, value })); }
  setAttribute(k, v) { this.attrs.set(k, String(v)); }
  getAttribute(k) { return this.attrs.has(k) ? this.attrs.get(k) : null; }
  hasAttribute(k) { return this.attrs.has(k); }
  removeAttribute(k) { this.attrs.delete(k); }
  append(...nodes) {
    for (const n of nodes) this.childNodes.push(typeof n === 'string' ? { nodeType: 3, data: n } : n);
  }
  replaceChildren(...nodes) { this.childNodes = []; this.append(...nodes); }
  get textContent() { return this.childNodes.map((n) => (n.nodeType === 3 ? n.data : n.textContent)).join(''); }
  set textContent(t) { this.replaceChildren(String(t)); }
  addEventListener(type, fn) { (this.listeners[type] ??= []).push(fn); }
  removeEventListener(type, fn) { this.listeners[type] = (this.listeners[type] ?? []).filter((f) => f !== fn); }
  dispatch(type, props = {}) { return dispatch(this, type, props); }
  click() { this.dispatch('click'); }
  focus() { this.ownerDocument.activeElement = this; }
  select() {}
  getBoundingClientRect() { return { top: 0, bottom: 0 }; }
  contains(n) { return n === this || this.children.some((c) => c.contains(n)); }
  closest() { return null; }
  querySelector(sel) { return this.querySelectorAll(sel)[0] ?? null; }
  // Only "tag", ".class", "[attr="value"]" and their joins; any other
  // selector finds nothing, as if nothing matched.
  querySelectorAll(sel) {
    const m = /^([a-z0-9]+)?(?:\.([\w-]+))?(?:\[([\w-]+)="([^"]*)"\])?$/.exec(sel);
    const out = [];
    const walk = (n) => {
      for (const c of n.children) {
        if (m && (!m[1] || c.localName === m[1]) && (!m[2] || c.className.split(' ').includes(m[2]))
          && (!m[3] || c.getAttribute(m[3]) === m[4])) out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }
}
for (const [prop, attr] of Object.entries(reflected)) {
  Object.defineProperty(FakeNode.prototype, prop, {
    get() { return this.getAttribute(attr) ?? ''; },
    set(v) { this.setAttribute(attr, v); },
  });
}
for (const f of flags) {
  Object.defineProperty(FakeNode.prototype, f, {
    get() { return this.hasAttribute(f); },
    set(v) { if (v) this.setAttribute(f, ''); else this.removeAttribute(f); },
  });
}

function datasetOf(el) {
  const attr = (k) => `data-${String(k).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return new Proxy({}, {
    get: (_, k) => el.getAttribute(attr(k)) ?? undefined,
    set: (_, k, v) => (el.setAttribute(attr(k), v), true),
    has: (_, k) => el.hasAttribute(attr(k)),
    deleteProperty: (_, k) => (el.removeAttribute(attr(k)), true),
  });
}

function dispatch(target, type, props) {
  const ev = { type, target, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; }, ...props };
  for (const fn of [...(target.listeners[type] ?? [])]) fn(ev);
  return ev;
}

/** A document without speech synthesis (so the view finds no voice at once). */
export function fakeDocument() {
  const doc = {
    activeElement: null,
    listeners: {},
    defaultView: { print() { doc.printed = true; } },
    createElement: (tag) => new FakeNode(doc, tag),
    getSelection: () => ({ isCollapsed: true }),
    addEventListener: FakeNode.prototype.addEventListener,
    removeEventListener: FakeNode.prototype.removeEventListener,
    dispatch(type, props = {}) { return dispatch(doc, type, { target: doc.body, ...props }); },
  };
  doc.documentElement = doc.createElement('html');
  doc.body = doc.createElement('body');
  return doc;
}

/** Writes node out as HTML, attributes in the order they were set. */
export function serialize(n) {
  if (n.nodeType === 3) return n.data;
  const attrs = [...n.attrs].map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${v}"`)).join('');
  return `<${n.localName}${attrs}>${n.childNodes.map(serialize).join('')}</${n.localName}>`;
}
