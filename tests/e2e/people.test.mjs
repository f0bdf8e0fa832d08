// The People part: a compact table sorted by any column, filtered, with a bulk change of
// invitation status undone in one step, a person opened beside it (their sessions by day,
// time and role) and closed with Escape, the focus back on their row; and every part of Edit
// for the sample fits in two screens at 1280 × 800 (the timetable's grid aside).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, part } from './browser.mjs';

let app;
before(async () => { app = await start(); mkdirSync('target/screenshots', { recursive: true }); });
after(async () => { await app?.stop(); });

test('people are sorted by a column, filtered, marked confirmed in bulk with Undo, and opened beside the table', async () => {
  const { page, context, errors } = await app.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${app.url}#/edit/people`);
  const table = page.getByRole('table', { name: 'People of the meeting' });
  await table.getByRole('rowheader').first().waitFor();
  const names = () => table.getByRole('rowheader').allInnerTexts();
  const byName = await names();
  assert.equal(byName.length, 20);
  assert.deepEqual(byName, [...byName].sort((a, b) => a.localeCompare(b)), 'family names A–Z at first');
  const nameHeading = table.getByRole('columnheader', { name: /^Name/ });
  assert.equal(await nameHeading.getAttribute('aria-sort'), 'ascending');
  await nameHeading.getByRole('button').click();
  assert.deepEqual(await names(), [...byName].reverse(), 'a second click sorts the other way');
  assert.equal(await nameHeading.getAttribute('aria-sort'), 'descending');
  await table.getByRole('columnheader', { name: 'Organization' }).getByRole('button').click();
  const orgs = await table.locator('tbody tr td:nth-child(3)').allInnerTexts();
  assert.deepEqual(orgs, [...orgs].sort(), 'by organization');

  // Everyone's invitations back to invited, then Naomi Kikoler's confirmed.
  await table.getByRole('checkbox', { name: 'Select everyone the filters keep' }).check();
  const bulk = page.getByRole('group', { name: 'Invitations of the people selected' });
  await bulk.getByLabel('Marked').selectOption({ label: 'Confirmed' });
  await bulk.getByLabel('Become').selectOption({ label: 'Invited' });
  await bulk.getByRole('button', { name: 'Change status' }).click();
  const notice = page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Undo' }) });
  await notice.getByText(/^\d+ invitations marked invited\.$/).waitFor();
  await table.getByRole('checkbox', { name: 'Select everyone the filters keep' }).uncheck();
  await page.getByRole('checkbox', { name: 'Not yet confirmed only' }).check();
  await page.getByRole('status').filter({ hasText: /^20 people$/ }).waitFor();
  await table.getByRole('checkbox', { name: 'Select Kikoler, Ms Naomi' }).check();
  await bulk.getByLabel('Marked').selectOption({ label: 'Invited' });
  await bulk.getByLabel('Become').selectOption({ label: 'Confirmed' });
  await bulk.getByRole('button', { name: 'Change status' }).click();
  await notice.getByText('1 invitation marked confirmed.').waitFor();
  await page.getByRole('status').filter({ hasText: /^19 of 20 people/ }).waitFor();
  assert.ok(!(await names()).includes('Kikoler, Ms Naomi'), 'confirmed: no longer kept by the filter');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('status').filter({ hasText: /^20 people/ }).waitFor();
  await page.getByRole('checkbox', { name: 'Not yet confirmed only' }).uncheck();

  // A category filter, then a person opened beside the table and closed with Escape.
  await page.getByLabel('Category').selectOption({ label: 'Civil society' });
  assert.ok((await names()).includes('Kikoler, Ms Naomi'));
  const row = table.getByRole('button', { name: 'Edit Kikoler, Ms Naomi' });
  await row.click();
  const panel = page.getByRole('complementary', { name: 'The person open' });
  const form = panel.getByRole('form', { name: 'Person Naomi Kikoler' });
  await form.waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('form')?.getAttribute('aria-label') === 'Person Naomi Kikoler');
  const sessions = await form.getByRole('list', { name: 'Sessions' }).innerText();
  assert.match(sessions, /^Thu 15 Sep, 14:30–16:00 · The role of civil society in mobilizing action to uphold R2P · Panelist$/);
  await page.screenshot({ path: 'target/screenshots/people-panel-1280.png' });
  await form.getByLabel('Position').fill('Director, Simon Skjodt Center');
  await form.getByRole('button', { name: 'Save' }).click();
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('person-row-'));
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Edit Kikoler, Ms Naomi');
  assert.deepEqual(errors, []);
  await context.close();
});

test('no planning part of Edit for the sample is taller than two screens at 1280 × 800, the grid aside', async () => {
  const { page, context } = await app.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${app.url}#/edit`);
  await page.getByRole('heading', { level: 2, name: 'Timetable' }).waitFor();
  const heights = {};
  for (const name of ['Timetable', 'Sessions', 'People', 'Setup', 'Outcomes', 'Checks']) {
    await part(page, name);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await page.waitForTimeout(100);
    // The timetable's grid scrolls inside itself; its page is measured as it is.
    heights[name] = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: `target/screenshots/part-${name.toLowerCase()}-1280x800.png`, fullPage: true });
  }
  const tall = Object.entries(heights).filter(([, h]) => h > 1600);
  assert.deepEqual(tall, [], `taller than 1,600 px: ${JSON.stringify(heights)}`);
  await context.close();
});
