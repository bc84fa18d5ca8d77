// offscreen.js — Chromium's host of the shared cleaner: an offscreen
// document (engine-link.js creates it) lives on while the browser runs,
// where a service worker would be stopped, and may start the worker the
// cleaner runs in.
import { listen } from './engine-host.js';

listen();
