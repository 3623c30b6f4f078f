#!/usr/bin/env node
// Writes X.gz (gzip, level 9) and X.br (brotli, quality 11) beside every text and wasm file of a built site,
// for hosts that serve precompressed files (nginx gzip_static / brotli_static, Apache with the rewrite rules
// of docs/DEPLOY.md, GitLab Pages, an object store behind a CDN). Usage: node scripts/precompress.mjs dist
//
// Run it last, after every step that changes a file: a .gz or .br that no longer matches its file would be
// served in its place. The output depends only on the input bytes (gzip carries no name and mtime 0, brotli
// has no header), so the same build gives the same files, and each one is decompressed and compared with its
// source before it is written. A compressed copy that is not smaller than its file is not written (and one
// left from an earlier run is removed): the host then serves the file itself. Hidden files are skipped, and
// .gz and .br files are never compressed again. Only Node's own zlib is used.
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';

/** The file kinds that are compressed: the site's HTML, scripts, wasm, styles, icons and JSON. */
const EXTENSIONS = ['.html', '.js', '.mjs', '.wasm', '.css', '.svg', '.json', '.webmanifest'];

/** Every regular file below `dir` whose name ends in one of EXTENSIONS, hidden files and folders left out. */
function compressible(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...compressible(path));
    else if (entry.isFile() && EXTENSIONS.some((ext) => entry.name.endsWith(ext))) files.push(path);
  }
  return files;
}

/** The two encodings: how each compresses a file's bytes and how the check gets them back. */
const ENCODINGS = [
  {
    suffix: '.gz',
    compress: (data) => gzipSync(data, { level: 9, memLevel: 9 }),
    decompress: (data) => gunzipSync(data),
  },
  {
    suffix: '.br',
    compress: (data, path) =>
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
          [constants.BROTLI_PARAM_MODE]: path.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
    decompress: (data) => brotliDecompressSync(data),
  },
];

/** Writes `data` to `path` through a hidden temporary file, so a reader never sees half a file. */
function writeWhole(path, data) {
  const tmp = join(dirname(path), `.${basename(path)}.tmp`);
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

function main() {
  const dir = process.argv[2];
  if (!dir || process.argv.length > 3) {
    console.error('usage: node scripts/precompress.mjs DIST');
    process.exit(2);
  }
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`precompress: ${dir} is not a directory`);
    process.exit(1);
  }
  const totals = { files: 0, raw: 0, '.gz': 0, '.br': 0, written: 0, skipped: 0 };
  for (const path of compressible(dir)) {
    const data = readFileSync(path);
    totals.files += 1;
    totals.raw += data.length;
    for (const { suffix, compress, decompress } of ENCODINGS) {
      const packed = compress(data, path);
      if (!decompress(packed).equals(data)) {
        console.error(`precompress: ${relative(dir, path)}${suffix} does not decompress to its file`);
        process.exit(1);
      }
      if (packed.length >= data.length) {
        rmSync(path + suffix, { force: true });
        totals[suffix] += data.length;
        totals.skipped += 1;
        continue;
      }
      writeWhole(path + suffix, packed);
      totals[suffix] += packed.length;
      totals.written += 1;
    }
  }
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log(
    `precompress: ${totals.files} files, ${kb(totals.raw)} → gzip ${kb(totals['.gz'])}, brotli ${kb(totals['.br'])}` +
      ` (${totals.written} written, ${totals.skipped} not smaller, left out)`,
  );
}

main();
