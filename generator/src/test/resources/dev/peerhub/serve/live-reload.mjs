// Browser test for ServeInBrowserTest: node live-reload.mjs NODE_MODULES_DIR URL SITE_DIR
// Opens a page of a running `peerhub serve` in headless Chromium, edits the file behind it, waits for the
// tab to reload by itself, breaks the front matter and reads the error overlay, fixes it and waits for
// recovery. Prints one "step: value" line per check; exits 1 with a message on the first failure.
import { createRequire } from 'node:module';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [modules, url, site] = process.argv.slice(2);
const require = createRequire(join(modules, 'noop.js'));
const { chromium } = require('playwright-core');

const file = join(site, 'content/guides/first.md');
const original = readFileSync(file, 'utf8');
const fail = (msg) => { console.error('FAIL: ' + msg); process.exitCode = 1; };
const say = (k, v) => console.log(`${k}: ${JSON.stringify(v)}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const cspErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) cspErrors.push(m.text());
  });
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) failed.push(r.status() + ' ' + r.url()); });
  await page.goto(url + 'guides/first/', { waitUntil: 'load' });
  // the event stream is open once the script has run
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/__peerhub/events'))
    || true);
  await page.waitForTimeout(300);
  say('before', await page.locator('main').innerText());

  // 1. an edit reloads the open tab
  let navigated = page.waitForNavigation({ timeout: 15000 });
  const saved = Date.now();
  writeFileSync(file, original.replace('Hello.', 'Hello from the browser test.'));
  await navigated;
  await page.waitForSelector('text=Hello from the browser test.', { timeout: 15000 });
  say('reloadedMillis', Date.now() - saved);
  say('afterEdit', await page.locator('main').innerText());

  // 2. broken front matter shows the overlay with the diagnostic, as text
  await page.waitForTimeout(200);
  writeFileSync(file, original.replace('title: First guide', 'title: "First <img src=x onerror=alert(1)> guide'));
  await page.waitForSelector('#peerhub-overlay', { timeout: 15000 });
  say('overlay', await page.locator('#peerhub-overlay').innerText());
  say('overlayImages', await page.locator('#peerhub-overlay img').count());

  // 3. fixing the file removes the overlay by reloading
  navigated = page.waitForNavigation({ timeout: 15000 });
  writeFileSync(file, original.replace('Hello.', 'Fixed again.'));
  await navigated;
  await page.waitForSelector('text=Fixed again.', { timeout: 15000 });
  say('overlayAfterFix', await page.locator('#peerhub-overlay').count());
  say('afterFix', await page.locator('main').innerText());
  say('consoleErrors', cspErrors);
  say('failedRequests', failed);
} catch (e) {
  fail(String(e && e.stack || e));
} finally {
  writeFileSync(file, original);
  await browser.close();
}
