// Browser end-to-end test of `parallax serve`, as a person uses it: analyze the fixture corpus
// into a fresh store, serve it on loopback, then in headless Chromium open the overview, search,
// open a story, click a claim and land on its highlighted sentence. A screenshot of each page is
// saved under target/e2e-screenshots/.
//
// Uses Debian's chromium (/usr/bin/chromium, or $CHROMIUM) through playwright-core; never
// downloads a browser. The binary is target/release/parallax (or $PARALLAX_BIN), built when
// missing.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = process.env.PARALLAX_BIN ?? join(root, 'target/release/parallax');
const shots = join(root, 'target/e2e-screenshots');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

let server;
let browser;
let base;
let work;
const serverLog = [];

function freePort() {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function waitUntilUp(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`parallax serve exited (${server.exitCode}):\n${serverLog.join('')}`);
    }
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer within ${ms} ms:\n${serverLog.join('')}`);
}

before(async () => {
  if (!existsSync(bin)) {
    const build = spawnSync('cargo', ['build', '--release', '-p', 'parallax-cli'], { cwd: root, stdio: 'inherit' });
    assert.equal(build.status, 0, 'cargo build failed');
  }
  mkdirSync(shots, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'parallax-e2e-'));
  const store = join(work, 'store');
  const analyze = spawnSync(
    bin,
    ['analyze', join(root, 'fixtures/corpus/text'), '--manifest', join(root, 'fixtures/corpus/text/manifest.csv'),
      '--store', store, '--out', join(work, 'out'), '--quiet'],
    { cwd: root, encoding: 'utf8' },
  );
  assert.equal(analyze.status, 0, `parallax analyze failed:\n${analyze.stderr}`);

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(bin, ['serve', '--store', store, '--addr', `127.0.0.1:${port}`], { cwd: root });
  server.stdout.on('data', (d) => serverLog.push(String(d)));
  server.stderr.on('data', (d) => serverLog.push(String(d)));
  await waitUntilUp(`${base}/`, 60_000);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) server.kill('SIGINT');
  if (work) rmSync(work, { recursive: true, force: true });
});

/// A page that records CSP violations and failed requests, which must not happen.
async function openPage() {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  return { page, problems };
}

test('overview → search → story → claim lands on its highlighted sentence', async () => {
  const { page, problems } = await openPage();

  // Overview.
  const response = await page.goto(`${base}/`);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-security-policy'], /script-src 'self'/);
  assert.equal(await page.locator('h1').first().textContent(), 'Corpus overview');
  assert.ok(await page.locator('.card').count() >= 6, 'count cards');
  await page.screenshot({ path: join(shots, '1-overview.png'), fullPage: true });

  // Search from the header box.
  await page.locator('header input[name=q]').fill('surrender');
  await Promise.all([page.waitForURL(/\/search\?q=surrender/), page.locator('header input[name=q]').press('Enter')]);
  const hits = page.locator('.hit');
  assert.ok(await hits.count() >= 1, 'search hits');
  const marked = await page.locator('.hit mark').allTextContents();
  assert.ok(marked.some((m) => m.toLowerCase() === 'surrender'), `highlighted matches: ${marked}`);
  assert.ok(await page.locator('.facets li').count() >= 1, 'facets');
  await page.screenshot({ path: join(shots, '2-search.png'), fullPage: true });

  // A story from the overview.
  await page.goto(`${base}/`);
  await Promise.all([page.waitForURL(/\/story\//), page.locator('main table a[href^="/story/"]').first().click()]);
  await page.locator('#claims').waitFor();
  const cells = page.locator('a.claim-cell');
  assert.ok(await cells.count() >= 1, 'claims table has figures');
  await page.screenshot({ path: join(shots, '3-story.png'), fullPage: true });

  // Click a claim cell: the article opens at the sentence, the figure highlighted and visible.
  const figureText = (await cells.first().textContent()).trim();
  await Promise.all([page.waitForURL(/\/doc\/.*\?hl=\d+-\d+#s-\d+$/), cells.first().click()]);
  const anchor = new URL(page.url()).hash.slice(1);
  const sentence = page.locator(`[id="${anchor}"]`);
  assert.match(await sentence.getAttribute('class'), /target/);
  const lit = await sentence.locator('.hl').allTextContents();
  assert.ok(lit.join('').includes(figureText.replace(/\s+/g, ' ').split(' ')[0]), `highlighted "${lit.join('')}" holds "${figureText}"`);
  await page.waitForTimeout(150);
  const box = await sentence.boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 900, `sentence scrolled into view (y=${box?.y})`);
  const background = await sentence.locator('.hl').first().evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'highlight is painted');
  await page.screenshot({ path: join(shots, '4-article-claim.png') });

  // The kind filters are pure CSS: unticking entities removes their underline.
  const entity = page.locator('.text a.k-entity').first();
  if (await entity.count()) {
    assert.notEqual(await entity.evaluate((e) => getComputedStyle(e).borderBottomWidth), '0px');
    await page.locator('#f-entity').uncheck();
    assert.equal(await entity.evaluate((e) => getComputedStyle(e).borderBottomWidth), '0px');
  }

  assert.deepEqual(problems, [], 'no console errors, CSP violations or failed requests');
  await page.close();
});

test('an entity page and the API answer', async () => {
  const { page, problems } = await openPage();
  const entities = await (await fetch(`${base}/api/entities?per_page=1`)).json();
  assert.equal(entities.per_page, 1);
  const id = entities.items[0].id;
  await page.goto(`${base}/entity/${encodeURIComponent(id)}`);
  assert.equal(await page.locator('h1').first().isVisible(), true);
  await page.screenshot({ path: join(shots, '5-entity.png'), fullPage: true });
  const api = await fetch(`${base}/api/search?q=${encodeURIComponent('"single village"')}`);
  assert.equal(api.status, 200);
  const bad = await fetch(`${base}/api/search?q=-x`);
  assert.equal(bad.status, 400);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an article analyzed while the server runs appears without a restart', async () => {
  const total = async () => (await (await fetch(`${base}/api/documents?per_page=1`)).json()).total;
  const before = await total();
  const store = join(work, 'store');
  const analyze = spawnSync(
    bin,
    ['analyze', join(root, 'fixtures/adversarial/hostile.html'), '--store', store, '--out', join(work, 'out2'), '--quiet'],
    { cwd: root, encoding: 'utf8' },
  );
  assert.equal(analyze.status, 0, `parallax analyze failed:\n${analyze.stderr}`);
  const deadline = Date.now() + 30_000;
  while ((await total()) === before) {
    assert.ok(Date.now() < deadline, `the new article never appeared:\n${serverLog.join('')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.equal(await total(), before + 1);

  // Searchable, and its hostile markup stays inert on the search page.
  const { page, problems } = await openPage();
  await page.goto(`${base}/search?q=${encodeURIComponent('extractor')}`);
  const hits = page.locator('.hit');
  assert.ok(await hits.count() >= 1, 'the new article is found');
  await page.screenshot({ path: join(shots, '6-search-after-reload.png'), fullPage: true });
  assert.deepEqual(problems, [], 'no console errors, CSP violations or failed requests');
  await page.close();
});

test('a phone (390 px) sees every page without sideways scrolling, under a small header', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const stories = await (await fetch(`${base}/api/stories?per_page=1`)).json();
  const story = stories.items[0].id;
  const entity = (await (await fetch(`${base}/api/entities?per_page=1`)).json()).items[0].id;
  const doc = (await (await fetch(`${base}/api/documents?per_page=1`)).json()).items[0].id;
  const outlet = (await (await fetch(`${base}/api/outlets?per_page=1`)).json()).items[0].outlet;
  const pages = {
    overview: '/',
    story: `/story/${encodeURIComponent(story)}`,
    'story-all': '/story/all',
    search: '/search?q=Drevna',
    entity: `/entity/${encodeURIComponent(entity)}`,
    outlet: `/outlet/${encodeURIComponent(outlet)}`,
    article: `/doc/${encodeURIComponent(doc)}`,
  };
  for (const [name, path] of Object.entries(pages)) {
    const response = await page.goto(`${base}${path}`);
    assert.equal(response.status(), 200, path);
    const { width, viewport, header } = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
      header: document.querySelector('header').getBoundingClientRect().height,
    }));
    assert.ok(width <= viewport, `${path} is ${width} px wide on a ${viewport} px screen`);
    assert.ok(header <= 0.15 * 844, `${path}: the header takes ${header} px`);
    await page.screenshot({ path: join(shots, `7-phone-${name}.png`), fullPage: true });
  }
  // The story's sections are API endpoints too.
  for (const part of ['disputes', 'timeline', 'reuse', 'quote_groups']) {
    const r = await fetch(`${base}/api/stories/${encodeURIComponent(story)}/${part}`);
    assert.equal(r.status, 200, part);
    assert.ok(Array.isArray((await r.json()).items), part);
  }
  assert.equal((await fetch(`${base}/api/stories/no-such-story/disputes`)).status, 404);
  await page.close();
});
