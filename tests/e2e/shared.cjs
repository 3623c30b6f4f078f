// What the Playwright specs and the benchmark share: the browser they drive and the questionnaire's IDs.
const fs = require('node:fs');
const path = require('node:path');

/** Debian's Chromium: Playwright never downloads a browser here. */
const CHROMIUM = '/usr/bin/chromium';

/** Flags for a closed network: no background requests of Chromium's own. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Section and item IDs, in the standard's order, from the same TOML the app embeds: enough parsing for
 * `id = "…"` and `quick = true` lines.
 * @param {string} root the repository root
 * @returns {{ id: string, items: { id: string, quick: boolean }[] }[]}
 */
function readSections(root) {
  const dir = path.join(root, 'content/sections');
  const result = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.toml'))) {
    const section = { id: '', items: [] };
    let table = null;
    let inMultiline = false;
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if ((line.match(/'''/g) || []).length % 2 === 1) inMultiline = !inMultiline;
      if (inMultiline) continue;
      const header = line.match(/^\s*\[\[(\w+)\]\]\s*$/);
      if (header) {
        table = header[1];
        if (table === 'items') section.items.push({ id: '', quick: false });
        continue;
      }
      const id = line.match(/^\s*id\s*=\s*"([^"]+)"/);
      if (id && table === null) section.id = id[1];
      if (id && table === 'items') section.items[section.items.length - 1].id = id[1];
      if (table === 'items' && /^\s*quick\s*=\s*true\b/.test(line)) section.items[section.items.length - 1].quick = true;
    }
    result.push(section);
  }
  const rank = (id) => (id.startsWith('A.') ? 100 + Number(id.slice(2)) : Number(id));
  return result.sort((a, b) => rank(a.id) - rank(b.id));
}

module.exports = { CHROMIUM, CHROMIUM_ARGS, readSections };
