// Browser end-to-end test of the self-contained HTML report (`report.html` of `parallax analyze`),
// opened from disk in headless Chromium as a reader opens it: at a laptop's 1280 px and a phone's
// 390 px nothing is wider than the page (tables with a column per outlet scroll inside their own
// box); a table sorts by a clicked header and filters by its box, with no CSP violation and no
// request; a link into a section laid out lazily lands on its target. Runs on the fixture
// corpus, and on the first 60 AllSides articles when ../shared/data is present (real articles
// carry long URLs and many outlets). The time each report takes to open is printed; with
// PARALLAX_E2E_LARGE_REPORT=path/to/report.html (a 10,000-article report, see
// docs/benchmarks.md) that report must open in under 3 s. Screenshots go to
// target/e2e-screenshots/.
//
// Uses Debian's chromium (/usr/bin/chromium, or $CHROMIUM) through playwright-core; the binary is
// target/release/parallax (or $PARALLAX_BIN), built when missing.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, existsSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = process.env.PARALLAX_BIN ?? join(root, 'target/release/parallax');
const shots = join(root, 'target/e2e-screenshots');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const allsides = join(root, '../shared/data/allsides-bias-subset/test_1300.jsonl');

let browser;
let work;
/** Report files by name: the fixture corpus's, and AllSides' when the data is present. */
const reports = {};

function analyze(name, args) {
  const out = join(work, `out-${name}`);
  const run = spawnSync(bin, ['analyze', ...args, '--store', join(work, `store-${name}`), '--out', out, '--quiet'],
    { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, `parallax analyze (${name}) failed:\n${run.stderr}`);
  reports[name] = join(out, 'report.html');
}

before(async () => {
  if (!existsSync(bin)) {
    const build = spawnSync('cargo', ['build', '--release', '-p', 'parallax-cli'], { cwd: root, stdio: 'inherit' });
    assert.equal(build.status, 0, 'cargo build failed');
  }
  mkdirSync(shots, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'parallax-e2e-report-'));
  analyze('fixtures', [join(root, 'fixtures/corpus/text'), '--manifest', join(root, 'fixtures/corpus/text/manifest.csv')]);
  if (existsSync(allsides)) {
    const first60 = readFileSync(allsides, 'utf8').split('\n').slice(0, 60).join('\n') + '\n';
    writeFileSync(join(work, 'allsides60.jsonl'), first60);
    analyze('allsides60', [join(work, 'allsides60.jsonl'), '--field', 'text=content_original',
      '--field', 'published=date', '--field', 'outlet=source']);
  } else {
    console.log(`skipping the AllSides report: ${allsides} is absent`);
  }
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Opens `file` at `width` px, recording CSP violations, script errors and any request. */
async function open(file, width) {
  const page = await browser.newPage({ viewport: { width, height: width < 600 ? 844 : 900 } });
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
  });
  await page.goto(`file://${file}`);
  return { page, problems };
}

/** Milliseconds from navigation to the second frame painted after the load event. */
async function openTime(page, file) {
  const start = Date.now();
  await page.goto(`file://${file}`, { timeout: 120_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return Date.now() - start;
}

/** The page's width, and the outermost elements wider than the viewport outside a scroll box. */
function overflow(page) {
  return page.evaluate(() => {
    // Sections are laid out lazily (content-visibility), which also clips what overflows them:
    // measure them laid out, so that a too-wide element is found rather than hidden.
    const style = document.createElement('style');
    style.textContent = 'section { content-visibility: visible !important; }';
    document.head.append(style);
    const viewport = document.documentElement.clientWidth;
    const culprits = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('svg') && el.tagName !== 'svg') continue;
      let clipped = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
      }
      if (clipped || el.getBoundingClientRect().right <= viewport + 1) continue;
      if (el.parentElement.getBoundingClientRect().right > viewport + 1) continue;
      const section = el.closest('section');
      culprits.push(`${el.tagName.toLowerCase()}.${el.className} in #${section ? section.id : '?'}`);
    }
    return { width: document.documentElement.scrollWidth, viewport, culprits };
  });
}

for (const width of [1280, 390]) {
  test(`the report is no wider than a ${width} px screen`, async () => {
    for (const [name, file] of Object.entries(reports)) {
      const { page, problems } = await open(file, width);
      const { width: scroll, viewport, culprits } = await overflow(page);
      assert.ok(scroll <= viewport,
        `${name}: the report is ${scroll} px wide on a ${viewport} px screen; too wide: ${culprits.join(', ')}`);
      const header = await page.evaluate(() => document.querySelector('header').getBoundingClientRect().height);
      if (width === 390) assert.ok(header <= 0.15 * 844, `${name}: the header takes ${header} px`);
      await page.screenshot({ path: join(shots, `report-${name}-${width}.png`) });
      assert.deepEqual(problems, [], `${name}: no console errors, CSP violations or requests`);
      await page.close();
    }
  });
}

test('a table sorts by a clicked header and filters by its box', async () => {
  const file = reports.allsides60 ?? reports.fixtures;
  const { page, problems } = await open(file, 1280);
  const table = page.locator('#entities table');
  const names = () => table.locator('tr:not([hidden]) td:first-child').allTextContents();
  const before = await names();
  assert.ok(before.length >= 5, 'the entities table has rows');
  await table.locator('th', { hasText: 'Name' }).click();
  const ascending = await names();
  const byName = (a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
  const sorted = [...before].sort(byName);
  assert.deepEqual(ascending, sorted, 'one click sorts by name, ascending');
  assert.equal(await table.locator('th[aria-sort=ascending]').count(), 1);
  await table.locator('th', { hasText: 'Name' }).click();
  // Descending is a stable sort too: names equal but for case ("Prosecutors", "prosecutors")
  // keep their page order, so it is not the ascending list reversed.
  const descending = [...before].sort((a, b) => byName(b, a));
  assert.deepEqual(await names(), descending, 'a second click sorts descending');
  await table.locator('th', { hasText: 'Name' }).click();
  assert.deepEqual(await names(), before, 'a third click restores the page order');

  // Filter by the first row's name: every row left contains it, and fewer rows are left.
  const word = before[0].split(/\s+/)[0];
  await page.locator('#entities .table-tools input').fill(word);
  const filtered = await names();
  assert.ok(filtered.length >= 1 && filtered.length < before.length, `filtering by ${word}`);
  for (const text of await table.locator('tr:not([hidden]):not(:first-child)').allTextContents()) {
    assert.ok(text.toLowerCase().includes(word.toLowerCase()), `a row left by the filter holds ${word}`);
  }
  await page.screenshot({ path: join(shots, 'report-filtered.png') });
  await page.locator('#entities .table-tools input').fill('');
  assert.deepEqual(await names(), before, 'clearing the filter shows every row');

  // A claim's or an entity's evidence links to its sentence in the articles, far below.
  const link = page.locator('#entities td a.ctx').first();
  const target = (await link.getAttribute('href')).slice(1);
  await link.click();
  const landed = await page.evaluate((id) => {
    const el = document.getElementById(id);
    const box = el.getBoundingClientRect();
    return { hash: location.hash, top: box.top, bottom: box.bottom, height: innerHeight };
  }, target);
  assert.equal(landed.hash, `#${target}`);
  assert.ok(landed.top >= 0 && landed.top < landed.height, `the linked sentence is on screen: ${JSON.stringify(landed)}`);
  assert.deepEqual(problems, [], 'no console errors, CSP violations or requests');
  await page.close();
});

test('single-article stories are folded into one list; the open time is measured', async () => {
  for (const [name, file] of Object.entries(reports)) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const ms = await openTime(page, file);
    const { stories, folded } = await page.evaluate(() => ({
      stories: document.querySelectorAll('#stories > table tr').length,
      folded: document.querySelectorAll('details.single-stories li').length,
    }));
    console.log(`${name}: report opened in ${ms} ms; ${stories} story rows, ${folded} folded single-article stories`);
    assert.equal(await page.locator('details.single-stories[open]').count(), 0, 'the list is folded');
    await page.close();
  }
  const large = process.env.PARALLAX_E2E_LARGE_REPORT;
  if (large) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const ms = await openTime(page, resolve(large));
    console.log(`${large}: opened in ${ms} ms`);
    assert.ok(ms < 3000, `${large} took ${ms} ms to open`);
    await page.screenshot({ path: join(shots, 'report-large.png') });
    await page.close();
  }
});
