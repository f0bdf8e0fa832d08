// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, and the
// release build served on a free loopback port.
import { chromium } from 'playwright-core';
import { serve } from '../support/server.mjs';

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server and a browser with a fresh profile. `extra`: further files to serve. */
export async function start(extra = {}, options = {}) {
  const server = await serve('dist', extra, options);
  // launch() gives every run a new, empty profile of its own.
  const plain = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: FLAGS,
  });
  // Every page runs under the apps' Content-Security-Policy (the server sends it); any
  // violation, in any page or frame, fails the test file when it stops.
  const violations = [];
  return {
    url: server.url,
    violations,
    /** Serves another build from now on (`serve`'s `setRoot`). */
    setRoot: server.setRoot,
    /** A new page in its own context: its own, empty localStorage. */
    async newPage(options = {}) {
      const context = await plain.newContext(options);
      await context.exposeBinding('agendaCspViolation', ({ frame }, v) => violations.push({ page: frame.url().slice(0, 120), ...v }));
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          window.agendaCspViolation({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
        });
      });
      const page = await context.newPage();
      const errors = [];
      page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
      page.on('pageerror', (err) => errors.push(String(err)));
      return { page, context, errors };
    },
    async stop() {
      await plain.close();
      await server.close();
      if (violations.length) {
        throw new Error(`Content-Security-Policy violations:\n${violations.map((v) => JSON.stringify(v)).join('\n')}`);
      }
    },
  };
}

/**
 * Waits until the app has mounted: the meeting's title is on screen and the page's first
 * drawing (`#shell`, which may show the same title before the code runs) is gone.
 */
export async function appReady(page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.locator('#shell').waitFor({ state: 'detached' });
}

/** Renames the open meeting with the Programme screen's form (the caller waits for the outcome). */
export async function renameMeeting(page, title) {
  await page.getByText('Rename meeting').click();
  await page.getByLabel('Meeting title').fill(title);
  await page.getByRole('button', { name: 'Save title' }).click();
}

/** Goes to a screen of the planner by its link in the top bar ("Programme", "Edit", …). */
export async function screen(page, name) {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name, exact: true }).click();
}

/** Goes to a part of the Edit screen ("Sessions", "People", "Setup", "Checks"). */
export async function part(page, name) {
  await page.getByRole('navigation', { name: 'Parts of the meeting' }).getByRole('link', { name, exact: true }).click();
}

/**
 * Two pages of one browser on the Setup part of the Edit screen, both starting from the same
 * stored meeting (saved once first); console errors of both go into `errors`. `app`: `start()`'s.
 */
export async function twoPagesOnSetup(app) {
  const { page: a, context, errors } = await app.newPage();
  await a.goto(app.url);
  await appReady(a);
  await renameMeeting(a, 'Shared meeting');
  await a.getByText('Saved in this browser').waitFor();
  const b = await context.newPage();
  b.on('pageerror', (err) => errors.push(String(err)));
  b.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  await b.goto(app.url);
  await b.getByRole('heading', { level: 1, name: 'Shared meeting' }).waitFor();
  for (const page of [a, b]) {
    await screen(page, 'Edit');
    await page.getByRole('heading', { level: 1, name: 'Edit the meeting' }).waitFor();
    await part(page, 'Setup');
    await page.getByRole('form', { name: 'New room' }).waitFor();
  }
  return { a, b, context, errors };
}
