// Several meetings in one browser: create, switch, rename, duplicate for next year, delete
// after asking; save as a file and open files, a malformed one refused with nothing changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { start, appReady, screen, part } from './browser.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });

const entries = (page) => page.getByRole('form', { name: /^Meeting / });
async function meetingsScreen(page) {
  await screen(page, 'Meetings');
  await page.getByRole('heading', { level: 1, name: 'Meetings in this browser' }).waitFor();
}

test('meetings are created, switched, renamed, duplicated for next year and deleted after asking', async () => {
  const { page, context, errors } = await app.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(app.url);
  await appReady(page);
  await meetingsScreen(page);
  assert.equal(await entries(page).count(), 1);

  await page.getByRole('button', { name: 'Create a new meeting' }).click();
  await page.getByRole('form', { name: 'Meeting Untitled meeting' }).waitFor();
  assert.equal(await entries(page).count(), 2);
  const blank = page.getByRole('form', { name: 'Meeting Untitled meeting' });
  await blank.getByLabel('Title', { exact: true }).fill('Regional consultation');
  await blank.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('form', { name: 'Meeting Regional consultation' }).getByText('Open now').waitFor();

  // Back to the sample, then a copy for next year's edition.
  const sample = page.getByRole('form', { name: 'Meeting Global Network of R2P Focal Points' });
  await sample.getByRole('button', { name: 'Open' }).click();
  await sample.getByText('Open now').waitFor();
  await sample.getByLabel('Move dates by (days)').fill('364');
  await sample.getByRole('button', { name: 'Duplicate' }).click();
  await page.getByText('14–15 September 2023').waitFor();
  assert.equal(await entries(page).count(), 3);
  await screen(page, 'Programme');
  await page.getByRole('tab', { name: /Thu 14 Sep/ }).waitFor();
  const stored = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => /^agenda-planner\.meeting(\.\d+)?$/.test(k)).map(([, v]) => JSON.parse(v).meeting));
  const copy = stored.find((m) => m.days[0].date === '2023-09-14');
  assert.ok(copy.sessions.flatMap((s) => s.participants).every((p) => p.status === 'invited'), 'confirmations reset');

  // Delete asks first.
  await meetingsScreen(page);
  const consultation = page.getByRole('form', { name: 'Meeting Regional consultation' });
  await consultation.getByRole('button', { name: 'Delete' }).click();
  await consultation.getByRole('button', { name: 'Keep it' }).click();
  assert.equal(await entries(page).count(), 3);
  await consultation.getByRole('button', { name: 'Delete' }).click();
  await consultation.getByRole('group', { name: 'Confirm deleting the meeting' }).getByText('This cannot be undone.').waitFor();
  await consultation.getByRole('button', { name: 'Delete for good' }).click();
  await page.getByRole('form', { name: 'Meeting Regional consultation' }).waitFor({ state: 'detached' });
  assert.equal(await entries(page).count(), 2);

  await page.reload();
  await meetingsScreen(page);
  assert.equal(await entries(page).count(), 2);
  await page.getByRole('form', { name: 'Meeting Global Network of R2P Focal Points' }).first().waitFor();
  await page.screenshot({ path: 'target/screenshots/meetings-1280.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a malformed file is refused with a message and nothing stored changes; a good one opens as a new meeting', async () => {
  const { page, context } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(app.url);
  await appReady(page);
  await meetingsScreen(page);
  await page.getByRole('form', { name: 'Meeting Global Network of R2P Focal Points' }).getByText('Open now').waitFor();
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const input = page.getByLabel('Import a file…');
  for (const [name, text, says] of [
    ['broken.json', '{"format":"agenda-planner","version":1,"meeting":{', 'is not valid JSON'],
    ['future.json', '{"format":"agenda-planner","version":3,"meeting":{}}', 'newer version'],
    ['schedule.json', '{"schedule":{"version":"1"}}', 'has no “schedule” with a “conference”'],
    ['notes.txt', 'Dear all, the agenda follows.', 'not a schedule the planner knows'],
  ]) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    const alert = page.getByRole('alert').filter({ hasText: `“${name}” cannot be opened` });
    await alert.waitFor();
    assert.match(await alert.innerText(), new RegExp(says));
    assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), before, `${name}: nothing stored changed`);
  }
  await page.screenshot({ path: 'target/screenshots/meetings-390.png', fullPage: true });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing overflows sideways');
  const good = execFileSync('cargo', ['run', '-q', '--bin', 'agenda', '--', 'sample'], { encoding: 'utf8' });
  await input.setInputFiles({ name: 'r2p.json', mimeType: 'application/json', buffer: Buffer.from(good) });
  await page.getByText('Opened “r2p.json” as a new meeting.').waitFor();
  assert.equal(await entries(page).count(), 2);
  await context.close();
});
