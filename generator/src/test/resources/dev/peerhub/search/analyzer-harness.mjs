// Test harness for AnalyzerParityTest: node analyzer-harness.mjs /path/to/analyzer.js < requests.json
// stdin: JSON array of [op, text] with op one of analyze | tokenize | lower | stem.
// stdout: one line per request, in order, in the canonical ASCII form the Java test also writes.
import { pathToFileURL } from 'node:url';

const analyzer = await import(pathToFileURL(process.argv[2]).href);

// Everything outside printable ASCII, and the separators, as \uXXXX per UTF-16 unit.
function esc(s) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x21 || c > 0x7e || c === 0x5c || c === 0x2f || c === 0x7c) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += s[i];
  }
  return out;
}

const OPS = {
  analyze: (t) => analyzer.analyze(t).map((x) => `${esc(x.term)}/${x.position}`).join('|'),
  tokenize: (t) => analyzer.tokenize(t).map((x) => `${esc(x.text)}/${x.type}/${x.start}/${x.end}`).join('|'),
  lower: (t) => esc(analyzer.lowerCase(t)),
  stem: (t) => esc(analyzer.porterStem(t)),
  stopwords: () => [...analyzer.STOP_WORDS].sort().join('|') + '/' + analyzer.STOP_WORDS.every((w) => analyzer.isStopWord(w)),
};

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const requests = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const lines = [];
for (const [op, text] of requests) {
  let line;
  try {
    line = OPS[op](text);
  } catch (e) {
    line = 'ERROR ' + esc(String(e && e.stack || e));
  }
  lines.push(line);
}
process.stdout.write(lines.join('\n') + '\n');
