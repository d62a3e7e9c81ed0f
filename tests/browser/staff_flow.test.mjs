// The whole staff flow in Debian's Chromium with JavaScript off, against one real server:
// a complaint filed with two offices; the first office's intake officer refers one of them
// to the second; the second office's intake officer accepts the referral, accepts the
// complaint at triage and assigns its case; the investigator writes a staff-only note and a
// message; the complainant reads the message and replies; the investigator records findings
// and closes the case; the complainant reads the outcome. The staff-only note must never
// reach a public page.
//
// Run: REDRESS_BINARY=build/.../src/redress node --test tests/browser/staff_flow.test.mjs
// With REDRESS_SCREENSHOTS=1 it also saves the staff pages and the outcome as PNGs under
// docs/screenshots/ (for docs/staff-console.md); without it, it writes nothing there.
// Needs /usr/bin/chromium; without it the test fails (it is never skipped).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  catalogue, confirmationOf, launchChromium, message, startServer, stopServer,
} from './support.mjs';
import {
  addMembers, bodyText, cheapHashing, lookUpStatus, newPage as newStaffPage, open, press,
  signIn as firstSignIn, totp,
} from './staff_support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const screenshotDir = process.env.REDRESS_SCREENSHOTS === '1'
  ? path.resolve(here, '../../docs/screenshots') : null;

const members = {
  opr_intake: { username: 'ines', name: 'Ines Ortega', role: 'intake_officer', office: 'opr' },
  oig_intake: { username: 'olga', name: 'Olga Ibarra', role: 'intake_officer', office: 'oig' },
  oig_investigator: { username: 'ivan', name: 'Ivan Quist', role: 'investigator', office: 'oig' },
  administrator: { username: 'ada', name: 'Ada Admin', role: 'administrator', office: 'opr' },
};

// What each person writes, each recognisable wherever it shows up.
const narrative = 'An officer pushed me against the wall during the search at checkpoint 4.';
const referralReason = 'The Inspector General already investigates force at checkpoint 4.';
const staffNote = 'STAFF-ONLY: camera 12 footage requested from the checkpoint supervisor.';
const officeMessage = 'Did anyone else see the officer push you? Please tell us their names.';
const complainantReply = 'Yes: the driver of the blue bus, Maria Lopez, saw everything.';
const closureText = 'We reviewed the camera footage and spoke with the witness. The officer used '
  + 'force that was not needed.';
const remedy = 'The officer was suspended for ten days and will be retrained.';

let dataRoot;
let dataDir;
let server;
let baseUrl;
let browser;

before(async () => {
  dataRoot = mkdtempSync(path.join(tmpdir(), 'redress-browser-staff-'));
  dataDir = path.join(dataRoot, 'data');
  addMembers(dataDir, Object.values(members));
  server = startServer(dataDir, cheapHashing);
  baseUrl = await server.ready;
});

after(async () => {
  await browser?.close();
  await stopServer(server);
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
});

async function screenshot(page, name) {
  if (!screenshotDir) return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

test('a complaint referred, investigated and closed, followed by its complainant',
  { timeout: 150000 }, async () => {
    browser = await launchChromium();
    const en = catalogue('en');
    const say = (key) => message(en, key);
    const elsewhere = [];
    const newPage = () => newStaffPage(browser, baseUrl, elsewhere);

    // Every page the complainant is shown, to look for the staff-only note at the end.
    const publicPages = [];
    const complainant = await newPage();
    complainant.on('response', (response) => publicPages.push(response.text().catch(() => '')));

    const lookUp = (reference, receipt) =>
      lookUpStatus(complainant, baseUrl, reference, receipt, say);
    const signIn = (member) => firstSignIn(browser, baseUrl, elsewhere, member, say);

    // 1. The complainant files one complaint with both offices.
    await complainant.goto(`${baseUrl}/complaint`);
    assert.equal(await complainant.locator('script').count(), 0, 'no script on the form');
    await complainant.fill('[name="incident.narrative"]', narrative);
    await complainant.fill('[name="incident.place"]', 'Checkpoint 4');
    await complainant.check('input[name="incident.categories"][value="excessive-force"]');
    await complainant.fill('[name="subjects[0].name"]', 'Officer Reyes');
    await complainant.fill('[name="subjects[0].badge"]', '4471');
    await press(complainant, say('form.review'));
    const review = await bodyText(complainant);
    assert.ok(review.includes('Office of Professional Responsibility'), review);
    assert.ok(review.includes('Office of Inspector General'), review);
    await complainant.check('input[name="offices"][value="opr"]');
    await complainant.check('input[name="offices"][value="oig"]');
    await press(complainant, say('review.file'));
    const { text: confirmation, references, receipt } = await confirmationOf(complainant);
    const oprReference = references.find((reference) => reference.startsWith('OPR-'));
    const oigReference = references.find((reference) => reference.startsWith('OIG-'));
    assert.equal(references.length, 2, confirmation);
    assert.ok(oprReference && oigReference, `one reference per office: ${references}`);

    // 2. The first office's intake officer refers the complaint to the second office.
    const oprIntake = await signIn(members.opr_intake);
    await oprIntake.locator('ul.offices a').first().click();
    await oprIntake.waitForURL(/\/staff\/queue\?office=opr/);
    let text = await bodyText(oprIntake);
    assert.ok(text.includes(`${say('staff.queue.title')}: Office of Professional Responsibility`));
    assert.ok(text.includes(oprReference), `the work list holds ${oprReference}: ${text}`);
    assert.ok(!text.includes(oigReference), 'the other office\'s complaint is not on this list');
    assert.ok(text.includes(say('staff.channel.web')));
    await screenshot(oprIntake, 'work-list');
    await open(oprIntake, oprReference);
    text = await bodyText(oprIntake);
    assert.ok(text.includes(narrative), 'the intake officer reads the account');
    assert.ok(text.includes(say('staff.triage.heading')));
    assert.ok(text.includes('Excessive force'));
    await screenshot(oprIntake, 'complaint-triage');
    await oprIntake.check('input[name="action"][value="refer"]');
    await oprIntake.selectOption('#to_office', 'oig');
    await oprIntake.fill('#reason', referralReason);
    await press(oprIntake, say('staff.triage.submit'));
    text = await bodyText(oprIntake);
    assert.ok(text.includes(say('staff.referral.heading')), text);
    assert.ok(text.includes(referralReason));
    assert.ok(text.includes(say('staff.referral.state.sent')), text);
    assert.ok(!text.includes(say('staff.triage.submit')), 'no triage form once referred');

    // 3. The second office's intake officer accepts the referral, accepts the complaint at
    // triage and assigns its case to the investigator.
    const oigIntake = await signIn(members.oig_intake);
    await oigIntake.goto(`${baseUrl}/staff/queue?office=oig`);
    await open(oigIntake, say('staff.referrals.link'));
    text = await bodyText(oigIntake);
    assert.ok(text.includes(`${say('staff.referrals.title')}: Office of Inspector General`), text);
    assert.ok(text.includes(oprReference), `${oprReference} waits for an answer: ${text}`);
    assert.ok(text.includes('Office of Professional Responsibility'), 'it names who referred it');
    assert.ok(text.includes(referralReason), 'it says why');
    await screenshot(oigIntake, 'referrals');
    await open(oigIntake, oprReference);
    await oigIntake.check('input[name="answer"][value="accept"]');
    await press(oigIntake, say('staff.referral.submit'));
    text = await bodyText(oigIntake);
    assert.ok(text.includes(say('staff.referral.state.accepted')), text);
    assert.ok(text.includes('Office of Inspector General (oig)'), 'the OIG handles it now');
    // The same filing reached the OIG directly too: listed as a possible duplicate; and above
    // the triage form, what the routing rules propose.
    assert.ok(text.includes(say('staff.duplicates.heading')), text);
    assert.ok(text.includes(oigReference), `${oigReference} is listed as a possible duplicate`);
    assert.ok(text.includes(say('staff.duplicates.same_filing')), text);
    assert.ok(text.includes(say('staff.proposal.heading')), text);
    await oigIntake.check('input[name="action"][value="accept"]');
    await oigIntake.selectOption('#priority', 'high');
    await press(oigIntake, say('staff.triage.submit'));
    text = await bodyText(oigIntake);
    assert.ok(!text.includes(say('staff.triage.submit')), 'no triage form once accepted');
    const caseLink = oigIntake.locator('.case-link a');
    const caseId = (await caseLink.innerText()).match(/\d+$/)?.[0];
    assert.ok(caseId, `the complaint links to its case: ${text}`);
    await open(oigIntake, `${say('staff.complaint.case')} ${caseId}`);
    text = await bodyText(oigIntake);
    assert.ok(text.includes(`${say('staff.case.title')} ${caseId}`), text);
    assert.ok(text.includes(say('staff.case.not_assigned')), text);
    const investigatorOption = oigIntake.locator('#investigator option', { hasText: '(ivan)' });
    await oigIntake.selectOption('#investigator', await investigatorOption.getAttribute('value'));
    await press(oigIntake, say('staff.case.assign'));
    text = await bodyText(oigIntake);
    assert.ok(!text.includes(say('staff.case.not_assigned')), text);
    const facts = await oigIntake.locator('dl.complaint-facts').innerText();
    assert.match(facts, new RegExp(`${say('staff.case.investigator')}\\s+ivan`), facts);

    // 4. The investigator finds the case, writes a staff-only note, and a message to the
    // complainant from the complaint's page.
    const investigator = await signIn(members.oig_investigator);
    await open(investigator, say('staff.cases.link'));
    text = await bodyText(investigator);
    assert.ok(text.includes(oprReference), `the case is among the investigator's: ${text}`);
    assert.ok(text.includes(say('staff.case.state.open')), text);
    await open(investigator, caseId);
    await investigator.fill('#note_text', staffNote);
    await press(investigator, say('staff.case.save_note'));
    text = await bodyText(investigator);
    assert.ok(text.includes(staffNote), 'the note is on the case');
    assert.ok(!text.includes(say('staff.case.no_notes')));
    await open(investigator, oprReference);
    text = await bodyText(investigator);
    assert.ok(text.includes(say('staff.message.none')), text);
    await investigator.fill('#message_text', officeMessage);
    await press(investigator, say('staff.message.send'));
    text = await bodyText(investigator);
    assert.ok(text.includes(officeMessage), 'the message is on the complaint');
    assert.ok(text.includes(say('staff.message.kind.to_complainant')), text);

    // 5. The complainant reads the message, sees who handles the complaint now, and replies.
    text = await lookUp(oprReference, receipt);
    const handling = new RegExp(`${say('lookup.handling_office')}\\s+Office of Inspector General`);
    assert.match(text, handling, 'the OIG handles it now');
    assert.ok(text.includes(officeMessage), `the office's message is shown: ${text}`);
    assert.ok(text.includes(say('messages.from_office')), text);
    await complainant.fill('#f-reply', complainantReply);
    await press(complainant, say('reply.submit'));
    text = await bodyText(complainant);
    assert.ok(text.includes(say('reply.added')), text);
    assert.ok(text.includes(complainantReply), `the reply is shown: ${text}`);
    assert.ok(text.includes(say('messages.from_you')), text);
    assert.ok(text.includes(officeMessage));

    // 6. The investigator reads the reply, records the findings, and closes the case.
    await investigator.reload();
    text = await bodyText(investigator);
    assert.ok(text.includes(complainantReply), `the reply reaches the investigator: ${text}`);
    assert.ok(text.includes(say('staff.message.kind.from_complainant')), text);
    await open(investigator, `${say('staff.complaint.case')} ${caseId}`);
    const findings = investigator.locator('select[name="finding"]');
    assert.equal(await findings.count(), 1, 'one allegation: excessive force');
    text = await bodyText(investigator);
    assert.ok(text.includes(say('staff.case.no_findings')));
    assert.ok(text.includes('Excessive force'));
    await screenshot(investigator, 'case-findings');
    await findings.first().selectOption('sustained');
    await press(investigator, say('staff.case.record_findings'));
    text = await bodyText(investigator);
    assert.ok(text.includes(say('staff.case.state.findings')), text);
    assert.ok(text.includes(say('staff.finding.sustained')), text);
    await investigator.fill('#closure_text', closureText);
    await investigator.fill('#closure_remedy', remedy);
    await press(investigator, say('staff.case.close'));
    text = await bodyText(investigator);
    assert.ok(text.includes(say('staff.case.state.closed')), text);
    assert.ok(text.includes(closureText) && text.includes(remedy), text);
    const until = (await investigator.locator('dl.closure dd').last().innerText()).trim();
    assert.match(until, /^\d{4}-\d{2}-\d{2}$/, 'the case gives the last day to ask');
    assert.ok(until > new Date().toISOString().slice(0, 10), `${until} is still to come`);
    assert.equal(await investigator.locator('#closure_text').count(), 0, 'no closure form left');
    await screenshot(investigator, 'case-closed');

    // 7. The complainant reads the outcome: findings in plain words, the decision, the
    // remedy, and until when to ask for reconsideration.
    text = await lookUp(oprReference, receipt);
    assert.ok(text.includes(say('outcome.heading')), text);
    assert.ok(text.includes(`Excessive force: ${say('finding.sustained')}`), text);
    assert.ok(text.includes(closureText), text);
    assert.ok(text.includes(say('outcome.remedy')) && text.includes(remedy), text);
    assert.ok(text.includes(say('reconsider.heading')), text);
    const [lead, tail] = say('reconsider.open').split('{date}');
    const rest = text.slice(text.indexOf(lead) + lead.length);
    assert.ok(text.includes(lead) && rest.includes(tail),
      `the reconsideration path and its date: ${text}`);
    const date = rest.slice(0, rest.indexOf(tail)).replace(/[\u200e\u200f\u2066-\u2069]/g, '');
    assert.equal(date, until, 'the complainant is given the case\'s last day to ask');
    assert.equal(await complainant.locator('#f-reconsider').count(), 1, 'the form to ask');
    await screenshot(complainant, 'status-outcome');

    // The other office's complaint from the same filing has its own status, untouched.
    text = await lookUp(oigReference, receipt);
    assert.ok(!text.includes(officeMessage) && !text.includes(say('outcome.heading')), text);

    // The staff-only note reached no public page, nor the API's answer (which, unlike the
    // page, carries neither messages nor the outcome yet).
    const api = await fetch(`${baseUrl}/api/v1/status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reference: oprReference, receipt }),
    });
    assert.equal(api.status, 200);
    const apiAnswer = await api.text();
    const answered = JSON.parse(apiAnswer);
    assert.equal(answered.reference, oprReference, apiAnswer);
    assert.equal(answered.office, 'oig', apiAnswer);
    const shown = await Promise.all(publicPages);
    assert.ok(shown.length >= 8, `the complainant's pages were seen (${shown.length})`);
    assert.ok(shown.some((page) => page.includes(remedy)), 'the recorded pages hold the outcome');
    for (const page of [...shown, apiAnswer]) {
      assert.ok(!page.includes(staffNote) && !page.includes('camera 12'),
        'the staff-only note is on a public page');
    }

    // 8. The administrator adds a member for OIG in the console; the new member signs in with
    // the one-time set-up code, chooses their own password, and enrols a second factor.
    const admin = await signIn(members.administrator);
    await open(admin, say('staff.admin.users.link'));
    await admin.fill('#username', 'nora');
    await admin.fill('#display_name', 'Nora Vance');
    await admin.check('input[name="role"][value="investigator"]');
    await admin.check('input[name="office"][value="oig"]');
    await screenshot(admin, 'staff-accounts');
    await press(admin, say('staff.admin.create'));
    const setUpCode = (await admin.locator('.recovery-codes code').innerText()).trim();
    assert.match(setUpCode, /^[A-Z2-7]{5}(-[A-Z2-7]{5}){3}$/);
    const nora = await newPage();
    await nora.goto(`${baseUrl}/staff/sign-in`);
    await nora.fill('#username', 'nora');
    await nora.fill('#password', setUpCode.toLowerCase());
    await press(nora, say('staff.sign_in.submit'));
    assert.ok((await bodyText(nora)).includes(say('staff.choose_password.title')));
    await nora.fill('#password', 'amber lantern over the harbour');
    await nora.fill('#repeat', 'amber lantern over the harbour');
    await press(nora, say('staff.choose_password.submit'));
    assert.ok((await bodyText(nora)).includes(say('staff.enrol.title')), 'then the second factor');
    const noraSecret = (await nora.locator('.totp-secret').innerText()).trim();
    await nora.fill('#code', totp(noraSecret));
    await press(nora, say('staff.enrol.submit'));
    await open(nora, say('staff.recovery.continue'));
    assert.ok((await bodyText(nora)).includes('Nora Vance'));
    // The administrator sees her enrolled, and disables her account: she is signed out.
    await admin.goto(`${baseUrl}/staff/admin/users`);
    await open(admin, 'nora');
    assert.ok((await bodyText(admin)).includes(say('staff.admin.enrolled')));
    await press(admin, say('staff.admin.disable'));
    assert.ok((await bodyText(admin)).includes(say('staff.admin.disabled')));
    await nora.goto(`${baseUrl}/staff/`);
    assert.ok(nora.url().endsWith('/staff/sign-in'), nora.url());

    assert.deepEqual(elsewhere, [], 'no request leaves the server');
  });
