#!/usr/bin/env node
// Writes DIST/_headers, the response headers of every file of a built site in the format Netlify and
// Cloudflare Pages read (docs/DEPLOY.md). The same headers as deploy/nginx/ sends; tests/e2e/nginx.spec.ts
// checks that the two agree file by file.
//
// Usage: node scripts/headers.mjs DIST [--frame-ancestors "'self' https://www.example.org"]
//   --frame-ancestors  the sites allowed to show the quiz in an iframe (CSP frame-ancestors sources);
//                      default 'self', so no other site can. The full app is never embeddable by others.
//
// Every file gets one rule of its own (with its Cache-Control and, for a page, its Content-Security-Policy)
// besides the `/*` rule of headers that are the same for all: these hosts join the values of a header that
// two matching rules set, and two CSPs joined would both be enforced.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Headers every response carries. */
const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy':
    'accelerometer=(), bluetooth=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()',
};

/** Trunk's content-hashed file names: name-<16 hex>.js, name-<16 hex>_bg.wasm, name-<16 hex>.css. */
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The header CSP of a page from its meta CSP: every directive but default-src and script-src (the meta pins
 * the build's inline loader by hash, and a browser enforces both policies), and frame-ancestors, which only
 * a header can carry.
 */
function headerCsp(metaCsp, frameAncestors) {
  const kept = metaCsp
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !/^(default-src|script-src)(\s|$)/.test(d));
  return [...kept, `frame-ancestors ${frameAncestors}`].join('; ');
}

/** The meta CSP of a page's HTML. */
function metaCsp(html, file) {
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  if (!meta) throw new Error(`headers: ${file} has no Content-Security-Policy meta tag`);
  return meta[1];
}

/** Every file of the site as a URL path: hidden files, precompressed copies and _headers left out. */
function siteFiles(dir, root = dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...siteFiles(path, root));
    else if (entry.isFile() && !/\.(gz|br)$/.test(entry.name) && relative(root, path) !== '_headers') {
      files.push('/' + relative(root, path).split(sep).join('/'));
    }
  }
  return files;
}

/**
 * The rules of `_headers` for the site in `dir`: [path, { header: value }] in file order. The quiz is
 * quiz.html, or index.html when the build made it the entry page (app.html is then the full app).
 */
function rules(dir, frameAncestors) {
  const files = siteFiles(dir);
  const entryIsQuiz = files.includes('/app.html');
  const result = [['/*', COMMON]];
  for (const file of files) {
    const headers = { 'Cache-Control': HASHED.test(file) ? IMMUTABLE : 'no-cache' };
    if (file.endsWith('.html')) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      const embeddable = name === 'quiz.html' || (name === 'index.html' && entryIsQuiz);
      const csp = metaCsp(readFileSync(join(dir, file), 'utf8'), file);
      headers['Content-Security-Policy'] = headerCsp(csp, embeddable ? frameAncestors : "'self'");
    }
    // A folder's address opens its index.html, with the same headers.
    if (file.endsWith('/index.html')) result.push([file.slice(0, -'index.html'.length), headers]);
    result.push([file, headers]);
  }
  return result;
}

function main() {
  const args = process.argv.slice(2);
  let frameAncestors = "'self'";
  const at = args.indexOf('--frame-ancestors');
  if (at !== -1) {
    frameAncestors = args[at + 1] ?? '';
    args.splice(at, 2);
  }
  if (args.length !== 1 || !/^[^;,\r\n]+$/.test(frameAncestors)) {
    console.error(`usage: node scripts/headers.mjs DIST [--frame-ancestors "'self' https://www.example.org"]`);
    process.exit(2);
  }
  const dir = args[0];
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`headers: ${dir} is not a directory`);
    process.exit(1);
  }
  const lines = ['# Written by scripts/headers.mjs for this build: do not edit (the CSP follows each page).'];
  for (const [path, headers] of rules(dir, frameAncestors.trim())) {
    lines.push(path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`));
  }
  writeFileSync(join(dir, '_headers'), lines.join('\n') + '\n');
  console.log(`headers: ${dir}/_headers, quiz embeddable by ${frameAncestors.trim()}`);
}

main();
