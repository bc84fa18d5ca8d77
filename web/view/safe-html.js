// safe-html.js — turn the article's sanitized HTML into DOM nodes of the
// current document without ever assigning an untrusted string to innerHTML
// of a live element.
//
// The HTML was already sanitized by the Go cleaner (bluemonday), and the page
// runs under a CSP without inline script. This module is the third layer: it
// parses into an inert document (DOMParser runs no script and loads nothing),
// drops anything active that should not be there, and adopts the nodes.

const DROP_ELEMENTS = 'script, style, iframe, frame, frameset, object, embed, applet, link, meta, base, form, input, button, select, textarea, template, noscript, svg, math';
const URL_ATTRS = ['href', 'src', 'srcset', 'cite', 'action', 'formaction', 'poster', 'background', 'xlink:href'];
const RASTER_DATA = /^data:image\/(png|jpeg|jpg|gif|webp|avif)[;,]/;

/** Removes active elements, event-handler attributes and unsafe URLs under root. */
export function scrub(root) {
  for (const el of root.querySelectorAll(DROP_ELEMENTS)) el.remove();
  for (const el of root.querySelectorAll('*')) scrubAttributes(el);
}

/** True for an element that is active content and must go, with all it holds. */
export function isDropped(el) {
  return el.matches(DROP_ELEMENTS);
}

/** Removes el's event-handler and style attributes and its unsafe URLs. */
export function scrubAttributes(el) {
  for (const attr of [...el.attributes]) {
    const name = attr.name.toLowerCase();
    if (name.startsWith('on') || name === 'style' || name === 'srcdoc') {
      el.removeAttribute(attr.name);
    } else if (URL_ATTRS.includes(name) && !isSafeURL(attr.value, name)) {
      el.removeAttribute(attr.name);
    }
  }
}

// isSafeURL allows relative URLs, http(s), mailto and inline raster images.
// Control characters and spaces are removed first, as browsers do.
function isSafeURL(value, name) {
  const v = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  if (name === 'srcset') return !/(javascript|vbscript):/.test(v) && !/data:(?!image\/(png|jpeg|jpg|gif|webp|avif)[;,])/.test(v);
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(v);
  if (!scheme) return true;
  return ['http', 'https', 'mailto'].includes(scheme[1]) || RASTER_DATA.test(v);
}
