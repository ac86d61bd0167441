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

test('a story map: a pin leads to the place, its mention to the sentence', async () => {
  const { page, problems } = await openPage();
  const stories = await (await fetch(`${base}/api/stories?per_page=100`)).json();
  const places = await (await fetch(`${base}/api/places?per_page=100`)).json();
  const resolved = places.items.find((p) => p.place && p.story);
  assert.ok(resolved, `a resolved place in a story: ${JSON.stringify(places.items.map((p) => p.name))}`);
  assert.ok(stories.items.some((s) => s.id === resolved.story));
  await page.goto(`${base}/story/${encodeURIComponent(resolved.story)}#places`);
  const map = page.locator('#places svg.map');
  assert.equal(await map.count(), 1, 'one map');
  assert.ok(await map.locator('path.land').count() === 1, 'the world outline is drawn');
  const pins = map.locator('a circle.pin');
  assert.ok(await pins.count() >= 1, 'pins');
  assert.match(await page.locator('#places .credit').textContent(), /GeoNames.*CC BY 4\.0/);
  await map.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, '7-story-places.png'), fullPage: true });

  // The pin of the resolved place leads to its row; the row's mention to its sentence.
  const pin = map.locator(`a[href="#place-${resolved.id}"]`);
  assert.equal(await pin.count(), 1, `a pin for ${resolved.name}`);
  await pin.locator('circle').click();
  await page.waitForURL(new RegExp(`#place-${resolved.id}$`));
  const row = page.locator(`[id="place-${resolved.id}"]`);
  assert.equal((await row.locator('td strong').textContent()).trim(), resolved.name);
  await row.locator('summary').click();
  const mention = row.locator('details a.ctx').first();
  assert.equal((await mention.locator('mark').first().textContent()).trim(), resolved.mentions[0].text);
  await page.screenshot({ path: join(shots, '8-place-row.png') });
  await Promise.all([page.waitForURL(/\/doc\/.*#s-\d+$/), mention.click()]);
  const anchor = new URL(page.url()).hash.slice(1);
  assert.match(await page.locator(`[id="${anchor}"]`).getAttribute('class'), /target/);
  assert.deepEqual(problems, [], 'no console errors, CSP violations or failed requests');
  await page.close();
});

test('framing: an outlet page names each actor and its tone, one click from the sentence; opinion sentences are marked', async () => {
  const { page, problems } = await openPage();

  // The blog's outlet page: opinion share of its own sentences, actors with labels and tone,
  // loaded terms, exclusive and omitted claims.
  await page.goto(`${base}/outlet/${encodeURIComponent('Northern Dispatch')}`);
  assert.match(await page.locator('p.lead').textContent(), /of its own sentences read as opinion \(\d+ of \d+\)/);
  await page.locator('#actors').waitFor();
  assert.ok(await page.locator('#actors tbody tr').count() >= 3, 'actors listed');
  assert.ok(await page.locator('#actors .tag.tone-negative').count() >= 1, 'a negative tone toward some actor');
  assert.ok(await page.locator('#actors .label').count() >= 1, 'labels listed');
  assert.equal(await page.locator('#loaded-terms h2').textContent(), 'Loaded terms');
  assert.ok(await page.locator('h2', { hasText: 'Claims only it makes' }).count() === 1, 'exclusive claims');
  assert.ok(await page.locator('h2', { hasText: 'Widely reported claims it omits' }).count() === 1, 'omitted claims');
  await page.screenshot({ path: join(shots, '9-outlet-framing.png'), fullPage: true });

  // A judgement opens its sentence in the article.
  const judgement = page.locator('#actors .judgement a').first();
  await Promise.all([page.waitForURL(/\/doc\/.*#s-\d+$/), judgement.click()]);
  const anchor = new URL(page.url()).hash.slice(1);
  assert.match(await page.locator(`[id="${anchor}"]`).getAttribute('class'), /target/);

  // The opinion column: the Ledger's op-ed has its opinion sentences marked, with a legend that
  // counts them and a filter that unmarks them.
  const docs = await (await fetch(`${base}/api/documents?per_page=50`)).json();
  const oped = docs.items.find((d) => d.outlet === 'The Evening Ledger');
  assert.ok(oped, 'the op-ed is stored');
  await page.goto(`${base}/doc/${encodeURIComponent(oped.id)}`);
  const marked = page.locator('.text .s.opinion');
  assert.ok(await marked.count() >= 3, 'opinion sentences marked');
  assert.match(await page.locator('label.k-opinion').textContent(), /Opinion \(\d+ of \d+ sentences\)/);
  assert.notEqual(await marked.first().evaluate((e) => getComputedStyle(e).backgroundImage), 'none');
  await page.screenshot({ path: join(shots, '9-article-opinion.png') });
  await page.locator('#f-opinion').uncheck();
  assert.equal(await marked.first().evaluate((e) => getComputedStyle(e).backgroundImage), 'none');

  // The entity page says how each outlet names the actor and its tone toward it.
  const kordania = (await (await fetch(`${base}/api/entities?per_page=100`)).json()).items.find((e) => e.name === 'Kordania');
  assert.ok(kordania, 'Kordania is an entity');
  await page.goto(`${base}/entity/${encodeURIComponent(kordania.id)}`);
  const naming = page.locator('section', { hasText: 'How each outlet names it' });
  assert.ok(await naming.locator('tbody tr').count() >= 2, 'several outlets name it');
  await page.screenshot({ path: join(shots, '9-entity-framing.png'), fullPage: true });

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
