// The staff console's confidentiality pages in Debian's Chromium with JavaScript off, against
// one real server whose configuration asks a custodian to approve access to an identity:
// - the complainant's identity: an intake officer of the handling office asks for it (a
//   blank reason is refused and shows nothing), a custodian refuses to decline without a
//   reason and approves, and the intake officer then opens the name and contact;
// - the complainant agrees on the status page that an office the complaint is referred to may
//   see who they are, and withdraws it;
// - the clocks paused while the office waits on the complainant, as the complaint's page and
//   the complainant's status page say, and resumed;
// - an investigator recuses themselves, an intake officer closes a complaint to a member by
//   user name, and a complaint naming a member as its subject is closed to them: each then
//   gets, for that complaint, what a missing complaint gets, and it leaves their work list.
//
// Run: REDRESS_BINARY=build/.../src/redress node --test tests/browser/staff_confidentiality.test.mjs
// Needs /usr/bin/chromium; without it the test fails (it is never skipped).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  catalogue, confirmationOf, launchChromium, message, startServer, stopServer,
} from './support.mjs';
import {
  addMembers, bodyText, cheapHashing, lookUpStatus, newPage, open, press, signIn,
} from './staff_support.mjs';

const members = {
  intake: { username: 'ines', name: 'Ines Ortega', role: 'intake_officer', office: 'opr' },
  custodian: { username: 'cora', name: 'Cora Castell', role: 'custodian', office: 'opr' },
  recusing: { username: 'ivan', name: 'Ivan Quist', role: 'investigator', office: 'opr' },
  named: { username: 'nils', name: 'Nils Navarro', role: 'investigator', office: 'opr' },
};

// The confidential complainant and their witness: recognisable wherever they show up.
const complainantName = 'Rosa Delgado Ferrer';
const complainantEmail = 'rosa.delgado@example.org';
const complainantPhone = '+1 555 0147';
const witnessName = 'Tomas Lindqvist';
const witnessContact = 'tomas.lindqvist@example.net';
const identityReason = 'To call the complainant and arrange an interview about checkpoint 4.';
const recusalReason = 'The officer named in this complaint is my brother-in-law.';

let dataRoot;
let server;
let baseUrl;
let browser;

before(async () => {
  dataRoot = mkdtempSync(path.join(tmpdir(), 'redress-browser-confidentiality-'));
  const dataDir = path.join(dataRoot, 'data');
  addMembers(dataDir, Object.values(members));
  server = startServer(dataDir, [...cheapHashing, '--staff-identity-custodian-approval', 'true']);
  baseUrl = await server.ready;
});

after(async () => {
  await browser?.close();
  await stopServer(server);
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
});

test('identity behind a custodian, consent, clock holds, recusal and closed-out members',
  { timeout: 150000 }, async () => {
    browser = await launchChromium();
    const en = catalogue('en');
    const say = (key) => message(en, key);
    const elsewhere = [];
    const complainant = await newPage(browser, baseUrl, elsewhere);

    // The complainant files with the OPR on the web form: `fill` fills in what is particular
    // to the complaint. Returns its reference and receipt.
    const file = async (fill) => {
      await complainant.goto(`${baseUrl}/complaint`);
      await complainant.fill('[name="incident.place"]', 'Checkpoint 4');
      await complainant.check('input[name="incident.categories"][value="excessive-force"]');
      await fill();
      await press(complainant, say('form.review'));
      await complainant.check('input[name="offices"][value="opr"]');
      await complainant.uncheck('input[name="offices"][value="oig"]');
      await press(complainant, say('review.file'));
      const { text, references, receipt } = await confirmationOf(complainant);
      assert.equal(references.length, 1, text);
      assert.ok(references[0].startsWith('OPR-'), references[0]);
      return { reference: references[0], receipt };
    };

    // A: confidential, with the complainant's name and contact and a witness.
    const confidential = await file(async () => {
      await complainant.check('input[name="complainant.confidentiality"][value="confidential"]');
      await complainant.fill('[name="complainant.name"]', complainantName);
      await complainant.fill('[name="complainant.email"]', complainantEmail);
      await complainant.fill('[name="complainant.phone"]', complainantPhone);
      await complainant.fill('[name="incident.narrative"]',
        'An officer pushed me against the wall during the search at checkpoint 4.');
      await complainant.fill('[name="subjects[0].name"]', 'Officer Reyes');
      await complainant.fill('[name="witnesses[0].name"]', witnessName);
      await complainant.fill('[name="witnesses[0].contact"]', witnessContact);
    });
    // B: anonymous, about an officer outside the office; one of its members is closed out of
    // it by hand.
    const named = await file(async () => {
      await complainant.fill('[name="incident.narrative"]',
        'An officer took my phone at checkpoint 4 and did not give it back.');
      await complainant.fill('[name="subjects[0].name"]', 'Officer Brandt');
    });
    // C: anonymous, about a member of the office, named as the complainant wrote it: the
    // same words as the member's full name, in another order and case.
    const aboutMember = await file(async () => {
      await complainant.fill('[name="incident.narrative"]',
        'The investigator threatened me when I asked why I was stopped.');
      await complainant.fill('[name="subjects[0].name"]', 'QUIST, ivan');
    });
    const A = confidential.reference;
    const B = named.reference;
    const C = aboutMember.reference;

    // What a member's work list holds, among A, B and C.
    const workList = async (page) => {
      await page.goto(`${baseUrl}/staff/queue?office=opr`);
      const text = await bodyText(page);
      assert.ok(text.includes(say('staff.queue.title')), text);
      return [A, B, C].filter((reference) => text.includes(reference));
    };
    // A complaint's page as `page`'s member gets it: its status and text.
    const complaintPage = async (page, reference) => {
      const response = await page.goto(`${baseUrl}/staff/complaints/${reference}`);
      return { status: response.status(), text: await bodyText(page) };
    };
    // What a missing complaint gets: the same for a complaint closed to the member.
    const assertMissing = async (page, reference, who) => {
      const { status, text } = await complaintPage(page, reference);
      assert.equal(status, 404, `${reference} is missing for ${who}: ${text}`);
      assert.ok(text.includes(say('staff.not_found.message')), text);
      const missing = await complaintPage(page, 'OPR-2001-999999');
      assert.equal(missing.status, 404);
      assert.equal(text.replace(reference, ''), missing.text.replace('OPR-2001-999999', ''),
        'the same page as for a complaint that does not exist');
    };
    // Nothing of the complainant's identity on `text`.
    const assertNoIdentity = (text, where) => {
      for (const secret of [complainantName, complainantEmail, complainantPhone, witnessName,
        witnessContact]) {
        assert.ok(!text.includes(secret), `${secret} is shown ${where}: ${text}`);
      }
    };

    // 1. The intake officer reads A: its page never names the complainant; its
    // confidentiality part links to the identity's page.
    const intake = await signIn(browser, baseUrl, elsewhere, members.intake, say);
    assert.deepEqual(await workList(intake), [A, B, C], 'the intake officer sees all three');
    let { status, text } = await complaintPage(intake, A);
    assert.equal(status, 200, text);
    assert.ok(text.includes(say('staff.confidentiality.heading')), text);
    assertNoIdentity(text, 'on the complaint\'s page');
    await open(intake, say('staff.confidentiality.identity_link'));
    text = await bodyText(intake);
    assert.ok(text.includes(`${say('staff.identity.title')} ${A}`), text);
    assert.ok(text.includes(`${say('staff.identity.views')} 0`), text);
    assertNoIdentity(text, 'before a reason is given');

    // With custodian approval on, the form asks a custodian; a reason of spaces (the browser
    // lets it through, the field being filled) is refused, beside what the reason must be.
    await intake.fill('#reason', '   ');
    await press(intake, say('staff.identity.ask'), 422);
    text = await bodyText(intake);
    assert.ok(text.includes(say('staff.case.refused')), text);
    assert.ok(text.includes(say('staff.case.error.required')), text);
    assert.ok(!text.includes(say('staff.identity.requested')), text);
    assertNoIdentity(text, 'after a blank reason');
    await intake.fill('#reason', identityReason);
    await press(intake, say('staff.identity.ask'));
    text = await bodyText(intake);
    assert.ok(text.includes(say('staff.identity.requested')), text);
    assert.ok(text.includes(say('staff.identity.pending')), text);
    assert.equal(await intake.locator('#reason').count(), 0, 'no form while a request waits');
    assertNoIdentity(text, 'while the request waits');

    // 2. A custodian of the office finds the request with its reason; declining without a
    // reason is refused and changes nothing; approving clears the list.
    const custodian = await signIn(browser, baseUrl, elsewhere, members.custodian, say);
    await open(custodian, say('staff.identity_requests.link'));
    text = await bodyText(custodian);
    assert.ok(text.includes(say('staff.identity_requests.title')), text);
    const request = custodian.locator('section.identity-request');
    assert.equal(await request.count(), 1, text);
    const shownRequest = await request.innerText();
    assert.ok(shownRequest.includes(A), shownRequest);
    assert.ok(shownRequest.includes(identityReason), shownRequest);
    assert.ok(shownRequest.includes(members.intake.name), shownRequest);
    assertNoIdentity(text, 'to the custodian');
    await press(custodian, say('staff.identity_requests.decline'), 422);
    text = await bodyText(custodian);
    assert.ok(text.includes(say('staff.case.refused')), text);
    assert.ok(text.includes(say('staff.case.error.required')), text);
    assert.equal(await custodian.locator('section.identity-request').count(), 1,
      'the request still waits');
    await press(custodian, say('staff.identity_requests.approve'));
    text = await bodyText(custodian);
    assert.ok(text.includes(say('staff.identity_requests.empty')), text);

    // 3. The intake officer comes back: approved, they open the identity with a reason, and
    // see the name, the contact and the witness.
    await intake.goto(`${baseUrl}/staff/complaints/${A}/identity`);
    text = await bodyText(intake);
    assert.ok(text.includes(say('staff.identity.approved')), text);
    assert.ok(text.includes(members.custodian.username), `it says who approved: ${text}`);
    assertNoIdentity(text, 'before it is opened');
    await intake.fill('#reason', identityReason);
    await press(intake, say('staff.identity.open'));
    text = await bodyText(intake);
    const facts = await intake.locator('dl.identity').first().innerText();
    assert.match(facts, new RegExp(`${say('staff.identity.name')}\\s+${complainantName}`), facts);
    assert.match(facts, new RegExp(`${say('staff.identity.email')}\\s+${complainantEmail}`),
      facts);
    assert.ok(facts.includes(complainantPhone), facts);
    assert.ok(text.includes(say('staff.identity.witnesses')), text);
    assert.ok(text.includes(witnessName) && text.includes(witnessContact), text);
    // Opened once: counted. Read again without a reason, it shows nothing.
    await intake.goto(`${baseUrl}/staff/complaints/${A}/identity`);
    text = await bodyText(intake);
    assert.ok(text.includes(`${say('staff.identity.views')} 1`), text);
    assertNoIdentity(text, 'on the page read again');

    // 4. On the status page, the confidential complainant agrees that an office the complaint
    // is referred to may see who they are, and withdraws it.
    text = await lookUpStatus(complainant, baseUrl, A, confidential.receipt, say);
    assert.ok(text.includes(say('consent.heading')), text);
    assert.ok(text.includes(say('consent.now_not_given')), text);
    await press(complainant, say('consent.give'));
    text = await bodyText(complainant);
    assert.ok(text.includes(say('consent.recorded_given')), text);
    assert.ok(text.includes(say('consent.now_given')), text);
    assert.ok(!text.includes(say('consent.now_not_given')), text);
    await press(complainant, say('consent.withdraw'));
    text = await bodyText(complainant);
    assert.ok(text.includes(say('consent.recorded_withdrawn')), text);
    assert.ok(text.includes(say('consent.now_not_given')), text);
    text = await lookUpStatus(complainant, baseUrl, A, confidential.receipt, say);
    assert.ok(text.includes(say('consent.now_not_given')), 'the withdrawal lasts');
    assert.ok(!text.includes(say('owed.waiting_on_complainant')), 'no one waits yet');
    // An anonymous complainant is not asked.
    text = await lookUpStatus(complainant, baseUrl, B, named.receipt, say);
    assert.ok(!text.includes(say('consent.heading')), text);

    // 5. The intake officer pauses A's clocks while the office waits on the complainant: the
    // complaint's page shows the hold and the complainant's status page says so; resumed, both
    // say it no more.
    await intake.goto(`${baseUrl}/staff/complaints/${A}`);
    await intake.selectOption('#hold_reason', 'waiting_on_complainant');
    await press(intake, say('staff.clocks.pause'));
    assert.ok(intake.url().includes(`/staff/complaints/${A}`), intake.url());
    text = await bodyText(intake);
    assert.ok(text.includes(say('staff.clocks.paused.waiting_on_complainant')), text);
    const clocks = await intake.locator('table.clocks').innerText();
    assert.ok(clocks.includes(say('staff.clock.state.paused')), clocks);
    assert.equal(await intake.locator('#hold_reason').count(), 0, 'no second pause');
    text = await lookUpStatus(complainant, baseUrl, A, confidential.receipt, say);
    assert.ok(text.includes(say('owed.waiting_on_complainant')), text);
    await press(intake, say('staff.clocks.resume'));
    text = await bodyText(intake);
    assert.ok(!text.includes(say('staff.clocks.paused.waiting_on_complainant')), text);
    assert.ok(!(await intake.locator('table.clocks').innerText())
      .includes(say('staff.clock.state.paused')), 'the clocks run again');
    assert.equal(await intake.locator('#hold_reason').count(), 1, 'it may be paused again');
    text = await lookUpStatus(complainant, baseUrl, A, confidential.receipt, say);
    assert.ok(!text.includes(say('owed.waiting_on_complainant')), text);

    // 6. The intake officer closes B to a member by user name: a user name of no member is
    // refused; the member's is recorded.
    await intake.goto(`${baseUrl}/staff/complaints/${B}`);
    await intake.fill('#named_member', 'nobody');
    await press(intake, say('staff.confidentiality.name_submit'), 422);
    text = await bodyText(intake);
    assert.ok(text.includes(say('staff.exclusion.refused.unknown_member')), text);
    await intake.goto(`${baseUrl}/staff/complaints/${B}`);
    await intake.fill('#named_member', members.named.username);
    await press(intake, say('staff.confidentiality.name_submit'));
    assert.ok(intake.url().includes(`/staff/complaints/${B}`), intake.url());
    // Named again: it says they are closed out already.
    await intake.fill('#named_member', members.named.username);
    await press(intake, say('staff.confidentiality.name_submit'), 422);
    assert.ok((await bodyText(intake)).includes(say('staff.exclusion.refused.already_closed_out')));

    // 7. The investigator the subject's name matches never sees C; they recuse themselves
    // from A, which then leaves their work list and answers them as a missing complaint.
    const recusing = await signIn(browser, baseUrl, elsewhere, members.recusing, say);
    assert.deepEqual(await workList(recusing), [A, B], 'C names them: it is not on their list');
    await assertMissing(recusing, C, members.recusing.username);
    ({ status, text } = await complaintPage(recusing, A));
    assert.equal(status, 200, text);
    await recusing.fill('#recusal_reason', recusalReason);
    await press(recusing, say('staff.confidentiality.recuse_submit'));
    assert.ok(recusing.url().endsWith('/staff/'), recusing.url());
    assert.deepEqual(await workList(recusing), [B], 'A left their list');
    await assertMissing(recusing, A, members.recusing.username);
    const identity = await recusing.goto(`${baseUrl}/staff/complaints/${A}/identity`);
    assert.equal(identity.status(), 404, 'nor its identity\'s page');

    // 8. The member named on B gets B as a missing complaint; A and C are theirs to read.
    const closedOut = await signIn(browser, baseUrl, elsewhere, members.named, say);
    assert.deepEqual(await workList(closedOut), [A, C], 'B is closed to them');
    await assertMissing(closedOut, B, members.named.username);
    ({ status } = await complaintPage(closedOut, C));
    assert.equal(status, 200, 'C names someone else');

    assert.deepEqual(elsewhere, [], 'no request leaves the server');
  });
