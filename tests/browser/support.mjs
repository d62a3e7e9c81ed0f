// What the browser tests share: the .po catalogues, a `redress serve` of their own, and
// Debian's Chromium. Not a test itself (its name matches none of node --test's patterns).

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const shareDir = path.resolve(here, '../../share');
export const chromiumPath = '/usr/bin/chromium';
export const referencePattern = /(OPR|OIG)-\d{4}-\d{6}/g;
export const receiptPattern = /[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){4}/;

// The texts of a language's catalogues, read from the .po files so that a test checks
// what a user reads without copying the wording: msgid → msgstr, and for plural messages
// msgid → [msgstr[0], msgstr[1], ...]. The map's `language` names the language in English.
export function catalogue(language) {
  const messages = new Map();
  messages.language = new Intl.DisplayNames(['en'], { type: 'language' }).of(language);
  const folder = path.join(shareDir, 'locale', language);
  const unquote = (line) =>
    JSON.parse(line.slice(line.indexOf('"'), line.lastIndexOf('"') + 1));
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.po'))) {
    let id = null;
    let text = null;
    let forms = null;
    let current = null;
    const flush = () => {
      if (id) messages.set(id, forms ?? text ?? '');
      id = text = forms = current = null;
    };
    for (const line of readFileSync(path.join(folder, file), 'utf8').split('\n')) {
      const form = line.match(/^msgstr\[(\d)\] /);
      if (line.startsWith('msgid ')) {
        flush();
        id = unquote(line);
        current = 'id';
      } else if (line.startsWith('msgid_plural ')) {
        forms = [];
        current = 'plural';
      } else if (form) {
        forms[Number(form[1])] = unquote(line);
        current = 'form';
      } else if (line.startsWith('msgstr ')) {
        text = unquote(line);
        current = 'text';
      } else if (line.startsWith('"') && current) {
        if (current === 'id') id += unquote(line);
        else if (current === 'text') text += unquote(line);
        else if (current === 'form') forms[forms.length - 1] += unquote(line);
      } else if (current === 'text' || current === 'form') {
        flush();
      }
    }
    flush();
  }
  return messages;
}

// The text of `key` in a catalogue from catalogue(); a missing key fails the test.
export function message(messages, key) {
  assert.ok(messages.has(key), `the ${messages.language} catalogue has no ${key}`);
  return messages.get(key);
}

// Starts `redress serve` on a free port in its own data folder, with `options` (more of the
// command line's options) after the folder and `environment` (variables such as
// REDRESS_STORAGE_DATABASE) added to the test's own; `ready` resolves with its URL.
export function startServer(dataDir, options = [], environment = {}) {
  const binary = process.env.REDRESS_BINARY;
  assert.ok(binary, 'REDRESS_BINARY must name the redress executable');
  assert.ok(existsSync(binary), `no redress executable at ${binary}`);
  const child = spawn(binary, ['serve', '--listen', '127.0.0.1:0', '--data', dataDir, ...options], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...environment },
  });
  let log = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redress did not start:\n${log}`)), 20000);
    const read = (chunk) => {
      log += chunk.toString();
      const match = log.match(/serving on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redress exited with ${code}:\n${log}`));
    });
  });
  return { child, ready, log: () => log };
}

// Stops a server from startServer by SIGTERM (its own PID) and waits until it has exited.
export async function stopServer(server) {
  if (server && server.child.exitCode === null) {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }
}

// Debian's Chromium, headless, with nothing that would reach beyond the test's server.
export async function launchChromium() {
  assert.ok(existsSync(chromiumPath),
    `Chromium is required at ${chromiumPath} (apt install chromium)`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// What the confirmation page on `page` gives the complainant: its text, the references (each
// once) and the receipt as a person copies it (the receipt box's groups joined by dashes).
export async function confirmationOf(page) {
  const text = await page.locator('body').innerText();
  const references = [...new Set(text.match(referencePattern) ?? [])];
  const receipt = (await page.locator('.receipt').innerText()).replace(/\s+/g, '')
    .match(receiptPattern)?.[0];
  assert.ok(receipt, 'the confirmation shows the receipt');
  return { text, references, receipt };
}
