// A Spanish-speaking complainant files a complaint and follows it, in Debian's Chromium
// with JavaScript off: the whole public side must work with plain HTML forms.
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

const screenshotPath = '/tmp/redress-confirmation.png';

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

test('a complaint filed and followed in Spanish with JavaScript off', { timeout: 120000 }, async () => {
  browser = await launchChromium();
  const es = catalogue('es');
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'es-ES' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const elsewhere = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(baseUrl)) elsewhere.push(request.url());
  });

  // The browser asks for Spanish (Accept-Language: es-ES), and gets it.
  let response = await page.goto(`${baseUrl}/complaint`);
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  const formText = await page.textContent('body');
  assert.ok(formText.includes(message(es, 'form.incident.narrative.label')),
    'the narrative is labelled in Spanish');
  assert.equal(await page.locator('script').count(), 0, 'no script on the form');

  await page.fill('[name="incident.narrative"]',
    'Un agente me empujó contra la pared durante el registro en el puesto de control.');
  await page.fill('[name="incident.place"]', 'Puesto de control 4');
  await page.check('input[name="incident.categories"][value="excessive-force"]');
  await page.fill('[name="subjects[0].name"]', 'Agente Pérez');
  await page.fill('[name="subjects[0].badge"]', '4471');

  response = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: message(es, 'form.review'), exact: true }).click(),
  ]).then(([navigation]) => navigation);
  assert.equal(response.status(), 200, await page.content());
  const reviewText = await page.textContent('body');
  assert.ok(reviewText.includes('Agente Pérez'), 'the review shows what was typed');
  assert.ok(reviewText.includes('Oficina del Inspector General'), 'the review proposes the OIG');

  response = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: message(es, 'review.file'), exact: true }).click(),
  ]).then(([navigation]) => navigation);
  assert.equal(response.status(), 200, await page.content());
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  const confirmation = await page.textContent('body');
  await page.screenshot({ path: screenshotPath, fullPage: true });

  const references = [...new Set(confirmation.match(referencePattern) ?? [])];
  assert.equal(references.length, 2, `excessive force goes to OPR and OIG: ${confirmation}`);
  // As a person copies it: the text of the receipt box, its groups joined by dashes.
  const receipt = (await page.locator('.receipt').innerText()).replace(/\s+/g, '')
    .match(receiptPattern)?.[0];
  assert.ok(receipt, 'the confirmation shows the receipt');

  // Later: the status page, with the reference and the receipt as written down.
  response = await page.goto(`${baseUrl}/status`);
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  await page.fill('[name="reference"]', references[0]);
  await page.fill('[name="receipt"]', receipt.toLowerCase());
  response = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: message(es, 'lookup.submit'), exact: true }).click(),
  ]).then(([navigation]) => navigation);
  assert.equal(response.status(), 200, await page.content());
  const status = await page.textContent('body');
  assert.ok(status.includes(references[0]), 'the status page names the complaint');
  assert.ok(status.includes(message(es, 'status.received')),
    `the timeline shows "${message(es, 'status.received')}"`);
  assert.ok(!(await page.content()).includes(receipt), 'the receipt is never shown back');

  assert.deepEqual(elsewhere, [], 'no request leaves the server');
  const headers = response.headers();
  assert.match(headers['content-security-policy'] ?? '', /default-src 'none'/);
  assert.equal(headers['cache-control'], 'no-store');
});
