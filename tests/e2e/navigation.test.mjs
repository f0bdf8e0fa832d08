// Every screen has its own address: Back and Forward move between the planner's screens, a
// reload stays where it was, the undo history survives a reload, and an attendee who opens a
// session's details from far down a day comes Back to the same session in the list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { start, appReady, screen, part } from './browser.mjs';

let app;
before(async () => {
  const generated = execFileSync('cargo', ['run', '-q', '--bin', 'agenda', '--', 'generate', '--sessions', '150', '--people', '120'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  app = await start({ '/published/big.json': ['application/json', generated] });
});
after(async () => { await app?.stop(); });

const current = (page) => page.getByRole('navigation', { name: 'Screens' }).locator('[aria-current=page]').innerText();

test('Programme → Edit → Export, then Back twice lands on Programme and Forward on Edit', async () => {
  const { page, context, errors } = await app.newPage();
  await page.goto(app.url);
  await appReady(page);
  assert.equal(await current(page), 'Programme');
  assert.equal(await page.title(), 'Programme — Global Network of R2P Focal Points — Agenda planner');
  await screen(page, 'Edit');
  await page.getByRole('heading', { level: 1, name: 'Edit the meeting' }).waitFor();
  await screen(page, 'Export');
  await page.getByRole('heading', { level: 1, name: 'Export' }).waitFor();
  assert.match(page.url(), /#\/export$/);
  assert.equal(await page.title(), 'Export — Global Network of R2P Focal Points — Agenda planner');

  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Edit the meeting' }).waitFor();
  assert.equal(await current(page), 'Edit');
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  assert.equal(await current(page), 'Programme');
  await page.goForward();
  await page.getByRole('heading', { level: 1, name: 'Edit the meeting' }).waitFor();
  assert.equal(await current(page), 'Edit');
  assert.equal(await page.title(), 'Edit: timetable — Global Network of R2P Focal Points — Agenda planner');

  // The parts of Edit have addresses too.
  await part(page, 'People');
  await page.getByRole('heading', { level: 2, name: 'People' }).waitFor();
  assert.match(page.url(), /#\/edit\/people$/);
  await page.goBack();
  await page.getByRole('heading', { level: 2, name: 'Timetable' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Edit screen\'s stylesheet is fetched when Edit is first opened, not with the Programme, and styles its timetable', async () => {
  const { page, context, errors } = await app.newPage();
  const sheets = [];
  page.on('request', (r) => { if (r.resourceType() === 'stylesheet') sheets.push(new URL(r.url()).pathname); });
  await page.goto(app.url);
  await appReady(page);
  assert.ok(!sheets.includes('/edit.css'), `the Programme fetched ${sheets}`);
  await screen(page, 'Edit');
  await page.getByRole('heading', { level: 2, name: 'Timetable' }).waitFor();
  const grid = page.locator('.timetable');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.timetable')).overflow === 'auto');
  assert.deepEqual(sheets.filter((s) => s === '/edit.css'), ['/edit.css']);
  // Back to the Programme and to Edit again: linked once.
  await screen(page, 'Programme');
  await screen(page, 'Edit');
  await grid.waitFor();
  assert.equal(await page.locator('link[rel=stylesheet][href="edit.css"]').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reload on Export stays on Export', async () => {
  const { page, context } = await app.newPage();
  await page.goto(app.url);
  await appReady(page);
  await screen(page, 'Export');
  await page.getByRole('heading', { level: 1, name: 'Export' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Export' }).waitFor();
  assert.equal(await current(page), 'Export');
  // And an address typed or bookmarked opens its screen directly.
  await page.goto(`${app.url}#/edit/setup`);
  await page.getByRole('heading', { level: 2, name: 'Meeting details' }).waitFor();
  assert.equal(await current(page), 'Edit');
  await context.close();
});

test('an edit, a reload, then Undo reverts that edit', async () => {
  const { page, context, errors } = await app.newPage();
  await page.goto(`${app.url}#/edit/sessions`);
  await page.getByRole('heading', { level: 2, name: 'Sessions' }).waitFor();
  const opening = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Edit Opening ceremony' }) });
  const before = await opening.locator('.session-row__time').innerText();
  await page.getByRole('button', { name: 'Move Opening ceremony 5 minutes later' }).click();
  await opening.locator('.session-row__time').filter({ hasNotText: before }).waitFor();
  const moved = await opening.locator('.session-row__time').innerText();
  await page.getByText('Saved in this browser').waitFor();

  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Sessions' }).waitFor();
  assert.equal(await opening.locator('.session-row__time').innerText(), moved, 'the edit was saved');
  const undo = page.getByRole('button', { name: 'Undo' });
  assert.equal(await undo.isDisabled(), false, 'there is something to undo after the reload');
  await undo.click();
  await opening.locator('.session-row__time').filter({ hasText: before }).waitFor();
  await page.getByRole('button', { name: 'Redo' }).click();
  await opening.locator('.session-row__time').filter({ hasText: moved }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('an attendee opens a session from far down day 1, presses Back, and is at that session in the list', async () => {
  const { page, context, errors } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${app.url}view/?src=${encodeURIComponent(`${app.url}published/big.json`)}`);
  const list = page.getByRole('list', { name: /^Sessions on / });
  await list.waitFor();
  const buttons = list.getByRole('heading', { level: 3 }).getByRole('button');
  await buttons.nth(40).waitFor();
  const count = await buttons.count();
  assert.ok(count >= 40, `day 1 has ${count} sessions`);
  const target = buttons.nth(40);
  const name = await target.innerText();
  await target.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 2000, `far down the day (${scrolled} px)`);
  await target.click();
  const detail = page.getByRole('region', { name: `Session ${name}` });
  await detail.waitFor();
  assert.match(page.url(), /session=\d+/);
  assert.equal(await page.title(), `${name} — ${await page.getByRole('heading', { level: 1 }).first().innerText()}`);

  await page.goBack();
  await detail.waitFor({ state: 'detached' });
  await page.waitForFunction((text) => document.activeElement?.textContent === text, name);
  const box = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, y: window.scrollY, height: window.innerHeight };
  });
  assert.ok(box.top >= 0 && box.bottom <= box.height, `the session is on screen: ${JSON.stringify(box)}`);
  assert.ok(Math.abs(box.y - scrolled) < 50, `back where the list was left (${box.y} vs ${scrolled})`);
  assert.doesNotMatch(page.url(), /session=/);

  // Forward opens the details again; the page's own "Back to the schedule" returns alike.
  await page.goForward();
  await detail.waitFor();
  await detail.getByRole('button', { name: '← Back to the schedule' }).click();
  await detail.waitFor({ state: 'detached' });
  await page.waitForFunction((text) => document.activeElement?.textContent === text, name);
  assert.ok(Math.abs(await page.evaluate(() => window.scrollY) - scrolled) < 50, 'at the same place');
  assert.deepEqual(errors, []);
  await context.close();
});
