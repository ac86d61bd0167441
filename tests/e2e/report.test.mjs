// Browser end-to-end test of the self-contained HTML report (`report.html` of `parallax analyze`),
// opened from disk in headless Chromium as a reader opens it: at a laptop's 1280 px and a phone's
// 390 px nothing is wider than the page (tables with a column per outlet scroll inside their own
// box). Runs on the fixture corpus, and on the first 60 AllSides articles when ../shared/data is
// present (real articles carry long URLs and many outlets). Screenshots go to
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

/** The page's width, and the outermost elements wider than the viewport outside a scroll box. */
function overflow(page) {
  return page.evaluate(() => {
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
