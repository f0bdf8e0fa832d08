// Two organizers on one shared meeting through the real sync server (sync/server.mjs on a
// free port, reached at /sync of the app's address): an edit in one appears in the other, a
// co-organizer is shown as here, and edits made while one is offline are all there after.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, appReady, renameMeeting, screen, part } from './browser.mjs';
import { startSync } from '../support/sync.mjs';

let app;
let sync;
const data = mkdtempSync(join(tmpdir(), 'agenda-live-'));
before(async () => {
  sync = await startSync(data);
  app = await start({}, { sync: sync.port });
});
after(async () => {
  await app?.stop();
  await sync?.stop();
  rmSync(data, { recursive: true, force: true });
});

const title = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 15000 });
const rooms = async (page) => (await page.getByRole('form', { name: /^Room / }).evaluateAll((fs) => fs.map((f) => f.getAttribute('aria-label').slice(5)))).sort();
const addRoom = async (page, name) => {
  const form = page.getByRole('form', { name: 'New room' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByRole('button', { name: 'Add room' }).click();
  await page.getByRole('form', { name: `Room ${name}` }).waitFor();
};

test('two organizers on a shared meeting see each other and each other\'s edits, also after one was offline', async () => {
  const a = await app.newPage();
  await a.page.goto(app.url);
  await appReady(a.page);
  await renameMeeting(a.page, 'Planned together');
  await title(a.page, 'Planned together');
  await screen(a.page, 'Export');
  await a.page.getByRole('button', { name: 'Invite co-organizers' }).click();
  const link = await a.page.getByLabel('Edit link').inputValue();
  assert.match(link, /#join=m-[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
  await a.page.getByRole('status').filter({ hasText: 'Shared · live' }).waitFor();

  // A second organizer, in a browser of their own, opens the edit link.
  const b = await app.newPage();
  await b.page.goto(link);
  await title(b.page, 'Planned together');
  await b.page.getByRole('status').filter({ hasText: 'Shared · live' }).waitFor();
  await a.page.getByRole('status').filter({ hasText: '1 other organizer here' }).waitFor();

  // An edit in one appears in the other, both ways.
  await screen(a.page, 'Programme');
  await renameMeeting(b.page, 'Planned by two');
  await title(a.page, 'Planned by two');
  await renameMeeting(a.page, 'Planned by two, live');
  await title(b.page, 'Planned by two, live');

  // Both on the Setup part; B goes offline, both add rooms, B comes back.
  for (const p of [a.page, b.page]) {
    await screen(p, 'Edit');
    await part(p, 'Setup');
    await p.getByRole('form', { name: 'New room' }).waitFor();
  }
  await b.context.setOffline(true);
  await b.page.getByRole('status').filter({ hasText: 'Offline — changes will sync' }).waitFor();
  for (let i = 1; i <= 3; i++) {
    await addRoom(b.page, `Offline ${i}`);
    await addRoom(a.page, `Online ${i}`);
  }
  await b.context.setOffline(false);
  for (const p of [a.page, b.page]) {
    for (let i = 1; i <= 3; i++) {
      await p.getByRole('form', { name: `Room Offline ${i}` }).waitFor({ timeout: 40000 });
      await p.getByRole('form', { name: `Room Online ${i}` }).waitFor({ timeout: 40000 });
    }
  }
  assert.deepEqual(await rooms(a.page), await rooms(b.page));
  // B's copy is kept in its browser: after a reload it is all there.
  await b.page.reload();
  await b.page.getByRole('form', { name: 'Room Online 3' }).waitFor();
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context.close();
  await b.context.close();
});
