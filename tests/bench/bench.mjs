#!/usr/bin/env node
// `make bench`: measures the release build in dist/ against the budgets of issues 7 and 14 and prints one
// table.
//
// Every browser figure is the median of at least 5 runs (BENCH_RUNS, default 5) in headless Chromium, each
// run in a fresh browser context (empty HTTP cache, storage and service worker) against dist/ served by this
// script on 127.0.0.1, gzip-compressed as a real host would. Lighthouse (npm, default mobile configuration,
// simulated throttling) is the median of LIGHTHOUSE_RUNS runs, each in a fresh Chromium. Results go to
// bench-results/latest.json and a timestamped copy; the table shows the change from the previous latest.json.
// Exits 1 when a budget fails or could not be measured.
//
//   node tests/bench/bench.mjs [--only size,interactive,quiz,lighthouse,answer,assessment,import,share,derive,library,native,cli]

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import shared from '../e2e/shared.cjs';

const { CHROMIUM, CHROMIUM_ARGS } = shared;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// BENCH_DIST measures another build (e.g. a saved older dist/ for comparison).
const DIST = path.resolve(process.env.BENCH_DIST || path.join(ROOT, 'dist'));
const OUT = path.join(ROOT, 'bench-results');
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS) || 5);
// The pause after each timed start-up before the next one starts (timeInteractive).
const SETTLE_MS = 1500;
const ANSWERS = 100;
const KB = 1000;
const BUDGET = {
  // issue 14: the quiz page and the full app's start page
  quizGzipKB: 120,
  quizInteractiveRatio: 1.5,
  appGzipKB: 300,
  interactiveRatio: 2.5,
  quizLighthouse: { performance: 100, accessibility: 100 },
  appLighthouse: { performance: 98, lcpMs: 1500, cls: 0 },
  // issue 7 (its first-load budget of 180 KB for #/assess/4 is now reported only)
  assessGzipKB: 180,
  answerP95: 16,
  importMs: 30,
  shareMs: 30,
  cliFilesPerSecond: 2000,
  libraryMs: 100,
};
// Lighthouse runs per page: each takes some 20–40 s here.
const LIGHTHOUSE_RUNS = 3;
// The library page is measured with this many full assessments stored.
const LIBRARY_ENTRIES = 50;
// `aims score` runs over this many copies of the app's export of a full assessment.
const CLI_FILES = 1000;
const FRAME_MS = 16;
const REFERENCE_SECTION = '4';
const RADIO = '[data-item-id] input[type=radio]';
const QUIZ = 'quiz.html';

const only = (() => {
  const i = process.argv.indexOf('--only');
  return i > 0 ? new Set(process.argv[i + 1].split(',')) : null;
})();
const wanted = (name) => !only || only.has(name);

// ---- content: section and item IDs, read from the same TOML the app embeds ----------------------------

const readSections = () => shared.readSections(ROOT);

// ---- statistics and formatting -------------------------------------------------------------------------

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
const fmt = (v, unit) => {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (unit === 'KB') return `${(v / KB).toFixed(1)} KB`;
  if (unit === 'MB') return `${(v / 1e6).toFixed(2)} MB`;
  if (unit === 'ms') return v < 10 ? `${v.toFixed(2)} ms` : `${v.toFixed(1)} ms`;
  if (unit === 'µs') return `${(v * 1000).toFixed(2)} µs`;
  if (unit === 'files/s') return `${Math.round(v).toLocaleString('en')} files/s`;
  if (unit === 's') return `${(v / 1000).toFixed(2)} s`;
  if (unit === 'score') return String(Math.round(v));
  if (unit === 'cls') return v.toFixed(3);
  return String(v);
};

// ---- the server: dist/ plus the generated static reference page ----------------------------------------

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const STATIC_PATH = `/__bench/static-${REFERENCE_SECTION}.html`;
// The quiz's static reference: its first screen as rendered, without scripts (made by quizStaticPage()).
// Served beside quiz.html so that its relative links (stylesheet, icon, a site's logo) resolve the same.
const QUIZ_STATIC_PATH = '/__bench-static-quiz.html';
// The Leptos floor (tests/bench/floor.rs): built by this script into FLOOR_DIST and served under FLOOR_PATH.
const FLOOR_DIST = path.join(ROOT, 'target', 'bench-floor');
const FLOOR_PATH = '/__bench/floor/';

// What a host compresses: text and wasm, not images that are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.svg', '.json', '.webmanifest', '.txt', '.ico']);
// Trunk names a built file `name-<16 hex digits>.ext`: such a file never changes, so a host caches it for good.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

/** gzip -9 of each file served, kept per file (path, size and mtime) so each is compressed once. */
const gzipCache = new Map();
function gzipped(file, stat) {
  const key = `${file}\0${stat.size}\0${stat.mtimeMs}`;
  if (!gzipCache.has(key)) {
    // `make build` may write a precompressed copy beside the file: a host that serves it sends that one.
    const pre = `${file}.gz`;
    gzipCache.set(key, fs.existsSync(pre) ? fs.readFileSync(pre) : zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
  }
  return gzipCache.get(key);
}
const acceptsGzip = (req) => /(^|,)\s*gzip\s*(;\s*q\s*=\s*(1(\.0*)?|0?\.\d*[1-9]\d*)\s*)?(,|$)/i.test(req.headers['accept-encoding'] || '');

/**
 * The bench's host: dist/ (and the floor's build), plus the generated static pages in `generated` (a Map from
 * path to HTML, filled before and during the run). Like a real host it sends gzip (-9) to a client that
 * accepts it, `X.gz` when the build wrote one, and lets hashed files be cached for good.
 */
function serve(generated) {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const send = (type, body, cache, compress) => {
      const headers = { 'Content-Type': type, 'Cache-Control': cache, Vary: 'Accept-Encoding' };
      const gzip = compress && acceptsGzip(req);
      const data = gzip ? compress() : body();
      if (gzip) headers['Content-Encoding'] = 'gzip';
      headers['Content-Length'] = data.length;
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : data);
    };
    if (generated.has(pathname)) {
      const html = Buffer.from(generated.get(pathname));
      send(MIME['.html'], () => html, 'no-store', () => zlib.gzipSync(html, { level: 9 }));
      return;
    }
    const floor = pathname.startsWith(FLOOR_PATH);
    const root = floor ? FLOOR_DIST : DIST;
    const rel = floor ? `/${pathname.slice(FLOOR_PATH.length)}` : pathname;
    const file = path.join(root, rel.endsWith('/') ? `${rel}index.html` : rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const stat = fs.statSync(file);
    const ext = path.extname(file);
    const type = MIME[ext] || 'application/octet-stream';
    const cache = HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
    send(type, () => fs.readFileSync(file), cache, COMPRESSIBLE.has(ext) ? () => gzipped(file, stat) : null);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The file under `root` a URL below `base` names, or null (data:, blob:, the static page, other paths). */
function distFile(url, base, root = DIST) {
  if (!url.startsWith(base)) return null;
  let rel = decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length));
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = path.join(root, rel);
  return fs.existsSync(file) && fs.statSync(file).isFile() ? rel : null;
}

const gzipSize = (rel, root = DIST) => zlib.gzipSync(fs.readFileSync(path.join(root, rel)), { level: 9 }).length;
const rawSize = (rel, root = DIST) => fs.statSync(path.join(root, rel)).size;

/**
 * Builds the Leptos floor with the app's pipeline (Trunk's release profile and wasm-opt, then the CSP hash of
 * scripts/csp_hash.py) into FLOOR_DIST.
 * Returns null, or why it could not be built: the floor is a reference, so the app is measured regardless.
 */
function buildFloor() {
  const PATH = [path.join(ROOT, 'node_modules', '.bin'), path.join(process.env.CARGO_HOME || path.join(process.env.HOME || '', '.cargo'), 'bin'), process.env.PATH].join(path.delimiter);
  const run = spawnSync('trunk', ['--offline', '--skip-version-check', 'build', '--release', '--dist', FLOOR_DIST, 'tests/bench/floor.html'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    env: { ...process.env, PATH },
  });
  if (run.status === 0 && fs.existsSync(path.join(FLOOR_DIST, 'index.html'))) {
    // As `make build` does for the app's pages: the CSP's 'sha256-LOADER' becomes the hash of Trunk's
    // inline loader, or the policy blocks it and the floor never starts.
    const csp = spawnSync('python3', ['scripts/csp_hash.py', FLOOR_DIST], { cwd: ROOT, encoding: 'utf8' });
    return csp.status === 0 ? null : `scripts/csp_hash.py ${FLOOR_DIST} failed: ${csp.stderr.trim()}`;
  }
  return `trunk build of tests/bench/floor.html failed: ${String(run.stderr || run.error || '').trim().split('\n').slice(-2).join(' ')}`;
}

// ---- in-page instruments ---------------------------------------------------------------------------------

// The first control of a page, found in the page by the probe below: `radio` the first item's first level
// radio; `start` the quiz's first control: the button in <main> whose text starts "Start", or where a quiz
// has no first screen, its first level radio.
const CONTROLS = {
  radio: `() => { const r = document.querySelector(${JSON.stringify(RADIO)}); return r ? { el: r, kind: 'radio' } : null; }`,
  start: `() => {
    const b = [...document.querySelectorAll('main button')].find((el) => el.textContent.trim().startsWith('Start'));
    if (b) return { el: b, kind: 'start button' };
    const r = document.querySelector('main ' + ${JSON.stringify(RADIO)});
    return r ? { el: r, kind: 'first radio' } : null;
  }`,
};

// Records in window.__bench.interactive the time (ms after navigation start) at which the page's first
// control (CONTROLS) is in the document, enabled and laid out, i.e. a click on it would land, and which
// control it was; in window.__bench.firstElement when the first element other than <noscript> or the
// start-up message (#boot) or the static start page ([data-static], scripts/site_pages.py) appeared in <body> (for a script-built page: when its code had been fetched,
// compiled and started rendering); and in window.__bench.started when Trunk's loader announced that the
// wasm had been instantiated and its main() had run (the event TrunkApplicationStarted).
const INTERACTIVE_PROBE = (control = 'radio') => `(() => {
  const probe = { interactive: null, control: null, firstElement: null, started: null };
  Object.defineProperty(window, '__bench', { value: probe });
  addEventListener('TrunkApplicationStarted', () => { probe.started = performance.now(); });
  const find = ${CONTROLS[control]};
  const check = () => {
    if (probe.firstElement === null && document.body && [...document.body.children].some((el) => el.localName !== 'noscript' && el.localName !== 'script' && el.id !== 'boot' && !el.hasAttribute('data-static'))) {
      probe.firstElement = performance.now();
    }
    const found = find();
    if (!found || found.el.disabled) return false;
    const box = [found.el, ...(found.el.labels || [])].some((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    });
    if (!box) return false;
    probe.interactive = performance.now();
    probe.control = found.kind;
    return true;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/** Starts recording DOM mutations in the page; `since` is when the measured action started. */
const SETTLE_PROBE = `(() => {
  const probe = { start: null, last: null, count: 0 };
  Object.defineProperty(window, '__settle', { value: probe });
  const observer = new MutationObserver((records) => {
    if (probe.start === null) return;
    probe.last = performance.now();
    probe.count += records.length;
  });
  const begin = () => observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
  if (document.documentElement) begin(); else document.addEventListener('readystatechange', begin, { once: true });
  // A chosen file: the capturing listener on the document runs before the app's own handler.
  document.addEventListener('change', (e) => { if (e.target && e.target.type === 'file') { probe.start = performance.now(); probe.last = null; probe.count = 0; } }, true);
})();`;

/** Waits until the page has not changed its DOM for `quietMs`; returns ms from the action to the last change. */
async function settled(page, quietMs = 400, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await page.evaluate(() => ({ ...window.__settle, now: performance.now() }));
    if (s.start !== null && s.last !== null && s.now - s.last >= quietMs) return { ms: s.last - s.start, mutations: s.count };
    if (Date.now() > deadline) return { ms: null, mutations: s.count };
    await page.waitForTimeout(50);
  }
}

/** What the page announces in role=alert, if it reads like an error. */
async function announcedError(page) {
  const texts = await page.locator('[role=alert]').allInnerTexts();
  return texts.find((t) => /error|could not|cannot|can't|invalid|not a|failed|unreadable/i.test(t)) || null;
}

// ---- flows -------------------------------------------------------------------------------------------------

async function newPage(browser, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

async function waitForApp(page) {
  await page.waitForFunction(() => document.querySelector('main, [data-item-id], button') !== null, null, { timeout: 20000 });
}

/** Picks "Full assessment" on the start page when the app offers it. */
async function chooseFull(page, base) {
  await page.goto(`${base}#/`);
  await waitForApp(page);
  const full = page.getByRole('button', { name: 'Full assessment' });
  if (await full.count()) await full.first().click();
}

const LONG_NOTE = (id) =>
  `Notes for ${id}: ` +
  'The owner reviewed the evidence with the process lead, listed what is missing and agreed the next step; '.repeat(15);

/** Answers every item of every section through the UI, with long notes in every text area of every item. */
async function fillAssessment(page, base, sections) {
  await chooseFull(page, base);
  let answered = 0;
  for (const section of sections) {
    await page.goto(`${base}#/assess/${section.id}`);
    await page.locator(RADIO).first().waitFor({ timeout: 10000 });
    answered += await page.evaluate(async (longNote) => {
      const tick = () => new Promise((r) => setTimeout(r, 0));
      const ids = [...document.querySelectorAll('[data-item-id]')].map((el) => el.getAttribute('data-item-id'));
      for (const [i, id] of ids.entries()) {
        const item = () => document.querySelector(`[data-item-id="${CSS.escape(id)}"]`);
        item()?.querySelector(`input[type=radio][value="${(i % 5) + 1}"]`)?.click();
        await tick();
        // The note fields are built when their <details> first opens.
        const notes = item()?.querySelector('details.notes');
        if (notes && !notes.open) {
          notes.open = true;
          for (let t = 0; t < 50 && !notes.querySelector('textarea'); t++) await tick();
        }
        for (const area of item()?.querySelectorAll('textarea') ?? []) {
          area.value = longNote.replace('{id}', id);
          area.dispatchEvent(new Event('input', { bubbles: true }));
          area.dispatchEvent(new Event('change', { bubbles: true }));
          await tick();
        }
      }
      return ids.length;
    }, LONG_NOTE('{id}'));
  }
  return answered;
}

/** The share link the results page produces: from a field, a link or the clipboard. */
async function shareLink(page) {
  await page.getByRole('button', { name: /share link/i }).first().click({ timeout: 10000 });
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const found = await page.evaluate(() => {
      for (const el of document.querySelectorAll('input, textarea')) if (el.value.includes('#share=')) return el.value;
      for (const a of document.querySelectorAll('a[href*="#share="]')) return a.href;
      return null;
    });
    if (found) return found;
    const clip = await page.evaluate(() => navigator.clipboard.readText().catch(() => '')).catch(() => '');
    if (clip.includes('#share=')) return clip;
    await page.waitForTimeout(100);
  }
  return null;
}

// ---- measurements ------------------------------------------------------------------------------------------

/**
 * The files under `root` that a first load of `url` fetches (URLs below `base`), with their total raw and
 * gzip (-9) size: loaded in a fresh context until `ready(page)` (the page's first control is there), its
 * Trunk-built app has started (so a page that paints its first screen before its code has run still pays for
 * that code) and the network is idle (Playwright: no request for 500 ms). Requests of the service worker
 * (its precache) are not the page's and are not counted.
 */
async function firstLoad(browser, url, base, root = DIST, ready = (page) => page.locator(RADIO).first().waitFor({ timeout: 20000 }), { started = true } = {}) {
  const { context, page } = await newPage(browser);
  await page.addInitScript(INTERACTIVE_PROBE());
  const fetched = new Set();
  page.on('request', (req) => {
    const rel = distFile(req.url(), base, root);
    if (rel) fetched.add(rel);
  });
  await page.goto(url, { waitUntil: 'load' });
  await ready(page);
  if (started) {
    await page.waitForFunction(() => window.__bench.started !== null, null, { timeout: 20000 }).catch(() => {
      throw new Error(`${url}: the app never started (no TrunkApplicationStarted event within 20 s)`);
    });
  }
  await page.waitForLoadState('networkidle');
  await context.close();
  const files = [...fetched].sort();
  return { files, raw: files.reduce((s, f) => s + rawSize(f, root), 0), gzip: files.reduce((s, f) => s + gzipSize(f, root), 0) };
}

/** RUNS first loads of `url`: median raw and gzip size, the files of the last run and their sizes by kind. */
async function sizeOf(browser, url, base, ready, options) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await firstLoad(browser, url, base, DIST, ready, options));
  const files = runs.at(-1).files;
  const byKind = {};
  for (const f of files) {
    const kind = path.extname(f).slice(1) || 'other';
    byKind[kind] = byKind[kind] || { raw: 0, gzip: 0 };
    byKind[kind].raw += rawSize(f);
    byKind[kind].gzip += gzipSize(f);
  }
  return { raw: median(runs.map((r) => r.raw)), gzip: median(runs.map((r) => r.gzip)), files, byKind };
}

/** The full app: its start page (index.html, no fragment) and, as issue 7 measured it, #/assess/4. */
async function measureSize(browser, base) {
  const start = await sizeOf(browser, base, base, (page) => page.getByRole('button', { name: 'Full assessment' }).first().waitFor({ timeout: 20000 }));
  const assess = await sizeOf(browser, `${base}#/assess/${REFERENCE_SECTION}`, base);
  const swFile = path.join(DIST, 'sw.js');
  let precache = null;
  if (fs.existsSync(swFile)) {
    const list = JSON.parse(fs.readFileSync(swFile, 'utf8').match(/const FILES = (\[[\s\S]*?\]);/)[1]);
    const real = list.filter((f) => f !== './');
    precache = { files: real.length, raw: real.reduce((s, f) => s + rawSize(f), 0), gzip: real.reduce((s, f) => s + gzipSize(f), 0) };
  }
  return { start, assess, precache };
}

/** The Leptos floor's first load (FLOOR_DIST, served under FLOOR_PATH): a reference for the app's size. */
async function measureFloorSize(browser, base) {
  const floorBase = `${base.replace(/\/$/, '')}${FLOOR_PATH}`;
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await firstLoad(browser, floorBase, floorBase, FLOOR_DIST));
  return { raw: median(runs.map((r) => r.raw)), gzip: median(runs.map((r) => r.gzip)), files: runs.at(-1).files };
}

/** The quiz's first control, as a first visit waits for it: the button whose name starts "Start". */
const quizReady = (page) => page.getByRole('button', { name: /^Start/ }).first().waitFor({ timeout: 20000 });

/**
 * The quiz's first load as a first visit makes it without touching the page: its loader fetches the quiz's
 * code only at the first touch, tap or key (scripts/site_pages.py), so the app is not waited for.
 */
function measureQuizSize(browser, base) {
  return sizeOf(browser, `${base}${QUIZ}`, base, quizReady, { started: false });
}

// Lighthouse's mobile throttling (slow 4G, 4× CPU slowdown) as DevTools applies it, for the tap below.
const SLOW_4G = { offline: false, latency: 150 * 3.75, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };
const TAP_PROBE = `(() => {
  const probe = { tap: null, radio: null };
  Object.defineProperty(window, '__tap', { value: probe });
  addEventListener('pointerdown', () => { if (probe.tap === null) probe.tap = performance.now(); }, true);
  const observer = new MutationObserver(() => {
    const r = document.querySelector(${JSON.stringify(RADIO)});
    if (probe.tap !== null && r && !r.disabled && r.getBoundingClientRect().width > 0) { probe.radio = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/**
 * What the quiz's first visit costs when the visitor starts it: RUNS first visits, each tapping Start once
 * the page has loaded and the network is idle, from the tap (its pointerdown, which starts the code's
 * download) to the first question's first radio usable, and the bytes fetched after the tap; unthrottled
 * and at Lighthouse's mobile throttling. Figures, not budgets: the budgets count the first load.
 */
async function measureQuizStart(browser, base) {
  const tapOnce = async (throttled) => {
    const { context, page } = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await page.addInitScript(TAP_PROBE);
    const fetched = new Set();
    let counting = false;
    page.on('request', (req) => {
      const rel = distFile(req.url(), base);
      if (rel && counting) fetched.add(rel);
    });
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    await page.goto(`${base}${QUIZ}`, { waitUntil: 'load' });
    await quizReady(page);
    await page.waitForLoadState('networkidle');
    counting = true;
    await page.getByRole('button', { name: /^Start/ }).first().click();
    await page.waitForFunction(() => window.__tap.radio !== null, null, { timeout: 60000 }).catch(() => {
      throw new Error(`${QUIZ}: no usable radio within 60 s of the tap on Start${throttled ? ' (throttled)' : ''}`);
    });
    const ms = await page.evaluate(() => window.__tap.radio - window.__tap.tap);
    await page.waitForLoadState('networkidle');
    await context.close();
    const files = [...fetched].sort();
    return { ms, files, gzip: files.reduce((sum, f) => sum + gzipSize(f), 0) };
  };
  const of = async (throttled) => {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await tapOnce(throttled));
    return { ms: median(runs.map((r) => r.ms)), runs: runs.map((r) => r.ms), gzip: median(runs.map((r) => r.gzip)), files: runs.at(-1).files };
  };
  return { fast: await of(false), slow: await of(true) };
}

/**
 * The quiz's static reference: quiz.html loaded once in a fresh context until its first control is usable,
 * then the document as rendered with every script and script preload removed (the stylesheet link and the
 * rest of <head> kept): the same first screen, as a page that needs no code at all.
 */
async function quizStaticPage(browser, base) {
  const { context, page } = await newPage(browser);
  await page.addInitScript(INTERACTIVE_PROBE('start'));
  await page.goto(`${base}${QUIZ}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench && window.__bench.interactive !== null, null, { timeout: 20000 });
  const html = await page.evaluate(() => {
    const doc = document.documentElement.cloneNode(true);
    for (const el of doc.querySelectorAll('script, link[rel=modulepreload], link[rel=preload][as=script], link[rel=preload][as=fetch]')) el.remove();
    return `<!DOCTYPE html>\n${doc.outerHTML}`;
  });
  await context.close();
  if (!/<link[^>]+rel="?stylesheet/.test(html)) throw new Error('the rendered quiz has no stylesheet link');
  return html;
}

/**
 * Navigation start → first control usable, for every page in `urls` (name → { url, control }), side by side:
 * RUNS rounds after one warm-up round, the order rotated each round, each load in a fresh context.
 */
async function timeInteractive(browser, urls) {
  const pages = Object.keys(urls);
  const times = Object.fromEntries(pages.map((p) => [p, []]));
  // One warm-up round first (not counted): the first pages of a fresh browser start slower.
  for (let i = -1; i < RUNS; i++) {
    // Rotate which page goes first so none always gets the warmer browser.
    const shift = (i + 1) % pages.length;
    const order = [...pages.slice(shift), ...pages.slice(0, shift)];
    for (const which of order) {
      const { context, page } = await newPage(browser);
      await page.addInitScript(INTERACTIVE_PROBE(urls[which].control));
      await page.goto(urls[which].url, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__bench && window.__bench.interactive !== null, null, { timeout: 20000 }).catch(() => {
        throw new Error(`${which} (${urls[which].url}): no usable ${urls[which].control} within 20 s`);
      });
      const t = await page.evaluate(() => ({
        interactive: window.__bench.interactive,
        control: window.__bench.control,
        firstElement: window.__bench.firstElement,
        wasmFetched: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd ?? null,
      }));
      if (i >= 0) times[which].push(t);
      await context.close();
      // Let the closed page's background work end (its wasm's optimising compile goes on in other threads
      // after the page is gone; on a 2-core machine it slowed whichever page came next, by up to 50 ms).
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    }
  }
  const of = (which, key) => times[which].map((t) => t[key]).filter((v) => v != null);
  // Where the time of a script-built page goes: its wasm fetched, its first element, its first control usable.
  const phases = (which) => ({ wasmFetched: median(of(which, 'wasmFetched')), firstElement: median(of(which, 'firstElement')), interactive: median(of(which, 'interactive')) });
  return Object.fromEntries(pages.map((p) => [p, { ms: median(of(p, 'interactive')), runs: of(p, 'interactive'), control: of(p, 'control')[0] ?? null, phases: phases(p) }]));
}

/**
 * The full app (#/assess/4, its first radio) against its static page and the Leptos floor, and the quiz (its
 * Start button) against its static page: all in the same rounds, so each pair shares the machine's state.
 */
async function measureInteractive(browser, base, { app, floor, quiz }) {
  const origin = base.replace(/\/$/, '');
  const urls = {};
  if (app) {
    urls.app = { url: `${base}#/assess/${REFERENCE_SECTION}`, control: 'radio' };
    urls.static = { url: `${origin}${STATIC_PATH}`, control: 'radio' };
    if (floor) urls.floor = { url: `${origin}${FLOOR_PATH}`, control: 'radio' };
  }
  if (quiz) {
    urls.quiz = { url: `${base}${QUIZ}`, control: 'start' };
    urls.quizStatic = { url: `${origin}${QUIZ_STATIC_PATH}`, control: 'start' };
  }
  const t = await timeInteractive(browser, urls);
  const result = {};
  if (app) {
    result.app = {
      app: t.app.ms,
      reference: t.static.ms,
      floor: floor ? t.floor.ms : null,
      appRuns: t.app.runs,
      referenceRuns: t.static.runs,
      floorRuns: floor ? t.floor.runs : [],
      phases: { app: t.app.phases, floor: floor ? t.floor.phases : null },
    };
  }
  if (quiz) {
    result.quiz = { quiz: t.quiz.ms, reference: t.quizStatic.ms, control: t.quiz.control, quizRuns: t.quiz.runs, referenceRuns: t.quizStatic.runs, phases: { quiz: t.quiz.phases } };
  }
  return result;
}

/**
 * Lighthouse (npm) in its default configuration, i.e. mobile with simulated throttling (slow 4G, 4× CPU
 * slowdown), performance and accessibility, LIGHTHOUSE_RUNS times for `url`, each run in a freshly launched
 * Chromium (Debian's, the flags of tests/e2e/shared.cjs, headless). Each figure is the median of the runs.
 */
async function lighthouseOf(url) {
  const runs = [];
  const notes = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: [...CHROMIUM_ARGS, '--headless'], logLevel: 'silent' });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
      const lhr = result.lhr;
      if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      for (const w of lhr.runWarnings || []) notes.push(w);
      const audit = (id) => lhr.audits[id]?.numericValue ?? null;
      const score = (c) => (lhr.categories[c]?.score == null ? null : lhr.categories[c].score * 100);
      // Accessibility audits that did not pass, and the performance audits that cost score.
      const failing = (c) => lhr.categories[c].auditRefs.filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1).map((r) => r.id);
      runs.push({
        performance: score('performance'),
        accessibility: score('accessibility'),
        fcpMs: audit('first-contentful-paint'),
        lcpMs: audit('largest-contentful-paint'),
        tbtMs: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        speedIndexMs: audit('speed-index'),
        bytes: audit('total-byte-weight'),
        failing: { performance: failing('performance'), accessibility: failing('accessibility') },
        benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
        version: lhr.lighthouseVersion,
      });
    } finally {
      await chrome.kill();
    }
  }
  const med = (k) => median(runs.map((r) => r[k]).filter((v) => v != null));
  const failing = (c) => [...new Set(runs.flatMap((r) => r.failing[c]))];
  return {
    runs: runs.length,
    performance: med('performance'),
    accessibility: med('accessibility'),
    fcpMs: med('fcpMs'),
    lcpMs: med('lcpMs'),
    tbtMs: med('tbtMs'),
    cls: med('cls'),
    speedIndexMs: med('speedIndexMs'),
    bytes: med('bytes'),
    benchmarkIndex: med('benchmarkIndex'),
    version: runs[0]?.version ?? null,
    failing: { performance: failing('performance'), accessibility: failing('accessibility') },
    all: runs,
    notes: [...new Set(notes)],
  };
}

async function measureLighthouse(base) {
  return { quiz: await lighthouseOf(`${base}${QUIZ}`), app: await lighthouseOf(base), load: os.loadavg()[0] };
}

async function measureAnswers(browser, base, sections) {
  // The section with the most items, so the 100 answers spread over many items.
  const section = [...sections].sort((a, b) => b.items.length - a.items.length)[0];
  const p50 = [];
  const p95 = [];
  let figures = 0;
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser);
    await chooseFull(page, base);
    await page.goto(`${base}#/assess/${section.id}`);
    await page.locator(RADIO).first().waitFor({ timeout: 20000 });
    const { times, readiness } = await page.evaluate(async (n) => {
      const settle = () => new Promise((r) => setTimeout(r, 0));
      const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const ids = [...document.querySelectorAll('[data-item-id]')].map((el) => el.getAttribute('data-item-id'));
      const times = [];
      for (let k = 0; k < n; k++) {
        const id = ids[k % ids.length];
        // Every round sets all items to the next level, so every click changes an answer.
        const level = String((Math.floor(k / ids.length) + 1) % 6);
        const radio = document.querySelector(`[data-item-id="${CSS.escape(id)}"] input[type=radio][value="${level}"]`);
        const t0 = performance.now();
        radio.click();
        await settle(); // every microtask the click queued (Leptos effects, scoring, saving) has run
        void document.body.offsetHeight; // style and layout of what changed
        times.push(performance.now() - t0);
        await nextFrame();
      }
      return { times, readiness: document.querySelectorAll('[data-readiness]').length };
    }, ANSWERS);
    figures = readiness;
    p50.push(quantile(times, 0.5));
    p95.push(quantile(times, 0.95));
    await context.close();
  }
  return { section: section.id, p50: median(p50), p95: median(p95), readinessFigures: figures };
}

/** Fills a full assessment RUNS times: memory after each; the export and share link of the first. */
async function measureAssessment(browser, base, sections) {
  const wasm = [];
  const heap = [];
  let exportFile = null;
  let link = null;
  let answered = 0;
  const notes = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    answered = await fillAssessment(page, base, sections);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
    const all = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
    const bytes = await cdp.send('Runtime.callFunctionOn', {
      objectId: all.objects.objectId,
      functionDeclaration: 'function () { return this.reduce((sum, m) => sum + m.buffer.byteLength, 0); }',
      returnByValue: true,
    });
    wasm.push(bytes.result.value);
    heap.push(usage.usedSize);
    if (i === 0) {
      await page.goto(`${base}#/results`);
      try {
        await page.locator('[data-section-id="overall"]').first().waitFor({ timeout: 10000 });
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: 10000 }),
          page.getByRole('button', { name: /JSON/ }).first().click({ timeout: 10000 }),
        ]);
        exportFile = path.join(OUT, 'tmp', 'full-assessment.json');
        fs.mkdirSync(path.dirname(exportFile), { recursive: true });
        await download.saveAs(exportFile);
        const text = fs.readFileSync(exportFile, 'utf8');
        const ids = sections.flatMap((s) => s.items.map((it) => it.id));
        const missing = ids.filter((id) => !text.includes(`"${id}"`));
        if (missing.length) notes.push(`the export lacks ${missing.length} item IDs (${missing.slice(0, 3).join(', ')} …)`);
        if (!text.includes('The owner reviewed the evidence')) notes.push('the export holds no long notes');
      } catch (e) {
        notes.push(`no JSON export from #/results (${String(e.message || e).split('\n')[0]})`);
        exportFile = null;
      }
      try {
        link = exportFile ? await shareLink(page) : null;
        if (exportFile && !link) notes.push('no share link found after the share-link button');
      } catch (e) {
        notes.push(`no share link (${String(e.message || e).split('\n')[0]})`);
      }
    }
    await context.close();
  }
  return { answered, wasm: median(wasm), heap: median(heap), exportFile, link, notes };
}

/**
 * Lets start-up finish before a measured action: the service worker has precached the site and the browser's
 * background compilation of the wasm has had time to settle, so the figure is the action's own cost and not
 * that of work the first load left running on this machine's cores.
 */
async function idle(page) {
  await page.evaluate(() =>
    Promise.race([navigator.serviceWorker ? navigator.serviceWorker.ready : Promise.resolve(), new Promise((r) => setTimeout(r, 5000))]),
  );
  await page.waitForTimeout(500);
}

async function measureImport(browser, base, exportFile) {
  const runs = [];
  let error = null;
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser);
    await page.addInitScript(SETTLE_PROBE);
    await page.goto(`${base}#/results`);
    const input = page.locator('input[type=file]').first();
    await input.waitFor({ state: 'attached', timeout: 20000 });
    await idle(page); // start-up's own DOM changes and background work are not counted
    await input.setInputFiles(exportFile);
    const { ms } = await settled(page);
    error = error || (await announcedError(page));
    runs.push(ms);
    await context.close();
  }
  return { ms: runs.includes(null) ? null : median(runs), error };
}

async function measureShare(browser, base, link) {
  const hash = link.slice(link.indexOf('#'));
  const runs = [];
  let error = null;
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser);
    await page.addInitScript(SETTLE_PROBE);
    await page.goto(`${base}#/`);
    await waitForApp(page);
    await idle(page);
    await page.evaluate((h) => {
      window.__settle.start = performance.now();
      window.__settle.last = null;
      window.__settle.count = 0;
      location.hash = h;
    }, hash);
    const { ms } = await settled(page);
    error = error || (await announcedError(page));
    runs.push(ms);
    await context.close();
  }
  return { ms: runs.includes(null) ? null : median(runs), error };
}

/** PBKDF2's rounds for an encrypted file or link, as src/jwe.rs writes them (`ITERATIONS`). */
function jweIterations() {
  const m = fs.readFileSync(path.join(ROOT, 'src/jwe.rs'), 'utf8').match(/pub const ITERATIONS: u32 = ([\d_]+);/);
  if (!m) throw new Error('no ITERATIONS in src/jwe.rs');
  return Number(m[1].replace(/_/g, ''));
}

/**
 * Deriving the key of an encrypted file or link, as the app does it (src/ui/crypto.rs): Web Crypto's
 * PBKDF2-HMAC-SHA-512 over the passphrase into an AES-KW key, in the app's page; each run in a fresh context.
 */
async function measureDerive(browser, base) {
  const iterations = jweIterations();
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser);
    await page.goto(`${base}#/`);
    await waitForApp(page);
    runs.push(
      await page.evaluate(async (rounds) => {
        const subtle = crypto.subtle;
        const salt = crypto.getRandomValues(new Uint8Array(16));
        const start = performance.now();
        const base = await subtle.importKey('raw', new TextEncoder().encode('quiet otter lantern meadow'), 'PBKDF2', false, ['deriveKey']);
        await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-512', salt, iterations: rounds }, base, { name: 'AES-KW', length: 256 }, false, ['unwrapKey']);
        return performance.now() - start;
      }, iterations),
    );
    await context.close();
  }
  return { ms: median(runs), iterations };
}

/**
 * `#/assessments` with LIBRARY_ENTRIES copies of the full export stored (each under its own key, as the app
 * stores them, with the summaries the app wrote on a first visit): navigation → every entry in the list,
 * laid out (the next animation frame).
 */
async function measureLibrary(browser, base, exportFile) {
  // The full export carries long notes in every text area (about 220 KB): only some 23 of those fit in the
  // 5 Mi UTF-16 code units Chromium gives an origin. The 50 here have every item answered with notes cut
  // to 400 characters each.
  const full = JSON.parse(fs.readFileSync(exportFile, 'utf8'));
  for (const answer of Object.values(full.answers)) {
    for (const [k, v] of Object.entries(answer)) if (typeof v === 'string') answer[k] = v.slice(0, 400);
  }
  const text = JSON.stringify(full);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser);
    await page.goto(`${base}#/`);
    await waitForApp(page);
    await page.evaluate(
      ([file, n]) => {
        localStorage.clear();
        for (let k = 0; k < n; k++) {
          const a = JSON.parse(file);
          a.profile.name = `Client ${k + 1}`;
          a.updated = new Date(Date.UTC(2026, 0, 1) + k * 3_600_000).toISOString();
          localStorage.setItem(`aims-readiness/assessments/bench${k}`, JSON.stringify(a, null, 2) + '\n');
        }
      },
      [text, LIBRARY_ENTRIES],
    );
    // The first visit writes the summaries, as the app's own saves would have.
    await page.goto(`${base}#/assessments`);
    await page.reload();
    await page.locator('[data-assessment-id]').nth(LIBRARY_ENTRIES - 1).waitFor({ timeout: 20000 });
    await page.evaluate(() => (location.hash = '#/'));
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await idle(page);
    const ms = await page.evaluate(
      (n) =>
        new Promise((resolve) => {
          const start = performance.now();
          const check = () => {
            if (document.querySelectorAll('[data-assessment-id]').length >= n) {
              requestAnimationFrame(() => resolve(performance.now() - start));
              return true;
            }
            return false;
          };
          const observer = new MutationObserver(() => {
            if (check()) observer.disconnect();
          });
          observer.observe(document.body, { childList: true, subtree: true });
          location.hash = '#/assessments';
          setTimeout(() => resolve(null), 10000);
        }),
      LIBRARY_ENTRIES,
    );
    runs.push(ms);
    await context.close();
  }
  return { ms: runs.includes(null) ? null : median(runs) };
}

/** `cargo bench --bench score`: divan's median for scoring a full assessment, in ms. */
function measureNative() {
  const run = spawnSync('cargo', ['bench', '--locked', '--bench', 'score'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) return { ms: null, note: `cargo bench failed: ${(run.stderr || '').trim().split('\n').slice(-3).join(' ')}` };
  const unit = { ns: 1e-6, 'µs': 1e-3, us: 1e-3, ms: 1, s: 1000 };
  const medians = {};
  for (const line of run.stdout.split('\n')) {
    const m = line.match(/(\w+_full_assessment)\s+(.*)$/);
    if (!m) continue;
    const cols = m[2].split('│').map((c) => c.trim());
    const v = cols[2] && cols[2].match(/^([\d.]+)\s*(ns|µs|us|ms|s)$/);
    if (v) medians[m[1]] = Number(v[1]) * unit[v[2]];
  }
  return { ms: medians.score_full_assessment ?? null, all: medians, note: medians.score_full_assessment ? null : 'no score_full_assessment line in the output' };
}

/**
 * `aims score` over CLI_FILES full exported files, in files per second: the median of RUNS runs of the
 * binary (`--profile cli`, as installed) over copies of tests/data/app-exports/full/assessment.json (the app's own export of a
 * full 70-item assessment), each with its own organisation name.
 */
function measureCli() {
  // The profile README's `cargo install` uses.
  const build = spawnSync('cargo', ['build', '--locked', '--profile', 'cli', '--bin', 'aims', '--message-format=json-render-diagnostics'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (build.status !== 0) return { filesPerSecond: null, note: `cargo build --bin aims failed: ${(build.stderr || '').trim().split('\n').slice(-3).join(' ')}` };
  const exe = build.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l))
    .find((m) => m.reason === 'compiler-artifact' && m.target?.name === 'aims' && m.executable)?.executable;
  if (!exe) return { filesPerSecond: null, note: 'cargo build did not name the aims executable' };
  const exported = fs.readFileSync(path.join(ROOT, 'tests/data/app-exports/full/assessment.json'), 'utf8');
  const name = JSON.parse(exported).profile.name;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-'));
  try {
    const files = [];
    for (let i = 0; i < CLI_FILES; i++) {
      const file = path.join(dir, `client-${String(i).padStart(4, '0')}.json`);
      fs.writeFileSync(file, exported.replace(JSON.stringify(name), JSON.stringify(`Client ${i}`)));
      files.push(file);
    }
    // bash's `time` gives the process's CPU time too: on a shared machine the elapsed time also counts
    // the time other processes had the CPU.
    const script = 'TIMEFORMAT="cpu %U %S"; time "$0" score "$@" >/dev/null';
    const runs = [];
    const cpu = [];
    for (let r = 0; r < RUNS; r++) {
      const start = process.hrtime.bigint();
      const run = spawnSync('bash', ['-c', script, exe, ...files], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const times = (run.stderr || '').match(/cpu ([\d.]+) ([\d.]+)\s*$/);
      if (run.status !== 0 || !times) return { filesPerSecond: null, note: `aims score exited ${run.status}: ${(run.stderr || '').trim().split('\n').slice(-2).join(' ')}` };
      runs.push(ms);
      cpu.push((Number(times[1]) + Number(times[2])) * 1000);
    }
    const ms = median(runs);
    const cpuMs = median(cpu);
    return {
      filesPerSecond: (CLI_FILES * 1000) / ms,
      cpuFilesPerSecond: (CLI_FILES * 1000) / Math.max(cpuMs, 1),
      ms,
      cpuMs,
      load: os.loadavg()[0],
      cpus: os.cpus().length,
      files: CLI_FILES,
      fileBytes: Buffer.byteLength(exported),
      note: null,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---- main ----------------------------------------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    console.error('bench: dist/index.html is missing: build the release site first (make build)');
    process.exit(2);
  }
  const sections = readSections();
  // The static reference pages served beside dist/, by path.
  const generated = new Map();
  if (wanted('interactive')) {
    const css = fs.readdirSync(DIST).find((f) => f.endsWith('.css'));
    const gen = spawnSync('cargo', ['run', '--quiet', '--locked', '--release', '--example', 'static_page', '--', REFERENCE_SECTION, `../${css || ''}`], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (gen.status !== 0) {
      console.error(`bench: cargo run --example static_page failed:\n${gen.stderr}`);
      process.exit(2);
    }
    generated.set(STATIC_PATH, gen.stdout);
  }
  const native = wanted('native') ? measureNative() : null;
  const cli = wanted('cli') ? measureCli() : null;
  const floorError = wanted('size') || wanted('interactive') ? buildFloor() : 'not wanted';

  const server = await serve(generated);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const results = { date: new Date().toISOString(), runs: RUNS, notes: [] };
  const step = async (name, fn, needed = wanted(name)) => {
    if (!needed) return null;
    process.stderr.write(`bench: ${name} …\n`);
    try {
      return await fn();
    } catch (e) {
      results.notes.push(`${name}: ${String(e.message || e).split('\n')[0]}`);
      return null;
    }
  };
  try {
    if (floorError && floorError !== 'not wanted') results.notes.push(`floor: ${floorError}`);
    results.size = await step('size', () => measureSize(browser, base));
    if (results.size && !floorError) results.size.floor = await step('floor size', () => measureFloorSize(browser, base), true);
    if (wanted('quiz')) {
      results.quiz = { size: await step('quiz size', () => measureQuizSize(browser, base), true) };
      results.quiz.start = await step('quiz start', () => measureQuizStart(browser, base), true);
      const quizStatic = await step('quiz static page', () => quizStaticPage(browser, base), true);
      if (quizStatic) generated.set(QUIZ_STATIC_PATH, quizStatic);
    }
    // The full app's and the quiz's start-up, side by side in the same rounds.
    const quizTimed = wanted('quiz') && generated.has(QUIZ_STATIC_PATH);
    const timed = await step('interactive', () => measureInteractive(browser, base, { app: wanted('interactive'), floor: !floorError, quiz: quizTimed }), wanted('interactive') || quizTimed);
    results.interactive = timed?.app ?? null;
    if (results.quiz) results.quiz.interactive = timed?.quiz ?? null;
    results.answer = await step('answer', () => measureAnswers(browser, base, sections));
    const needsAssessment = wanted('assessment') || wanted('import') || wanted('share') || wanted('library');
    const assessment = needsAssessment ? await step('assessment', () => measureAssessment(browser, base, sections), true) : null;
    if (assessment) {
      results.assessment = { answered: assessment.answered, wasm: assessment.wasm, heap: assessment.heap };
      results.notes.push(...assessment.notes.map((n) => `assessment: ${n}`));
    }
    if (assessment?.exportFile) results.import = await step('import', () => measureImport(browser, base, assessment.exportFile));
    if (assessment?.link) results.share = await step('share', () => measureShare(browser, base, assessment.link));
    results.derive = await step('derive', () => measureDerive(browser, base));
    if (assessment?.exportFile) results.library = await step('library', () => measureLibrary(browser, base, assessment.exportFile));
  } catch (e) {
    server.close();
    throw e;
  } finally {
    await browser.close();
  }
  // Lighthouse last, with Playwright's browser closed: it launches its own Chromium for every run.
  try {
    results.lighthouse = await step('lighthouse', () => measureLighthouse(base));
    for (const [k, r] of Object.entries(results.lighthouse || {})) for (const n of r?.notes || []) results.notes.push(`lighthouse ${k}: ${n}`);
  } finally {
    server.close();
  }
  results.native = native;
  if (native?.note) results.notes.push(`native: ${native.note}`);
  results.cli = cli;
  if (cli?.note) results.notes.push(`cli: ${cli.note}`);
  for (const [k, r] of Object.entries({ import: results.import, share: results.share })) {
    if (r?.error) results.notes.push(`${k}: the page announced “${r.error.trim().slice(0, 120)}”`);
  }

  report(results);
}

function report(results) {
  const previous = (() => {
    try {
      return JSON.parse(fs.readFileSync(path.join(OUT, 'latest.json'), 'utf8'));
    } catch {
      return null;
    }
  })();
  const get = (obj, keys) => keys.reduce((o, k) => (o == null ? undefined : o[k]), obj);
  const rows = [];
  // status: PASS/FAIL for budgets, MISSING when a budgeted figure could not be measured, '' for figures only.
  const row = (name, keys, unit, reference, referenceLabel, budget) => {
    const value = get(results, keys);
    const ratio = value != null && reference != null ? value / reference : null;
    let status = '';
    if (budget) status = value == null || Number.isNaN(value) ? 'MISSING' : budget(value, ratio) ? 'PASS' : 'FAIL';
    const before = get(previous, keys);
    let delta = '';
    if (value != null && before != null && before !== 0) {
      const change = ((value - before) / before) * 100;
      delta = `${change >= 0 ? '+' : ''}${change.toFixed(1)}%`;
    }
    const ratioText = ratio == null ? '—' : ratio >= 0.01 ? `${ratio.toFixed(2)}×` : `${ratio.toPrecision(2)}×`;
    rows.push([name, fmt(value, unit), referenceLabel, ratioText, status, delta]);
    return status;
  };
  const wantedRows = [];
  const kb = (n) => `${n} KB`;
  const lighthouseRows = (which, label, budget) => {
    const keys = (k) => ['lighthouse', which, k];
    const n = get(results, keys('runs'));
    const name = (what) => `${label}: Lighthouse mobile ${what}${n ? ` (median of ${n})` : ''}`;
    const rows = [];
    if (budget.performance != null) rows.push(row(`${name('performance')}   budget ${budget.performance === 100 ? '= 100' : `≥ ${budget.performance}`}`, keys('performance'), 'score', 100, '100', (v) => Math.round(v) >= budget.performance));
    if (budget.accessibility != null) rows.push(row(`${name('accessibility')}   budget = 100`, keys('accessibility'), 'score', 100, '100', (v) => Math.round(v) >= budget.accessibility));
    row(name('FCP'), keys('fcpMs'), 's', null, '—');
    rows.push(row(`${name('LCP')}${budget.lcpMs != null ? `   budget ≤ ${(budget.lcpMs / 1000).toFixed(1)} s` : ''}`, keys('lcpMs'), 's', budget.lcpMs ?? null, budget.lcpMs != null ? `${(budget.lcpMs / 1000).toFixed(1)} s` : '—', budget.lcpMs != null ? (v) => v <= budget.lcpMs : null));
    row(name('TBT'), keys('tbtMs'), 'ms', null, '—');
    rows.push(row(`${name('CLS')}${budget.cls != null ? '   budget = 0' : ''}`, keys('cls'), 'cls', null, '—', budget.cls != null ? (v) => v <= budget.cls : null));
    row(name('transfer'), keys('bytes'), 'KB', null, '—');
    // The statuses of the budgeted rows ('' for a figure without a budget), which decide the exit status.
    return rows;
  };
  if (wanted('quiz')) {
    wantedRows.push(row(`Quiz (${QUIZ}): first load, gzip -9   budget ≤ ${kb(BUDGET.quizGzipKB)}`, ['quiz', 'size', 'gzip'], 'KB', BUDGET.quizGzipKB * KB, kb(BUDGET.quizGzipKB), (v) => v <= BUDGET.quizGzipKB * KB));
    row(`Quiz (${QUIZ}): first load, raw`, ['quiz', 'size', 'raw'], 'KB', null, '—');
    const ref = get(results, ['quiz', 'interactive', 'reference']);
    const control = get(results, ['quiz', 'interactive', 'control']) || 'start button';
    wantedRows.push(row(`Quiz: navigation → ${control} usable   budget ≤ ${BUDGET.quizInteractiveRatio}× static`, ['quiz', 'interactive', 'quiz'], 'ms', ref, `static page ${fmt(ref, 'ms')}`, (v, r) => r <= BUDGET.quizInteractiveRatio));
    row('Quiz: fetched after the tap on Start (its code), gzip -9', ['quiz', 'start', 'fast', 'gzip'], 'KB', null, '—');
    row('Quiz: tap on Start → first radio usable, unthrottled', ['quiz', 'start', 'fast', 'ms'], 'ms', null, '—');
    row('Quiz: tap on Start → first radio usable, slow 4G and 4× CPU', ['quiz', 'start', 'slow', 'ms'], 'ms', null, '—');
  }
  if (wanted('size')) {
    wantedRows.push(row(`Full app start page: first load, gzip -9   budget ≤ ${kb(BUDGET.appGzipKB)}`, ['size', 'start', 'gzip'], 'KB', BUDGET.appGzipKB * KB, kb(BUDGET.appGzipKB), (v) => v <= BUDGET.appGzipKB * KB));
    row('Full app start page: first load, raw (html js wasm css …)', ['size', 'start', 'raw'], 'KB', null, '—');
    row(`Full app #/assess/${REFERENCE_SECTION}: first load, gzip -9 (issue 7's budget, now reported only)`, ['size', 'assess', 'gzip'], 'KB', BUDGET.assessGzipKB * KB, kb(BUDGET.assessGzipKB));
    row('Leptos floor: first load, gzip -9', ['size', 'floor', 'gzip'], 'KB', BUDGET.assessGzipKB * KB, kb(BUDGET.assessGzipKB));
  }
  if (wanted('interactive')) {
    const ref = get(results, ['interactive', 'reference']);
    wantedRows.push(row(`Full app: navigation → first radio of #/assess/${REFERENCE_SECTION} usable   budget ≤ ${BUDGET.interactiveRatio}× static`, ['interactive', 'app'], 'ms', ref, `static page ${fmt(ref, 'ms')}`, (v, r) => r <= BUDGET.interactiveRatio));
    row('Leptos floor: navigation → first radio usable', ['interactive', 'floor'], 'ms', ref, `static page ${fmt(ref, 'ms')}`);
  }
  if (wanted('lighthouse')) {
    wantedRows.push(...lighthouseRows('quiz', 'Quiz', BUDGET.quizLighthouse));
    wantedRows.push(...lighthouseRows('app', 'Full app start page', BUDGET.appLighthouse));
  }
  if (wanted('answer')) {
    const s = get(results, ['answer', 'section']);
    wantedRows.push(row(`Answer click → DOM updated + laid out, p50 (${ANSWERS} on #/assess/${s ?? '?'})`, ['answer', 'p50'], 'ms', FRAME_MS, '16 ms frame'));
    wantedRows.push(row('Answer click → DOM updated + laid out, p95   budget ≤ 16 ms', ['answer', 'p95'], 'ms', FRAME_MS, '16 ms frame', (v) => v <= BUDGET.answerP95));
  }
  if (wanted('assessment') || wanted('import') || wanted('share')) {
    wantedRows.push(row('Import full export → preview settled   budget ≤ 30 ms', ['import', 'ms'], 'ms', BUDGET.importMs, '30 ms', (v) => v <= BUDGET.importMs && !get(results, ['import', 'error'])));
    wantedRows.push(row('Share link set → preview settled   budget ≤ 30 ms', ['share', 'ms'], 'ms', BUDGET.shareMs, '30 ms', (v) => v <= BUDGET.shareMs && !get(results, ['share', 'error'])));
    wantedRows.push(row('Wasm linear memory after a full assessment', ['assessment', 'wasm'], 'MB', null, '—'));
    wantedRows.push(row('JS heap used after a full assessment (after GC)', ['assessment', 'heap'], 'MB', null, '—'));
  }
  if (wanted('derive')) {
    const rounds = get(results, ['derive', 'iterations']);
    wantedRows.push(row(`Encrypted file or link: derive the key (PBKDF2-SHA-512, ${rounds ?? '?'} rounds)`, ['derive', 'ms'], 'ms', null, '—'));
  }
  if (wanted('library')) {
    wantedRows.push(row(`Navigation → #/assessments listing ${LIBRARY_ENTRIES} full assessments   budget ≤ 100 ms`, ['library', 'ms'], 'ms', BUDGET.libraryMs, '100 ms', (v) => v <= BUDGET.libraryMs));
  }
  if (wanted('native')) {
    wantedRows.push(row('Native score() of 70 items, divan median', ['native', 'ms'], 'µs', FRAME_MS, '16 ms frame'));
  }
  if (wanted('cli')) {
    wantedRows.push(row(`aims score, ${CLI_FILES.toLocaleString('en')} full exported files   budget ≥ 2,000 files/s`, ['cli', 'filesPerSecond'], 'files/s', BUDGET.cliFilesPerSecond, '2,000 files/s', (v) => v >= BUDGET.cliFilesPerSecond));
    row('aims score, files per second of its CPU time', ['cli', 'cpuFilesPerSecond'], 'files/s', BUDGET.cliFilesPerSecond, '2,000 files/s');
  }

  const header = ['Measure', `Median of ${results.runs}`, 'Reference', 'Ratio', 'Budget', previous ? `Δ vs ${previous.date}` : 'Δ'];
  const table = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...table.map((r) => [...r[c]].length)));
  const line = (r) => r.map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length)).join(' │ ');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const r of rows) console.log(line(r));
  console.log('');
  const fetchedLine = (label, size) => {
    if (!size?.byKind) return;
    const kinds = Object.entries(size.byKind).map(([k, v]) => `${k} ${fmt(v.raw, 'KB')} / ${fmt(v.gzip, 'KB')} gzip`);
    console.log(`${label} first load fetched ${size.files.length} files: ${kinds.join(', ')}.`);
  };
  fetchedLine(`Quiz (${QUIZ})`, results.quiz?.size);
  fetchedLine('Full app start page', results.size?.start);
  fetchedLine(`Full app #/assess/${REFERENCE_SECTION}`, results.size?.assess);
  if (results.size?.precache) {
    const p = results.size.precache;
    console.log(`The full app's service worker then precaches ${p.files} built files (${fmt(p.raw, 'KB')} / ${fmt(p.gzip, 'KB')} gzip), mostly from the HTTP cache; not counted above.`);
  }
  if (results.quiz?.size || results.size) {
    console.log('First load: every file the page fetched (gzip -9 of each) until its first control was there, its app had started and the network was idle. The quiz\'s app starts only at the first touch, tap or key: its first load is the page without touching it, and the tap on Start is measured on its own (from its pointerdown, after a first load; slow 4G and 4× CPU as Lighthouse\'s mobile throttling, applied by DevTools).');
  }
  const phases = [
    ['App', ['interactive', 'phases', 'app'], 'first radio'],
    ['Leptos floor', ['interactive', 'phases', 'floor'], 'first radio'],
    ['Quiz', ['quiz', 'interactive', 'phases', 'quiz'], get(results, ['quiz', 'interactive', 'control']) || 'start button'],
  ];
  for (const [label, keys, control] of phases) {
    const p = get(results, keys);
    if (p && p.interactive != null) {
      console.log(`${label} start-up, medians after navigation start: wasm fetched ${fmt(p.wasmFetched, 'ms')}, first element in <body> ${fmt(p.firstElement, 'ms')}, ${control} usable ${fmt(p.interactive, 'ms')}.`);
    }
  }
  if (results.quiz?.interactive) {
    console.log(`Quiz static page: ${QUIZ} as rendered once its first control was usable, scripts removed, same stylesheet (${QUIZ_STATIC_PATH}).`);
  }
  if (results.lighthouse) {
    const l = results.lighthouse;
    const failing = (r) => ['performance', 'accessibility'].map((c) => (r?.failing?.[c]?.length ? `${c}: ${r.failing[c].join(', ')}` : null)).filter(Boolean).join('; ');
    console.log(`Lighthouse ${l.quiz?.version ?? l.app?.version ?? ''}: default mobile configuration (simulated slow 4G, 4× CPU slowdown), each run in a fresh Chromium, the site served gzip by this script; median of ${LIGHTHOUSE_RUNS} runs per page; load average ${l.load.toFixed(1)}, Lighthouse benchmark index ${Math.round(l.quiz?.benchmarkIndex ?? l.app?.benchmarkIndex ?? NaN)}.`);
    for (const [k, label] of [['quiz', 'Quiz'], ['app', 'Full app start page']]) {
      const f = failing(l[k]);
      if (f) console.log(`Lighthouse, ${label}: audits below full score in some run: ${f}.`);
    }
  }
  if (get(results, ['size', 'floor']) || get(results, ['interactive', 'floor']) != null) {
    console.log('Leptos floor: the same radio groups rendered by a minimal Leptos page with none of the app (tests/bench/floor.rs), built and served like the app; a reference, not a budget.');
  }
  if (results.answer) console.log('Answer latency: time from click() to the end of every task it queued (scores, progress, saving), plus forced layout.');
  if (results.assessment) console.log(`Full assessment: ${results.assessment.answered} items answered through the UI, long notes in every text area.`);
  if (results.cli?.filesPerSecond) {
    const c = results.cli;
    console.log(`aims score: ${c.files} copies of the app's export of a full assessment (${fmt(c.fileBytes, 'KB')} each) in ${fmt(c.ms, 'ms')} elapsed, ${fmt(c.cpuMs, 'ms')} of CPU time (${fmt(c.cpuFilesPerSecond, 'files/s')}), profile cli, one process; load average ${c.load.toFixed(1)} on ${c.cpus} CPUs.`);
  }
  for (const n of results.notes) console.log(`Note: ${n}`);

  // A partial run (--only) is kept under its own name and never replaces latest.json, the full run that
  // the next run compares with.
  fs.mkdirSync(OUT, { recursive: true });
  const json = JSON.stringify(results, null, 2);
  const stamped = `${results.date.replace(/[:.]/g, '-')}${only ? '-partial' : ''}.json`;
  fs.writeFileSync(path.join(OUT, stamped), json);
  if (!only) fs.writeFileSync(path.join(OUT, 'latest.json'), json);
  console.log(`\nResults written to ${only ? '' : 'bench-results/latest.json and '}bench-results/${stamped}`);

  const failed = wantedRows.filter((s) => s === 'FAIL' || s === 'MISSING').length;
  if (failed) {
    console.log(`${failed} budget(s) failed or could not be measured.`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
