// Nothing lost, nothing hangs: unreadable stored data that cannot be backed up blocks only its
// own meeting; backups are made once and listed; a form left open while another tab saves is
// refused where it would overwrite; a link that would inflate to millions of characters is
// refused; a link whose "+" became spaces opens; text with direction overrides stays in its
// place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { start, appReady, renameMeeting, screen, twoPagesOnSetup } from './browser.mjs';

const KEY = 'agenda-planner.meeting';
let app;
let sample;
before(async () => {
  sample = execFileSync('cargo', ['run', '-q', '--bin', 'agenda', '--', 'sample'], { encoding: 'utf8' });
  app = await start();
});
after(async () => { await app?.stop(); });

const backups = (page) => page.evaluate((k) => Object.keys(localStorage).filter((key) => key.startsWith(`${k}.backup-`)), KEY);

async function meetingsScreen(page) {
  await screen(page, 'Meetings');
  await page.getByRole('heading', { level: 1, name: 'Meetings in this browser' }).waitFor();
}

async function importFile(page, name, text) {
  await meetingsScreen(page);
  await page.getByLabel('Import a file…').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByText(`Opened “${name}” as a new meeting.`).waitFor();
}

test('a 4 MB unreadable value that cannot be backed up blocks only its own meeting: an imported one saves and survives a reload', async () => {
  const { page, context, errors } = await app.newPage({ acceptDownloads: true });
  await page.goto(app.url);
  await appReady(page);
  // 8 MB of the browser's 10 MB for the site: no room for a copy of it.
  const damaged = `{"format":"agenda-planner","version":2,"meeting":${'x'.repeat(4_000_000)}`;
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, damaged]);
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'could not be opened' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /could not be backed up/);

  // An edit of the meeting shown in its place is not saved over it, and says so at once,
  // with the way out.
  await renameMeeting(page, 'Edited over the damage');
  const unsaved = page.getByRole('alert').filter({ hasText: 'not saved in this browser' });
  await unsaved.waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), unsaved.getByRole('button', { name: 'Save as file' }).click()]);
  assert.equal(JSON.parse(readFileSync(await file.path(), 'utf8')).meeting.title, 'Edited over the damage');

  // Another meeting, imported: its own slot, saved as usual.
  await importFile(page, 'r2p.json', sample);
  await screen(page, 'Programme');
  await renameMeeting(page, 'Imported after the damage');
  await page.getByText('Saved in this browser').waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Imported after the damage' }).waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), damaged, 'the damaged text is untouched');
  assert.deepEqual(errors.filter((e) => !/quota|QuotaExceeded/i.test(e)), []);
  await context.close();
});

test('five reloads of unreadable data write one backup, listed on the Meetings screen to download or delete', async () => {
  const { page, context } = await app.newPage({ acceptDownloads: true, viewport: { width: 390, height: 844 } });
  await page.goto(app.url);
  await appReady(page);
  const damaged = '{"format":"agenda-planner","version":2,"meeting":{"title":';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, damaged]);
  for (let i = 0; i < 5; i++) {
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'could not be opened' }).waitFor();
  }
  assert.equal((await backups(page)).length, 1);

  // A second meeting whose text is damaged too: the library says why and offers its text.
  await page.evaluate((k) => localStorage.setItem(`${k}.7`, '{"format":"agenda-planner","version":2,"meeting":[]}'), KEY);
  await meetingsScreen(page);
  const entry = page.getByRole('form', { name: 'Meeting Unreadable meeting 7' });
  await entry.getByText(/cannot be opened/).waitFor();
  const [text] = await Promise.all([page.waitForEvent('download'), entry.getByRole('button', { name: 'Download its text' }).click()]);
  assert.equal(readFileSync(await text.path(), 'utf8'), '{"format":"agenda-planner","version":2,"meeting":[]}');

  const list = page.getByRole('region', { name: 'Backups of unreadable data' });
  const backup = list.getByRole('group', { name: /^Backup agenda-planner-backup-/ });
  assert.equal(await backup.count(), 1);
  await page.screenshot({ path: 'target/screenshots/backups-390.png', fullPage: true });
  const [file] = await Promise.all([page.waitForEvent('download'), backup.getByRole('button', { name: 'Download' }).click()]);
  assert.equal(readFileSync(await file.path(), 'utf8'), damaged);
  await backup.getByRole('button', { name: 'Delete' }).click();
  await backup.getByRole('group', { name: 'Confirm deleting the backup' }).getByRole('button', { name: 'Delete for good' }).click();
  await list.waitFor({ state: 'detached' });
  assert.deepEqual(await backups(page), []);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), damaged, 'the meeting key itself stays');
  await context.close();
});

const storedRoom = (page, id) => page.evaluate(([k, id]) => JSON.parse(localStorage.getItem(k)).meeting.rooms.find((r) => r.id === id), [KEY, id]);

test('a form left open while another tab saves: its untouched fields follow, a field both changed is refused with its name', async () => {
  const { a, b, context, errors } = await twoPagesOnSetup(app);
  for (const page of [a, b]) await page.getByRole('form', { name: 'Room Patio Azteca' }).waitFor();
  const id = (await a.evaluate((k) => JSON.parse(localStorage.getItem(k)).meeting.rooms.find((r) => r.name === 'Patio Azteca').id, KEY));

  // A changes the capacity; meanwhile B renames the room. Both changes stay.
  const formA = a.getByRole('form', { name: /^Room Patio/ });
  await formA.getByLabel('Capacity').fill('250');
  const formB = b.getByRole('form', { name: 'Room Patio Azteca' });
  await formB.getByLabel('Name', { exact: true }).fill('Patio renamed in B');
  await formB.getByRole('button', { name: 'Save' }).click();
  await b.getByRole('form', { name: 'Room Patio renamed in B' }).waitFor();
  await formA.getByRole('button', { name: 'Save' }).click();
  await a.getByRole('form', { name: 'Room Patio renamed in B' }).getByLabel('Capacity').waitFor();
  await a.waitForFunction(([k, id]) => JSON.parse(localStorage.getItem(k)).meeting.rooms.find((r) => r.id === id).capacity === 250, [KEY, id]);
  assert.equal((await storedRoom(a, id)).name, 'Patio renamed in B');

  // Now both change the name: B saves first; A's change is refused, naming the field.
  const again = a.getByRole('form', { name: 'Room Patio renamed in B' });
  await again.getByLabel('Name', { exact: true }).fill('Patio from A');
  const formB2 = b.getByRole('form', { name: 'Room Patio renamed in B' });
  await formB2.getByLabel('Name', { exact: true }).fill('Patio from B');
  await formB2.getByRole('button', { name: 'Save' }).click();
  await b.getByRole('form', { name: 'Room Patio from B' }).waitFor();
  await a.getByRole('form', { name: 'Room Patio from B' }).waitFor();
  const stale = a.getByRole('form', { name: 'Room Patio from B' });
  await stale.getByRole('button', { name: 'Save' }).click();
  const refusal = stale.getByText(/another tab changed the name \(now “Patio from B”\)/);
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /not saved/);
  assert.equal((await storedRoom(a, id)).name, 'Patio from B', 'the other tab’s change stays');
  assert.equal(await stale.getByLabel('Name', { exact: true }).inputValue(), 'Patio from A', 'the form keeps what was typed');
  // Saving again, knowingly, puts it in place.
  await stale.getByRole('button', { name: 'Save' }).click();
  await a.getByRole('form', { name: 'Room Patio from A' }).waitFor();
  await a.waitForFunction(([k, id]) => JSON.parse(localStorage.getItem(k)).meeting.rooms.find((r) => r.id === id).name === 'Patio from A', [KEY, id]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an old link that would inflate to 20 million characters is refused with a message, and the page stays usable', async () => {
  const bomb = readFileSync('tests/fixtures/lz-bomb.txt', 'utf8').trim();
  const { page, errors } = await app.newPage({ viewport: { width: 390, height: 844 } });
  const started = Date.now();
  await page.goto(`${app.url}view/#share=${bomb}`);
  await page.getByRole('heading', { level: 1, name: 'This schedule link cannot be opened' }).waitFor();
  const took = Date.now() - started;
  assert.match(await page.getByRole('alert').innerText(), /larger than any meeting/);
  console.log(`a ${bomb.length}-character old link refused after ${took} ms (load included)`);
  // A new link whose zlib data inflates past the limit is refused too.
  const { deflateSync } = await import('node:zlib');
  const big = deflateSync(Buffer.from(`{"format":"agenda-planner-published","title":"${'x'.repeat(70 * 1024 * 1024)}"}`), { level: 9 });
  const data = big.toString('base64').replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
  await page.goto('about:blank');
  await page.goto(`${app.url}view/#s=${data}`);
  await page.getByRole('heading', { level: 1, name: 'This schedule link cannot be opened' }).waitFor();
  assert.match(await page.getByRole('alert').innerText(), /larger than any meeting/);
  assert.deepEqual(errors, []);
});

test('a link whose "+" became spaces (or %20) on the way opens', async () => {
  const old = readFileSync('tests/fixtures/share-link-lz.txt', 'utf8').trim();
  assert.ok(old.includes('+'), 'the fixture has a "+" to lose');
  const { page, errors } = await app.newPage({ viewport: { width: 390, height: 844 } });
  for (const changed of [old.replaceAll('+', ' '), old.replaceAll('+', '%20')]) {
    await page.goto('about:blank');
    await page.goto(`${app.url}view/#${changed}`);
    await page.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  }
  assert.deepEqual(errors, []);
});

test('a right-to-left override in a name leaves the position and organization after it in place', async () => {
  const file = JSON.parse(sample);
  const person = file.meeting.people.find((p) => p.family_name === 'Almagro Lemes');
  person.given_name = '\u202EOverride';
  const { page, context } = await app.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(app.url);
  await appReady(page);
  await importFile(page, 'rtl.json', JSON.stringify(file));
  await screen(page, 'Programme');
  const line = page.locator('li', { has: page.locator('.person-line__name', { hasText: 'Override' }) }).first();
  await line.waitFor();
  const order = await line.evaluate((el) => {
    const name = el.querySelector('.person-line__name');
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let after = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!name.contains(n) && n.textContent.includes('Secretary General')) after = n;
    }
    const range = document.createRange();
    range.selectNodeContents(after);
    return { name: name.getBoundingClientRect(), after: range.getBoundingClientRect() };
  });
  assert.ok(order.after.left >= order.name.right - 1, `the affiliation (${order.after.left}) is after the name (${order.name.right})`);
  await context.close();
});

test('a copy the attendee view saved in the published form opens in the planner, rewritten as a meeting file', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const file = join(mkdtempSync(join(tmpdir(), 'agenda-robust-')), 'r2p.json');
  writeFileSync(file, sample.replace('Global Network of R2P Focal Points', 'Saved from the schedule'));
  const published = execFileSync('cargo', ['run', '-q', '--bin', 'agenda', '--', 'export', file, '--format', 'published'], { encoding: 'utf8' });
  const { page, context, errors } = await app.newPage();
  await page.goto(app.url);
  await appReady(page);
  await page.evaluate(([k, v]) => localStorage.setItem(`${k}.3`, v), [KEY, published]);
  await page.reload();
  await appReady(page);
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(`${k}.3`)), KEY);
  assert.equal(stored.format, 'agenda-planner');
  assert.equal(stored.meeting.title, 'Saved from the schedule');
  // The only meeting stored: the planner opens it.
  await page.getByRole('heading', { level: 1, name: 'Saved from the schedule' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
