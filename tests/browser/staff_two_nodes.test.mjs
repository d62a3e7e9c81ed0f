// The staff flow with its requests spread over two redress nodes that share one PostgreSQL
// database, in Debian's Chromium with JavaScript off. Node B's data folder holds copies of
// node A's key file and configuration, as a deployment of several nodes has; evidence goes to
// one folder both share. The person switches node on purpose between steps: a complainant
// files on node A; an intake officer signs in on node B and carries on in the SAME session on
// node A (one cookie: cookies ignore ports), accepts the complaint at triage there, finds it on
// node B's list of complaints under investigation and opens it there; the complainant looks
// the complaint up on node B and reads its new status; the officer signs out on node A, and
// the session's cookie, presented again, is sent to sign in on node B (and on A).
//
// Run: REDRESS_TEST_POSTGRESQL=$(scripts/postgresql-cluster url DIR) \
//      REDRESS_BINARY=build/.../src/redress node --test tests/browser/staff_two_nodes.test.mjs
// It makes a database of its own in that server (with `psql`) and drops it at the end.
// Without REDRESS_TEST_POSTGRESQL it is reported as skipped, never as passed. Needs
// /usr/bin/chromium; without it the test fails.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  catalogue, confirmationOf, launchChromium, message, startServer, stopServer,
} from './support.mjs';
import {
  addMembers, bodyText, cheapHashing, lookUpStatus, newPage as newStaffPage, open, press,
  signIn as firstSignIn,
} from './staff_support.mjs';

const postgresql = process.env.REDRESS_TEST_POSTGRESQL;
// "redress-skip: " makes ctest report the test as skipped (tests/browser/CMakeLists.txt).
const skip = postgresql ? false
  : 'redress-skip: REDRESS_TEST_POSTGRESQL names no PostgreSQL server (scripts/postgresql-cluster)';

const intake = { username: 'ines', name: 'Ines Ortega', role: 'intake_officer', office: 'opr' };
const sessionCookie = '__Host-redress-staff';
const narrative = 'Two officers took my phone at the bus station and did not give it back.';

let dataRoot;
let databaseName;
let nodeA;
let nodeB;
let browser;

// `sql` run by psql in the server REDRESS_TEST_POSTGRESQL names, stopping at the first error.
function psql(sql) {
  const run = spawnSync('psql', [postgresql, '-v', 'ON_ERROR_STOP=1', '-X', '-q', '-c', sql],
    { encoding: 'utf8', timeout: 60000 });
  assert.equal(run.status, 0, `psql ${sql}: ${run.stdout}${run.stderr}${run.error ?? ''}`);
}

// The URL of `database` in that server: the same user, host and port.
function databaseUrl(database) {
  const url = new URL(postgresql);
  url.pathname = `/${database}`;
  return url.toString();
}

before(async () => {
  if (skip) return;
  const binary = process.env.REDRESS_BINARY;
  assert.ok(binary, 'REDRESS_BINARY must name the redress executable');
  dataRoot = mkdtempSync(path.join(tmpdir(), 'redress-browser-two-nodes-'));
  databaseName = `redress_browser_${process.pid}_${Date.now()}`;
  psql(`CREATE DATABASE ${databaseName} TEMPLATE template0 ENCODING 'UTF8' `
    + `LC_COLLATE 'C' LC_CTYPE 'C'`);
  const shared = {
    REDRESS_STORAGE_DATABASE: databaseUrl(databaseName),
    REDRESS_EVIDENCE_FOLDER: path.join(dataRoot, 'evidence'),
  };
  const dataA = path.join(dataRoot, 'a');
  const dataB = path.join(dataRoot, 'b');
  const init = spawnSync(binary, ['init', '--data', dataA],
    { env: { ...process.env, ...shared }, encoding: 'utf8', timeout: 60000 });
  assert.equal(init.status, 0, `redress init: ${init.stdout}${init.stderr}`);
  mkdirSync(dataB, { mode: 0o700 });
  for (const file of ['redress.key', 'redress.toml']) {
    copyFileSync(path.join(dataA, file), path.join(dataB, file));
  }
  addMembers(dataA, [intake], shared);
  nodeA = startServer(dataA, cheapHashing, { ...shared, REDRESS_SERVER_NODE_NAME: 'a' });
  nodeB = startServer(dataB, cheapHashing, { ...shared, REDRESS_SERVER_NODE_NAME: 'b' });
  await Promise.all([nodeA.ready, nodeB.ready]);
});

after(async () => {
  await browser?.close();
  await Promise.all([stopServer(nodeA), stopServer(nodeB)]);
  if (databaseName) psql(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
});

test('one staff session and one complaint across two nodes of one database',
  { skip, timeout: 150000 }, async () => {
    const [baseA, baseB] = await Promise.all([nodeA.ready, nodeB.ready]);
    assert.notEqual(baseA, baseB, 'two servers, two ports');
    browser = await launchChromium();
    const en = catalogue('en');
    const say = (key) => message(en, key);
    // newStaffPage and firstSignIn note every request that leaves the URL they were given;
    // here both nodes are the test's own, so only what reaches neither counts.
    const left = [];
    const complainant = await newStaffPage(browser, baseA, left);

    // 1. The complainant files on node A, with the one office.
    await complainant.goto(`${baseA}/complaint`);
    assert.equal(await complainant.locator('script').count(), 0, 'no script on the form');
    await complainant.fill('[name="incident.narrative"]', narrative);
    await complainant.fill('[name="incident.place"]', 'Central bus station');
    await press(complainant, say('form.review'));
    await complainant.check('input[name="offices"][value="opr"]');
    await press(complainant, say('review.file'));
    const { text: confirmation, references, receipt } = await confirmationOf(complainant);
    assert.equal(references.length, 1, confirmation);
    const [reference] = references;
    assert.match(reference, /^OPR-/, confirmation);

    // 2. The intake officer signs in on node B (password, then enrolling a second factor):
    // one session cookie, host-only for 127.0.0.1, Secure and __Host- prefixed. Chromium
    // keeps a Secure cookie over plain http here, as for staff_flow, because it counts the
    // loopback address as a secure origin; and it sends the cookie to either port.
    const officer = await firstSignIn(browser, baseB, left, intake, say);
    const cookies = (await officer.context().cookies())
      .filter((cookie) => cookie.name === sessionCookie);
    assert.equal(cookies.length, 1, `one session cookie: ${JSON.stringify(cookies)}`);
    const [session] = cookies;
    assert.equal(session.domain, '127.0.0.1');
    assert.equal(session.path, '/');
    assert.ok(session.secure && session.httpOnly, JSON.stringify(session));

    // 3. The same session on node A: no second sign-in. A's work list holds the complaint
    // filed on A; the officer accepts it at triage there (a form B rendered would carry the
    // same anti-forgery token: both nodes hold the same key file).
    let response = await officer.goto(`${baseA}/staff/`);
    assert.equal(response.status(), 200);
    assert.ok(officer.url().startsWith(baseA) && officer.url().endsWith('/staff/'), officer.url());
    let text = await bodyText(officer);
    assert.ok(text.includes(`${say('staff.home.signed_in_as')} ${intake.name}`),
      `node A knows the session node B opened: ${text}`);
    await officer.goto(`${baseA}/staff/queue?office=opr`);
    text = await bodyText(officer);
    assert.ok(text.includes(`${say('staff.queue.title')}: Office of Professional Responsibility`),
      text);
    assert.ok(text.includes(reference), `A's work list holds ${reference}: ${text}`);
    await open(officer, reference);
    text = await bodyText(officer);
    assert.ok(officer.url().startsWith(baseA), officer.url());
    assert.ok(text.includes(narrative), 'the intake officer reads the account on node A');
    assert.ok(text.includes(say('staff.triage.heading')), text);
    await officer.check('input[name="action"][value="accept"]');
    await officer.selectOption('#priority', 'high');
    await press(officer, say('staff.triage.submit'));
    text = await bodyText(officer);
    assert.ok(!text.includes(say('staff.triage.submit')), `no triage form once accepted: ${text}`);
    const caseId = (await officer.locator('.case-link a').innerText()).match(/\d+$/)?.[0];
    assert.ok(caseId, `the complaint links to its case: ${text}`);

    // 4. Back on node B: the complaint has left the triage list for the list of complaints
    // under investigation, with the priority set on A; its page shows the decision.
    await officer.goto(`${baseB}/staff/queue?office=opr`);
    text = await bodyText(officer);
    assert.ok(!text.includes(reference), `${reference} is no longer on B's triage list: ${text}`);
    response = await officer.goto(`${baseB}/staff/queue?office=opr&queue=investigating`);
    assert.equal(response.status(), 200);
    const row = officer.locator('tr', { hasText: reference });
    assert.equal(await row.count(), 1, `B lists ${reference} under investigation: `
      + `${await bodyText(officer)}`);
    const rowText = await row.innerText();
    assert.ok(rowText.includes(say('status.investigating')), rowText);
    assert.ok(rowText.includes(say('staff.priority.high')), rowText);
    await open(officer, reference);
    assert.ok(officer.url().startsWith(baseB), officer.url());
    text = await bodyText(officer);
    assert.ok(text.includes(narrative), 'node B shows the complaint');
    assert.ok(!text.includes(say('staff.triage.submit')), `no triage form on B either: ${text}`);
    assert.equal((await officer.locator('.case-link a').innerText()).match(/\d+$/)?.[0], caseId,
      'node B links the case node A opened');

    // 5. The complainant, who filed on A, looks the complaint up on node B and reads the
    // status the officer's decision on A gave it.
    text = await lookUpStatus(complainant, baseB, reference, receipt, say);
    assert.match(text, new RegExp(`${say('lookup.current')}\\s+${say('status.investigating')}`),
      `the new status on node B: ${text}`);

    // 6. The officer signs out on node A, which ends the session on node B too. The browser
    // forgets the cookie at sign-out, so the check presents the session's cookie from
    // contexts of its own, as a second window or a copied cookie would: first to show that
    // such a copy is signed in while the session lasts, then that it is sent to sign in.
    const withSession = async (base) => {
      const page = await newStaffPage(browser, base, left);
      await page.context().addCookies([session]);
      await page.goto(`${base}/staff/queue?office=opr&queue=investigating`);
      return page;
    };
    const copy = await withSession(baseB);
    assert.equal(copy.url(), `${baseB}/staff/queue?office=opr&queue=investigating`);
    assert.ok((await bodyText(copy)).includes(reference), 'the copied cookie is signed in');
    await officer.goto(`${baseA}/staff/`);
    await press(officer, say('staff.sign_out'));
    assert.equal(officer.url(), `${baseA}/staff/sign-in`);
    assert.deepEqual((await officer.context().cookies())
      .filter((cookie) => cookie.name === sessionCookie), [], 'the browser forgot the cookie');
    for (const base of [baseB, baseA]) {
      const page = await withSession(base);
      assert.equal(page.url(), `${base}/staff/sign-in`,
        `the ended session reads nothing on ${base}`);
      text = await bodyText(page);
      assert.ok(!text.includes(reference), text);
      assert.ok(text.includes(say('staff.sign_in.submit')), text);
      await page.context().close();
    }
    await copy.context().close();

    // Each node ran under its own name with the one key, and neither logged an error.
    const keyIds = [];
    for (const [node, name] of [[nodeA, 'a'], [nodeB, 'b']]) {
      const log = node.log();
      assert.match(log, new RegExp(`\\[info\\] node ${name}\\n`), log);
      keyIds.push(log.match(/\[info\] key id ([0-9a-f]+)/)?.[1]);
      assert.doesNotMatch(log, /\[(error|critical)\]/, log);
    }
    assert.ok(keyIds[0] && keyIds[0] === keyIds[1], `one key on both nodes: ${keyIds}`);

    assert.deepEqual(left.filter((url) => !url.startsWith(baseA) && !url.startsWith(baseB)), [],
      'no request leaves the two nodes');
  });
