// peerhub browser-side text analysis: the same terms and positions as Lucene's EnglishAnalyzer
// (StandardTokenizer -> EnglishPossessiveFilter -> LowerCaseFilter -> StopFilter -> PorterStemFilter).
// Plain ES module, no dependencies. Proven against Lucene by generator's AnalyzerParityTest.
//
// The tokenizer is a fresh implementation of the UAX#29 word-break grammar that Lucene's
// StandardTokenizer encodes (Unicode 9 properties, Unicode 11 emoji sequences, longest match,
// earliest rule on ties, at most 255 UTF-16 units per token). Character properties come from
// uax29-data.js, which is measured from Lucene itself by GenerateAnalyzerData.java.
import { CLASS_CHARS, CLASS_BITS, CLASS_RUNS, LOWER_RUNS } from './uax29-data.js';

// ---------------------------------------------------------------- character classes
// Property bits, as written by GenerateAnalyzerData.java.
const AH = 1, HL = 2, HG = 4, NU = 8, KA = 16, ENL = 32, MLX = 64, MNX = 128, SQ = 256, DQ = 512,
  EXT = 1024, ZWJ = 2048, RI = 4096, HAN = 8192, HIR = 16384, SA = 32768, EMO = 65536,
  EMM = 262144, KEYBASE = 1 << 19, KEYCAP = 1 << 20, PRES = 1 << 21, TEXT = 1 << 22,
  TAGSPEC = 1 << 23, TAGTERM = 1 << 24;

const bmpClass = new Uint8Array(0x10000);
const astralStart = [], astralEnd = [], astralClass = [];
{
  let pos = 0;
  for (const entry of CLASS_RUNS.split(',')) {
    const m = /^([0-9a-z]+)(.)([0-9a-z]+)$/.exec(entry);
    const from = pos + parseInt(m[1], 36);
    const cls = CLASS_CHARS.indexOf(m[2]);
    const to = from + parseInt(m[3], 36); // exclusive
    if (from < 0x10000) bmpClass.fill(cls, from, Math.min(to, 0x10000));
    if (to > 0x10000) {
      astralStart.push(Math.max(from, 0x10000));
      astralEnd.push(to);
      astralClass.push(cls);
    }
    pos = to;
  }
}

function classOf(cp) {
  if (cp < 0x10000) return bmpClass[cp];
  let lo = 0, hi = astralStart.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < astralStart[mid]) hi = mid - 1;
    else if (cp >= astralEnd[mid]) lo = mid + 1;
    else return astralClass[mid];
  }
  return 0;
}

// A set of classes as a bit mask over class ids (there are fewer than 32 classes).
if (CLASS_BITS.length > 31) throw new Error('analyzer: too many character classes for a 31-bit mask');
function classes(anyOf, noneOf = 0) {
  let mask = 0;
  CLASS_BITS.forEach((bits, k) => {
    if ((bits & anyOf) !== 0 && (bits & noneOf) === 0) mask |= 1 << k;
  });
  return mask;
}

// ---------------------------------------------------------------- the grammar
// Patterns are small trees; each rule is compiled to its own piece of one NFA, which is then run
// as a lazily built DFA over classes.
const sym = (mask) => ({ op: 'sym', mask });
const seq = (...xs) => ({ op: 'seq', xs });
const alt = (...xs) => ({ op: 'alt', xs });
const star = (x) => ({ op: 'star', x });
const plus = (x) => seq(x, star(x));
const opt = (x) => alt(x, seq());

const anyExt = star(sym(classes(EXT)));
const withExt = (bits) => seq(sym(classes(bits)), anyExt);
// In emoji sequences the presentation selectors are not swallowed as plain extenders.
const emojiExt = star(sym(classes(EXT, PRES | TEXT)));
const zwj = sym(classes(ZWJ));
const emojiUnit = alt(
  seq(star(zwj), sym(classes(EMO)), emojiExt, opt(sym(classes(PRES)))),
  seq(sym(classes(EMM)), emojiExt));
const EMOJI_RULE = alt(
  seq(emojiUnit, alt(star(seq(zwj, emojiUnit)), seq(plus(sym(classes(TAGSPEC))), sym(classes(TAGTERM))))),
  seq(sym(classes(KEYBASE)), emojiExt, opt(sym(classes(PRES))), sym(classes(KEYCAP)), emojiExt),
  seq(withExt(RI), withExt(RI)));

const letter = withExt(AH), hebrew = withExt(HL), digit = withExt(NU), kana = withExt(KA);
const joiner = withExt(ENL), midLetter = withExt(MLX), midNum = withExt(MNX);
const number = seq(digit, star(seq(alt(star(joiner), midNum), digit)));
const NUM_RULE = seq(star(joiner), number, star(joiner));
const wordCore = alt(
  seq(kana, star(seq(star(joiner), kana))),
  plus(alt(
    seq(hebrew, alt(withExt(SQ), seq(withExt(DQ), hebrew))),
    number,
    seq(letter, star(seq(alt(star(joiner), midLetter), letter))))));
const WORD_RULE = seq(star(joiner), wordCore, star(seq(plus(joiner), wordCore)), star(joiner));

// In priority order (an earlier rule wins a tie on length), with Lucene's type names.
const RULES = [
  [EMOJI_RULE, '<EMOJI>'],
  [NUM_RULE, '<NUM>'],
  [plus(withExt(HG)), '<HANGUL>'],
  [plus(kana), '<KATAKANA>'],
  [WORD_RULE, '<ALPHANUM>'],
  [plus(withExt(SA)), '<SOUTHEAST_ASIAN>'],
  [withExt(HAN), '<IDEOGRAPHIC>'],
  [withExt(HIR), '<HIRAGANA>'],
];

// NFA: per state, one class-mask transition (or none) and epsilon moves.
const edgeMask = [], edgeTo = [], epsilon = [], acceptRule = [];
function newState() {
  edgeMask.push(0); edgeTo.push(-1); epsilon.push([]); acceptRule.push(-1);
  return edgeMask.length - 1;
}
// Compiles a pattern between fresh states; returns [start, end].
function compile(p) {
  const s = newState();
  let e;
  switch (p.op) {
    case 'sym':
      e = newState(); edgeMask[s] = p.mask; edgeTo[s] = e; break;
    case 'seq': {
      let cur = s;
      for (const x of p.xs) { const [a, b] = compile(x); epsilon[cur].push(a); cur = b; }
      e = cur; break;
    }
    case 'alt':
      e = newState();
      for (const x of p.xs) { const [a, b] = compile(x); epsilon[s].push(a); epsilon[b].push(e); }
      break;
    case 'star': {
      e = newState();
      const [a, b] = compile(p.x);
      epsilon[s].push(a, e); epsilon[b].push(a, e); break;
    }
  }
  return [s, e];
}
const nfaStarts = RULES.map(([pattern], rule) => {
  const [s, e] = compile(pattern);
  acceptRule[e] = rule;
  return s;
});

// Lazily determinised: a DFA state is a sorted set of NFA states.
const dfaCache = new Map();
function dfaState(seeds) {
  const seen = new Set(), stack = [...seeds];
  while (stack.length) {
    const q = stack.pop();
    if (seen.has(q)) continue;
    seen.add(q);
    for (const r of epsilon[q]) stack.push(r);
  }
  const set = [...seen].sort((x, y) => x - y);
  const key = set.join(' ');
  let d = dfaCache.get(key);
  if (!d) {
    let accept = -1;
    for (const q of set) if (acceptRule[q] >= 0 && (accept < 0 || acceptRule[q] < accept)) accept = acceptRule[q];
    // A state with no way on is final: Lucene's scanner stops there without reading ahead.
    d = { set, accept, next: [], more: set.some((q) => edgeMask[q] !== 0) };
    dfaCache.set(key, d);
  }
  return d;
}
const DEAD = dfaState([]);
const START = dfaState(nfaStarts);
function step(d, cls) {
  let n = d.next[cls];
  if (n === undefined) {
    const bit = 1 << cls, targets = [];
    for (const q of d.set) if (edgeMask[q] & bit) targets.push(edgeTo[q]);
    n = d.next[cls] = targets.length ? dfaState(targets) : DEAD;
  }
  return n;
}

// ---------------------------------------------------------------- tokenizer
export const MAX_TOKEN_LENGTH = 255;

/** Lucene StandardTokenizer: [{ text, type, start, end }], offsets in UTF-16 code units. */
export function tokenize(text) {
  // Lucene's scanner sees the text through a 255-char buffer that it refills from a Reader; this
  // decides the token length limit and what happens at the end of input, so it is mirrored here:
  // bufStart = text offset of the buffer's first char, endRead = offset after its last valid char,
  // readPos = how far the reader has been read, heldHigh = a high surrogate read but held back.
  const n = text.length;
  const tokens = [];
  let bufStart = 0, endRead = 0, readPos = 0, heldHigh = 0;
  const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
  const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;
  // Returns true where Lucene's refill reports end of input.
  const refill = (tokenStart) => {
    if (tokenStart > bufStart) { endRead += heldHigh; heldHigh = 0; bufStart = tokenStart; }
    const requested = MAX_TOKEN_LENGTH - (endRead - bufStart) - heldHigh;
    if (requested === 0) return true;
    if (readPos === n) return true;
    const got = Math.min(requested, n - readPos);
    endRead += got; readPos += got;
    if (isHigh(text.charCodeAt(endRead - 1))) {
      if (got === requested) {
        endRead--; heldHigh = 1;
        if (got === 1) return true;
      } else {
        // Lucene reads one more char for the low surrogate; at the end of input it stops there.
        if (readPos === n) return true;
        endRead++; readPos++;
      }
    }
    return false;
  };
  // Code point at p, not looking past endRead (as Character.codePointAt with a limit).
  const codePoint = (p) => {
    const c = text.charCodeAt(p);
    if (isHigh(c) && p + 1 < endRead) {
      const d = text.charCodeAt(p + 1);
      if (isLow(d)) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
    }
    return c;
  };

  let i = 0;
  for (;;) {
    let d = START, p = i, accepted = -1, rule = -1, atEnd = false;
    for (;;) {
      if (p >= endRead && refill(i)) { atEnd = true; break; }
      const cp = codePoint(p);
      d = step(d, classOf(cp));
      p += cp > 0xffff ? 2 : 1;
      if (accepted < 0) accepted = p; // the catch-all rule: one code point, no token
      if (d === DEAD) break;
      if (d.accept >= 0) { accepted = p; rule = d.accept; }
      if (!d.more) break;
    }
    if (atEnd && p === i) return tokens;
    if (rule >= 0) tokens.push({ text: text.slice(i, accepted), type: RULES[rule][1], start: i, end: accepted });
    i = accepted;
  }
}

// ---------------------------------------------------------------- lower case (Java Character.toLowerCase)
const lowerMap = new Map();
{
  let pos = 0;
  for (const entry of LOWER_RUNS.split(';')) {
    const [gap, count, delta, stride = 1] = entry.split(',').map((x) => parseInt(x, 36));
    let cp = pos + gap;
    for (let c = 0; c < count; c++, cp += stride) lowerMap.set(cp, cp + delta);
    pos = cp - stride + 1;
  }
}

/** Lower-cases per code point like Java's Character.toLowerCase(int) (as LowerCaseFilter does). */
export function lowerCase(s) {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i);
    i += cp > 0xffff ? 2 : 1;
    if (cp >= 0x41 && cp <= 0x5a) out += String.fromCharCode(cp + 32);
    else if (cp < 0xc0) out += String.fromCharCode(cp);
    else {
      const m = lowerMap.get(cp);
      out += String.fromCodePoint(m === undefined ? cp : m);
    }
  }
  return out;
}

// ---------------------------------------------------------------- stop words
export const STOP_WORDS = Object.freeze([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it',
  'no', 'not', 'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they',
  'this', 'to', 'was', 'will', 'with',
]);
const stopSet = new Set(STOP_WORDS);
/** Exact (case-sensitive) membership in EnglishAnalyzer.ENGLISH_STOP_WORDS_SET. */
export function isStopWord(word) {
  return stopSet.has(word);
}

// ---------------------------------------------------------------- Porter stemmer
// The original Porter (1980) algorithm with the choices of Lucene's PorterStemmer: 'bli' -> 'ble',
// 'logi' -> 'log', words of one or two chars untouched, operating on UTF-16 code units.
const STEP2_SUFFIXES = {
  a: [['ational', 'ate'], ['tional', 'tion']],
  c: [['enci', 'ence'], ['anci', 'ance']],
  e: [['izer', 'ize']],
  g: [['logi', 'log']],
  l: [['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous']],
  o: [['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate']],
  s: [['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous']],
  t: [['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble']],
};
const STEP3_SUFFIXES = {
  e: [['icate', 'ic'], ['ative', ''], ['alize', 'al']],
  i: [['iciti', 'ic']],
  l: [['ical', 'ic'], ['ful', '']],
  s: [['ness', '']],
};
const STEP4_SUFFIXES = {
  a: ['al'], c: ['ance', 'ence'], e: ['er'], i: ['ic'], l: ['able', 'ible'],
  n: ['ant', 'ement', 'ment', 'ent'], s: ['ism'], t: ['ate', 'iti'], u: ['ous'], v: ['ive'], z: ['ize'],
};

/** Lucene's PorterStemmer applied to one (lower-case) word. */
export function porterStem(word) {
  if (word.length < 3) return word;
  const w = word.split('');
  let last = w.length - 1; // index of the word's last char
  let stemEnd = 0;         // index of the last char before a matched suffix

  const consonant = (i) => {
    const c = w[i];
    if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
    if (c === 'y') return i === 0 || !consonant(i - 1);
    return true;
  };
  // Number of vowel-consonant sequences in w[0..stemEnd].
  const measure = () => {
    let count = 0, i = 0;
    while (i <= stemEnd && consonant(i)) i++;
    for (;;) {
      while (i <= stemEnd && !consonant(i)) i++;
      if (i > stemEnd) return count;
      while (i <= stemEnd && consonant(i)) i++;
      count++;
      if (i > stemEnd) return count;
    }
  };
  const hasVowel = () => {
    for (let i = 0; i <= stemEnd; i++) if (!consonant(i)) return true;
    return false;
  };
  const doubleConsonant = (i) => i >= 1 && w[i] === w[i - 1] && consonant(i);
  const consVowelCons = (i) => i >= 2 && consonant(i) && !consonant(i - 1) && consonant(i - 2)
    && w[i] !== 'w' && w[i] !== 'x' && w[i] !== 'y';
  const endsWith = (suffix) => {
    const from = last - suffix.length + 1;
    if (from < 0) return false;
    for (let i = 0; i < suffix.length; i++) if (w[from + i] !== suffix[i]) return false;
    stemEnd = from - 1;
    return true;
  };
  const replaceSuffix = (s) => {
    for (let i = 0; i < s.length; i++) w[stemEnd + 1 + i] = s[i];
    last = stemEnd + s.length;
  };
  const replaceIfMeasured = (s) => { if (measure() > 0) replaceSuffix(s); };

  // 1a/1b: plurals, -eed, -ed, -ing
  if (w[last] === 's') {
    if (endsWith('sses')) last -= 2;
    else if (endsWith('ies')) replaceSuffix('i');
    else if (w[last - 1] !== 's') last--;
  }
  if (endsWith('eed')) {
    if (measure() > 0) last--;
  } else if ((endsWith('ed') || endsWith('ing')) && hasVowel()) {
    last = stemEnd;
    if (endsWith('at')) replaceSuffix('ate');
    else if (endsWith('bl')) replaceSuffix('ble');
    else if (endsWith('iz')) replaceSuffix('ize');
    else if (doubleConsonant(last)) {
      const c = w[last];
      if (c !== 'l' && c !== 's' && c !== 'z') last--;
    } else if (measure() === 1 && consVowelCons(last)) replaceSuffix('e');
  }
  // 1c: y -> i
  if (endsWith('y') && hasVowel()) w[last] = 'i';
  // 2: double suffixes
  if (last > 0) {
    for (const [suffix, repl] of STEP2_SUFFIXES[w[last - 1]] || []) {
      if (endsWith(suffix)) { replaceIfMeasured(repl); break; }
    }
  }
  // 3: -ic-, -full, -ness ...
  for (const [suffix, repl] of STEP3_SUFFIXES[w[last]] || []) {
    if (endsWith(suffix)) { replaceIfMeasured(repl); break; }
  }
  // 4: -ant, -ence ... in <c>vcvc<v>
  if (last > 0) {
    const key = w[last - 1];
    let found = false;
    if (key === 'o') {
      found = (endsWith('ion') && stemEnd >= 0 && (w[stemEnd] === 's' || w[stemEnd] === 't')) || endsWith('ou');
    } else {
      for (const suffix of STEP4_SUFFIXES[key] || []) if (endsWith(suffix)) { found = true; break; }
    }
    if (found && measure() > 1) last = stemEnd;
  }
  // 5: final -e, -ll
  stemEnd = last;
  if (w[last] === 'e') {
    const m = measure();
    if (m > 1 || (m === 1 && !consVowelCons(last - 1))) last--;
  }
  if (w[last] === 'l' && doubleConsonant(last) && measure() > 1) last--;

  return w.slice(0, last + 1).join('');
}

// ---------------------------------------------------------------- the analyzer

/** Drops a trailing 's (apostrophe U+0027, U+2019 or U+FF07; s or S), as EnglishPossessiveFilter. */
function stripPossessive(t) {
  const n = t.length;
  if (n >= 2) {
    const a = t.charCodeAt(n - 2), s = t.charCodeAt(n - 1);
    if ((a === 0x27 || a === 0x2019 || a === 0xff07) && (s === 0x73 || s === 0x53)) return t.slice(0, n - 2);
  }
  return t;
}

/** EnglishAnalyzer: [{ term, position }], position counting removed stop words like Lucene. */
export function analyze(text) {
  const out = [];
  tokenize(text).forEach((tok, position) => {
    const term = lowerCase(stripPossessive(tok.text));
    if (!stopSet.has(term)) out.push({ term: porterStem(term), position });
  });
  return out;
}
