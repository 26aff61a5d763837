// peerhub search client: Lucene's ranking, in the browser, from the static index in /search/.
// Plain ES module; fetches only files next to itself, without a Referer (the search page's address
// holds the query, and servers log Referers); no storage, no logging.
// The index format and the query language are described in docs/search.md; the reference
// implementation is dev.peerhub.search.Searcher (peerhub search --json).

const f32 = Math.fround;
const PREFIX_EXPANSIONS = 10;
const FUZZY_MAX_EXPANSIONS = 50;
const EXCERPT_WINDOW = 30;
const EXCERPT_BEFORE = 8;

const base = new URL('./', import.meta.url);
const cache = new Map(); // same-origin file -> Promise (memory only, for this page)
const utf8 = new TextDecoder();
const utf8enc = new TextEncoder();

function once(key, make) {
  let p = cache.get(key);
  if (!p) {
    p = make();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

async function get(name) {
  const res = await fetch(new URL(name, base), { credentials: 'same-origin', referrerPolicy: 'no-referrer' });
  if (!res.ok) throw new Error(`search index: ${name}: HTTP ${res.status}`);
  return res;
}

// The analyzer module is imported as soon as this one runs, in parallel with the manifest (a
// static import would load it only after this module, one round trip later).
let analyzerModule = null;
const loadAnalyzer = () => {
  if (!analyzerModule) {
    analyzerModule = import('./analyzer.js');
    analyzerModule.catch(() => { analyzerModule = null; });
  }
  return analyzerModule;
};
loadAnalyzer().catch(() => {}); // a failure is reported by the search that needs it

// The index format this client reads (IndexExporter.FORMAT_VERSION).
const FORMAT = 2;

const manifest = () => once('manifest.json', async () => {
  const [m, a] = await Promise.all([get('manifest.json').then((r) => r.json()), loadAnalyzer()]);
  if (m.v !== FORMAT) {
    // A client.js and a manifest from different builds (a cache holding one of them): say so.
    throw new Error(`search index: format ${m.v}, but this client reads format ${FORMAT}; reload the page`);
  }
  lowerCase = a.lowerCase;
  tokenize = a.tokenize;
  foldApostrophes = a.foldApostrophes;
  analyze = isEnglish(m.lang) ? a.analyze : analyzeStandard;
  surfaces = isEnglish(m.lang) ? a.surfaces : null;
  return m;
});

// The index's analyzer: EnglishAnalyzer for English sites, StandardAnalyzer (tokenizer and lower
// case, no stop words, no stemming) for every other language. Set with the manifest.
const isEnglish = (lang) => /^en([-_]|$)/i.test(lang || 'en');
const analyzeStandard = (text) => tokenize(foldApostrophes(text)).map((t, position) => ({ term: lowerCase(t.text), position }));
let analyze, lowerCase, tokenize, foldApostrophes, surfaces;
const bytes = (name) => once(name, async () => new Uint8Array(await (await get(name)).arrayBuffer()));
const json = (name) => once(name, async () => (await get(name)).json());

// ---- Lucene's SmallFloat.byte4ToInt (norm byte -> field length) and BM25 (k1, b) pieces

function int4ToLong(i) {
  const bits = i & 0x07;
  const shift = (i >>> 3) - 1;
  return shift === -1 ? bits : (bits | 0x08) * 2 ** shift;
}
const NUM_FREE_VALUES = 255 - 231; // 255 - longToInt4(Integer.MAX_VALUE)
export function byte4ToInt(b) {
  const i = b & 0xff;
  return i < NUM_FREE_VALUES ? i : Math.min(NUM_FREE_VALUES + int4ToLong(i - NUM_FREE_VALUES), 2147483647);
}
const LENGTH_TABLE = Float32Array.from({ length: 256 }, (_, i) => byte4ToInt(i));

function fieldStats(m) {
  if (m._stats) return m._stats;
  const k1 = f32(m.k1), b = f32(m.b);
  m._stats = m.fields.map((fd) => {
    const avgdl = f32(fd.sumTtf / fd.docCount);
    const normInv = new Float32Array(256);
    for (let i = 0; i < 256; i++) {
      normInv[i] = f32(1 / f32(k1 * f32(f32(1 - b) + f32(f32(b * LENGTH_TABLE[i]) / avgdl))));
    }
    return { boost: f32(fd.boost), docCount: fd.docCount, normInv };
  });
  return m._stats;
}

function idf(df, docCount) {
  return f32(Math.log(1 + (docCount - df + 0.5) / (df + 0.5)));
}

function bm25(weight, freq, normInv) {
  return f32(weight - f32(weight / f32(1 + f32(freq * normInv))));
}

// ---- binary helpers

class Reader {
  constructor(buf, pos = 0) { this.buf = buf; this.pos = pos; }
  varint() {
    let v = 0, mul = 1, b;
    do { b = this.buf[this.pos++]; v += (b & 0x7f) * mul; mul *= 128; } while (b & 0x80);
    return v;
  }
  bytes(n) { const out = this.buf.subarray(this.pos, this.pos + n); this.pos += n; return out; }
}

function compareBytes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
// Lucene orders terms by UTF-8 bytes, which is code point order.
const SURROGATE = /[\uD800-\uDFFF]/;
function compareTerms(a, b) {
  if (a === b) return 0;
  // Without surrogates, UTF-16 code unit order is code point order, which is UTF-8 byte order.
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : 1;
  return compareBytes(utf8enc.encode(a), utf8enc.encode(b));
}
const cpLength = (s) => { let n = 0; for (const _ of s) n++; return n; };

function isAscii(bytes, n) {
  for (let k = 0; k < n; k++) if (bytes[k] > 0x7f) return false;
  return true;
}

// Reads a lexicon range's front-coded terms: [shared, suffixLen, suffix, mask, per field df]
function readTerms(r, nFields) {
  const count = r.varint();
  const terms = [];
  let prev = new Uint8Array(0), prevTerm = '', prevAscii = true;
  for (let i = 0; i < count; i++) {
    const shared = r.varint();
    const suffix = r.bytes(r.varint());
    const tb = new Uint8Array(shared + suffix.length);
    tb.set(prev.subarray(0, shared));
    tb.set(suffix, shared);
    prev = tb;
    let ascii = prevAscii || isAscii(tb, shared);
    if (ascii) for (let k = 0; k < suffix.length; k++) if (suffix[k] > 0x7f) { ascii = false; break; }
    // ASCII (most terms): bytes are chars, no decoder call
    const term = ascii ? prevTerm.slice(0, shared) + String.fromCharCode.apply(null, suffix) : utf8.decode(tb);
    prevTerm = term;
    prevAscii = ascii;
    const mask = r.varint();
    const df = new Array(nFields).fill(0);
    for (let f = 0; f < nFields; f++) if (mask & (1 << f)) df[f] = r.varint();
    terms.push({ term, mask, df });
  }
  return terms;
}

// ---- term parts, positions, lexicons

function rangeIndex(list, term) { // list of separators, the first one is ""
  let lo = 0, hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (compareTerms(list[mid], term) <= 0) lo = mid; else hi = mid - 1;
  }
  return lo;
}

// A term part, read lazily: where each term's record, postings and positions start; entries only
// for the terms asked for (a query needs one or two of a part's many terms).
class TermPart {
  constructor(buf, index, nFields) {
    const r = new Reader(buf);
    this.buf = buf;
    this.index = index;
    this.nFields = nFields;
    this.posBase = r.varint(); // where this part's positions start in the file of all positions
    const n = this.n = r.varint();
    const rec = this.rec = new Uint32Array(n); // each term's record: shared, suffix, mask, per field (df, len, posLen)
    const off = this.off = new Uint32Array(n); // its first postings, from the end of the records
    const posOff = this.posOff = new Uint32Array(n); // its first positions, in this part's positions
    let o = 0, po = 0;
    for (let i = 0; i < n; i++) {
      rec[i] = r.pos;
      r.varint();
      const sl = r.varint();
      r.pos += sl; // the term: not decoded
      const mask = r.varint();
      off[i] = o;
      posOff[i] = po;
      for (let f = 0; f < nFields; f++) {
        if (mask & (1 << f)) { r.varint(); o += r.varint(); po += r.varint(); }
      }
    }
    this.start = r.pos; // the postings follow the records
    this.entries = new Map(); // term -> entry, or null when the part has no such term
    this.scratch = new Uint8Array(64);
  }

  // [index, term] of the terms starting with target (UTF-8), in order; exact: target only. k is the
  // common prefix of the previous term and target: a term sharing less with the previous one is
  // past all matches, one sharing more compares with target as the previous one did.
  matching(target, exact) {
    const buf = this.buf, rec = this.rec, tl = target.length, out = [];
    let k = 0;
    for (let i = 0; i < this.n; i++) {
      let p = rec[i], shared = 0, sl = 0, mul = 1, b;
      do { b = buf[p++]; shared += (b & 0x7f) * mul; mul *= 128; } while (b & 0x80);
      mul = 1;
      do { b = buf[p++]; sl += (b & 0x7f) * mul; mul *= 128; } while (b & 0x80);
      if (k === tl) { // the previous term starts with target
        if (shared < tl) break;
      } else if (shared < k) break;
      else if (shared > k) continue;
      else {
        let j = 0;
        while (j < sl && k + j < tl && buf[p + j] === target[k + j]) j++;
        if (k + j < tl) {
          if (j < sl && buf[p + j] > target[k + j]) break;
          k += j;
          continue;
        }
        k = tl;
      }
      // A match. Its bytes: target's (first match), then each match's suffix.
      const n = shared + sl;
      if (exact) return n === tl ? [[i, null]] : out;
      if (n > this.scratch.length) {
        const bigger = new Uint8Array(2 * n);
        bigger.set(this.scratch);
        this.scratch = bigger;
      }
      const sc = this.scratch;
      if (!out.length) sc.set(target);
      for (let j = 0; j < sl; j++) sc[shared + j] = buf[p + j];
      out.push([i, isAscii(sc, n) ? String.fromCharCode.apply(null, sc.subarray(0, n)) : utf8.decode(sc.subarray(0, n))]);
    }
    return out;
  }

  entry(i, term) {
    let e = this.entries.get(term);
    if (e) return e;
    const r = new Reader(this.buf, this.rec[i]);
    r.varint();
    const sl = r.varint();
    r.pos += sl;
    const nf = this.nFields, mask = r.varint();
    const df = new Array(nf).fill(0), len = new Array(nf).fill(0), posLen = new Array(nf).fill(0);
    const off = new Array(nf).fill(0), posOff = new Array(nf).fill(0);
    let o = this.start + this.off[i], po = this.posOff[i];
    for (let f = 0; f < nf; f++) {
      if (mask & (1 << f)) {
        df[f] = r.varint(); len[f] = r.varint(); posLen[f] = r.varint();
        off[f] = o; o += len[f];
        posOff[f] = po; po += posLen[f];
      }
    }
    e = { term, mask, df, len, posLen, off, posOff, part: this.index, posBase: this.posBase, buf: this.buf };
    this.entries.set(term, e);
    return e;
  }

  get(term) {
    let e = this.entries.get(term);
    if (e === undefined) {
      const [hit] = this.matching(utf8enc.encode(term), true);
      e = hit ? this.entry(hit[0], term) : null;
      this.entries.set(term, e);
    }
    return e;
  }

  startingWith(prefix) {
    return this.matching(utf8enc.encode(prefix), false).map(([i, term]) => this.entry(i, term));
  }
}

function part(m, i) {
  return once(`parsed:${m.t}${i}.bin`, async () => new TermPart((await loadNumbered(m, 't', [i]))[0], i, m.fields.length));
}

/**
 * The dictionary entry of each term (null when the index has no such term). extraParts: term parts
 * to load in the same request (the ones a prefix's completions lie in).
 */
async function lookup(m, terms, extraParts = []) {
  const out = new Map();
  if (!m.parts.length) { for (const t of terms) out.set(t, null); return out; }
  const uniq = [...new Set(terms)];
  const indices = uniq.map((t) => rangeIndex(m.parts, t));
  loadNumbered(m, 't', [...indices, ...extraParts]); // one request for every part not loaded yet
  const parts = await Promise.all(indices.map((i) => part(m, i)));
  uniq.forEach((t, i) => out.set(t, parts[i].get(t)));
  return out;
}

function postings(buf, entry, f) {
  const r = new Reader(buf, entry.off[f]);
  const n = entry.df[f];
  const docs = new Int32Array(n), freqs = new Int32Array(n), norms = new Uint8Array(n);
  let doc = 0;
  for (let i = 0; i < n; i++) { doc += r.varint(); docs[i] = doc; } // doc deltas, then freqs, then norms
  for (let i = 0; i < n; i++) freqs[i] = r.varint();
  for (let i = 0; i < n; i++) norms[i] = buf[r.pos++];
  return { docs, freqs, norms };
}

/**
 * Makes the positions of these terms available (all their fields), in one request: by range from
 * the uncompressed file of all positions, or (server without range support) the compressed
 * positions files of their parts.
 */
function loadPositions(m, entries) {
  const pairs = [];
  for (const e of new Set(entries)) {
    for (let f = 0; f < m.fields.length; f++) {
      if ((e.mask & (1 << f)) && !cache.has(posKey(e, f))) pairs.push([e, f]);
    }
  }
  if (!pairs.length) return;
  const parts = [...new Set(pairs.map(([e]) => e.part))];
  const ranges = pairs.map(([e, f]) => [e.posBase + e.posOff[f], e.posBase + e.posOff[f] + e.posLen[f]]);
  const all = (async () => {
    if (!rangesUnsupported) {
      const r = await requestRanges(m.r, ranges);
      if (r.read) return ranges.map(([a, b]) => r.read(a, b - a));
      rangesUnsupported = true;
    }
    const files = await Promise.all(parts.map((i) => bytes(`${m.p}${i}.bin`).then(decodeEntry)));
    return pairs.map(([e, f]) => files[parts.indexOf(e.part)].subarray(e.posOff[f], e.posOff[f] + e.posLen[f]));
  })();
  pairs.forEach(([e, f], k) => once(posKey(e, f), async () => (await all)[k]));
}

const posKey = (e, f) => `pos:${e.part}:${e.term}:${f}`;

async function positions(m, entry, f) {
  loadPositions(m, [entry]);
  const data = await cache.get(posKey(entry, f));
  const pst = postings(entry.buf, entry, f);
  const r = new Reader(data);
  const byDoc = new Map();
  for (let k = 0; k < pst.docs.length; k++) {
    const ps = new Int32Array(pst.freqs[k]);
    let p = 0;
    for (let j = 0; j < ps.length; j++) { p += r.varint(); ps[j] = p; }
    byDoc.set(pst.docs[k], { ps, norm: pst.norms[k] });
  }
  return { pst, byDoc };
}

/** Every lexicon entry whose term starts with prefix (from the lexicon files covering it). */
async function lexicon(m, prefix) {
  const lex = m.lex;
  if (!lex.length) return [];
  const first = rangeIndex(lex, prefix);
  let last = first;
  while (last + 1 < lex.length && lex[last + 1].startsWith(prefix)) last++;
  const indices = [];
  for (let i = first; i <= last; i++) indices.push(i);
  loadNumbered(m, 'l', indices);
  const lists = await Promise.all(indices.map((i) => once(`parsedlex:${m.l}${i}`, async () =>
    readTerms(new Reader((await loadNumbered(m, 'l', [i]))[0]), m.fields.length))));
  return lists.flat().filter((t) => t.term.startsWith(prefix));
}

// ---- query language (same rules as dev.peerhub.search.ParsedQuery)

const isSpace = (c) => c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;

export function parseQuery(query) {
  const words = [], phrases = [], excluded = [];
  let lastWord = null, lastIsPlainWord = false;
  const n = query.length;
  let i = 0;
  while (i < n) {
    let c = query.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    let negate = false;
    if (c === 0x2d && i + 1 < n && !isSpace(query.charCodeAt(i + 1))) { negate = true; i++; c = query.charCodeAt(i); }
    if (c === 0x22) {
      let end = query.indexOf('"', i + 1);
      if (end < 0) end = n;
      (negate ? excluded : phrases).push(query.substring(i + 1, end));
      i = Math.min(n, end + 1);
      lastIsPlainWord = false;
    } else {
      const start = i;
      while (i < n && !isSpace(query.charCodeAt(i)) && query.charCodeAt(i) !== 0x22) i++;
      const word = query.substring(start, i);
      if (negate) { excluded.push(word); lastIsPlainWord = false; }
      else { words.push(word); lastWord = word; lastIsPlainWord = i === n; }
    }
  }
  let prefix = null;
  if (lastIsPlainWord && cpLength(lastWord) >= 2 && /^[\p{L}\p{Nd}]+$/u.test(lastWord)) {
    words.pop();
    prefix = lastWord;
  }
  return { words, phrases, excluded, prefix };
}

function fuzzyEdits(term) {
  const len = cpLength(term);
  return len < 3 ? 0 : len <= 5 ? 1 : 2;
}

// Optimal string alignment distance (adjacent transposition = 1 edit), on code points, capped.
function editDistance(a, b, max) {
  const n = a.length, m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  let prev2 = null, prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}

const analyzeTerms = (text) => analyze(text).map((t) => t.term);

// ---- scoring: each clause gives Map(doc -> float score)

function sumInto(acc, doc, s) { acc.set(doc, (acc.get(doc) ?? 0) + s); } // double sum, cast at the end
function roundAll(acc) { for (const [d, s] of acc) acc.set(d, f32(s)); return acc; }

/** SHOULD over (field, term) of BoostQuery(TermQuery): terms with their own stats. */
function scoreTerms(m, entries, bufs) {
  return roundAll(scoreTermsInto(m, entries, bufs, new Map()));
}

/** Adds the unrounded term clause scores to acc (doc -> double sum). */
function scoreTermsInto(m, entries, bufs, acc) {
  const stats = fieldStats(m);
  entries.forEach((e, k) => {
    if (!e) return;
    for (let f = 0; f < stats.length; f++) {
      if (!(e.mask & (1 << f))) continue;
      const st = stats[f];
      const w = f32(st.boost * idf(e.df[f], st.docCount));
      const p = postings(bufs[k], e, f);
      for (let i = 0; i < p.docs.length; i++) sumInto(acc, p.docs[i], bm25(w, p.freqs[i], st.normInv[p.norms[i]]));
    }
  });
  return acc;
}

async function wordClause(m, word, term, entry, highlight) {
  if (entry) {
    highlight.add(term);
    return scoreTerms(m, [entry], [entry.buf]);
  }
  if (fuzzyEdits(term) === 0) return new Map();
  return roundAll(await fuzzyInto(m, term, null, highlight, new Map(), corrections(word, term)));
}

const CORRECTION_MIN_LETTERS = 6;
const A = 0x61, Z = 0x7a;

/**
 * The index terms a typo may have kept a long word from (Searcher.corrections): for an English word
 * that is one token of 6 or more ASCII letters, the terms (other than term) its one-edit variants
 * keeping the first letter analyse to, each with the similarity 1 - 1 / min(word length, variant
 * length) (the highest when several variants give it). Map term -> similarity.
 */
function corrections(word, term) {
  const out = new Map();
  if (!surfaces) return out;
  const surface = surfaces(word);
  if (surface.length !== 1) return out;
  const u = surface[0], n = u.length;
  if (n < CORRECTION_MIN_LETTERS) return out;
  for (let i = 0; i < n; i++) { const c = u.charCodeAt(i); if (c < A || c > Z) return out; }
  const add = (v) => {
    const ts = analyzeTerms(v);
    if (ts.length !== 1 || ts[0] === term) return;
    const sim = f32(1 - f32(1 / Math.min(n, v.length)));
    const had = out.get(ts[0]);
    if (had === undefined || sim > had) out.set(ts[0], sim);
  };
  for (let i = 1; i < n; i++) add(u.slice(0, i) + u.slice(i + 1)); // deletions
  for (let i = 1; i + 1 < n; i++) if (u[i] !== u[i + 1]) add(u.slice(0, i) + u[i + 1] + u[i] + u.slice(i + 2)); // transpositions
  for (let i = 1; i < n; i++) { // replacements
    for (let c = A; c <= Z; c++) if (c !== u.charCodeAt(i)) add(u.slice(0, i) + String.fromCharCode(c) + u.slice(i + 1));
  }
  for (let i = 1; i <= n; i++) { // insertions
    for (let c = A; c <= Z; c++) add(u.slice(0, i) + String.fromCharCode(c) + u.slice(i));
  }
  return out;
}

/**
 * Adds the scores of term's fuzzy clauses (one per field, each a float) to acc, unrounded:
 * the SHOULD clauses Searcher.addFuzzy builds. term is in no field and has fuzzyEdits > 0.
 * notStartingWith (or null): index terms starting with it are not candidates (Searcher.TypoQuery).
 */
async function fuzzyInto(m, term, notStartingWith, highlight, acc, fixes = new Map()) {
  const edits = fuzzyEdits(term);
  // FuzzyQuery(field, term, edits, prefixLength 1, maxExpansions 50, transpositions) per field,
  // rewritten as Lucene's TopTermsBlendedFreqScoringRewrite does.
  const q = [...term];
  const firstCp = q[0];
  const candidates = await lexicon(m, firstCp);
  const stats = fieldStats(m);
  const perField = [];
  const needed = new Set();
  for (let f = 0; f < stats.length; f++) {
    const scored = [];
    for (const t of candidates) {
      if (!(t.mask & (1 << f))) continue;
      const c = [...t.term];
      if (c[0] !== firstCp) continue;
      if (notStartingWith !== null && t.term.startsWith(notStartingWith)) continue;
      const ed = editDistance(q.slice(1), c.slice(1), edits);
      let sim = ed > edits || ed === 0 ? -1 : f32(1 - f32(ed / Math.min(c.length, q.length)));
      // A correction (they start with the same letter) is a candidate too, the higher similarity
      // winning when the edit distance finds it as well (Searcher.TypoQuery).
      const fix = fixes.get(t.term);
      if (fix !== undefined && fix > sim) sim = fix;
      if (sim < 0) continue;
      scored.push({ term: t.term, sim, df: t.df[f] });
    }
    scored.sort((a, b) => (b.sim - a.sim) || compareTerms(a.term, b.term));
    const top = scored.slice(0, FUZZY_MAX_EXPANSIONS);
    perField.push(top);
    for (const t of top) needed.add(t.term);
  }
  const entries = await lookup(m, [...needed]);
  for (let f = 0; f < stats.length; f++) {
    const top = perField[f];
    if (!top.length) continue;
    let df = 0;
    for (const t of top) df = Math.max(df, t.df);
    const st = stats[f];
    const idfv = idf(df, st.docCount);
    const fieldAcc = new Map();
    for (const t of top) {
      highlight.add(t.term);
      const e = entries.get(t.term);
      const w = f32(f32(t.sim * st.boost) * idfv);
      const p = postings(e.buf, e, f);
      for (let i = 0; i < p.docs.length; i++) sumInto(fieldAcc, p.docs[i], bm25(w, p.freqs[i], st.normInv[p.norms[i]]));
    }
    for (const [d, s] of fieldAcc) sumInto(acc, d, f32(s));
  }
  return acc;
}

async function phraseMatches(m, tokens, entries, f) {
  // Exact phrase: count start positions where every term sits at its offset.
  const lists = await Promise.all(tokens.map((t) => positions(m, entries.get(t.term), f)));
  const first = tokens[0].position;
  const offsets = tokens.map((t) => t.position - first);
  const out = new Map();
  const [lead, ...rest] = lists;
  for (const [doc, { ps: leadPos, norm }] of lead.byDoc) {
    const others = rest.map((l) => l.byDoc.get(doc));
    if (others.some((o) => !o)) continue;
    const sets = others.map((o) => new Set(o.ps));
    let freq = 0;
    for (const p of leadPos) {
      let ok = true;
      for (let k = 0; k < sets.length; k++) if (!sets[k].has(p + offsets[k + 1])) { ok = false; break; }
      if (ok) freq++;
    }
    if (freq > 0) out.set(doc, { freq, norm });
  }
  return out;
}

async function phraseClause(m, tokens, entries, highlight) {
  const stats = fieldStats(m);
  const acc = new Map();
  for (let f = 0; f < stats.length; f++) {
    if (tokens.some((t) => !entries.get(t.term) || !(entries.get(t.term).mask & (1 << f)))) continue;
    const st = stats[f];
    let idfSum = 0;
    for (const t of tokens) idfSum += idf(entries.get(t.term).df[f], st.docCount);
    const w = f32(st.boost * f32(idfSum));
    const matches = await phraseMatches(m, tokens, entries, f);
    for (const [doc, { freq, norm }] of matches) sumInto(acc, doc, bm25(w, freq, st.normInv[norm]));
  }
  for (const t of tokens) highlight.add(t.term);
  return roundAll(acc);
}

async function phraseDocs(m, tokens, entries) { // for exclusions: docs with the phrase in any field
  const out = new Set();
  for (let f = 0; f < m.fields.length; f++) {
    if (tokens.some((t) => !entries.get(t.term) || !(entries.get(t.term).mask & (1 << f)))) continue;
    for (const doc of (await phraseMatches(m, tokens, entries, f)).keys()) out.add(doc);
  }
  return out;
}

/**
 * Term parts [first, last] that can hold the index terms starting with prefix (part i holds the
 * terms from its separator to the next part's; a later part starts with the prefix exactly when
 * its separator does).
 */
function prefixParts(m, prefix) {
  const first = rangeIndex(m.parts, prefix);
  let last = first;
  while (last + 1 < m.parts.length && m.parts[last + 1].startsWith(prefix)) last++;
  return [first, last];
}

/**
 * A prefix spanning at most this many term parts is completed from the parts themselves (they
 * come in the request for the other words' parts and already hold every completion's postings);
 * a wider one from the lexicon first (small entries, no postings), then the completions' parts.
 */
const DIRECT_PREFIX_PARTS = 3;

/**
 * The prefix word's expansions (Searcher.prefixQuery): the 10 index terms starting with it that
 * occur in most pages, plus its own analysed forms when they are in the index; and the analysed
 * forms in no page, which get typo expansions. Looks up `others` (the other words' terms) in the
 * same request; returns {terms, typos, entries} with the entries of others and of the expansions.
 */
async function prefixTerms(m, word, others) {
  const prefix = lowerCase(word);
  const stems = analyzeTerms(word);
  let candidates = null;
  let extraParts = [];
  if (m.parts.length) {
    const [first, last] = prefixParts(m, prefix);
    if (last - first < DIRECT_PREFIX_PARTS) {
      for (let i = first; i <= last; i++) extraParts.push(i);
      await lookup(m, [...others, ...stems], extraParts); // one request for everything
      const parts = await Promise.all(extraParts.map((i) => part(m, i)));
      candidates = parts.flatMap((p) => p.startingWith(prefix));
    }
  }
  if (!candidates) candidates = await lexicon(m, prefix);
  const ranked = candidates.map((t) => ({ term: t.term, df: t.df.reduce((a, b) => a + b, 0) }));
  ranked.sort((a, b) => (b.df - a.df) || compareTerms(a.term, b.term));
  const out = ranked.slice(0, PREFIX_EXPANSIONS).map((t) => t.term);
  // Everything in one request (nothing new when the prefix's parts came with the others).
  const entries = await lookup(m, [...others, ...stems, ...out], extraParts);
  const inIndex = new Set(candidates.map((t) => t.term));
  const typos = [];
  for (const s of stems) {
    const known = inIndex.has(s) || !!entries.get(s);
    if (known && !out.includes(s)) out.push(s);
    // A stem in no field gets the typo expansions any other word would get (Searcher.prefixTypoTerms).
    if (!known && fuzzyEdits(s) > 0 && !typos.includes(s)) typos.push(s);
  }
  return { terms: out, typos, entries };
}

// ---- the search

async function facetTable() {
  const m = await manifest();
  return json(m.facets);
}

/**
 * Searches the site. Options: limit (10), offset (0), filters {tag, section, type},
 * facets (true to also return counts per tag, section and type over all matches).
 */
export async function search(query, options = {}) {
  const limit = options.limit ?? 10;
  const offset = options.offset ?? 0;
  const filters = options.filters ?? {};
  const wantFacets = options.facets === true;
  const m = await manifest();
  const pq = parseQuery(String(query ?? ''));
  const hasFilter = !!(filters.tag || filters.section || filters.type);
  const facetsP = hasFilter || wantFacets ? facetTable() : null;

  // Analyse, and look every exact term up at once (one request for all the term parts).
  const wordTerms = [];
  for (const w of pq.words) for (const t of analyzeTerms(w)) wordTerms.push([t, w]);
  const phraseTokens = pq.phrases.map((p) => analyze(p)).filter((ts) => ts.length);
  const excludedTokens = pq.excluded.map((x) => analyze(x)).filter((ts) => ts.length);
  const all = [...wordTerms.map(([t]) => t), ...phraseTokens.flat().map((t) => t.term), ...excludedTokens.flat().map((t) => t.term)];
  // With a prefix, its completions' parts come with the other words' parts (see prefixTerms).
  const prefixExp = pq.prefix !== null ? await prefixTerms(m, pq.prefix, all) : null;
  const prefixList = prefixExp ? prefixExp.terms : null;
  const entries = prefixExp ? prefixExp.entries : await lookup(m, all);

  // Positions, for phrases only: all they need in one request.
  const posEntries = [];
  for (const ts of [...phraseTokens, ...excludedTokens]) {
    if (ts.length < 2) continue;
    for (const t of ts) { const e = entries.get(t.term); if (e) posEntries.push(e); }
  }
  loadPositions(m, posEntries);

  // The plan, in the Searcher's order: words, phrases, prefix; identical items once.
  const highlight = new Set();
  const clauses = new Map();
  const add = (key, make) => { if (!clauses.has(key)) clauses.set(key, make); };
  for (const [t, w] of wordTerms) add('w:' + t, () => wordClause(m, w, t, entries.get(t), highlight));
  for (const ts of phraseTokens) {
    if (ts.length === 1) {
      const t = ts[0].term;
      add('w:' + t, async () => (entries.get(t) ? wordClause(m, null, t, entries.get(t), highlight) : new Map()));
    } else {
      const first = ts[0].position;
      add('p:' + ts.map((t) => `${t.position - first}=${t.term} `).join(''), () => phraseClause(m, ts, entries, highlight));
    }
  }
  if (prefixExp) {
    // One SHOULD of the prefix term clauses and the typo (fuzzy) clauses: matches when any does,
    // scores their sum (in double, rounded once), as Searcher.prefixQuery.
    const typos = prefixExp.typos;
    add('x:' + prefixList.join(' ') + (typos.length ? ' ~' + typos.join(' ~') : ''), async () => {
      const es = prefixList.map((t) => entries.get(t));
      const bufs = es.map((e) => (e ? e.buf : null));
      prefixList.forEach((t) => { if (entries.get(t)) highlight.add(t); });
      const acc = scoreTermsInto(m, es, bufs, new Map());
      for (const t of typos) await fuzzyInto(m, t, lowerCase(pq.prefix), highlight, acc, corrections(pq.prefix, t));
      return roundAll(acc);
    });
  }
  const empty = { total: 0, results: [] };
  if (!clauses.size) return wantFacets ? { ...empty, facets: { tags: {}, sections: {}, types: {} } } : empty;
  const scored = await Promise.all([...clauses.values()].map((make) => make()));

  // Exclusions and filters.
  const excludedDocs = new Set();
  for (const ts of excludedTokens) {
    if (ts.length === 1) {
      const e = entries.get(ts[0].term);
      if (!e) continue;
      const buf = e.buf;
      for (let f = 0; f < m.fields.length; f++) if (e.mask & (1 << f)) for (const d of postings(buf, e, f).docs) excludedDocs.add(d);
    } else {
      for (const d of await phraseDocs(m, ts, entries)) excludedDocs.add(d);
    }
  }
  const table = facetsP ? await facetsP : null;
  const keep = filterFn(table, filters, excludedDocs);

  let hits = combine(scored, 'all', keep);
  let fallback;
  if (hits.length === 0 && scored.length >= 2) {
    hits = combine(scored, 'any', keep);
    fallback = 'any';
  }
  hits.sort((a, b) => (b.score - a.score) || (a.doc - b.doc));
  const page = hits.slice(offset, offset + limit);
  const docs = await fetchDocs(m, page.map((h) => h.doc));
  const filter = termFilter(highlight); // one for the page's results
  const results = page.map((h, i) => {
    const d = docs[i];
    const ex = excerpt(d.passages, highlight, filter);
    return { url: d.url, title: d.title, summary: d.summary, date: d.date, contentNote: d.contentNote || '', tags: d.tags, score: h.score,
      anchor: ex.anchor, excerptHtml: ex.html };
  });
  const out = { total: hits.length, results };
  if (fallback) out.fallback = fallback;
  if (wantFacets) out.facets = facets(table, hits);
  return out;
}

function filterFn(table, filters, excluded) {
  const want = (names, v) => (v ? names.indexOf(v) : null);
  const s = table ? want(table.sections, filters.section) : null;
  const t = table ? want(table.types, filters.type) : null;
  const g = table ? want(table.tags, filters.tag) : null;
  return (doc) => {
    if (excluded.has(doc)) return false;
    if (s !== null && table.docSection[doc] !== s) return false;
    if (t !== null && table.docType[doc] !== t) return false;
    if (g !== null && !table.docTags[doc].includes(g)) return false;
    return true;
  };
}

function combine(scored, mode, keep) {
  const acc = new Map();
  if (mode === 'all') {
    const [first, ...rest] = [...scored].sort((a, b) => a.size - b.size);
    for (const doc of first.keys()) {
      if (!keep(doc) || rest.some((other) => !other.has(doc))) continue;
      let sum = 0; // in clause order, in double, rounded once (as Lucene's conjunction scorer)
      for (const c of scored) sum += c.get(doc);
      acc.set(doc, f32(sum));
    }
  } else {
    for (const c of scored) for (const [doc, s] of c) if (keep(doc)) sumInto(acc, doc, s);
    roundAll(acc);
  }
  return [...acc].map(([doc, score]) => ({ doc, score }));
}

function facets(table, hits) {
  const count = (names, pick) => {
    const c = new Array(names.length).fill(0);
    for (const h of hits) pick(h.doc, c);
    const idx = names.map((_, i) => i).filter((i) => c[i] > 0);
    idx.sort((a, b) => (c[b] - c[a]) || (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
    const out = {};
    for (const i of idx) out[names[i]] = c[i];
    return out;
  };
  return {
    tags: count(table.tags, (d, c) => { for (const g of table.docTags[d]) c[g]++; }),
    sections: count(table.sections, (d, c) => { c[table.docSection[d]]++; }),
    types: count(table.types, (d, c) => { c[table.docType[d]]++; }),
  };
}

// ---- packs: several entries of one file in one multi-range request

// Entry sizes in 256-byte blocks, written as base-32 numbers: digits from MORE continue a number,
// a digit from FINAL ends it (see IndexExporter.blockNumber).
const FINAL = '0123456789abcdefghijklmnopqrstuv';
const MORE = 'wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';

const DIGITS = new Int8Array(128).fill(-1); // char code -> 0..31 (FINAL) or 32..63 (MORE)
for (let i = 0; i < 32; i++) { DIGITS[FINAL.charCodeAt(i)] = i; DIGITS[MORE.charCodeAt(i)] = 32 + i; }

// Entry starts in bytes, in a typed array (kept off the JavaScript heap).
function packStarts(m, kind) {
  const key = `_starts_${kind}`;
  if (!m[key]) {
    const text = m[`${kind}Blocks`];
    let n = 0;
    for (let i = 0; i < text.length; i++) if (!(DIGITS[text.charCodeAt(i)] >= 32)) n++;
    const starts = new Float64Array(n + 1);
    let v = 0, k = 0;
    for (let i = 0; i < text.length; i++) {
      const d = DIGITS[text.charCodeAt(i)];
      if (d >= 32) { v = v * 32 + (d - 32); continue; }
      v = v * 32 + (d ?? -1);
      starts[k + 1] = starts[k] + v * 256;
      k++;
      v = 0;
    }
    m[key] = starts;
  }
  return m[key];
}

/**
 * Numbered files of one kind ('t' term parts, 'p' positions, 'l' lexicon), fetched together: one
 * multi-range request into the kind's pack for all those not loaded yet. Registers its promises
 * synchronously, so callers can start a batch and then ask for the files one by one.
 */
function loadNumbered(m, kind, indices) {
  const missing = [...new Set(indices)].filter((i) => !cache.has(`${kind}#${i}`));
  if (missing.length) {
    const starts = packStarts(m, kind);
    const dir = m[kind];
    const all = packEntries(dir.replace(/\/$/, '.bin'), missing.map((i) => [starts[i], starts[i + 1]]),
      missing.map((i) => `${dir}${i}.bin`), true);
    missing.forEach((i, k) => once(`${kind}#${i}`, async () => (await all)[k]));
  }
  return Promise.all(indices.map((i) => cache.get(`${kind}#${i}`)));
}

/**
 * Entries [start, end) of a pack (varint length + raw DEFLATE each), decompressed. When the server
 * ignores ranges (200), the body is aborted and the same content comes from one file per entry
 * (fallback[i]: an entry like the pack's when fallbackIsEntry, else the plain content), or from
 * fallback() when it is a function.
 */
let rangesUnsupported = false; // set after a server answered a range request with the whole file

async function packEntries(pack, ranges, fallback, fallbackIsEntry) {
  if (!rangesUnsupported) {
    const r = await requestRanges(pack, ranges);
    if (r.read) return Promise.all(ranges.map(([s, e]) => decodeEntry(r.read(s, e - s))));
    rangesUnsupported = true;
  }
  if (typeof fallback === 'function') return fallback();
  return Promise.all(fallback.map(async (name) => {
    const b = await bytes(name);
    return fallbackIsEntry ? decodeEntry(b) : b;
  }));
}

function decodeEntry(entry) {
  const r = new Reader(entry);
  const len = r.varint();
  return inflate(entry.subarray(r.pos, r.pos + len));
}

// ---- display data: one multi-range request for the page's results

async function fetchDocs(m, docNums) {
  if (!docNums.length) return [];
  let ranges;
  if (m.docBlocks) {
    // Entry sizes in 256-byte blocks are in the manifest: one request for all the documents.
    const starts = packStarts(m, 'doc');
    ranges = docNums.map((d) => [starts[d], starts[d + 1]]);
  } else {
    // Large sites: first the entries' offsets (a few bytes each, one request), then the entries.
    const offs = await offsetsOf(m, docNums);
    ranges = docNums.map((d) => [offs(d), offs(d + 1)]);
  }
  const payloads = await packEntries(m.docs, ranges, () => Promise.all(docNums.map((d) => docFromGroup(m, d))));
  return payloads.map(decodeDoc);
}

/**
 * A page's display data (dev.peerhub.search.DisplayData's encoding): url, title, summary, date, content
 * note, tags, then passages as [anchor, heading, text]; each string a varint byte length and UTF-8.
 */
function decodeDoc(b) {
  const r = new Reader(b);
  const str = () => {
    const n = r.varint();
    const s = n ? utf8.decode(b.subarray(r.pos, r.pos + n)) : '';
    r.pos += n;
    return s;
  };
  const url = str(), title = str(), summary = str(), date = str(), contentNote = str();
  const tags = [];
  for (let n = r.varint(); n > 0; n--) tags.push(str());
  const passages = [];
  for (let n = r.varint(); n > 0; n--) passages.push([str(), str(), str()]);
  return { url, title, summary, date, contentNote, tags, passages };
}

/** Without range support: a page's entry from the file of m.docGroup entries end to end that holds it. */
async function docFromGroup(m, d) {
  const g = Math.floor(d / m.docGroup);
  const name = `${m.docGroups}${g}.bin`;
  const b = await bytes(name);
  const r = new Reader(b);
  for (let k = g * m.docGroup; k < d; k++) {
    const skip = r.varint();
    r.pos += skip;
  }
  const len = r.varint();
  return inflate(b.subarray(r.pos, r.pos + len));
}

async function offsetsOf(m, docNums) {
  let read;
  const whole = cache.get(m.offsets);
  if (whole) {
    const b = await whole;
    read = (s, n) => b.subarray(s, s + n);
  } else {
    const r = await requestRanges(m.offsets, docNums.map((d) => [d * 4, d * 4 + 8]), true);
    if (r.read) read = r.read;
    else {
      // No range support: the offsets file is small enough to use whole (and keep).
      const p = r.whole ? Promise.resolve(r.whole) : bytes(m.offsets);
      cache.set(m.offsets, p);
      const b = await p;
      read = (s, n) => b.subarray(s, s + n);
    }
  }
  return (d) => {
    const a = read(d * 4, 4);
    return a[0] | (a[1] << 8) | (a[2] << 16) | (a[3] * 2 ** 24);
  };
}

// The browser's raw-DEFLATE decoder, fed and read directly (a Blob per entry, or reading through a
// Response, cost more than the decoding of these small entries).
async function inflate(data) {
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  writer.write(data).catch(() => {}); // a decoding error is reported by the readable side
  writer.close().catch(() => {});
  const reader = ds.readable.getReader();
  const chunks = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    n += value.length;
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

/**
 * One request for byte ranges [start, end) of a file: {read(start, length)} on 206. Otherwise {whole}:
 * with keepWhole, the whole file's bytes when the server ignored the ranges (200), else null (the
 * download is stopped at the headers; 200 or an error such as 416 makes the caller fall back).
 */
async function requestRanges(name, wanted, keepWhole = false) {
  const sorted = [...wanted].sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e); else merged.push([s, e]);
  }
  const range = 'bytes=' + merged.map(([s, e]) => `${s}-${e - 1}`).join(',');
  const url = new URL(name, base);
  const answer = await (quietReferrer() ? rangesByXhr(url, range, keepWhole) : rangesByFetch(url, range, keepWhole));
  if (answer.status !== 206) return { whole: answer.body ?? null };
  const pieces = parseRanges(answer.header, answer.body);
  return {
    read(s, n) {
      for (const p of pieces) {
        if (s >= p.start && s + n <= p.start + p.data.length) return p.data.subarray(s - p.start, s - p.start + n);
      }
      throw new Error('search index: the server left out a range');
    },
  };
}

/*
 * Range requests go through XMLHttpRequest when the page's referrer policy lets it: its load event
 * comes with the whole body in, where a fetch resolves at the headers and its body needs one to three
 * more tasks (a further query 0.2 to 2 ms sooner, paired in Chromium over four runs: docs/search.md, "A
 * further query"). But XMLHttpRequest cannot be told to send no Referer, it follows the page's
 * policy, and the index's requests must not carry the page's address: the search page keeps the
 * query in it, and servers log the Referer. So it is used only when the page's last
 * <meta name="referrer"> sends at most the origin to its own server (peerhub's layouts say
 * no-referrer); otherwise, and outside a page, fetch with referrerPolicy "no-referrer".
 */
const QUIET_POLICIES = new Set(['no-referrer', 'never', 'origin', 'strict-origin']);
let quiet = null;
function quietReferrer() {
  if (quiet === null) {
    quiet = false;
    if (typeof XMLHttpRequest === 'function' && typeof document === 'object' && document) {
      const metas = document.querySelectorAll('meta[name="referrer" i]');
      const last = metas[metas.length - 1];
      quiet = !!last && QUIET_POLICIES.has(String(last.content ?? '').trim().toLowerCase());
    }
  }
  return quiet;
}

// {status, header(name), body} of a range request. The download is stopped at the headers, with no
// body, for any status but 206 (and 200 when keepWhole).
function rangesByXhr(url, range, keepWhole) {
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    const header = (h) => x.getResponseHeader(h);
    x.open('GET', url);
    x.responseType = 'arraybuffer';
    x.setRequestHeader('Range', range);
    x.onreadystatechange = () => {
      if (x.readyState !== 2 || x.status === 206 || (keepWhole && x.status === 200)) return;
      const status = x.status;
      x.onreadystatechange = x.onload = x.onerror = null;
      x.abort();
      resolve({ status, header });
    };
    x.onload = () => resolve({ status: x.status, header, body: new Uint8Array(x.response) });
    x.onerror = () => reject(new TypeError(`search index: ${url.pathname}: the request failed`));
    x.send();
  });
}

async function rangesByFetch(url, range, keepWhole) {
  const res = await fetch(url, { headers: { Range: range }, credentials: 'same-origin', referrerPolicy: 'no-referrer' });
  const header = (h) => res.headers.get(h);
  if (res.status === 206 || (keepWhole && res.status === 200)) return { status: res.status, header, body: await readBody(res) };
  res.body?.cancel().catch(() => {}); // ends the download
  return { status: res.status, header };
}

// A range answer's body, used once Content-Length bytes are in (sooner than the stream's end); read
// whole without a length or with a Content-Encoding (the length is then the encoded one).
async function readBody(res) {
  const n = Number(res.headers.get('content-length'));
  const coding = res.headers.get('content-encoding');
  if (!(n > 0) || (coding && coding !== 'identity') || !res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  let out = new Uint8Array(n), o = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (o + value.length > out.length) { // more than announced: keep reading to the end
      const bigger = new Uint8Array(Math.max(out.length * 2, o + value.length));
      bigger.set(out.subarray(0, o));
      out = bigger;
    }
    out.set(value, o);
    o += value.length;
    if (o === n) { reader.releaseLock(); return out; }
  }
  return o === out.length ? out : out.subarray(0, o);
}

function parseRanges(header, body) {
  const type = header('content-type') || '';
  const mb = /multipart\/byteranges;\s*boundary="?([^";]+)"?/i.exec(type);
  if (!mb) {
    const cr = /bytes (\d+)-(\d+)/.exec(header('content-range') || '');
    return [{ start: cr ? Number(cr[1]) : 0, data: body }];
  }
  // Each part: CRLF, "--boundary", CRLF, headers, an empty line, the data. Only the headers are
  // decoded (Latin-1, one char per byte); the data is cut out by its Content-Range length.
  const pieces = [];
  let pos = 0;
  for (;;) {
    let end = pos;
    while (end + 3 < body.length && !(body[end] === 13 && body[end + 1] === 10 && body[end + 2] === 13 && body[end + 3] === 10)) end++;
    if (end + 3 >= body.length) break;
    const head = String.fromCharCode.apply(null, body.subarray(pos, end));
    const cr = /content-range:\s*bytes (\d+)-(\d+)/i.exec(head);
    if (!cr || head.indexOf('--' + mb[1]) < 0) break;
    const start = Number(cr[1]), len = Number(cr[2]) - start + 1;
    const dataStart = end + 4;
    pieces.push({ start, data: body.subarray(dataStart, dataStart + len) });
    pos = dataStart + len;
  }
  return pieces;
}

// ---- excerpts (same rules as dev.peerhub.search.Excerpts)

// The runs of non-space characters (isSpace); a regular expression is faster than a cold JS loop.
function words(text) {
  const out = text.split(SPACES);
  if (out.length && out[0] === '') out.shift();
  if (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// The analysed terms of the words of excerpts, kept for the page's lifetime (memory only): pages
// share most of their words, so a further query analyses few new ones. Emptied when it gets big.
const excerptTerms = new Map();
const EXCERPT_TERMS_MAX = 50000;
function termsOf(w) {
  let t = excerptTerms.get(w);
  if (!t) {
    if (excerptTerms.size >= EXCERPT_TERMS_MAX) excerptTerms.clear();
    t = analyzeTerms(w);
    excerptTerms.set(w, t);
  }
  return t;
}

// Only words that may match a query term are analysed (see docs/search.md, "Excerpts"): a word of
// ASCII letters with plain punctuation around it is one token whose term starts with its first two
// letters (its first letter when the second is a 'y' or the term has one letter), and with all
// of the term but its last letter (a Porter stem changes at most a word's last letter).
const SPACE = '\\x00-\\x20\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'; // isSpace
const SPACES = new RegExp(`[${SPACE}]+`);
const LETTERS_WORD = /^[(["]*([A-Za-z]+)[.,;:!?)\]"]*$/;
const LETTERS_TEXT = new RegExp(`^[${SPACE}]*(?:[(["]{0,10}[A-Za-z]{1,80}[.,;:!?)\\]"]{0,10}(?:[${SPACE}]+|$))*$`);
const isLower = (c) => c >= 0x61 && c <= 0x7a;

/** The words of a text (as words() splits it) that may hold one of terms, and the test for one. */
function termFilter(terms) {
  const firsts = new Set(), pairs = new Set(), alone = new Set(); // first letters, first two, one-letter terms
  const patterns = new Set();
  for (const t of terms) {
    const c = t.charCodeAt(0);
    firsts.add(c);
    if (t.length === 1 || !isLower(t.charCodeAt(1))) alone.add(c); // a second letter no plain word has
    else pairs.add(t.substring(0, 2));
    if (!isLower(c)) continue;
    const up = (x) => String.fromCharCode(x, x - 32);
    patterns.add(t.length === 1 || !isLower(t.charCodeAt(1)) ? `[${up(c)}]` : `[${up(c)}](?:[${up(t.charCodeAt(1))}yY])`);
  }
  const heads = [...terms].map((t) => t.slice(0, -1));
  const headFits = (letters) => { // letters: a plain word's, lower-cased
    for (const h of heads) if (letters.startsWith(h)) return true;
    return false;
  };
  const mayMatch = (w) => {
    if (w.length > 100) return true; // very long words: left to the analyzer (token length limits)
    const m = LETTERS_WORD.exec(w);
    if (m === null) return true;
    const c = m[1].charCodeAt(0) | 0x20;
    if (!alone.has(c)) {
      if (m[1].length < 2) return false;
      const c2 = m[1].charCodeAt(1) | 0x20;
      if (!(c2 === 0x79 ? firsts.has(c) : pairs.has(String.fromCharCode(c, c2)))) return false;
    }
    return headFits(m[1].toLowerCase());
  };
  const startsWell = patterns.size
    ? new RegExp(`(?<![^${SPACE}])[(["]*(?:${[...patterns].join('|')})[^${SPACE}]*`, 'g') : null;
  const candidates = (text) => {
    if (LETTERS_TEXT.test(text)) return startsWell ? (text.match(startsWell) ?? []).filter(mayMatch) : [];
    return words(text).filter(mayMatch);
  };
  return { mayMatch, candidates };
}

function excerpt(passages, terms, filter) {
  if (!passages.length) return { anchor: '', html: '' };
  const { mayMatch, candidates } = filter;
  const matches = (w) => mayMatch(w) && termsOf(w).some((t) => terms.has(t));
  let best = 0, bestCount = -1;
  passages.forEach(([, heading, text], p) => {
    const found = new Set();
    for (const w of candidates(text)) for (const t of termsOf(w)) if (terms.has(t)) found.add(t);
    // The heading is analysed whole (as Excerpts does) when a word of it may match.
    if (candidates(heading).length) for (const t of termsOf(heading)) if (terms.has(t)) found.add(t);
    if (found.size > bestCount) { best = p; bestCount = found.size; }
  });
  const ws = words(passages[best][2]);
  let first = ws.findIndex(matches);
  if (first < 0) first = 0;
  const start = Math.max(0, first - EXCERPT_BEFORE);
  const end = Math.min(ws.length, start + EXCERPT_WINDOW);
  let html = start > 0 ? '\u2026 ' : '';
  for (let i = start; i < end; i++) {
    if (i > start) html += ' ';
    html += matches(ws[i]) ? `<mark>${escapeHtml(ws[i])}</mark>` : escapeHtml(ws[i]);
  }
  if (end < ws.length) html += ' \u2026';
  return { anchor: passages[best][0], html };
}
