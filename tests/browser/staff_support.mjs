// What the staff browser tests share: members made with `redress user add`, their first
// sign-in (password, then enrolling a second factor whose codes the test computes), and
// following links and buttons. Not a test itself (its name matches none of node --test's
// patterns).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';

// Argon2 as cheap as the server allows, for `user add` and `serve` alike: the tests are about
// the console, not about the cost of a password hash.
export const cheapHashing = ['--staff-password-memory-mib', '8', '--staff-password-passes', '1'];
export const password = 'Quiet-River-Stone-2041';

// The TOTP code of a base32 secret at `time` (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits).
export function totp(secret, time = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const letter of secret.replace(/[\s=]/g, '').toUpperCase()) {
    const value = alphabet.indexOf(letter);
    assert.ok(value >= 0, `${letter} is not base32`);
    bits += value.toString(2).padStart(5, '0');
  }
  const key = Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 1000 / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

// RFC 6238's own test vector (SHA-1, 8 digits → its last 6), so a wrong totp() fails here
// rather than as a refused sign-in.
assert.equal(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59 * 1000), '287082');

// Makes each of `members` ({ username, name, role, office }) in `dataDir` with `redress user
// add`, all with `password`; `environment` is added to the test's own (REDRESS_STORAGE_DATABASE
// for a data folder whose data is in PostgreSQL).
export function addMembers(dataDir, members, environment = {}) {
  const binary = process.env.REDRESS_BINARY;
  assert.ok(binary, 'REDRESS_BINARY must name the redress executable');
  for (const member of members) {
    const added = spawnSync(binary, ['user', 'add', '--data', dataDir, '--username',
      member.username, '--name', member.name, '--role', member.role, '--office', member.office,
      ...cheapHashing], {
      input: `${password}\n`, encoding: 'utf8', timeout: 30000,
      env: { ...process.env, ...environment },
    });
    assert.equal(added.status, 0, `user add ${member.username}: ${added.stdout}${added.stderr}`);
  }
}

// A new page with JavaScript off, in a context of its own (its own cookies: one person);
// every request that goes anywhere but `baseUrl` is added to `elsewhere`.
export async function newPage(browser, baseUrl, elsewhere) {
  const context = await browser.newContext({
    javaScriptEnabled: false, locale: 'en-US', viewport: { width: 1100, height: 800 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('request', (request) => {
    if (!request.url().startsWith(baseUrl)) elsewhere.push(request.url());
  });
  return page;
}

// Clicks the control `role` named `name` and waits for the page it leads to, whose status must
// be `status` (any 2xx when not given).
export async function follow(page, role, name, status) {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole(role, { name, exact: true }).click(),
  ]);
  if (status === undefined) {
    assert.ok(response.ok(), `${name} → ${response.status()}: ${await page.content()}`);
  } else {
    assert.equal(response.status(), status, `${name}: ${await page.content()}`);
  }
  return response;
}
export const press = (page, name, status) => follow(page, 'button', name, status);
export const open = (page, name, status) => follow(page, 'link', name, status);

export async function bodyText(page) {
  return page.locator('body').innerText();
}

// A member of staff signs in for the first time on a new page: password, then enrolling a
// second factor from the key shown as text, then the recovery codes, then the console's home.
// `say` gives the English text of a catalogue key.
export async function signIn(browser, baseUrl, elsewhere, member, say) {
  const page = await newPage(browser, baseUrl, elsewhere);
  await page.goto(`${baseUrl}/staff/sign-in`);
  assert.equal(await page.locator('script').count(), 0, 'no script on the sign-in page');
  await page.fill('#username', member.username);
  await page.fill('#password', password);
  await press(page, say('staff.sign_in.submit'));
  assert.ok((await bodyText(page)).includes(say('staff.enrol.title')),
    `${member.username} is asked to enrol a second factor`);
  const secret = (await page.locator('.totp-secret').innerText()).trim();
  assert.match(secret, /^[A-Z2-7]{16,}$/);
  await page.fill('#code', totp(secret));
  await press(page, say('staff.enrol.submit'));
  assert.ok((await bodyText(page)).includes(say('staff.recovery.title')));
  assert.equal(await page.locator('.recovery-codes li').count(), 10);
  await open(page, say('staff.recovery.continue'));
  const home = await bodyText(page);
  assert.ok(home.includes(`${say('staff.home.signed_in_as')} ${member.name}`), home);
  assert.ok(home.includes(say(`staff.role.${member.role}`)), home);
  return page;
}

// The complainant looks their complaint up on the status page as they would: reference and
// receipt as written down (the receipt in small letters). Returns the page's text.
export async function lookUpStatus(page, baseUrl, reference, receipt, say) {
  await page.goto(`${baseUrl}/status`);
  await page.fill('[name="reference"]', reference);
  await page.fill('[name="receipt"]', receipt.toLowerCase());
  await press(page, say('lookup.submit'));
  const text = await bodyText(page);
  assert.ok(text.includes(reference), 'the status page names the complaint');
  return text;
}
