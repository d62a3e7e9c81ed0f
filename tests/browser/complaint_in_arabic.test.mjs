// An Arabic-speaking complainant files a complaint and follows it, in Debian's Chromium
// with JavaScript off. Arabic is written right to left: the pages must say so
// (dir="rtl") and their layout must mirror, with labels, checkboxes and the site name on
// the right. Arabic also has six plural forms, which the service levels must use.
//
// Run: REDRESS_BINARY=build/.../src/redress node --test tests/browser/
// Needs /usr/bin/chromium; without it the test fails (it is never skipped).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  catalogue, launchChromium, message, receiptPattern, referencePattern, startServer, stopServer,
} from './support.mjs';

const formScreenshot = '/tmp/redress-arabic-form.png';
const reviewScreenshot = '/tmp/redress-arabic-review.png';
const confirmationScreenshot = '/tmp/redress-arabic-confirmation.png';

// Where the text of an element lies (not its box, which a block fills edge to edge).
async function textBox(locator) {
  return locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const { left, right } = range.getBoundingClientRect();
    return { left, right };
  });
}

async function box(locator) {
  const { x, width } = await locator.boundingBox();
  return { left: x, right: x + width };
}

// Asserts that `text`, somewhere inside `locator`, shows its first characters left of its
// last ones: dates, phone numbers and codes must read left to right inside Arabic, where
// the bidirectional algorithm would otherwise turn 2026-12-01 into 01-12-2026.
async function assertReadsLeftToRight(locator, text) {
  const [first, last] = await locator.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      const x = (start) => {
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + 2);
        return range.getBoundingClientRect().left;
      };
      return [x(at), x(at + wanted.length - 2)];
    }
    return [null, null];
  }, text);
  assert.ok(first !== null, `"${text}" is on the page`);
  assert.ok(first < last, `"${text}" reads left to right (${first} < ${last})`);
}

// Asserts that `inner` sits against the right edge of `outer`, away from its left edge.
function assertOnTheRight(inner, outer, what) {
  const middle = (outer.left + outer.right) / 2;
  assert.ok(inner.left > middle,
    `${what} starts right of the middle (${inner.left} > ${middle})`);
  assert.ok(Math.abs(outer.right - inner.right) < 24,
    `${what} ends at the right edge (${inner.right} vs ${outer.right})`);
}

let dataRoot;
let server;
let baseUrl;
let browser;

before(async () => {
  dataRoot = mkdtempSync(path.join(tmpdir(), 'redress-browser-'));
  server = startServer(path.join(dataRoot, 'data'));
  baseUrl = await server.ready;
});

after(async () => {
  await browser?.close();
  await stopServer(server);
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
});

test('a complaint filed and followed in Arabic, right to left, with JavaScript off', { timeout: 120000 }, async () => {
  browser = await launchChromium();
  const ar = catalogue('ar');
  const context = await browser.newContext({
    javaScriptEnabled: false, locale: 'ar', viewport: { width: 900, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const elsewhere = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(baseUrl)) elsewhere.push(request.url());
  });

  // The landing page: the service levels use Arabic's plural forms. The sample OPR
  // confirms within 2 business days (the dual form) and decides within 10 (3–10).
  let response = await page.goto(`${baseUrl}/`);
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  const landing = await page.textContent('body');
  const businessDays = message(ar, 'days.business');
  assert.equal(businessDays.length, 6, 'Arabic business days have six forms');
  const acknowledge = message(ar, 'landing.levels.acknowledge').replace('{days}', businessDays[2]);
  const triage = message(ar, 'landing.levels.triage')
    .replace('{days}', businessDays[3].replace('{n}', '10'));
  assert.ok(landing.includes(acknowledge), `the landing page says "${acknowledge}"`);
  assert.ok(landing.includes(triage), `the landing page says "${triage}"`);
  assert.ok(landing.includes('مكتب المسؤولية المهنية'), 'office names are in Arabic');
  await assertReadsLeftToRight(page.locator('.contact').first(), '833-442-3677');

  // The browser asks for Arabic (Accept-Language: ar), and gets it, right to left.
  response = await page.goto(`${baseUrl}/complaint`);
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  const narrativeLabel = page.locator('label[for="f-incident-narrative"]');
  assert.equal((await narrativeLabel.textContent()).trim(),
    message(ar, 'form.incident.narrative.label'));
  assert.equal(await page.locator('script').count(), 0, 'no script on the form');

  // The layout is mirrored: a label's text starts at the right of its field, a checkbox
  // stands right of its label, the site name heads the header from the right.
  const narrativeField = page.locator('.field', { has: narrativeLabel });
  assertOnTheRight(await textBox(narrativeLabel), await box(narrativeField), 'the narrative label');
  const forceChoice = page.locator('.choice', {
    has: page.locator('input[name="incident.categories"][value="excessive-force"]'),
  });
  const forceBox = await box(forceChoice.locator('input'));
  assertOnTheRight(forceBox, await box(forceChoice), 'the checkbox');
  assert.ok((await box(forceChoice.locator('label'))).right <= forceBox.left + 1,
    'the checkbox label lies left of its box');
  assertOnTheRight(await box(page.locator('.site-name')),
    await box(page.locator('.site-header .wrap')), 'the site name');
  // Nothing hangs off the page (an element pushed off to the "left" would in RTL).
  const widths = await page.evaluate(() =>
    [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(widths[0] <= widths[1], `no horizontal scrolling (${widths})`);
  await assertReadsLeftToRight(page.locator('#f-incident-date-hint'), '2026-03-14');
  await page.screenshot({ path: formScreenshot, fullPage: true });

  await page.fill('[name="incident.narrative"]',
    'دفعني أحد الموظفين بقوة نحو الجدار أثناء التفتيش عند نقطة التفتيش.');
  await page.fill('[name="incident.place"]', 'نقطة التفتيش 4');
  await page.check('input[name="incident.categories"][value="excessive-force"]');
  await page.fill('[name="subjects[0].name"]', 'الموظف سمير');
  await page.fill('[name="subjects[0].badge"]', '4471');

  response = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: message(ar, 'form.review'), exact: true }).click(),
  ]).then(([navigation]) => navigation);
  assert.equal(response.status(), 200, await page.content());
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  const reviewText = await page.textContent('body');
  assert.ok(reviewText.includes('الموظف سمير'), 'the review shows what was typed');
  assert.ok(reviewText.includes('مكتب المفتش العام'), 'the review proposes the OIG, in Arabic');
  // What was typed lines up with the page, even a number that has no direction of its own.
  const badge = page.locator('dd.typed', { hasText: '4471' });
  assertOnTheRight(await textBox(badge), await box(badge), 'the typed badge number');
  await page.screenshot({ path: reviewScreenshot, fullPage: true });

  response = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: message(ar, 'review.file'), exact: true }).click(),
  ]).then(([navigation]) => navigation);
  assert.equal(response.status(), 200, await page.content());
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  const confirmation = await page.textContent('body');
  assert.ok(confirmation.includes(message(ar, 'confirmation.heading')));
  const due = (await page.getAttribute('.filed time[datetime]:not([dir])', 'datetime'));
  assert.match(due, /^\d{4}-\d{2}-\d{2}$/);
  await assertReadsLeftToRight(page.locator('.filed').first(), due);
  await page.screenshot({ path: confirmationScreenshot, fullPage: true });

  const references = [...new Set(confirmation.match(referencePattern) ?? [])];
  assert.equal(references.length, 2, `excessive force goes to OPR and OIG: ${confirmation}`);
  // The receipt is a code read left to right, even on a right-to-left page.
  assert.equal(await page.getAttribute('.receipt', 'dir'), 'ltr');
  const receipt = (await page.locator('.receipt').innerText()).replace(/\s+/g, '')
    .match(receiptPattern)?.[0];
  assert.ok(receipt, 'the confirmation shows the receipt, its groups in order');

  // Later: the status page, with the reference and the receipt as written down.
  response = await page.goto(`${baseUrl}/status`);
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await page.fill('[name="reference"]', references[0]);
  await page.fill('[name="receipt"]', receipt.toLowerCase());
  response = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: message(ar, 'lookup.submit'), exact: true }).click(),
  ]).then(([navigation]) => navigation);
  assert.equal(response.status(), 200, await page.content());
  const status = await page.textContent('body');
  assert.ok(status.includes(references[0]), 'the status page names the complaint');
  assert.ok(status.includes(message(ar, 'status.received')),
    `the timeline shows "${message(ar, 'status.received')}"`);
  assert.ok(!(await page.content()).includes(receipt), 'the receipt is never shown back');

  assert.deepEqual(elsewhere, [], 'no request leaves the server');
  const headers = response.headers();
  assert.match(headers['content-security-policy'] ?? '', /default-src 'none'/);
  assert.equal(headers['cache-control'], 'no-store');
});
