import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { webcrypto } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import { App, ResultsPage, downloadFrom, stored, type Downloaded } from './pages';

// Encrypted files and share links (JWE, PBES2-HS512+A256KW, A256GCM, made by the browser's Web Crypto):
// round trips into a fresh browser, wrong passphrases and changed bytes refused with nothing changed,
// refusals before any key is derived, JWEs made by RustCrypto opened here, and nothing of the passphrase
// left in storage, the address or the history. `AIMS_WRITE_JWE_FIXTURES=1` also writes what the browser
// made to tests/data/jwe/ for the native interoperability test (tests/jwe.rs).

const DATA = path.join(__dirname, '../data/jwe');
const PASSPHRASE = 'quiet otter lantern meadow';
const WRONG = 'quiet otter lantern meadows';
const WRITE = !!process.env.AIMS_WRITE_JWE_FIXTURES;

const b64 = (text: string) => Buffer.from(text, 'base64url');

/** Decrypts a JWE's parts with Node's Web Crypto, independently of the app. */
async function decrypt(parts: { protected: string; encrypted_key: string; iv: string; ciphertext: string; tag: string }) {
  const header = JSON.parse(b64(parts.protected).toString('utf8'));
  const subtle = webcrypto.subtle;
  const salt = Buffer.concat([Buffer.from(header.alg), Buffer.from([0]), b64(header.p2s)]);
  const base = await subtle.importKey('raw', Buffer.from(PASSPHRASE), 'PBKDF2', false, ['deriveKey']);
  const kek = await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-512', salt, iterations: header.p2c }, base, { name: 'AES-KW', length: 256 }, false, ['unwrapKey']);
  const cek = await subtle.unwrapKey('raw', b64(parts.encrypted_key), kek, 'AES-KW', 'AES-GCM', false, ['decrypt']);
  const data = Buffer.concat([b64(parts.ciphertext), b64(parts.tag)]);
  const plain = await subtle.decrypt({ name: 'AES-GCM', iv: b64(parts.iv), additionalData: Buffer.from(parts.protected) }, cek, data);
  return { header, plain: Buffer.from(plain) };
}

function compactParts(compact: string) {
  const [p, k, iv, c, t] = compact.split('.');
  return { protected: p, encrypted_key: k, iv, ciphertext: c, tag: t };
}

/** Imports tests/data/jwe/plain.json through the import panel. */
async function importPlain(page: Page) {
  const results = new ResultsPage(page);
  await results.goto();
  await results.chooseFile('harbourside.json', await readFile(path.join(DATA, 'plain.json')));
  await results.confirmImport();
  await expect(results.status(/^Imported/)).toBeVisible();
  return results;
}

/** Opens the encryption form of `button` and fills both fields. */
async function encryptForm(page: Page, button: 'Encrypted JSON' | 'Encrypted share link', passphrase = PASSPHRASE, repeat = passphrase) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const form = page.getByRole('form', { name: button === 'Encrypted JSON' ? 'Encrypt the JSON file' : 'Encrypt a share link' });
  await expect(form).toBeVisible();
  await form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await form.getByLabel('Repeat passphrase').fill(repeat);
  return form;
}

async function encryptedFile(page: Page): Promise<Downloaded> {
  const form = await encryptForm(page, 'Encrypted JSON');
  return downloadFrom(page, () => form.getByRole('button', { name: 'Encrypt and download' }).click());
}

async function encryptedLink(page: Page): Promise<string> {
  const form = await encryptForm(page, 'Encrypted share link');
  await form.getByRole('button', { name: 'Encrypt and copy link' }).click();
  const field = page.getByRole('textbox', { name: 'Encrypted share link' });
  await expect(field).toHaveValue(/#share=/);
  return field.inputValue();
}

/** Everything the page keeps where a passphrase could leak: storage, the address, the history's state. */
async function traces(page: Page): Promise<string> {
  return page.evaluate(() => {
    const all: string[] = [location.href, JSON.stringify(history.state), document.title];
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i)!;
        all.push(key, store.getItem(key) ?? '');
      }
    }
    return all.join('\n');
  });
}

async function expectNoPassphrase(page: Page) {
  const seen = await traces(page);
  for (const secret of [PASSPHRASE, WRONG, encodeURIComponent(PASSPHRASE), 'otter']) {
    expect(seen, 'the passphrase is nowhere in storage, the address or the history').not.toContain(secret);
  }
}

/** The passphrase prompt of an encrypted file or link. */
function prompt(page: Page) {
  return page.getByRole('form', { name: 'Encrypted assessment' });
}

async function unlock(page: Page, passphrase: string) {
  const form = prompt(page);
  await form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await form.getByRole('button', { name: 'Open' }).click();
}

/** Counts key derivations and imports of keys in the page (Web Crypto is the only place they happen). */
async function countDerivations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { derivations: number };
    w.derivations = 0;
    const proto = SubtleCrypto.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const name of ['importKey', 'deriveKey', 'deriveBits']) {
      const original = proto[name];
      proto[name] = function (this: unknown, ...args: unknown[]) {
        w.derivations += 1;
        return original.apply(this, args);
      };
    }
  });
}

const derivations = (page: Page) => page.evaluate(() => (window as unknown as { derivations: number }).derivations);

test('the form judges the passphrase and refuses a weak or mistyped one', async ({ guarded: page }) => {
  await importPlain(page);
  const form = await encryptForm(page, 'Encrypted JSON', 'short', '');
  await expect(form).toContainText('cannot be recovered');
  const strength = form.locator('#encrypt-strength');
  await expect(strength).toHaveText(/^Too short: 5 of at least 12 characters/);
  const field = form.getByLabel('Passphrase', { exact: true });
  await field.fill('Password2024!');
  await expect(strength).toHaveText(/^A common password/);
  await field.fill(PASSPHRASE);
  await expect(strength).toHaveText(/^Good: several words/);
  await form.getByLabel('Repeat passphrase').fill('quiet otter lantern');
  await form.getByRole('button', { name: 'Encrypt and download' }).click();
  await expect(new App(page).alert('The two passphrases differ')).toBeVisible();
  await field.fill('letmein12345');
  await form.getByLabel('Repeat passphrase').fill('letmein12345');
  await form.getByRole('button', { name: 'Encrypt and download' }).click();
  await expect(new App(page).alert(/^A common password/)).toBeVisible();
  await expect(form.getByLabel('Passphrase', { exact: true })).toHaveAttribute('type', 'password');
  await expectNoPassphrase(page);
});

test('encrypted file round trip into a fresh browser', async ({ guarded: page, guard, browser }) => {
  const results = await importPlain(page);
  const before = await results.snapshot();
  const plain = await results.download('Download JSON');
  const file = await encryptedFile(page);
  expect(file.name).toMatch(/\.encrypted\.json$/);
  await expect(results.status(`Downloaded ${file.name}.`)).toBeVisible();
  await expect(page.getByRole('form', { name: 'Encrypt the JSON file' })).toBeHidden();
  await expectNoPassphrase(page);

  // The flattened JWE JSON serialization of exactly the bytes "Download JSON" gives.
  const jwe = JSON.parse(file.text);
  expect(Object.keys(jwe).sort()).toEqual(['ciphertext', 'encrypted_key', 'iv', 'protected', 'tag']);
  const { header, plain: opened } = await decrypt(jwe);
  expect(header).toEqual({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', p2s: expect.any(String), p2c: 210000 });
  expect(b64(header.p2s)).toHaveLength(16);
  expect(opened.toString('utf8')).toBe(plain.text);
  expect(file.text).not.toContain('Harbourside');
  if (WRITE) {
    await writeFile(path.join(DATA, 'browser-file.jwe.json'), file.text);
    await writeFile(path.join(DATA, 'browser-file.plain.json'), plain.text);
  }
  // A second export draws a new salt, key and IV.
  const again = JSON.parse((await encryptedFile(page)).text);
  for (const part of ['protected', 'encrypted_key', 'iv', 'ciphertext']) expect(again[part]).not.toBe(jwe[part]);

  const context = await browser.newContext();
  try {
    const other = guard(await context.newPage());
    const theirs = new ResultsPage(other);
    await theirs.goto();
    await theirs.chooseFile(file.name, file.text);
    await expect(prompt(other)).toBeVisible();
    await expect(other.getByLabel('Passphrase', { exact: true })).toBeFocused();
    await expect(theirs.preview).toBeHidden();

    await unlock(other, WRONG);
    await expect(theirs.alert(/The passphrase is wrong/)).toBeVisible();
    await expect(theirs.preview).toBeHidden();
    expect(await stored(other), 'nothing stored after a wrong passphrase').toBeNull();

    await unlock(other, PASSPHRASE);
    await expect(theirs.preview).toContainText('OrganisationHarbourside Analytics');
    await expect(prompt(other)).toBeHidden();
    expect(await stored(other), 'nothing stored before confirming').toBeNull();
    await theirs.confirmImport();
    expect(await theirs.snapshot()).toEqual(before);
    expect(JSON.parse((await stored(other)) ?? '{}').answers['4.2'].notes).toBe('Interested parties listed in the board pack');
    await expectNoPassphrase(other);
  } finally {
    await context.close();
  }
});

test('encrypted share link round trip into a fresh browser', async ({ guarded: page, guard, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const results = await importPlain(page);
  const before = await results.snapshot();
  await page.getByRole('checkbox', { name: 'Include notes, evidence, owners and due dates' }).check();
  const link = await encryptedLink(page);
  await expect(results.status(`Encrypted share link copied to the clipboard (${link.length} characters). Send the passphrase another way.`)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[^#]*#share=[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/);
  const compact = link.split('#share=')[1];
  const { header, plain } = await decrypt(compactParts(compact));
  expect(header).toEqual({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', zip: 'DEF', p2s: expect.any(String), p2c: 210000 });
  expect(JSON.parse(inflateRawSync(plain).toString('utf8')).profile.name).toBe('Harbourside Analytics');
  if (WRITE) await writeFile(path.join(DATA, 'browser-link.txt'), `share=${compact}\n`);
  await expectNoPassphrase(page);

  const context = await browser.newContext();
  try {
    const other = guard(await context.newPage());
    await other.goto(link);
    const app = new App(other);
    await expect(app.heading).toHaveText('Open a shared assessment');
    await expect(prompt(other)).toBeVisible();
    await unlock(other, WRONG);
    await expect(app.alert(/The passphrase is wrong/)).toBeVisible();
    expect(await stored(other)).toBeNull();

    await unlock(other, PASSPHRASE);
    const preview = other.getByRole('group', { name: 'Ready to load' });
    await expect(preview).toContainText('OrganisationHarbourside Analytics');
    await preview.getByRole('button', { name: 'Add as a new assessment' }).click();
    await expect(other).toHaveURL(/#\/results$/);
    const theirs = new ResultsPage(other);
    await expect(theirs.heading).toHaveText('Results');
    expect(await theirs.snapshot()).toEqual(before);
    expect(JSON.parse((await stored(other)) ?? '{}').answers['4.2'].owner).toBe('COO');
    await expectNoPassphrase(other);
    // The payload is gone from the address and from this history entry.
    await theirs.reload();
    expect(other.url()).not.toContain('share=');
  } finally {
    await context.close();
  }
});

/** `text` with the character at `index` replaced by another of the base64url alphabet. */
function flip(text: string, index: number) {
  return text.slice(0, index) + (text[index] === 'A' ? 'B' : 'A') + text.slice(index + 1);
}

test('a changed ciphertext, tag or header is refused and changes nothing', async ({ guarded: page }) => {
  const results = await importPlain(page);
  const file = JSON.parse((await encryptedFile(page)).text);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const link = await encryptedLink(page);
  const storedBefore = await stored(page);
  const before = await results.snapshot();

  const header = JSON.parse(b64(file.protected).toString('utf8'));
  const reheader = (change: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...header, ...change })).toString('base64url');
  const tampered: Record<string, Record<string, string>> = {
    ciphertext: { ciphertext: flip(file.ciphertext, 40) },
    tag: { tag: flip(file.tag, 5) },
    'header (a parameter added)': { protected: reheader({ kid: 'x' }) },
    'header (other rounds)': { protected: reheader({ p2c: 210001 }) },
    'wrapped key': { encrypted_key: flip(file.encrypted_key, 10) },
  };
  for (const [what, change] of Object.entries(tampered)) {
    await test.step(`file: ${what}`, async () => {
      await results.chooseFile('changed.json', JSON.stringify({ ...file, ...change }));
      await expect(results.status('“changed.json” is encrypted: enter its passphrase below.')).toBeVisible();
      await unlock(page, PASSPHRASE);
      await expect(results.alert(/^Not opened, and your data is unchanged\. (The passphrase is wrong, or it was changed|It was changed after it was encrypted)/)).toBeVisible();
      await expect(results.preview).toBeHidden();
      expect(await stored(page)).toBe(storedBefore);
    });
  }

  const [base, compact] = link.split('#share=');
  const parts = compact.split('.');
  for (const [what, index, at] of [['ciphertext', 3, 30], ['tag', 4, 3], ['header', 0, 20]] as const) {
    await test.step(`link: ${what}`, async () => {
      const changed = [...parts];
      changed[index] = flip(changed[index], at);
      await page.goto(`${base}#share=${changed.join('.')}`);
      const app = new App(page);
      await expect(app.heading).toHaveText('Open a shared assessment');
      const banner = page.locator('.banner-error');
      await expect(prompt(page).or(banner)).toBeVisible();
      if (await prompt(page).isVisible()) {
        await unlock(page, PASSPHRASE);
        await expect(app.alert(/^Not opened, and your data is unchanged\./)).toBeVisible();
      } else {
        // A changed header may no longer be a header at all: refused before any passphrase is asked.
        await expect(banner).toContainText('This encrypted share link cannot be opened.');
      }
      await expect(page.getByRole('group', { name: 'Ready to load' })).toBeHidden();
      expect(await stored(page)).toBe(storedBefore);
    });
  }
  await results.goto();
  expect(await results.snapshot()).toEqual(before);
  await expectNoPassphrase(page);
});

test('headers the app does not accept are refused before any key is derived', async ({ guarded: page }) => {
  await countDerivations(page);
  const file = JSON.parse(await readFile(path.join(DATA, 'rust-file.jwe.json'), 'utf8'));
  const header = JSON.parse(b64(file.protected).toString('utf8'));
  const reheader = (change: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...header, ...change })).toString('base64url');
  const results = new ResultsPage(page);
  await results.goto();
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['unknown alg', { alg: 'PBES2-HS256+A128KW' }, /key algorithm “PBES2-HS256\+A128KW”/],
    ['unknown enc', { enc: 'A128GCM' }, /content algorithm “A128GCM”/],
    ['crit', { crit: ['exp'], exp: 1 }, /“crit” parameter/],
    ['too many rounds', { p2c: 20_000_000 }, /20,000,000 key-derivation rounds, more than the 10,000,000/],
    ['short salt', { p2s: Buffer.alloc(7).toString('base64url') }, /salt \(“p2s”\) has 7 bytes/],
  ];
  for (const [what, change, says] of cases) {
    await test.step(`file: ${what}`, async () => {
      await results.chooseFile('refused.json', JSON.stringify({ ...file, protected: reheader(change) }));
      await expect(results.alert(says)).toBeVisible();
      await expect(results.alert(says)).toContainText('This encrypted file cannot be opened.');
      await expect(prompt(page)).toBeHidden();
    });
  }
  const link = (await readFile(path.join(DATA, 'rust-link.txt'), 'utf8')).trim();
  const parts = link.slice('share='.length).split('.');
  const linkHeader = JSON.parse(b64(parts[0]).toString('utf8'));
  await test.step('link: too many rounds', async () => {
    const changed = [Buffer.from(JSON.stringify({ ...linkHeader, p2c: 10_000_001 })).toString('base64url'), ...parts.slice(1)];
    await page.goto(`/#share=${changed.join('.')}`);
    await expect(page.getByRole('alert').filter({ hasText: /10,000,001 key-derivation rounds/ })).toBeVisible();
    await expect(prompt(page)).toBeHidden();
  });
  await test.step('link: above the size limit', async () => {
    await page.goto(`/#share=${parts.join('.')}${'A'.repeat(600_000)}`);
    await expect(page.getByRole('alert').filter({ hasText: /characters long, more than the 524288/ })).toBeVisible();
  });
  expect(await derivations(page), 'no key was derived').toBe(0);
  expect(await stored(page)).toBeNull();
});

test('JWEs made by RustCrypto and by jwcrypto open in the browser', async ({ guarded: page }) => {
  await countDerivations(page);
  const results = new ResultsPage(page);
  await results.goto();
  await results.chooseFile('from-rust.jwe.json', await readFile(path.join(DATA, 'rust-file.jwe.json')));
  await unlock(page, PASSPHRASE);
  await expect(results.preview).toContainText('OrganisationHarbourside Analytics');
  await results.confirmImport();
  expect(JSON.parse((await stored(page)) ?? '{}').profile.name).toBe('Harbourside Analytics');
  expect(await derivations(page)).toBeGreaterThan(0);

  const link = (await readFile(path.join(DATA, 'rust-link.txt'), 'utf8')).trim();
  await page.goto(`/#${link}`);
  await unlock(page, PASSPHRASE);
  await expect(page.getByRole('group', { name: 'Ready to load' })).toContainText('OrganisationHarbourside Analytics');

  // And one made by another JOSE library (jwcrypto, as docs/FORMAT.md shows).
  await results.goto();
  await results.chooseFile('from-jwcrypto.jwe.json', await readFile(path.join(DATA, 'jwcrypto-file.jwe.json')));
  await unlock(page, PASSPHRASE);
  await expect(results.preview).toContainText('OrganisationHarbourside Analytics');
});

for (const [name, setup] of [
  ['light', async (page: Page) => page.emulateMedia({ colorScheme: 'light' })],
  ['dark', async (page: Page) => page.emulateMedia({ colorScheme: 'dark' })],
  ['phone', async (page: Page) => page.setViewportSize({ width: 360, height: 740 })],
] as const) {
  test(`the passphrase forms are accessible (${name})`, async ({ guarded: page }) => {
    await setup(page);
    await importPlain(page);
    const form = await encryptForm(page, 'Encrypted JSON', 'short', 'other');
    await form.getByRole('button', { name: 'Encrypt and download' }).click();
    await expect(form.locator('.field-error')).toBeVisible();
    await expectAccessible(page, `encryption form (${name})`);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(form).toBeHidden();

    const results = new ResultsPage(page);
    await results.chooseFile('from-rust.jwe.json', await readFile(path.join(DATA, 'rust-file.jwe.json')));
    await unlock(page, WRONG);
    await expect(results.alert(/The passphrase is wrong/)).toBeVisible();
    await expectAccessible(page, `passphrase prompt (${name})`);

    const link = (await readFile(path.join(DATA, 'rust-link.txt'), 'utf8')).trim();
    await page.goto(`/#${link}`);
    await expect(prompt(page)).toBeVisible();
    await expectAccessible(page, `encrypted link (${name})`);
  });
}
