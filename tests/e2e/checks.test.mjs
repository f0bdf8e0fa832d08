// Conflict checks live in the editor: a clash made in the editor shows at once (count in the
// top bar, the panel, a marker on the session), going to the session opens it, fixing it
// clears the finding, and a dismissed warning stays dismissed after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, appReady, screen, part } from './browser.mjs';

let app;
before(async () => { app = await start(); mkdirSync('target/screenshots', { recursive: true }); });
after(async () => { await app?.stop(); });

const LAUNCH = 'Launch of the OAS report on R2P and atrocity prevention in the Americas';
const PANEL = 'Regional organizations and the implementation of R2P';
const CLASH = /Jared Genser is in two places at once/;
const GENDERING = /“Gendering R2P” \(16:15–17:30\) is a panel without a moderator or chair/;

async function sessionForm(page, title) {
  const form = page.getByRole('form', { name: `Session ${title}` });
  await form.waitFor();
  return form;
}

test('a person clash made in the editor is reported, leads to the session, and goes away when fixed', async () => {
  const { page, errors } = await app.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(app.url);
  await appReady(page);
  const status = page.getByRole('button', { name: /^Checks:/ });
  await page.getByRole('button', { name: 'Checks: 5 warnings', exact: true }).waitFor(); // the checks follow the paint

  await screen(page, 'Edit');
  await part(page, 'Checks');
  const open = page.getByRole('list', { name: 'Open findings' });
  await open.waitFor();
  assert.equal(await open.getByRole('listitem').count(), 5);

  // Move the report launch (Room 2) to 10:00–10:30 and add Jared Genser, who is on the
  // 10:00 panel in another room.
  await part(page, 'Sessions');
  await page.getByRole('button', { name: `Edit ${LAUNCH}` }).click();
  let form = await sessionForm(page, LAUNCH);
  await form.getByLabel('Starts', { exact: true }).fill('10:00');
  await form.getByLabel('Ends', { exact: true }).fill('10:30');
  await form.getByLabel('As', { exact: true }).selectOption({ label: 'Speaker' });
  await form.getByLabel('Status', { exact: true }).selectOption({ label: 'Confirmed' });
  await form.getByRole('combobox', { name: 'Add person' }).fill('Genser');
  await form.getByRole('option', { name: /Jared Genser/ }).click();

  // The open form lists the problem, the other session's row carries a marker, and the
  // count in the top bar says so.
  await form.getByRole('list', { name: 'Problems found by the checks' }).filter({ hasText: CLASH }).waitFor();
  const panelRow = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: `Edit ${PANEL}` }) });
  assert.match(await panelRow.innerText(), /1 error/);
  await page.getByRole('button', { name: 'Checks: 1 error · 5 warnings', exact: true }).waitFor(); // the checks follow the paint
  await status.click();
  const clash = open.getByRole('listitem').filter({ hasText: CLASH });
  await clash.waitFor();
  assert.match(await clash.innerText(), /Error/);
  await page.screenshot({ path: 'target/screenshots/checks-clash-1280.png', fullPage: false });

  // Going to the other session opens its form and puts the focus in it.
  await clash.getByRole('button', { name: `Go to session “${PANEL}”` }).click();
  form = await sessionForm(page, PANEL);
  assert.equal(await form.evaluate((f) => f.contains(document.activeElement)), true);

  // Fix it: the launch back to 13:45–14:15.
  await status.click();
  await open.getByRole('listitem').filter({ hasText: CLASH })
    .getByRole('button', { name: `Go to session “${LAUNCH}”` }).click();
  form = await sessionForm(page, LAUNCH);
  await form.getByLabel('Starts', { exact: true }).fill('13:45');
  await form.getByLabel('Ends', { exact: true }).fill('14:15');
  await form.getByRole('button', { name: 'Save session' }).click();
  await page.getByRole('button', { name: 'Checks: 5 warnings' }).waitFor();
  await status.click();
  await open.waitFor();
  assert.equal(await open.getByRole('listitem').filter({ hasText: CLASH }).count(), 0);
  assert.deepEqual(errors, []);
});

test('a dismissed warning stays dismissed after a reload and can be shown again', async () => {
  const { page, errors } = await app.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(app.url);
  await appReady(page);
  // The count in the top bar opens the panel.
  await page.getByRole('button', { name: /^Checks:/ }).click();
  const open = page.getByRole('list', { name: 'Open findings' });
  await open.waitFor();
  await open.getByRole('button', { name: GENDERING }).and(page.getByRole('button', { name: /^Dismiss:/ })).click();
  await open.getByRole('listitem').filter({ hasText: GENDERING }).waitFor({ state: 'detached' });
  const status = page.getByRole('button', { name: /^Checks:/ });
  await page.getByRole('button', { name: 'Checks: 4 warnings', exact: true }).waitFor(); // the checks follow the paint

  await page.reload();
  await appReady(page);
  await page.getByRole('button', { name: 'Checks: 4 warnings', exact: true }).waitFor(); // the checks follow the paint
  await status.click();
  await page.getByText('Dismissed as intended (1)').click();
  const dismissed = page.getByRole('list', { name: 'Dismissed findings' });
  await dismissed.getByRole('listitem').filter({ hasText: GENDERING }).waitFor();
  await page.screenshot({ path: 'target/screenshots/checks-panel-1280.png', fullPage: false });

  await dismissed.getByRole('button', { name: /^Show again:/ }).click();
  await open.getByRole('listitem').filter({ hasText: GENDERING }).waitFor();
  await page.getByRole('button', { name: 'Checks: 5 warnings', exact: true }).waitFor(); // the checks follow the paint
  assert.deepEqual(errors, []);
});

test('the checks panel fits a phone screen', async () => {
  const { page } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(app.url);
  await appReady(page);
  await page.getByRole('button', { name: /^Checks:/ }).click();
  await page.getByRole('list', { name: 'Open findings' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  await page.screenshot({ path: 'target/screenshots/checks-panel-390.png', fullPage: false });
});
