// Test harness: runs the browser search client in Node against an exported index.
// usage: node client-harness.mjs SEARCH_DIR QUERIES_JSON [--no-ranges] [--cold] [--xhr]
// SEARCH_DIR holds client.js, analyzer.js and the exported files (manifest.json, t/, p/, ...).
// QUERIES_JSON: [{"q": "...", "limit": 10, "offset": 0, "filters": {...}, "facets": bool}]
// Prints, per query, "Q\t<i>\t<total>\t<fallback or ->\t<requests>\t<bytes>" and then
// "R\t<url>\t<score>\t<anchor>\t<excerptHtml>\t<JSON [title, summary, date, tags]>" per result and "F\t<facets JSON>" if asked.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const [dir, queriesFile, ...flags] = process.argv.slice(2);
const noRanges = flags.includes('--no-ranges');
// --xhr: as in a peerhub page, whose <meta name="referrer" content="no-referrer"> lets the client
// make its range requests with XMLHttpRequest (a shim below, over the same files as fetch's).
const xhr = flags.includes('--xhr');
// --cold: every query runs in a fresh copy of the client (as on a fresh page) and the byte count
// includes the JavaScript modules; whole-file answers count as their gzip size (as a compressing
// server sends them), range answers as raw bytes.
const cold = flags.includes('--cold');
const gz = (b) => (cold ? gzipSync(b, { level: 6 }).length : b.length);
let requests = 0;
let bytes = 0;

function parseRanges(h, size) {
  return h.replace(/^bytes=/, '').split(',').map((r) => {
    const [a, b] = r.split('-').map(Number);
    return [a, Math.min(b, size - 1)];
  });
}

globalThis.fetch = async (url, init = {}) => {
  if (xhr && init.headers && (init.headers.Range || init.headers.range)) throw new Error('harness: a range request by fetch in a page that allows XMLHttpRequest');
  return serve(url, init);
};

async function serve(url, init) {
  const file = fileURLToPath(url instanceof URL ? url : new URL(url));
  requests++;
  let data;
  try { data = readFileSync(file); } catch { return new Response('not found', { status: 404 }); }
  const range = init.headers && (init.headers.Range || init.headers.range);
  const log = (n) => { if (process.env.HARNESS_LOG) process.stderr.write(`fetch ${path.relative(dir, file)} ${range ?? ''} -> ${n}\n`); };
  if (!range || noRanges) { bytes += gz(data); log(gz(data)); return new Response(data, { status: 200 }); }
  const ranges = parseRanges(range, data.length);
  if (ranges.length === 1) {
    const [a, b] = ranges[0];
    const body = data.subarray(a, b + 1);
    bytes += body.length;
    log(body.length);
    return new Response(body, { status: 206, headers: { 'Content-Range': `bytes ${a}-${b}/${data.length}`, 'Content-Length': String(body.length) } });
  }
  const boundary = 'PEERHUBTESTBOUNDARY';
  const chunks = [];
  for (const [a, b] of ranges) {
    chunks.push(Buffer.from(`\r\n--${boundary}\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes ${a}-${b}/${data.length}\r\n\r\n`));
    chunks.push(data.subarray(a, b + 1));
  }
  chunks.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  const body = Buffer.concat(chunks);
  bytes += body.length;
  log(body.length);
  // Content-Length as servers send it: the client reads range answers up to it (readBody).
  return new Response(body, { status: 206, headers: { 'Content-Type': `multipart/byteranges; boundary=${boundary}`, 'Content-Length': String(body.length) } });
}

if (xhr) {
  globalThis.document = {
    querySelectorAll: (sel) => (/^meta\[name="referrer" i\]$/.test(sel) ? [{ content: 'no-referrer' }] : []),
  };
  // What the client uses of XMLHttpRequest: open, setRequestHeader, responseType 'arraybuffer', send,
  // readyState 2 with the status (then abort) or load with the body, getResponseHeader.
  globalThis.XMLHttpRequest = class {
    open(method, url) { this.url = url; this.headers = {}; this.readyState = 1; }
    setRequestHeader(k, v) { this.headers[k] = v; }
    getResponseHeader(k) { return this.readyState >= 2 && !this.aborted ? this.res.headers.get(k) : null; }
    abort() { this.aborted = true; this.readyState = 0; }
    send() {
      setTimeout(async () => {
        this.res = await serve(this.url, { headers: this.headers });
        this.status = this.res.status;
        this.readyState = 2;
        this.onreadystatechange?.();
        if (this.aborted) return;
        this.response = await this.res.arrayBuffer();
        this.readyState = 4;
        this.onreadystatechange?.();
        this.onload?.();
      });
    }
  };
}

let client = await import(pathToFileURL(path.join(dir, 'client.js')).href);
const moduleFiles = readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'ui.js');
const moduleBytes = moduleFiles.reduce((n, f) => n + gzipSync(readFileSync(path.join(dir, f)), { level: 6 }).length, 0);
const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));
const out = [];
for (let i = 0; i < queries.length; i++) {
  const q = queries[i];
  if (cold) client = await import(pathToFileURL(path.join(dir, 'client.js')).href + '?cold=' + i);
  const r0 = requests - (cold ? moduleFiles.length : 0), b0 = bytes - (cold ? moduleBytes : 0);
  let res;
  try {
    res = await client.search(q.q, { limit: q.limit ?? 10, offset: q.offset ?? 0, filters: q.filters ?? {}, facets: !!q.facets });
  } catch (e) {
    out.push(`E\t${i}\t${String(e && e.stack || e).replace(/\s+/g, ' ')}`);
    continue;
  }
  out.push(`Q\t${i}\t${res.total}\t${res.fallback ?? '-'}\t${requests - r0}\t${bytes - b0}`);
  for (const r of res.results) {
    out.push(`R\t${r.url}\t${r.score}\t${r.anchor}\t${r.excerptHtml}\t${JSON.stringify([r.title, r.summary, r.date, r.contentNote, r.tags])}`);
  }
  if (q.facets) out.push(`F\t${JSON.stringify(res.facets)}`);
}
process.stdout.write(out.join('\n') + '\n');
