// speech.js — read aloud with the browser's own speechSynthesis: no
// remote voice, nothing leaves the machine. The story is spoken one
// sentence per utterance (Chromium cuts long utterances short, and a
// sentence is the unit that is highlighted); pausing cancels and resuming
// speaks the current sentence again, which works the same in every engine.
//
// The highlight uses the CSS Custom Highlight API (::highlight(cr-speaking)),
// so the story's DOM is never changed for it.

/** The selector of the blocks read aloud, in document order. */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, dt, dd, th, td';

/** What is about the pictures, not the story's prose: never read aloud. */
const NOT_PROSE = 'figcaption, .cr-credit, .cr-img-blocked';

/**
 * Splits text into sentences: [{text, start, end}] with offsets into text,
 * trimmed of surrounding space. Uses Intl.Segmenter for lang when there is
 * one, else punctuation.
 */
export function splitSentences(text, lang) {
  const out = [];
  const push = (start, end) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ text: t, start: start + lead, end: start + lead + t.length });
  };
  if (typeof Intl !== 'undefined' && Intl.Segmenter) {
    let seg;
    try {
      seg = new Intl.Segmenter(lang || undefined, { granularity: 'sentence' });
    } catch {
      seg = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    for (const s of seg.segment(text)) push(s.index, s.index + s.segment.length);
    return mergeAbbreviations(text, out);
  }
  const re = /[^.!?…。！？]*(?:[.!?…。！？]+["'”’»)\]]*(?=\s|$)|$)/g;
  let m;
  while ((m = re.exec(text)) && m[0] !== '') push(m.index, m.index + m[0].length);
  if (!out.length) push(0, text.length);
  return out;
}

// Titles and initials end in a full stop without ending the sentence:
// "Dr. Okafor", "J. Smith", "z. B.". ICU's segmenter splits after them.
const ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Sra|Jr|Mme|Mlle|Hr|Fr|Nr|No|vs|etc|ca|bzw|z\.\s?B|e\.g|i\.e|[A-Z])\.$/;

function mergeAbbreviations(text, sentences) {
  const out = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (prev && ABBREVIATION.test(prev.text)) {
      prev.end = s.end;
      prev.text = text.slice(prev.start, prev.end);
    } else {
      out.push({ ...s });
    }
  }
  return out;
}

/**
 * The blocks of root that are read aloud: leaf blocks of the story's prose
 * with text, in order — as the article's text, without captions and credits.
 */
export function readableBlocks(root) {
  return [...root.querySelectorAll(BLOCKS)].filter(
    (b) => !b.querySelector(BLOCKS) && b.textContent.trim() !== '' && !b.closest(NOT_PROSE),
  );
}

/**
 * Creates the speaker for the view. hooks.onChange(status) is called with
 * 'idle' | 'playing' | 'paused' whenever that changes. Returns
 * {play(fromBlock?), toggle(), pause(), stop(), setRate(n), setVoice(uri),
 * voices(), status, blockAt(node)}.
 */
export function createSpeaker(state, hooks = {}) {
  const win = state.doc.defaultView;
  let status = 'idle';
  let queue = []; // [{block, sentence, nodes}]
  let pos = 0;
  let generation = 0; // events of cancelled utterances are ignored
  let rate = 1;
  let voiceURI = '';

  const synth = () => win.speechSynthesis;
  const set = (s) => {
    if (status === s) return;
    status = s;
    hooks.onChange?.(s);
  };

  function blocks() {
    const article = state.articleEl;
    if (!article) return [];
    return [article.querySelector('.cr-title'), ...readableBlocks(article.querySelector('.cr-content'))].filter(Boolean);
  }

  function build(fromBlock) {
    const all = blocks();
    let start = fromBlock ? all.indexOf(fromBlock) : 0;
    if (start < 0) start = 0;
    const lang = state.articleEl?.lang || state.article.lang;
    queue = [];
    for (const block of all.slice(start)) {
      const { text, nodes } = textMap(block);
      for (const sentence of splitSentences(text, lang)) queue.push({ block, sentence, nodes });
    }
    pos = 0;
  }

  function speakCurrent() {
    const item = queue[pos];
    if (!item || !synth()) {
      stop();
      return;
    }
    const gen = ++generation;
    const u = new win.SpeechSynthesisUtterance(item.sentence.text);
    u.lang = state.articleEl?.lang || state.article.lang || '';
    u.rate = rate;
    const voice = synth().getVoices?.().find((v) => v.voiceURI === voiceURI);
    if (voice) {
      try {
        u.voice = voice;
      } catch {
        // not a real SpeechSynthesisVoice: keep the default
      }
    }
    u.onend = () => {
      if (gen !== generation || status !== 'playing') return;
      pos++;
      speakCurrent();
    };
    u.onerror = (e) => {
      if (gen !== generation || e.error === 'interrupted' || e.error === 'canceled') return;
      stop();
    };
    highlight(item);
    synth().speak(u);
  }

  function highlight(item) {
    const hl = win.CSS?.highlights;
    if (!hl || !win.Highlight) return;
    const range = rangeFor(state.doc, item.nodes, item.sentence.start, item.sentence.end);
    if (!range) return;
    hl.set('cr-speaking', new win.Highlight(range));
    const rect = range.getBoundingClientRect();
    if (rect.bottom > win.innerHeight || rect.top < 0) item.block.scrollIntoView?.({ block: 'center' });
  }

  function clearHighlight() {
    win.CSS?.highlights?.delete('cr-speaking');
  }

  /** Starts reading, from fromBlock (an element of the story) or the top. */
  function play(fromBlock) {
    if (!synth()) return false;
    generation++;
    synth().cancel();
    build(fromBlock);
    if (!queue.length) return false;
    set('playing');
    speakCurrent();
    return true;
  }

  function pause() {
    if (status !== 'playing') return;
    generation++;
    synth()?.cancel();
    set('paused');
  }

  function resume() {
    if (status !== 'paused') return;
    set('playing');
    speakCurrent();
  }

  function stop() {
    generation++;
    synth()?.cancel();
    queue = [];
    pos = 0;
    clearHighlight();
    set('idle');
  }

  return {
    play,
    pause,
    resume,
    stop,
    /** Play from the top, pause, or resume. */
    toggle(fromBlock) {
      if (status === 'playing') pause();
      else if (status === 'paused' && !fromBlock) resume();
      else play(fromBlock);
    },
    setRate(n) {
      rate = Number(n) || 1;
    },
    setVoice(uri) {
      voiceURI = String(uri ?? '');
    },
    /** The voices on this machine, the article's language first. */
    voices() {
      const all = synth()?.getVoices?.() ?? [];
      const lang = (state.article.lang || '').toLowerCase().split('-')[0];
      const score = (v) => (lang && v.lang.toLowerCase().startsWith(lang) ? 0 : 1);
      return [...all].sort((a, b) => score(a) - score(b) || a.name.localeCompare(b.name));
    },
    /** The readable block that contains node, or null. */
    blockAt(node) {
      const el = node?.nodeType === 1 ? node : node?.parentElement;
      return blocks().find((b) => b.contains(el)) ?? null;
    },
    get status() {
      return status;
    },
    /** The text being spoken now, for tests and screen readers. */
    get current() {
      return queue[pos]?.sentence.text ?? '';
    },
  };
}

// textMap concatenates the text nodes of block and remembers where each
// starts, so sentence offsets can be turned into a Range.
function textMap(block) {
  const walker = block.ownerDocument.createTreeWalker(block, 4 /* SHOW_TEXT */);
  const nodes = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push({ node: n, start: text.length });
    text += n.data;
  }
  return { text, nodes };
}

function rangeFor(doc, nodes, start, end) {
  const locate = (offset, isEnd) => {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const n = nodes[i];
      if (offset > n.start || (offset === n.start && !isEnd) || i === 0) {
        return { node: n.node, offset: Math.min(offset - n.start, n.node.data.length) };
      }
    }
    return null;
  };
  const a = locate(start, false);
  const b = locate(end, true);
  if (!a || !b) return null;
  const r = doc.createRange();
  r.setStart(a.node, Math.max(0, a.offset));
  r.setEnd(b.node, Math.max(0, b.offset));
  return r;
}
