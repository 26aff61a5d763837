// Browser checks of the built sample hub, run by dev.peerhub.hub.BrowserTest:
//   node browser-checks.mjs BASE_URL NODE_DIR ICS_OUT
// Prints one line per finding, "CATEGORY<TAB>message"; a category with lines other than INFO failed.
// The calendar file the reader downloads is saved at ICS_OUT for the Java test to parse with ical4j.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const [base, nodeDir, icsOut] = process.argv.slice(2);
const require = createRequire(`${nodeDir}/package.json`);
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const origin = new URL(base).origin;

const PAGES = {
  home: '/',
  article: '/guides/what-is-peer-support/',
  contentNote: '/harm-reduction/after-a-hard-experience/',
  section: '/guides/',
  tag: '/tags/online/',
  tags: '/tags/',
  circles: '/circles/',
  circle: '/circles/tuesday-evening-online-integration-circle/',
  spanishCircle: '/circles/circulo-de-integracion-en-espanol/',
  events: '/events/',
  event: '/events/tuesday-evening-online-circle-weekly/',
  library: '/library/',
  research: '/library/research-challenging-experiences-survey/',
  getHelp: '/get-help/',
  safety: '/safety/',
  privacy: '/privacy/',
  reportHarm: '/report-harm/',
  notFound: '/no-such-page/',
  search: '/search/',
};
const QUICK_EXIT = 'https://www.bbc.co.uk/weather';
const result = { foreignRequests: [], storage: [], csp: [], consoleErrors: [], axe: {}, cls: {}, focus: [],
  pages: {}, flows: {}, noJs: {}, reducedMotion: null, missingPages: [] };

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });

async function newContext(options = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  // Nothing may leave the machine: other origins are recorded and aborted (the quick-exit flow fulfils its own).
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== origin) {
      result.foreignRequests.push({ url, from: route.request().frame()?.url() ?? '' });
      return route.abort();
    }
    return route.continue();
  });
  await context.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return context;
}

function watch(page, name) {
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy|Content-Security-Policy/i.test(text)) result.csp.push({ page: name, text });
    else if (msg.type() === 'error' && !/404 \(File not found\)|status of 404/.test(text)) {
      result.consoleErrors.push({ page: name, text });
    }
  });
  page.on('pageerror', (e) => result.consoleErrors.push({ page: name, text: String(e) }));
}

async function storageOf(page, context) {
  const cookies = await context.cookies();
  const s = await page.evaluate(async () => ({
    local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
    idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    caches: 'caches' in window ? (await caches.keys()).length : 0,
  }));
  return { cookies: cookies.length, ...s };
}

// 1. Every kind of page: privacy, CSP, CLS, axe in light and dark.
for (const scheme of ['light', 'dark']) {
  const context = await newContext({ colorScheme: scheme });
  const page = await context.newPage();
  for (const [name, path] of Object.entries(PAGES)) {
    watch(page, `${name} (${scheme})`);
    const response = await page.goto(base + path, { waitUntil: 'load' });
    if (name === 'search' && response && response.status() === 404) continue; // the theme has no search page
    if (name !== 'notFound' && (!response || response.status() !== 200)) {
      result.missingPages.push(`${path}: ${response ? response.status() : 'no response'}`);
      page.removeAllListeners('console'); page.removeAllListeners('pageerror');
      continue;
    }
    await page.waitForTimeout(150);
    if (scheme === 'light') {
      result.cls[name] = await page.evaluate(() => window.__cls);
      result.pages[name] = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.title,
        crisisIndex: [...document.body.querySelectorAll('*')].indexOf(document.querySelector('.crisis')),
        crisisAfterHeader: !!document.querySelector('header.site-header + aside.crisis'),
        skipLinks: [...document.querySelectorAll('.skip-links a')].map((a) => a.getAttribute('href')),
        landmarks: ['header', 'nav', 'main', 'footer'].filter((t) => document.querySelector(t)),
        referrer: document.querySelector('meta[name=referrer]')?.content,
        csp: document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content ?? '',
      }));
    }
    const s = await storageOf(page, context);
    if (s.cookies || s.local || s.session || s.cookie || s.idb || s.caches) result.storage.push({ page: name, ...s });
    await page.evaluate(axeSource);
    const axe = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values:
        ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary.split('\n').slice(0, 3).join(' ')}`) }));
    });
    if (axe.length) result.axe[`${name} (${scheme})`] = axe;
    page.removeAllListeners('console'); page.removeAllListeners('pageerror');
  }
  await context.close();
}

// 2. Focus: every tab stop of an article page and the circles page is visible and not under the sticky bar.
// Reduced motion, so positions are measured after scrolling, not during a smooth-scroll animation.
{
  const context = await newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  for (const path of [PAGES.contentNote, PAGES.circles]) {
    await page.goto(base + path);
    await page.evaluate(() => window.scrollTo(0, 0));
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const r = el.getBoundingClientRect();
        const bar = document.querySelector('.quick-exit-bar').getBoundingClientRect();
        const cs = getComputedStyle(el);
        const inBar = !!el.closest('.quick-exit-bar');
        return { el: `${el.tagName.toLowerCase()} ${(el.textContent || '').trim().slice(0, 40)}`, top: r.top,
          bottom: r.bottom, barBottom: bar.bottom, inBar, height: r.height, width: r.width,
          outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 };
      });
      if (!f) continue;
      if (f.width === 0 || f.height === 0) continue; // visually hidden until focus (e.g. skip links move in)
      const hidden = !f.inBar && f.top < f.barBottom - 1 && !f.el.startsWith('a Skip') && !f.el.startsWith('a Exit');
      if (hidden || !f.outline) result.focus.push({ path, ...f, hidden });
    }
  }
  await context.close();
}

// 3. Reduced motion: no smooth scrolling.
{
  const context = await newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(base + PAGES.article);
  result.reducedMotion = await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
  await context.close();
}

// 4. The reader's journeys.
// 4a. Find an online circle that meets on Tuesdays, then its calendar.
{
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(base + PAGES.circles);
  const before = await page.locator('[data-filter-count]').textContent();
  await page.locator('#filter-format').selectOption('online');
  await page.locator('#filter-weekday').selectOption('tuesday');
  const visible = await page.locator('[data-filter-item]:visible h4 a').allTextContents();
  const count = await page.locator('[data-filter-count]').textContent();
  const hiddenGroups = await page.locator('[data-filter-group][hidden]').count();
  await page.locator('[data-filter-item]:visible h4 a').first().click();
  await page.waitForLoadState('load');
  const circleUrl = page.url();
  const link = page.getByRole('link', { name: /Add to calendar/ }).first();
  const href = await link.getAttribute('href');
  const download = await link.getAttribute('download');
  const webcal = await page.locator('a[href^="webcal:"]').first().getAttribute('href');
  const ics = await page.request.get(new URL(href, page.url()).href);
  result.flows.tuesday = { before, visible, count, hiddenGroups, circleUrl, href, download, webcal,
    icsStatus: ics.status(), icsType: ics.headers()['content-type'], ics: await ics.text() };
  await context.close();
}

// 4b. Leave with Shift pressed three times; the destination is intercepted, nothing leaves the machine.
{
  const context = await newContext();
  const destination = [];
  await context.route(`${QUICK_EXIT}**`, async (route) => {
    destination.push({ url: route.request().url(), referer: route.request().headers().referer ?? '' });
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><p>Weather' });
  });
  const page = await context.newPage();
  await page.goto(base + PAGES.contentNote);
  const status = page.locator('[data-quick-exit-status]');
  await page.keyboard.press('Shift');
  const afterOne = await status.textContent();
  await page.keyboard.press('Shift');
  const afterTwo = await status.textContent();
  await page.keyboard.press('a');
  const afterOther = await status.textContent();
  await page.keyboard.press('Shift');
  const restarted = await status.textContent();
  const stillHere = page.url();
  await page.keyboard.press('Shift');
  const nav = page.waitForURL(`${QUICK_EXIT}**`, { timeout: 5000 });
  await page.keyboard.press('Shift');
  await nav;
  // Hidden at once: with the destination's answer withheld (the navigation is cancelled), the page
  // that started to leave can be inspected.
  const page3 = await context.newPage();
  await page3.route(`${QUICK_EXIT}**`, (route) => route.abort('aborted'));
  await page3.goto(base + PAGES.contentNote);
  for (let i = 0; i < 3; i++) await page3.keyboard.press('Shift');
  await page3.waitForTimeout(200);
  const hiddenAtOnce = await page3.evaluate(() => document.documentElement.classList.contains('exiting')
    && getComputedStyle(document.body).visibility === 'hidden' && document.title === '');
  result.flows.quickExit = { afterOne, afterTwo, afterOther, restarted, stillHere, landed: page.url(), destination,
    hiddenAtOnce, historyLength: await page.evaluate(() => history.length) };
  // The link works by click too (and is a plain link without JavaScript, see 5).
  const page2 = await context.newPage();
  await page2.goto(base + PAGES.home);
  await Promise.all([page2.waitForURL(`${QUICK_EXIT}**`), page2.locator('.quick-exit-bar a.quick-exit').click()]);
  result.flows.quickExitClick = { landed: page2.url() };
  await context.close();
}

// 4c. Read a guide behind its content note.
{
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(base + PAGES.contentNote);
  const note = page.locator('details.content-note');
  const noteText = await note.locator('summary').textContent();
  const foldedBefore = !(await note.locator('.prose').isVisible());
  const paragraphBefore = await page.locator('details.content-note .prose p').first().isVisible();
  await note.locator('summary').click();
  const visibleAfter = await note.locator('.prose p').first().isVisible();
  result.flows.contentNote = { noteText: noteText.replace(/\s+/g, ' ').trim(), foldedBefore, paragraphBefore, visibleAfter };
  await context.close();
}

// 4d. Search: type into the header's search box, read the results; a typo still finds the guide;
// a query with HTML shows as text; a query that matches nothing offers a way on (the topic list).
{
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(base + PAGES.home);
  await page.locator('#header-q').fill('integration circle');
  await Promise.all([page.waitForURL(/\/search\/\?q=/), page.locator('#header-q').press('Enter')]);
  const results = page.locator('[data-search-results] li');
  await results.first().waitFor({ timeout: 15000 });
  const status = (await page.locator('[data-search-status]').textContent()).trim();
  const titles = await page.locator('[data-search-results] li a').evaluateAll((as) => as.map((a) => ({ text: a.textContent.trim(), href: a.getAttribute('href') })));
  const marks = await page.locator('[data-search-results] mark').count();
  const hintWithResults = await page.locator('[data-search-empty]').isVisible();
  await page.locator('#search-q').fill('suport groups');
  await page.waitForFunction(() => /suport groups/.test(document.querySelector('[data-search-status]').textContent), null, { timeout: 15000 });
  const typoTitles = await page.locator('[data-search-results] li a').allTextContents();
  await page.locator('#search-q').fill('<img src=x id=injected>');
  await page.waitForFunction(() => /img src=x/.test(document.querySelector('[data-search-status]').textContent), null, { timeout: 15000 });
  const injected = await page.locator('#injected').count();
  await page.locator('#search-q').fill('qqzxj vvqpw');
  await page.waitForFunction(() => /qqzxj vvqpw/.test(document.querySelector('[data-search-status]').textContent), null, { timeout: 15000 });
  const noMatch = {
    status: (await page.locator('[data-search-status]').textContent()).trim(),
    hintShown: await page.locator('[data-search-empty]').isVisible(),
    hintLinks: await page.locator('[data-search-empty] a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
  };
  result.flows.search = { url: page.url(), status, titles: titles.slice(0, 5), marks, typoTitles: typoTitles.slice(0, 5).map((t) => t.trim()), injected, hintWithResults, noMatch };
  await context.close();
}

// 5. Without JavaScript.
{
  const context = await newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(base + PAGES.circles);
  result.noJs.circles = {
    filtersShown: await page.locator('form[data-filters]').isVisible(),
    groups: await page.locator('[data-filter-group] h3').allTextContents(),
    items: await page.locator('[data-filter-item]:visible').count(),
  };
  await page.goto(base + PAGES.contentNote);
  result.noJs.contentNoteFolded = !(await page.locator('details.content-note .prose p').first().isVisible());
  result.noJs.exitLink = await page.locator('.quick-exit-bar a.quick-exit').getAttribute('href');
  await page.goto(base + '/search/');
  result.noJs.searchSays = ((await page.locator('.search-noscript').textContent()) || '').replace(/\s+/g, ' ').trim();
  await context.close();
}

await browser.close();

const lines = [];
const fail = (category, message) => lines.push(`${category}\t${String(message).replace(/\s+/g, ' ')}`);
for (const r of result.foreignRequests) fail('privacy', `request to another origin: ${r.url} (from ${r.from})`);
for (const s of result.storage) fail('privacy', `cookie or storage written on ${s.page}: ${JSON.stringify(s)}`);
for (const c of result.csp) fail('csp', `${c.page}: ${c.text}`);
for (const c of result.consoleErrors) fail('console', `${c.page}: ${c.text}`);
for (const m of result.missingPages) fail('pages', `page missing: ${m}`);
for (const [name, p] of Object.entries(result.pages)) {
  if (!p.lang) fail('pages', `${name}: no lang on <html>`);
  if (!p.crisisAfterHeader) fail('pages', `${name}: crisis support is not right after the header`);
  if (p.skipLinks.length !== 2 || p.skipLinks[0] !== '#main') fail('pages', `${name}: skip links ${p.skipLinks}`);
  if (p.landmarks.length !== 4) fail('pages', `${name}: landmarks ${p.landmarks}`);
  if (p.referrer !== 'no-referrer') fail('privacy', `${name}: referrer policy ${p.referrer}`);
  if (!p.csp || p.csp.includes('unsafe-inline')) fail('csp', `${name}: CSP "${p.csp}"`);
}
for (const [page, violations] of Object.entries(result.axe)) {
  for (const v of violations) fail('axe', `${page}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.join(' | ')}`);
}
for (const [name, cls] of Object.entries(result.cls)) {
  fail('INFO', `CLS ${name} ${cls}`);
  if (cls > 0) fail('cls', `${name}: cumulative layout shift ${cls}`);
}
for (const f of result.focus) fail('focus', `${f.path}: ${f.el}: ${f.hidden ? `under the sticky bar (top ${f.top}, bar ends ${f.barBottom})` : 'no visible focus outline'}`);
if (result.reducedMotion !== 'auto') fail('motion', `scroll-behavior with reduced motion: ${result.reducedMotion}`);

const t = result.flows.tuesday;
fail('INFO', `tuesday flow: ${JSON.stringify({ ...t, ics: `${t.ics.length} chars` })}`);
if (t.visible.length !== 1 || !/Tuesday/.test(t.visible[0])) fail('tuesday', `visible after filtering online + Tuesday: ${t.visible}`);
if (!/Showing 1 of 6 circles/.test(t.count)) fail('tuesday', `count says "${t.count}"`);
if (!/Showing all 6 circles/.test(t.before)) fail('tuesday', `count before filtering says "${t.before}"`);
if (!t.circleUrl.endsWith('/circles/tuesday-evening-online-integration-circle/')) fail('tuesday', `landed on ${t.circleUrl}`);
if (t.icsStatus !== 200 || !/^text\/calendar/.test(t.icsType || '')) fail('tuesday', `calendar link: ${t.icsStatus} ${t.icsType}`);
if (!t.ics.startsWith('BEGIN:VCALENDAR')) fail('tuesday', 'calendar link does not give an iCalendar file');
if (t.download === null) fail('tuesday', 'the Add to calendar link is not a download');
if (!t.webcal || !t.webcal.startsWith('webcal://')) fail('tuesday', `no webcal link: ${t.webcal}`);
if (icsOut) writeFileSync(icsOut, t.ics);

const q = result.flows.quickExit;
fail('INFO', `quick exit: ${JSON.stringify(q)}`);
if (!/2 more times/.test(q.afterOne) || !/1 more time\b/.test(q.afterTwo)) fail('quickExit', `announcements: "${q.afterOne}", "${q.afterTwo}"`);
if (q.afterOther !== '' || !/2 more times/.test(q.restarted)) fail('quickExit', `another key did not reset the count: "${q.afterOther}", "${q.restarted}"`);
if (!q.stillHere.startsWith(base)) fail('quickExit', `left too early: ${q.stillHere}`);
if (!q.landed.startsWith(QUICK_EXIT)) fail('quickExit', `landed on ${q.landed}`);
if (q.destination.length < 1 || q.destination.some((d) => d.referer)) fail('quickExit', `destination requests: ${JSON.stringify(q.destination)}`);
if (q.hiddenAtOnce !== true) fail('quickExit', 'the page was not hidden at once (html.exiting with the body hidden)');
if (!result.flows.quickExitClick.landed.startsWith(QUICK_EXIT)) fail('quickExit', `click landed on ${result.flows.quickExitClick.landed}`);

const n = result.flows.contentNote;
fail('INFO', `content note: ${JSON.stringify(n)}`);
if (!/Content note/.test(n.noteText) || !n.foldedBefore || n.paragraphBefore || !n.visibleAfter) fail('contentNote', JSON.stringify(n));

const sr = result.flows.search;
fail('INFO', `search: ${JSON.stringify(sr)}`);
if (!/results? for/.test(sr.status)) fail('search', `the result count is not announced: "${sr.status}"`);
if (sr.titles.length < 3 || !sr.titles.some((t) => /circle/i.test(t.text))) fail('search', `results for "integration circle": ${JSON.stringify(sr.titles)}`);
if (sr.titles.some((t) => !t.href.startsWith('/'))) fail('search', `result links leave the site: ${JSON.stringify(sr.titles)}`);
if (sr.marks < 1) fail('search', 'no matched word is highlighted in the excerpts');
if (!sr.typoTitles.some((t) => /What Is Peer Support/.test(t))) fail('search', `a one-letter typo lost the guide: ${JSON.stringify(sr.typoTitles)}`);
if (sr.injected !== 0) fail('search', 'HTML typed into the search box became an element');
if (sr.hintWithResults) fail('search', 'the no-results hint shows while there are results');
if (!/^No results for/.test(sr.noMatch.status)) fail('search', `a query matching nothing is announced as "${sr.noMatch.status}"`);
if (!sr.noMatch.hintShown || !sr.noMatch.hintLinks.some((h) => /\/tags\/$/.test(h))) fail('search', `a query matching nothing shows no way on to the topic list: ${JSON.stringify(sr.noMatch)}`);

const j = result.noJs;
if (!/needs JavaScript/.test(j.searchSays || '')) fail('noJs', `the search page without JavaScript says "${j.searchSays}"`);
fail('INFO', `without JavaScript: ${JSON.stringify(j)}`);
if (j.circles.filtersShown) fail('noJs', 'filters shown without JavaScript, where they cannot work');
if (j.circles.items !== 6 || j.circles.groups.length < 2) fail('noJs', `circles without JavaScript: ${JSON.stringify(j.circles)}`);
if (!j.contentNoteFolded) fail('noJs', 'content note not folded without JavaScript');
if (j.exitLink !== QUICK_EXIT) fail('noJs', `exit link is ${j.exitLink}`);

process.stdout.write(lines.join('\n') + '\n');
