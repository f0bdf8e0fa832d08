// Two tabs on the same meeting: interleaved edits from both end with every edit present, and
// each tab shows what the other saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, appReady, screen, part } from './browser.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });

test('two pages making 100 interleaved edits end with every edit present', async () => {
  const { page: a, context, errors } = await app.newPage();
  await a.goto(app.url);
  await appReady(a);
  // Save once so both pages start from the same stored meeting.
  await a.getByText('Rename meeting').click();
  await a.getByLabel('Meeting title').fill('Shared meeting');
  await a.getByRole('button', { name: 'Save title' }).click();
  await a.getByText('Saved in this browser').waitFor();
  const b = await context.newPage();
  b.on('pageerror', (err) => errors.push(String(err)));
  await b.goto(app.url);
  await b.getByRole('heading', { level: 1, name: 'Shared meeting' }).waitFor();
  for (const page of [a, b]) {
    await screen(page, 'Edit');
    await page.getByRole('heading', { level: 1, name: 'Edit the meeting' }).waitFor();
    await part(page, 'Setup');
  }
  const addRoom = async (page, name) => {
    const form = page.getByRole('form', { name: 'New room' });
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByRole('button', { name: 'Add room' }).click();
    await page.getByRole('form', { name: `Room ${name}` }).waitFor();
  };
  for (let i = 1; i <= 50; i++) {
    await addRoom(a, `A${i}`);
    await addRoom(b, `B${i}`);
  }
  const expected = ['Hall of the Americas', 'Simón Bolívar Room', 'Patio Azteca'];
  for (let i = 1; i <= 50; i++) expected.push(`A${i}`, `B${i}`);
  const rooms = async (page) => (await page.getByRole('form', { name: /^Room / }).evaluateAll((fs) => fs.map((f) => f.getAttribute('aria-label').slice(5)))).sort();
  // The last save was b's; a learns of it.
  await a.getByRole('form', { name: 'Room B50' }).waitFor();
  assert.deepEqual(await rooms(a), [...expected].sort());
  assert.deepEqual(await rooms(b), [...expected].sort());
  await a.getByText('Updated with changes saved in another tab.').waitFor();
  await a.reload();
  await a.getByRole('form', { name: 'Room B50' }).waitFor();
  assert.deepEqual(await rooms(a), [...expected].sort());
  assert.deepEqual(errors, []);
  await context.close();
});
