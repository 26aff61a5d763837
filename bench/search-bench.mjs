// Search benchmark: peerhub's browser search against Pagefind, over the same corpus.
//
//   node bench/search-bench.mjs --peerhub OUT_DIR --pagefind OUT_DIR --known FILE
//        [--queries 100] [--settle-ms 500] [--pause-ms 300] [--playwright DIR] [--chromium PATH] [--json FILE]
//
// Serves each output folder from a small static server on 127.0.0.1 (HTTP Range, single and
// multiple, gzip for compressible types), then in headless Chromium times, for every query, a
// first search from a fresh browser context (empty cache) and a further search on the same page,
// counting the bytes and requests of everything the search loaded. Each known-item query is timed
// twice, on two fresh pages: at a reader's pace (the page left to finish starting for --settle-ms
// after its load event before the first query, and --pause-ms between the first query's results
// and the further query), and back to back (each query the moment the one before ends), as runs
// before 2026-11-24 06:07 timed them. Then runs known-item queries
// (exact and with one typo) and computes the mean reciprocal rank in the top 10.
// bench/search-bench (bash) builds the sites and calls this; see bench/README.md.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

// ------------------------------------------------------------------ options
const opts = { queries: 100, chromium: '/usr/bin/chromium', settleMs: 500, pauseMs: 300 };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  const val = () => { const v = process.argv[++i]; if (v === undefined) die(`${a} needs a value`); return v; };
  if (a === '--peerhub') opts.peerhub = val();
  else if (a === '--pagefind') opts.pagefind = val();
  else if (a === '--known') opts.known = val();
  else if (a === '--queries') opts.queries = Number(val());
  else if (a === '--settle-ms') opts.settleMs = Number(val());
  else if (a === '--pause-ms') opts.pauseMs = Number(val());
  else if (a === '--playwright') opts.playwright = val();
  else if (a === '--chromium') opts.chromium = val();
  else if (a === '--json') opts.json = val();
  else die(`unknown option ${a}`);
}
function die(msg) { console.error(`search-bench: ${msg}`); process.exit(2); }
if (!opts.peerhub || !opts.pagefind || !opts.known) die('needs --peerhub, --pagefind and --known');
if (!(opts.queries > 0)) die('--queries must be a positive number');
if (!(opts.settleMs >= 0) || !(opts.pauseMs >= 0)) die('--settle-ms and --pause-ms must be numbers of milliseconds, 0 or more');
const say = (...m) => console.error('search-bench:', ...m);

const require = createRequire(path.resolve(opts.playwright ?? '.', 'package.json'));
const { chromium } = require('playwright-core');

// ------------------------------------------------------------------ static server
// Content types by extension. Compressible ones are gzip-compressed (level 6) when the request
// has no Range header and accepts gzip, the way a CDN compresses text; range answers and other
// types are sent as stored.
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|manifest\+json|wasm)|image\/svg\+xml)/;
export const COMPRESSION_RULE =
  'gzip level 6 for text/*, application/json, application/xml, application/manifest+json, application/wasm and image/svg+xml ' +
  '(.html .css .js .mjs .json .xml .txt .svg .wasm), when the request accepts gzip and has no Range header; ' +
  'everything else (.bin, Pagefind\'s .pf_* and .pagefind files, which are stored compressed) as stored';
// The blank page both clients run in. It has the referrer policy every peerhub page has (the base
// layout's <meta name="referrer" content="no-referrer">): peerhub's client makes its range requests
// with XMLHttpRequest only under such a policy (see client.js, quietReferrer), fetch otherwise.
// Pagefind's client does not look at it.
const BLANK = '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>blank</title></head><body></body></html>';

function parseRanges(header, size) {
  const m = /^bytes=(.+)$/.exec(header.trim());
  if (!m) return null;
  const out = [];
  for (const part of m[1].split(',')) {
    const r = /^\s*(\d*)-(\d*)\s*$/.exec(part);
    if (!r || (r[1] === '' && r[2] === '')) return null;
    let start, end;
    if (r[1] === '') { const n = Number(r[2]); start = Math.max(0, size - n); end = size - 1; }
    else { start = Number(r[1]); end = r[2] === '' ? size - 1 : Math.min(Number(r[2]), size - 1); }
    if (start > end || start >= size) continue;   // unsatisfiable part: dropped
    out.push([start, end]);
  }
  return out;
}

function startServer(root) {
  const gzCache = new Map();
  const stats = { requests: 0, ranged: 0, multi: 0, gzipped: 0, notFound: [] };
  const meter = { on: false, reqs: [] };
  const server = http.createServer((req, res) => {
    stats.requests++;
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel = decodeURIComponent(url.pathname);
    if (meter.on && !/favicon/.test(rel)) {
      const rec = { url: url.pathname, range: req.headers.range ? `${req.headers.range.split(',').length} range(s)` : '', done: false };
      const sock = req.socket, before = sock.bytesWritten;
      meter.reqs.push(rec);
      res.on('finish', () => {
        rec.status = res.statusCode;
        const head = res._header ?? '';   // the status line and headers as written
        rec.encoding = /\r\ncontent-encoding: *([^\r]*)/i.exec(head)?.[1] ?? '';
        rec.type = /\r\ncontent-type: *([^;\r]*)/i.exec(head)?.[1] ?? '';
        // bytesWritten is updated once the socket has flushed; read it on the next turn
        setImmediate(() => { rec.bytes = sock.bytesWritten - before; rec.done = true; });
      });
      res.on('close', () => { if (!rec.done && !res.writableFinished) { rec.failed = true; rec.bytes = sock.bytesWritten - before; rec.done = true; } });
    }
    if (rel === '/__bench/blank.html') {
      res.writeHead(200, { 'Content-Type': TYPES['.html'], 'Content-Length': Buffer.byteLength(BLANK), 'Cache-Control': 'no-store' });
      return res.end(BLANK);
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root + path.sep)) { res.writeHead(403); return res.end(); }
    // A range is read from the file at its offset (as web servers do with pread or sendfile), not
    // by reading the whole file: peerhub's document pack is 25 MB at 10k pages, and reading it
    // whole took about 14 ms per request, which no real server spends.
    let size;
    try { const st = fs.statSync(file); if (!st.isFile()) throw new Error('not a file'); size = st.size; } catch {
      if (!/favicon/.test(rel)) stats.notFound.push(rel);
      res.writeHead(404, { 'Content-Type': 'text/plain' }); return res.end('not found');
    }
    const body = {
      length: size,
      subarray(s, e) {
        const out = Buffer.alloc(e - s);
        const fd = fs.openSync(file, 'r');
        try { fs.readSync(fd, out, 0, out.length, s); } finally { fs.closeSync(fd); }
        return out;
      },
    };
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const common = { 'Accept-Ranges': 'bytes', 'Cache-Control': 'public, max-age=3600', 'Vary': 'Accept-Encoding' };
    const range = req.headers.range;
    if (range) {
      const ranges = parseRanges(range, body.length);
      if (ranges === null) { /* malformed: ignore the header, as servers do */ }
      else if (ranges.length === 0) {
        res.writeHead(416, { ...common, 'Content-Range': `bytes */${body.length}` }); return res.end();
      } else if (ranges.length === 1) {
        stats.ranged++;
        const [s, e] = ranges[0];
        res.writeHead(206, { ...common, 'Content-Type': type, 'Content-Range': `bytes ${s}-${e}/${body.length}`, 'Content-Length': e - s + 1 });
        return res.end(body.subarray(s, e + 1));
      } else {
        stats.ranged++; stats.multi++;
        const boundary = 'benchboundary' + stats.requests.toString(36).padStart(8, '0');
        const parts = [];
        for (const [s, e] of ranges) {
          parts.push(Buffer.from(`\r\n--${boundary}\r\nContent-Type: ${type}\r\nContent-Range: bytes ${s}-${e}/${body.length}\r\n\r\n`));
          parts.push(body.subarray(s, e + 1));
        }
        parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
        const out = Buffer.concat(parts);
        res.writeHead(206, { ...common, 'Content-Type': `multipart/byteranges; boundary=${boundary}`, 'Content-Length': out.length });
        return res.end(out);
      }
    }
    const whole = fs.readFileSync(file);
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    if (gzip) {
      let z = gzCache.get(file);
      if (!z) { z = zlib.gzipSync(whole, { level: 6 }); gzCache.set(file, z); }
      stats.gzipped++;
      res.writeHead(200, { ...common, 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': z.length });
      return res.end(z);
    }
    res.writeHead(200, { ...common, 'Content-Type': type, 'Content-Length': whole.length });
    res.end(whole);
  });
  server.keepAliveTimeout = 5000;
  return new Promise(resolve => server.listen(0, '127.0.0.1', () =>
    resolve({ server, stats, meter, origin: `http://127.0.0.1:${server.address().port}` })));
}

// ------------------------------------------------------------------ queries
const known = fs.readFileSync(opts.known, 'utf8').split('\n').filter(Boolean).map(l => {
  const [url, pair] = l.split('\t'); return { url, words: pair.split(' ') };
});
// A deterministic sample: every k-th published article, spread over the whole corpus.
const n = Math.min(opts.queries, known.length);
const sample = Array.from({ length: n }, (_, i) => known[Math.floor((i * known.length) / n + known.length / (2 * n))]);

// One typo in one word, deterministic: the article's i-th sample chooses the word (i even: the
// first, odd: the second; a word under 4 letters is not touched, the other one is used; if both
// are short the query is skipped), the kind (i % 4 < 2: two neighbouring letters swapped,
// otherwise one letter replaced by the next letter of the alphabet, z by a) and the position
// (never the first letter: both tools' typo tolerance is measured on the word's body; a position
// where the swap changes nothing moves to the next one).
function typo(words, i) {
  let w = i % 2;
  if (words[w].length < 4) w = 1 - w;
  if (words[w].length < 4) return null;
  const word = words[w];
  const chars = [...word];
  let kind;
  if (i % 4 < 2) {
    kind = 'swap';
    let p = 1 + ((i * 7) % (chars.length - 2));
    for (let k = 0; k < chars.length && chars[p] === chars[p + 1]; k++) p = 1 + ((p) % (chars.length - 2));
    if (chars[p] === chars[p + 1]) return null;
    [chars[p], chars[p + 1]] = [chars[p + 1], chars[p]];
  } else {
    kind = 'replace';
    const p = 1 + ((i * 5) % (chars.length - 1));
    chars[p] = chars[p] === 'z' ? 'a' : String.fromCharCode(chars[p].charCodeAt(0) + 1);
  }
  const out = [...words]; out[w] = chars.join('');
  return { query: out.join(' '), kind, w };
}
const exactQueries = sample.map(s => ({ url: s.url, query: s.words.join(' ') }));
const typoQueries = sample.map((s, i) => { const t = typo(s.words, i); return t && { url: s.url, query: t.query, kind: t.kind, w: t.w }; }).filter(Boolean);

// ------------------------------------------------------------------ the two clients
// Each runs in the page; returns the result URLs and the time from the call to the results.
const TOOLS = {
  peerhub: {
    root: opts.peerhub,
    run: async ({ q }) => {
      const t0 = performance.now();
      const m = await import('/search/client.js');
      const r = await m.search(q, { limit: 10 });
      const ms = performance.now() - t0;
      return { ms, total: r.total, urls: r.results.map(x => x.url), withData: r.results.filter(x => x.title && x.url && 'excerptHtml' in x).length };
    },
  },
  pagefind: {
    root: opts.pagefind,
    run: async ({ q }) => {
      const t0 = performance.now();
      const pf = await import('/pagefind/pagefind.js');
      await pf.init?.();
      const s = await pf.search(q);
      const d = await Promise.all(s.results.slice(0, 10).map(r => r.data()));
      const ms = performance.now() - t0;
      return { ms, total: s.results.length, urls: d.map(x => x.url), withData: d.filter(x => x.meta?.title && x.url && x.excerpt !== undefined).length };
    },
  },
};

const norm = u => {
  let p = u.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '').replace(/index\.html$/, '');
  return p.endsWith('/') ? p : p + '/';
};
const sleep = ms => new Promise(r => setTimeout(r, ms));
const median = a => { if (!a.length) return NaN; const s = [...a].sort((x, y) => x - y); const h = s.length >> 1; return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2; };

// ------------------------------------------------------------------ measuring
const browser = await chromium.launch({
  executablePath: opts.chromium, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});

// A fresh context (empty cache) with the blank page loaded. Bytes and requests are counted by the
// server (it sees the requests of the page and of any worker the client starts): bytes are what
// the server wrote on the connection for the answer, status line, headers and body.
async function freshPage(origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin + '/__bench/blank.html', { waitUntil: 'load' });
  return { context, page };
}
async function settle(meter) { // wait until every counted answer has been written (at most 5 s)
  const until = Date.now() + 5000;
  while (meter.reqs.some(r => !r.done) && Date.now() < until) await new Promise(r => setTimeout(r, 10));
}
const results = {};
for (const [name, tool] of Object.entries(TOOLS)) {
  const srv = await startServer(path.resolve(tool.root));
  say(`${name}: serving ${tool.root} at ${srv.origin}`);
  // Warm-up (not counted): fills the server's gzip cache and Chromium's code paths.
  {
    const { context, page } = await freshPage(srv.origin);
    await page.evaluate(tool.run, { q: exactQueries[0].query });
    await context.close();
  }
  // Times every query of qs from a fresh page, then the next one on the same page, once at each
  // pace of paces ({settle, pause} in ms: the wait after the page's load event, and the wait
  // between the first query's last answer and the further query), each on its own fresh page,
  // interleaved query by query so that the machine's drift touches every pace alike. Returns one
  // summary per pace.
  async function timeSet(qs, label, paces) {
    const runs = paces.map(pace => ({ pace, first: [], further: [], furtherReqs: [], sampleReqs: [], problems: [], between: 0 }));
    for (let i = 0; i < qs.length; i++) {
      const q = qs[i], q2 = qs[(i + 1) % qs.length];
      for (const run of runs) {
        const { pace } = run;
        const { context, page } = await freshPage(srv.origin);
        if (pace.settle) await sleep(pace.settle);
        srv.meter.reqs = []; srv.meter.on = true;
        let r1;
        try { r1 = await page.evaluate(tool.run, { q }); } catch (e) { srv.meter.on = false; run.problems.push(`${q}: ${e.message.split('\n')[0]}`); await context.close(); continue; }
        srv.meter.on = false;   // requests the first search started are counted, even if they end later
        await settle(srv.meter);
        const reqs = srv.meter.reqs;
        // Requests a client makes on its own between the queries (a prefetch) are counted apart.
        srv.meter.reqs = []; srv.meter.on = true;
        if (pace.pause) await sleep(pace.pause);
        run.between += srv.meter.reqs.length;
        srv.meter.reqs = [];
        const r2 = await page.evaluate(tool.run, { q: q2 });
        srv.meter.on = false;
        run.furtherReqs.push(srv.meter.reqs.length);
        await context.close();
        run.first.push({ ms: r1.ms, bytes: reqs.reduce((s, r) => s + (r.bytes ?? 0), 0), requests: reqs.length, shown: r1.urls.length, complete: r1.withData === Math.min(10, r1.total), failed: reqs.filter(r => r.failed || r.status >= 400).length });
        run.further.push(r2.ms);
        if (i === 0) run.sampleReqs.push(...reqs.map(r => ({ url: r.url, status: r.status, bytes: r.bytes, type: r.type, encoding: r.encoding, range: r.range })));
      }
      if ((i + 1) % 25 === 0) say(`${name} (${label}): ${i + 1}/${qs.length} timed`);
    }
    return runs.map(({ pace, first, further, furtherReqs, sampleReqs, problems, between }) => {
      const summary = {
        firstKB: median(first.map(f => f.bytes)) / 1024,
        requests: median(first.map(f => f.requests)),
        firstMs: median(first.map(f => f.ms)),
        furtherMs: median(further),
        furtherRequests: median(furtherReqs),
        firstMsP90: [...first.map(f => f.ms)].sort((a, b) => a - b)[Math.floor(first.length * 0.9)],
        furtherMsP90: [...further].sort((a, b) => a - b)[Math.floor(further.length * 0.9)],
        incomplete: first.filter(f => !f.complete).length,
        medianShown: median(first.map(f => f.shown)),
        failedRequests: first.reduce((s, f) => s + f.failed, 0),
        timed: first.length, problems, sampleRequests: sampleReqs, pace, betweenRequests: between,
      };
      say(`${name} (${label}, settle ${pace.settle} ms, pause ${pace.pause} ms): first ${summary.firstKB.toFixed(1)} KB, ${summary.requests} requests, ${summary.firstMs.toFixed(0)} ms; further ${summary.furtherMs.toFixed(1)} ms; ${summary.medianShown} results`);
      return summary;
    });
  }
  // At a reader's pace: a reader reaches the search box some time after the page has loaded, and
  // types a further query some time after the results of the first are shown. Chromium spends the
  // first few hundred ms of a new context starting it (and ending the one closed just before): a
  // query started the moment the page has loaded waits for that work (docs/search.md, "Timing at a
  // reader's pace"). Back to back as well, the way runs before 2026-11-24 06:07 timed the queries.
  const readerPace = { settle: opts.settleMs, pause: opts.pauseMs };
  const [timing, backToBack] = await timeSet(exactQueries.map(x => x.query), 'known items', [readerPace, { settle: 0, pause: 0 }]);
  // The floor under any query that needs the network: a 100-byte range request to the same server
  // from a warm page (median of 30, after the same settling time), measured in this run beside the queries.
  const roundTripMs = await (async () => {
    const { context, page } = await freshPage(srv.origin);
    await sleep(opts.settleMs);
    const ms = await page.evaluate(async () => {
      const out = [];
      for (let k = 0; k < 30; k++) {
        const t0 = performance.now();
        const r = await fetch('/__bench/blank.html?' + k, { headers: { Range: 'bytes=0-99' }, cache: 'no-store' });
        await r.arrayBuffer();
        out.push(performance.now() - t0);
      }
      return out;
    });
    await context.close();
    return median(ms);
  })();
  // Broader queries: the first word of each pair alone (in about 30 titles at 10k), so that the
  // first query fetches the display data of ten results.
  const [broad] = await timeSet(sample.map(s => s.words[0]), 'one word', [readerPace]);
  // Known-item quality on one page per kind (the clients keep what they fetched).
  const mrr = {};
  const misses = {};
  // typoSpace: the same typo queries ending with a space (the last word finished, not a prefix).
  const typoSpace = typoQueries.map(t => ({ ...t, query: t.query + ' ' }));
  for (const [kind, qs] of [['exact', exactQueries], ['typo', typoQueries], ['typoSpace', typoSpace]]) {
    const { context, page } = await freshPage(srv.origin);
    let sum = 0; misses[kind] = [];
    for (const { url, query } of qs) {
      const r = await page.evaluate(tool.run, { q: query });
      const rank = r.urls.map(norm).indexOf(norm(url));
      if (rank >= 0) sum += 1 / (rank + 1);
      if (rank !== 0) misses[kind].push(`${query} -> ${rank < 0 ? 'not in top 10' : 'rank ' + (rank + 1)}`);
    }
    mrr[kind] = sum / qs.length;
    await context.close();
  }
  srv.server.close();
  results[name] = {
    ...timing, broad, backToBack, roundTripMs,
    mrrExact: mrr.exact, mrrTypo: mrr.typo, mrrTypoSpace: mrr.typoSpace,
    typoInLastWord: { queries: typoQueries.filter(t => t.w === 1).length, missed: misses.typo.filter(m => typoQueries.find(t => m.startsWith(t.query + ' ->'))?.w === 1).length },
    misses, server: { ranged: srv.stats.ranged, multi: srv.stats.multi, gzipped: srv.stats.gzipped, notFound: [...new Set(srv.stats.notFound)].slice(0, 20) },
  };
  say(`${name}: first ${results[name].firstKB.toFixed(1)} KB, ${results[name].requests} requests, ${results[name].firstMs.toFixed(0)} ms; further ${results[name].furtherMs.toFixed(1)} ms; MRR ${mrr.exact.toFixed(3)} exact, ${mrr.typo.toFixed(3)} typo, ${mrr.typoSpace.toFixed(3)} typo + space`);
}
const chromiumVersion = browser.version();
await browser.close();

const out = {
  chromium: chromiumVersion, queries: exactQueries.length, typoQueries: typoQueries.length,
  typoKinds: { swap: typoQueries.filter(t => t.kind === 'swap').length, replace: typoQueries.filter(t => t.kind === 'replace').length },
  typoExamples: typoQueries.slice(0, 4).map(t => t.query), compression: COMPRESSION_RULE, results,
};
const text = JSON.stringify(out, null, 2);
if (opts.json) fs.writeFileSync(opts.json, text + '\n');
console.log(text);
