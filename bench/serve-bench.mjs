// Helper of bench/serve-bench.
//   node serve-bench.mjs generate SITE_DIR N          writes a simple site of N articles (no templates)
//   node serve-bench.mjs measure NODE_MODULES URL SITE_DIR SAVES
//        opens an article of a running `peerhub serve` in headless Chromium, saves the file SAVES times
//        and prints the time from each save to the new text being shown in the open tab.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [mode, ...args] = process.argv.slice(2);

if (mode === 'generate') {
  const [site, n] = [args[0], Number(args[1])];
  const words = ('peer support circle listening safety integration experience breath trust group agreement '
    + 'facilitator share round boundary care ground body story meaning friend night music nature calm').split(' ');
  let seed = 42;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const pick = () => words[Math.floor(rnd() * words.length)];
  const sentence = (k) => { const w = []; for (let i = 0; i < k; i++) w.push(pick()); const s = w.join(' '); return s[0].toUpperCase() + s.slice(1) + '.'; };
  mkdirSync(join(site, 'content', 'guides'), { recursive: true });
  writeFileSync(join(site, 'site.yml'), 'title: Bench hub\nbase_url: https://bench.example.org/\nlanguage: en\npaginate: 20\n');
  writeFileSync(join(site, 'content', 'index.md'), '---\ntitle: Bench hub\n---\n\nA generated site.\n');
  writeFileSync(join(site, 'content', 'guides', '_index.md'), '---\ntitle: Guides\nsummary: Generated guides.\n---\n\nGuides.\n');
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const tags = [`topic ${i % 50}`, `theme ${i % 7}`];
    let body = '';
    for (let h = 0; h < 4; h++) {
      body += `\n## ${sentence(3).slice(0, -1)} ${h}\n\n`;
      for (let p = 0; p < 3; p++) { const s = []; for (let k = 0; k < 5; k++) s.push(sentence(8 + (k % 6))); body += s.join(' ') + '\n\n'; }
    }
    if (i > 0) body += `See also [the previous guide](g${i - 1}.md).\n`;
    writeFileSync(join(site, 'content', 'guides', `g${i}.md`),
      `---\ntitle: "Guide ${i}: ${sentence(4).slice(0, -1)}"\ndate: 20${20 + (i % 6)}-${month}-${day}\ntags: [${tags.join(', ')}]\nsummary: "${sentence(10)}"\n---\n${body}`);
  }
  process.exit(0);
}

if (mode === 'measure') {
  const [modules, url, site, savesArg] = args;
  const saves = Number(savesArg || 5);
  const require = createRequire(join(modules, 'noop.js'));
  const { chromium } = require('playwright-core');
  // the first published article in a section (sorted paths), with no 'slug' of its own, so its URL is its path
  const content = join(site, 'content');
  const candidates = readdirSync(content, { recursive: true }).map(String)
    .filter((f) => f.includes('/') && f.endsWith('.md') && !f.split('/').pop().startsWith('_')).sort();
  const rel = candidates.find((f) => { const t = readFileSync(join(content, f), 'utf8'); return !/^draft: *true/m.test(t) && !/^slug:/m.test(t); });
  if (!rel) throw new Error('no published article without a slug under ' + content);
  const name = rel;
  const file = join(content, rel);
  const original = readFileSync(file, 'utf8');
  const slug = rel.replace(/\.md$/, '');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const times = [];
  try {
    const page = await browser.newPage();
    const res = await page.goto(`${url}${slug}/`, { waitUntil: 'load' });
    if (!res || res.status() !== 200) throw new Error(`cannot open ${url}${slug}/ (status ${res && res.status()})`);
    await page.waitForTimeout(500);
    for (let i = 0; i < saves; i++) {
      const marker = `Bench marker ${Date.now()} ${i}`;
      const lastLine = original.trimEnd().split('\n').pop();
      const nav = page.waitForNavigation({ timeout: 30000 });
      const t0 = performance.now();
      writeFileSync(file, original.replace(lastLine, lastLine + ' ' + marker));
      await nav;
      await page.waitForFunction((m) => document.body && document.body.innerText.includes(m), marker, { timeout: 30000, polling: 'raf' });
      times.push(Math.round(performance.now() - t0));
      await page.waitForTimeout(400);
    }
  } finally {
    writeFileSync(file, original);
    await browser.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`save -> updated tab (${name}): ${times.join(', ')} ms; median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted[sorted.length - 1]} ms (target <= 300 ms)`);
  process.exit(0);
}

console.error('usage: serve-bench.mjs generate SITE N | measure NODE_MODULES URL SITE SAVES');
process.exit(2);
