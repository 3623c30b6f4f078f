import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test, expect } from './fixtures';

// dist/ served through Debian's nginx with the repository's configuration (deploy/nginx/), included as it is
// but for the lines a deployer sets: the listen address, the root, and the one line naming the sites allowed
// to embed the quiz (here the origin of the other test server, so embedding is tried from another origin).
// nginx runs as a child process with its pid, logs and temporary files in a fresh directory: it never touches
// /etc/nginx's pid or port 80, so it cannot conflict with an nginx already running.

const ROOT = path.join(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const DEPLOY = path.join(ROOT, 'deploy/nginx');
const NGINX = '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const PORT = Number(process.env.NGINX_PORT ?? 8163);
const BASE = `http://127.0.0.1:${PORT}`;
/**
 * Another origin, served by this spec on loopback (a page made up with page.route would count as a public
 * site, and Chromium's local network access checks would refuse its frames of 127.0.0.1 for that reason).
 */
const EMBEDDER_PORT = PORT + 10;
const EMBEDDER = `http://127.0.0.1:${EMBEDDER_PORT}`;

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Trunk's hashed file names: name-<16 hex>.js, name-<16 hex>_bg.wasm, name-<16 hex>.css. */
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

/** Replaces the one occurrence of `from` in `text`; fails if it is not there exactly once. */
function replaceOnce(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`deploy/nginx/aims-readiness.conf: expected "${from}" exactly once`);
  return parts.join(to);
}

/** A running nginx serving `root` on PORT, and the directory of its configuration, pid and logs. */
interface Nginx {
  process: ChildProcess;
  dir: string;
  stderr: () => string;
}

async function startNginx(root: string): Promise<Nginx> {
  if (!existsSync(NGINX) || !existsSync(BROTLI_MODULE)) {
    throw new Error(`${NGINX} or ${BROTLI_MODULE} is missing: run \`make browser\` (it installs nginx and its brotli_static module)`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'aims-nginx-'));
  mkdirSync(path.join(dir, 'snippets'));
  copyFileSync(path.join(DEPLOY, 'snippets/aims-readiness-headers.conf'), path.join(dir, 'snippets/aims-readiness-headers.conf'));
  let server = readFileSync(path.join(DEPLOY, 'aims-readiness.conf'), 'utf8');
  server = replaceOnce(server, '    listen 80;\n', `    listen 127.0.0.1:${PORT};\n`);
  server = replaceOnce(server, '    listen [::]:80;\n', '');
  server = replaceOnce(server, 'root /var/www/aims-readiness;', `root ${root};`);
  server = replaceOnce(server, `set $aims_quiz_embedders "'self'";`, `set $aims_quiz_embedders "'self' ${EMBEDDER}";`);
  writeFileSync(path.join(dir, 'aims-readiness.conf'), server);
  // What Debian's /etc/nginx/nginx.conf gives the site, with every path in `dir`. Relative includes resolve
  // against the directory of this file, as /etc/nginx's do against /etc/nginx.
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${dir}/${kind};`);
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      `load_module ${BROTLI_MODULE};`,
      `pid ${dir}/nginx.pid;`,
      'worker_processes 1;',
      'events { worker_connections 64; }',
      'http {',
      '    include /etc/nginx/mime.types;',
      '    default_type application/octet-stream;',
      `    access_log ${dir}/access.log;`,
      ...temp,
      '    include aims-readiness.conf;',
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(NGINX, ['-p', `${dir}/`, '-c', path.join(dir, 'nginx.conf'), '-e', 'stderr', '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  let exited = false;
  child.on('exit', () => (exited = true));
  const deadline = Date.now() + 10_000;
  while (!(await listening())) {
    if (exited || Date.now() > deadline) throw new Error(`nginx did not start:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { process: child, dir, stderr: () => stderr };
}

function listening(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(PORT, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function stopNginx(nginx: Nginx | undefined) {
  if (!nginx) return;
  if (nginx.process.exitCode === null) {
    const exited = new Promise((resolve) => nginx.process.once('exit', resolve));
    nginx.process.kill('SIGQUIT');
    await exited;
  }
  rmSync(nginx.dir, { recursive: true, force: true });
}

interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET to nginx with exactly these request headers (no automatic Accept-Encoding or decompression). */
function get(urlPath: string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(`${BASE}${urlPath}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A CSP as directive name → value, in the order written. */
function directives(csp: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of csp.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...value] = part.split(/\s+/);
    map.set(name, value.join(' '));
  }
  return map;
}

/** The meta CSP of a built page. */
function metaCsp(file: string): string {
  const html = readFileSync(path.join(root(), file), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  if (!meta) throw new Error(`${file} has no CSP meta tag`);
  return meta[1];
}

let servedRoot = DIST;
const root = () => servedRoot;

/** Every file of the served site (hidden and precompressed copies aside), as URL paths. */
function siteFiles(): string[] {
  return readdirSync(root(), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !/\.(gz|br)$/.test(e.name))
    .map((e) => '/' + path.relative(root(), path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** The page kinds of the default build: index.html is the full app, quiz.html the quiz. */
function pages(): { file: string; embeddable: boolean }[] {
  const entryIsQuiz = existsSync(path.join(root(), 'app.html'));
  return ['index.html', 'quiz.html', 'app.html']
    .filter((file) => existsSync(path.join(root(), file)))
    .map((file) => ({ file, embeddable: file === 'quiz.html' || (file === 'index.html' && entryIsQuiz) }));
}

function expectPageHeaders(res: Response, file: string, embeddable: boolean) {
  expect(res.status, file).toBe(200);
  expect(res.headers['content-type'], file).toBe('text/html; charset=utf-8');
  expect(res.headers['cache-control'], file).toBe('no-cache');
  expect(res.headers['x-content-type-options'], file).toBe('nosniff');
  expect(res.headers['referrer-policy'], file).toBe('no-referrer');
  expect(res.headers['permissions-policy'], file).toContain('camera=()');
  expect(res.headers['x-frame-options'], file).toBeUndefined();
  const header = directives(String(res.headers['content-security-policy']));
  expect(header.get('frame-ancestors'), `${file}: who may embed it`).toBe(embeddable ? `'self' ${EMBEDDER}` : "'self'");
  // The header repeats every directive of the page's meta but script-src and default-src (the meta pins the
  // build's loader by hash), and adds frame-ancestors: what a meta cannot say.
  const meta = directives(metaCsp(file));
  meta.delete('default-src');
  meta.delete('script-src');
  header.delete('frame-ancestors');
  expect([...header], `${file}: the header CSP against the meta CSP`).toEqual([...meta]);
}

test.describe('dist/ served by nginx with deploy/nginx/', () => {
  test.describe.configure({ mode: 'serial' });
  let nginx: Nginx | undefined;
  test.beforeAll(async () => {
    servedRoot = DIST;
    expect(existsSync(path.join(DIST, 'index.html.gz')), 'dist/ is precompressed (make build runs scripts/precompress.mjs last)').toBe(true);
    nginx = await startNginx(DIST);
  });
  test.afterAll(async () => {
    await stopNginx(nginx);
  });

  test('each page, the service worker and the hashed files carry their headers', async () => {
    // A configuration nginx warns about (a duplicate MIME type, an unknown directive) fails here.
    expect(nginx!.stderr()).not.toMatch(/\[(warn|emerg|alert|crit|error)\]/);
    const found = pages();
    expect(found.map((p) => p.file), 'the full app and the quiz are built').toEqual(expect.arrayContaining(['index.html', 'quiz.html']));
    for (const { file, embeddable } of found) expectPageHeaders(await get(`/${file}`), file, embeddable);
    // The directory opens index.html, with index.html's headers.
    expectPageHeaders(await get('/'), 'index.html', false);

    const sw = await get('/sw.js');
    expect(sw.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['content-security-policy']).toContain("connect-src 'self'");

    const files = siteFiles();
    const hashed = files.filter((f) => HASHED.test(f));
    for (const kind of ['.js', '_bg.wasm', '.css']) expect(hashed.some((f) => f.endsWith(kind)), `a hashed ${kind} file`).toBe(true);
    for (const file of files) {
      const res = await get(file);
      expect(res.status, file).toBe(200);
      expect(res.headers['cache-control'], file).toBe(HASHED.test(file) ? IMMUTABLE : 'no-cache');
      expect(res.headers['x-content-type-options'], file).toBe('nosniff');
      expect(res.body.equals(readFileSync(path.join(DIST, file))), `${file} served as built`).toBe(true);
      const type = {
        '.wasm': 'application/wasm',
        '.js': 'application/javascript; charset=utf-8',
        '.css': 'text/css',
        '.svg': 'image/svg+xml',
        '.json': 'application/json',
        '.webmanifest': 'application/manifest+json',
        '.html': 'text/html; charset=utf-8',
      }[path.extname(file)];
      if (type) expect(res.headers['content-type'], file).toBe(type);
    }
  });

  test('precompressed copies are served to browsers that accept them, and revalidate', async () => {
    let gz = 0;
    let br = 0;
    for (const file of siteFiles()) {
      const original = readFileSync(path.join(DIST, file));
      const plain = await get(file);
      expect(plain.headers['content-encoding'], `${file} without Accept-Encoding`).toBeUndefined();
      expect(plain.body.equals(original)).toBe(true);
      if (existsSync(path.join(DIST, `${file}.gz`))) {
        gz += 1;
        const res = await get(file, { 'Accept-Encoding': 'gzip' });
        expect(res.headers['content-encoding'], file).toBe('gzip');
        expect(res.headers.vary, file).toContain('Accept-Encoding');
        expect(gunzipSync(res.body).equals(original), `${file}.gz`).toBe(true);
      }
      if (existsSync(path.join(DIST, `${file}.br`))) {
        br += 1;
        const res = await get(file, { 'Accept-Encoding': 'gzip, deflate, br' });
        expect(res.headers['content-encoding'], file).toBe('br');
        expect(res.headers.vary, file).toContain('Accept-Encoding');
        expect(brotliDecompressSync(res.body).equals(original), `${file}.br`).toBe(true);
      }
    }
    // scripts/precompress.mjs leaves out only copies that are not smaller: every page, script, wasm and
    // style sheet of a real build has both.
    const compressible = siteFiles().filter((f) => /\.(html|js|wasm|css)$/.test(f));
    for (const file of compressible) {
      expect(existsSync(path.join(DIST, `${file}.gz`)) && existsSync(path.join(DIST, `${file}.br`)), `${file}.gz and .br`).toBe(true);
    }
    expect(gz).toBeGreaterThanOrEqual(compressible.length);
    expect(br).toBeGreaterThanOrEqual(compressible.length);

    // no-cache means "ask first": an unchanged page answers 304 with its headers.
    const first = await get('/index.html', { 'Accept-Encoding': 'gzip' });
    const again = await get('/index.html', { 'Accept-Encoding': 'gzip', 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.headers['cache-control']).toBe('no-cache');
  });

  test('scripts/headers.mjs gives every file the headers nginx sends', async () => {
    // Netlify's and Cloudflare's _headers for this build, written into a copy of dist/.
    const copy = mkdtempSync(path.join(tmpdir(), 'aims-headers-'));
    try {
      cpSync(DIST, copy, { recursive: true });
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/headers.mjs'), copy, '--frame-ancestors', `'self' ${EMBEDDER}`]);
      const rules = new Map<string, Map<string, string>>();
      let current: Map<string, string> | undefined;
      for (const line of readFileSync(path.join(copy, '_headers'), 'utf8').split('\n')) {
        if (line.startsWith('/')) rules.set(line, (current = new Map()));
        else if (line.startsWith('  ')) {
          const [name, ...value] = line.trim().split(': ');
          current!.set(name, value.join(': '));
        }
      }
      const common = rules.get('/*')!;
      expect([...common.keys()].sort()).toEqual(['Permissions-Policy', 'Referrer-Policy', 'X-Content-Type-Options']);
      expect([...rules.keys()], 'a rule for every file').toEqual(expect.arrayContaining(['/', ...siteFiles()]));
      for (const [rulePath, headers] of rules) {
        if (rulePath === '/*') continue;
        // One rule per path: a header set by two matching rules would be joined by the host.
        for (const name of headers.keys()) expect(common.has(name), `${rulePath} ${name} also in /*`).toBe(false);
        const res = await get(rulePath);
        for (const [name, value] of [...common, ...headers]) expect(res.headers[name.toLowerCase()], `${rulePath} ${name}`).toBe(value);
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  test('the app and the quiz run under the header CSP, and the service worker starts', async ({ guarded: page }) => {
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(`${BASE}/#/assess/4`);
    const item = page.locator('[data-item-id="4.1"]');
    await item.getByRole('radio', { name: /^3 · Implemented/ }).check();
    await expect(page.getByText(/Saved locally at/)).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.scriptURL))).toBe(`${BASE}/sw.js`);

    // This browser holds an assessment now, so the quiz's loader starts its code at once; it runs under the
    // header CSP when the quiz has replaced its static first screen.
    await page.goto(`${BASE}/quiz.html`);
    await expect(page.locator('[data-static]')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Start/ }).first()).toBeVisible();
    expect(violations, 'CSP violations').toEqual([]);
  });

  test('another site can embed the quiz if it is listed, and never the full app', async ({ page }) => {
    // Not the guarded page: the browser reports the refused frame as a console error, which is expected here.
    const refused: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' && msg.text().includes('frame-ancestors')) refused.push(msg.text());
    });
    const site = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><title>Another site</title>
        <iframe id="quiz" src="${BASE}/quiz.html" title="Readiness quiz"></iframe>
        <iframe id="app" src="${BASE}/index.html" title="Full app"></iframe>`);
    });
    await new Promise<void>((resolve) => site.listen(EMBEDDER_PORT, '127.0.0.1', resolve));
    try {
      await page.goto(`${EMBEDDER}/embedding-site.html`);
      const quiz = page.frameLocator('#quiz');
      await expect(quiz.getByRole('button', { name: /^Start/ }).or(quiz.getByRole('radio').first())).toBeVisible();
      await expect.poll(() => refused.length).toBe(1);
      expect(refused[0], 'the full app refused by its frame-ancestors').toContain("frame-ancestors 'self'\"");
      const app = await page.locator('#app').elementHandle();
      expect(await (await app!.contentFrame())!.locator('#boot').count(), 'the full app is not shown in the frame').toBe(0);
    } finally {
      await new Promise((resolve) => site.close(resolve));
    }
  });
});

test.describe('a build whose entry page is the quiz (index.html the quiz, app.html the full app)', () => {
  test.describe.configure({ mode: 'serial' });
  let nginx: Nginx | undefined;
  let site = '';
  test.beforeAll(async () => {
    // The same pages under the other layout's names: only the names decide the headers.
    site = mkdtempSync(path.join(tmpdir(), 'aims-site-'));
    chmodSync(site, 0o755); // readable by nginx's workers when the test runs as root
    copyFileSync(path.join(DIST, 'quiz.html'), path.join(site, 'index.html'));
    copyFileSync(path.join(DIST, 'index.html'), path.join(site, 'app.html'));
    servedRoot = site;
    nginx = await startNginx(site);
  });
  test.afterAll(async () => {
    await stopNginx(nginx);
    rmSync(site, { recursive: true, force: true });
    servedRoot = DIST;
  });

  test('index.html may be embedded by the listed sites, app.html only by this site', async () => {
    expect(pages()).toEqual([
      { file: 'index.html', embeddable: true },
      { file: 'app.html', embeddable: false },
    ]);
    expectPageHeaders(await get('/index.html'), 'index.html', true);
    expectPageHeaders(await get('/'), 'index.html', true);
    expectPageHeaders(await get('/app.html'), 'app.html', false);
  });
});
