// Evidence files in Debian's Chromium with JavaScript off, against the real server:
// - a complainant attaches a photo on the review step (the browser's own file input), whose
//   Exif names its author and holds the place it was taken; the confirmation names the file;
// - the complainant sends a second file later with the status page's form;
// - an intake officer of the office opens the complaint's evidence page, downloads the
//   original, whose SHA-256 is the photo's and the one the page shows, and the copy without
//   metadata, which has neither the location nor the author the original has.
//
// Run: REDRESS_BINARY=build/.../src/redress node --test tests/browser/evidence_files.test.mjs
// Needs /usr/bin/chromium; without it the test fails (it is never skipped).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  catalogue, confirmationOf, launchChromium, message, startServer, stopServer,
} from './support.mjs';
import {
  addMembers, bodyText, cheapHashing, lookUpStatus, newPage, open, press, signIn,
} from './staff_support.mjs';
import { exifOf, withExif } from './exif.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = readFileSync(path.resolve(here, '../fixtures/evidence/photo.jpg'));
const intakeOfficer = {
  username: 'ines', name: 'Ines Ortega', role: 'intake_officer', office: 'opr',
};

// The photo as a phone would save it: who took it and where.
const author = 'Rosa Delgado Ferrer';
const photo = withExif(fixture, {
  artist: author,
  latitude: { ref: 'N', dms: [40, 25, 12] },
  longitude: { ref: 'W', dms: [3, 42, 5] },
});
const photoName = 'checkpoint-4-bruises.jpg';
const secondName = 'checkpoint-4-gate.jpg';
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

let dataRoot;
let server;
let baseUrl;
let browser;

before(async () => {
  dataRoot = mkdtempSync(path.join(tmpdir(), 'redress-browser-evidence-'));
  const dataDir = path.join(dataRoot, 'data');
  addMembers(dataDir, [intakeOfficer]);
  server = startServer(dataDir, cheapHashing);
  baseUrl = await server.ready;
});

after(async () => {
  await browser?.close();
  await stopServer(server);
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
});

test('a photo filed on the review step, another sent later, downloaded by staff with and ' +
  'without its location', { timeout: 150000 }, async () => {
  // What the test writes into the photo is there before it is sent (else the check of the
  // copy below proves nothing).
  const sent = exifOf(photo);
  assert.equal(sent.artist, author);
  assert.deepEqual(sent.gpsTags, [0, 1, 2, 3, 4]);

  browser = await launchChromium();
  const en = catalogue('en');
  const say = (key) => message(en, key);
  const count = (key, n) => say(key).replace('{count}', String(n));
  const elsewhere = [];

  // 1. The complainant files with the OPR, attaching the photo on the review step.
  const complainant = await newPage(browser, baseUrl, elsewhere);
  await complainant.goto(`${baseUrl}/complaint`);
  await complainant.fill('[name="incident.place"]', 'Checkpoint 4');
  await complainant.check('input[name="incident.categories"][value="excessive-force"]');
  await complainant.fill('[name="incident.narrative"]',
    'An officer pushed me against the wall during the search; the photo shows the bruises.');
  await press(complainant, say('form.review'));
  assert.equal(await complainant.locator('script').count(), 0, 'no script on the review step');
  await complainant.check('input[name="offices"][value="opr"]');
  await complainant.uncheck('input[name="offices"][value="oig"]');
  assert.equal(await complainant.locator('form.complaint-form').getAttribute('enctype'),
    'multipart/form-data', 'the review step sends files');
  await complainant.setInputFiles('#evidence',
    { name: photoName, mimeType: 'image/jpeg', buffer: photo });
  await press(complainant, say('review.file'));
  const { text, references, receipt } = await confirmationOf(complainant);
  assert.equal(references.length, 1, text);
  const reference = references[0];
  assert.ok(reference.startsWith('OPR-'), reference);
  assert.ok(text.includes(count('confirmation.files', 1)), text);
  assert.deepEqual(await complainant.locator('ul.files li').allInnerTexts(), [photoName]);

  // 2. Later, from the status page, a second file.
  await lookUpStatus(complainant, baseUrl, reference, receipt, say);
  await complainant.setInputFiles('#f-evidence',
    { name: secondName, mimeType: 'image/jpeg', buffer: fixture });
  await press(complainant, say('evidence.submit'));
  const status = await bodyText(complainant);
  assert.ok(status.includes(count('evidence.added', 1)), status);

  // 3. The intake officer finds both files on the complaint's evidence page.
  const intake = await signIn(browser, baseUrl, elsewhere, intakeOfficer, say);
  const complaint = await intake.goto(`${baseUrl}/staff/complaints/${reference}`);
  assert.equal(complaint.status(), 200);
  await open(intake, say('staff.evidence.link'));
  const listing = await bodyText(intake);
  assert.ok(listing.includes(`${say('staff.evidence.title')} ${reference}`), listing);
  const rows = intake.locator('table.evidence tbody tr');
  assert.equal(await rows.count(), 2, listing);
  const row = rows.filter({ hasText: photoName });
  assert.equal(await row.count(), 1, listing);
  assert.equal(await rows.filter({ hasText: secondName }).count(), 1, listing);

  // Downloads the file `link` (a link's name) of the photo's row leads to.
  const download = async (link) => {
    const [file] = await Promise.all([
      intake.waitForEvent('download'),
      row.getByRole('link', { name: link, exact: true }).click(),
    ]);
    assert.equal(await file.failure(), null, `${link} downloads`);
    return readFileSync(await file.path());
  };

  // 4. The original: the photo byte for byte, its SHA-256 the one the page shows.
  const shown = (await row.locator('code.digest').innerText()).trim();
  assert.equal(shown, sha256(photo), 'the page shows the photo\'s SHA-256');
  const original = await download(say('staff.evidence.original'));
  assert.equal(sha256(original), sha256(photo), 'the original is the photo sent');
  assert.equal(sha256(original), shown);
  assert.equal(exifOf(original).artist, author);
  assert.deepEqual(exifOf(original).gpsTags, [0, 1, 2, 3, 4], 'the original keeps its location');

  // 5. The copy without metadata: still the picture, with no location and no author.
  const copy = await download(say('staff.evidence.without_metadata'));
  assert.equal(copy.readUInt16BE(0), 0xffd8, 'the copy is a JPEG');
  assert.notEqual(sha256(copy), sha256(photo));
  const cleaned = exifOf(copy);
  assert.deepEqual(cleaned.gpsTags, [], 'no GPS tag in the copy');
  assert.equal(cleaned.artist, undefined, 'no author in the copy');
  assert.ok(!copy.includes(Buffer.from(author, 'latin1')), 'the author\'s name is nowhere');

  assert.deepEqual(elsewhere, [], 'no request left the test\'s server');
});
