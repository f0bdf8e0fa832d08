// The Timetable part of the Edit screen: a day's sessions on a time × room grid, moved with
// the exact keys (announced), dragged to another room and time with the clash marked while
// dragging, lengthened by the lower edge, added by clicking an empty slot, removed with Delete
// and brought back with Undo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, appReady } from './browser.mjs';

let app;
before(async () => {
  app = await start();
  mkdirSync('target/screenshots', { recursive: true });
});
after(async () => { await app?.stop(); });

const block = (page, name) => page.getByRole('button', { name, exact: true });
const focusedName = (page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
const said = (page) => page.getByRole('status', { name: 'Timetable moves' });

/** The viewport point of `minutes` after midnight in column `column` of the grid. */
async function point(page, column, minutes) {
  const lane = await page.locator(`#timetable-lane-${column}`).boundingBox();
  const grid = await page.locator('#timetable-grid').boundingBox();
  const rows = await page.locator('#timetable-grid').evaluate((el) => Number(getComputedStyle(el.parentElement).getPropertyValue('--rows')));
  const first = await page.locator('.timetable__hour span').first().innerText();
  const [h, m] = first.split(':').map(Number);
  const from = h * 60 + m;
  return { x: lane.x + lane.width / 2, y: grid.y + ((minutes - from) / (rows * 5)) * grid.height + 1 };
}

test('the exact keys move a session 5 or 15 minutes, to the next room and change its length; each move is announced and kept after a reload', async () => {
  const { page, context, errors } = await app.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${app.url}#/edit`);
  await page.getByRole('heading', { level: 2, name: 'Timetable' }).waitFor();
  await page.screenshot({ path: 'target/screenshots/timetable-1280.png', fullPage: true });
  const steps = [
    ['ArrowDown', 'Gendering R2P, 16:20–17:35, Hall of the Americas'],
    ['Shift+ArrowDown', 'Gendering R2P, 16:35–17:50, Hall of the Americas'],
    ['ArrowUp', 'Gendering R2P, 16:30–17:45, Hall of the Americas'],
    ['ArrowRight', 'Gendering R2P, 16:30–17:45, Simón Bolívar Room'],
    ['ArrowLeft', 'Gendering R2P, 16:30–17:45, Hall of the Americas'],
    ['ArrowRight', 'Gendering R2P, 16:30–17:45, Simón Bolívar Room'],
    ['Alt+ArrowDown', 'Gendering R2P, 16:30–17:50, Simón Bolívar Room'],
    ['Alt+ArrowUp', 'Gendering R2P, 16:30–17:45, Simón Bolívar Room'],
    ['Shift+ArrowUp', 'Gendering R2P, 16:15–17:30, Simón Bolívar Room'],
    ['Shift+ArrowDown', 'Gendering R2P, 16:30–17:45, Simón Bolívar Room'],
  ];
  await block(page, 'Gendering R2P, 16:15–17:30, Hall of the Americas').focus();
  for (const [key, name] of steps) {
    await page.keyboard.press(key);
    await block(page, name).waitFor();
    assert.equal(await focusedName(page), name, `the focus stays on the block after ${key}`);
    assert.equal(await said(page).innerText(), name, `${key} is announced`);
  }
  await page.getByText('Saved in this browser').waitFor();
  await page.reload();
  await block(page, 'Gendering R2P, 16:30–17:45, Simón Bolívar Room').waitFor();
  // Enter opens the session's form beside the grid, with the focus in it; Escape closes it
  // and the focus is back on the block.
  await block(page, 'Gendering R2P, 16:30–17:45, Simón Bolívar Room').focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('complementary', { name: 'The session open' }).getByRole('form', { name: 'Session Gendering R2P' });
  await form.waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('form')?.getAttribute('aria-label') === 'Session Gendering R2P');
  await page.screenshot({ path: 'target/screenshots/timetable-panel-1280.png' });
  // An edit made in the panel shows on the grid at once.
  await form.getByLabel('Ends').fill('18:00');
  await form.getByRole('button', { name: 'Save session' }).click();
  await block(page, 'Gendering R2P, 16:30–18:00, Simón Bolívar Room').waitFor();
  await page.keyboard.press('Escape');
  await form.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Gendering R2P, 16:30–18:00, Simón Bolívar Room');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a session dragged onto a booked room is marked with the other block while dragging, and lands in the room and time it was dropped on', async () => {
  // Tall enough for the whole day: the pointer stays inside the viewport.
  const { page, context, errors } = await app.newPage({ viewport: { width: 1280, height: 2000 } });
  await page.goto(`${app.url}#/edit`);
  const launch = block(page, 'Launch of the OAS report on R2P and atrocity prevention in the Americas, 13:45–14:15, Simón Bolívar Room');
  await launch.waitFor();
  // Grab the block 5 minutes below its top, so the pointer carries it by that point.
  const grab = await point(page, 1, 13 * 60 + 50);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  // Over the Hall of the Americas at 14:35 (its top at 14:30): "The role of civil society…" is there.
  const busy = await point(page, 0, 14 * 60 + 37);
  await page.mouse.move(busy.x, busy.y, { steps: 8 });
  const marked = page.locator('.timetable__block--clash');
  await marked.nth(1).waitFor();
  const names = await marked.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label').split(',')[0]));
  assert.deepEqual(names.sort(), ['Launch of the OAS report on R2P and atrocity prevention in the Americas', 'The role of civil society in mobilizing action to uphold R2P'].sort());
  assert.match(await page.locator('.timetable__ghost').innerText(), /^14:30–15:00$/, 'the target time is shown');
  await page.screenshot({ path: 'target/screenshots/timetable-drag-clash-1280.png' });
  // On to a free slot in the Patio Azteca at 17:00: nothing marked; dropped there.
  const free = await point(page, 2, 17 * 60 + 7);
  await page.mouse.move(free.x, free.y, { steps: 8 });
  await page.waitForFunction(() => document.querySelectorAll('.timetable__block--clash').length === 0);
  await page.mouse.up();
  const moved = block(page, 'Launch of the OAS report on R2P and atrocity prevention in the Americas, 17:00–17:30, Patio Azteca');
  await moved.waitFor();
  assert.equal(await page.locator('.timetable__ghost').count(), 0);

  // Its lower edge dragged down by half an hour: it ends later, its start kept.
  const box = await moved.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 2);
  await page.mouse.down();
  const lower = await point(page, 2, 18 * 60 - 3);
  await page.mouse.move(box.x + box.width / 2, lower.y, { steps: 6 });
  await page.mouse.up();
  await block(page, 'Launch of the OAS report on R2P and atrocity prevention in the Americas, 17:00–18:00, Patio Azteca').waitFor();

  await page.getByText('Saved in this browser').waitFor();
  await page.reload();
  await block(page, 'Launch of the OAS report on R2P and atrocity prevention in the Americas, 17:00–18:00, Patio Azteca').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the people field finds someone by name and creates someone new; a person in two places is marked on both blocks while dragging', async () => {
  const { page, context, errors } = await app.newPage({ viewport: { width: 1280, height: 2000 } });
  await page.goto(`${app.url}#/edit`);
  const name = 'Launch of the OAS report on R2P and atrocity prevention in the Americas, 13:45–14:15, Simón Bolívar Room';
  await block(page, name).focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('complementary', { name: 'The session open' }).getByRole('form', { name: /^Session Launch/ });
  const field = form.getByRole('combobox', { name: 'Add person' });
  // Found by family name, picked with the keys.
  await field.fill('kikol');
  const list = form.getByRole('listbox', { name: 'Add person: found' });
  await list.getByRole('option', { name: /Naomi Kikoler, Director/ }).waitFor();
  await page.screenshot({ path: 'target/screenshots/person-picker-1280.png' });
  assert.equal(await field.getAttribute('aria-expanded'), 'true');
  await field.press('ArrowDown');
  assert.equal(await field.getAttribute('aria-activedescendant'), await list.getByRole('option').first().getAttribute('id'));
  await field.press('Enter');
  await form.locator('.participant__name', { hasText: 'Naomi Kikoler' }).waitFor();
  // Someone not in the meeting yet: created from the name as typed, honorific and all.
  await field.fill('Dr Jane Doe');
  await form.getByRole('option', { name: 'Create ‘Dr Jane Doe’' }).click();
  await form.locator('.participant__name', { hasText: 'Dr Jane Doe' }).waitFor();
  // Now she is found like anyone else; Escape closes the list first, then the panel.
  await field.fill('jane');
  await list.getByRole('option', { name: 'Dr Jane Doe', exact: true }).waitFor();
  await field.press('Escape');
  assert.equal(await field.getAttribute('aria-expanded'), 'false');
  assert.equal(await form.count(), 1, 'the first Escape only closes the list');
  await field.fill('');
  await field.press('Escape');
  await form.waitFor({ state: 'detached' });
  await page.waitForFunction((n) => document.activeElement?.getAttribute('aria-label') === n, name);

  // Naomi Kikoler is on the civil society panel at 14:30: dragging the launch there in its
  // own room marks both blocks while dragging.
  const grab = await point(page, 1, 13 * 60 + 50);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  const over = await point(page, 1, 14 * 60 + 52);
  await page.mouse.move(over.x, over.y, { steps: 8 });
  const marked = page.locator('.timetable__block--clash');
  await marked.nth(1).waitFor();
  const names = await marked.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label').split(',')[0]));
  assert.deepEqual(names.sort(), ['Launch of the OAS report on R2P and atrocity prevention in the Americas', 'The role of civil society in mobilizing action to uphold R2P'].sort());
  await page.screenshot({ path: 'target/screenshots/timetable-drag-person-clash-1280.png' });
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await block(page, name).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a click on an empty slot adds a session there; Delete removes a session and Undo brings it back', async () => {
  const { page, context, errors } = await app.newPage({ viewport: { width: 1280, height: 2000 } });
  await page.goto(`${app.url}#/edit`);
  await page.getByRole('heading', { level: 2, name: 'Timetable' }).waitFor();
  const slot = await point(page, 1, 17 * 60 + 2);
  await page.mouse.click(slot.x, slot.y);
  const form = page.getByRole('form', { name: 'New session in the timetable' });
  await form.getByText('New session at 17:00 in Simón Bolívar Room').waitFor();
  await form.getByLabel('Session').selectOption({ label: 'Keynote address' });
  await form.getByRole('button', { name: 'Add session' }).click();
  await block(page, 'Keynote address, 17:00–17:30, Simón Bolívar Room').waitFor();
  assert.equal(await focusedName(page), 'Keynote address, 17:00–17:30, Simón Bolívar Room', 'the new block has the focus');
  assert.equal(await form.count(), 0);

  await page.keyboard.press('Delete');
  const notice = page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Undo' }) });
  await notice.getByText('“Keynote address” removed.').waitFor();
  assert.equal(await block(page, 'Keynote address, 17:00–17:30, Simón Bolívar Room').count(), 0);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await block(page, 'Keynote address, 17:00–17:30, Simón Bolívar Room').waitFor();
  assert.equal(await notice.count(), 0, 'the notice goes with its Undo');

  // Removing a day says what went with it; Undo in the notice brings all of it back.
  await page.getByRole('navigation', { name: 'Parts of the meeting' }).getByRole('link', { name: 'Setup', exact: true }).click();
  await page.getByRole('form', { name: 'Day Friday 16 September 2022' }).getByRole('button', { name: 'Remove' }).click();
  await notice.getByText('Day 2 (Fri 16 Sep) removed with its 5 sessions.').waitFor();
  assert.equal(await page.getByRole('form', { name: /^Day / }).count(), 1);
  await page.screenshot({ path: 'target/screenshots/day-removed-1280.png' });
  await notice.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('form', { name: 'Day Friday 16 September 2022' }).waitFor();
  await page.getByRole('navigation', { name: 'Parts of the meeting' }).getByRole('link', { name: 'Timetable', exact: true }).click();
  await page.getByRole('tab', { name: /Day 2/ }).click();
  await block(page, 'Recommendations and closing, 12:00–12:45, Hall of the Americas').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('from page load the first session of the timetable is reached in at most 10 Tab presses', async () => {
  const { page, context } = await app.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${app.url}#/edit`);
  await appReady(page);
  await page.getByRole('heading', { level: 2, name: 'Timetable' }).waitFor();
  let presses = 0;
  let name = null;
  while (presses < 10) {
    await page.keyboard.press('Tab');
    presses++;
    const here = await page.evaluate(() => ({ text: document.activeElement?.textContent, block: document.activeElement?.classList.contains('timetable__block'), label: document.activeElement?.getAttribute('aria-label') }));
    if (here.block) { name = here.label; break; }
    // The skip link leads past the top bar.
    if (here.text === 'Skip to the content') await page.keyboard.press('Enter');
  }
  assert.equal(name, 'Registration and welcome coffee, 08:30–09:00, Patio Azteca', `reached in ${presses} presses`);
  await context.close();
});

test('at 390 px the day is a list in time order, each session with its room: a tap opens it over the screen, and a session is added after the day\'s last', async () => {
  const { page, context, errors } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${app.url}#/edit`);
  await page.getByRole('heading', { level: 2, name: 'Timetable' }).waitFor();
  const opening = block(page, 'Opening ceremony, 09:00–10:00, Hall of the Americas');
  await opening.waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scroll of the page');
  await opening.getByText('Hall of the Americas').waitFor();
  // One column, top to bottom in the order of their times (the accessible names say when).
  const blocks = page.getByRole('group', { name: /^Timetable,/ }).getByRole('button');
  const boxes = await blocks.evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { x: r.left, y: r.top, w: r.width, name: e.getAttribute('aria-label') };
  }));
  assert.ok(boxes.length >= 5, `${boxes.length} sessions`);
  for (const [i, b] of boxes.entries()) {
    assert.equal(b.x, boxes[0].x, `${b.name} in the one column`);
    assert.ok(b.w > 300, `${b.name} as wide as the phone`);
    if (i > 0) assert.ok(b.y > boxes[i - 1].y, `${b.name} below ${boxes[i - 1].name}`);
  }
  const starts = boxes.map((b) => /, (\d\d:\d\d)–/.exec(b.name)[1]);
  assert.deepEqual(starts, [...starts].sort(), 'in time order');
  await page.screenshot({ path: 'target/screenshots/timetable-390.png', fullPage: true });

  // A session opened on a phone takes the whole screen; Close gives the list back.
  await opening.click();
  const form = page.getByRole('form', { name: 'Session Opening ceremony' });
  await form.waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'the open session fits the phone');
  await page.screenshot({ path: 'target/screenshots/timetable-panel-390.png' });
  await form.getByRole('button', { name: 'Close' }).click();
  await form.waitFor({ state: 'detached' });
  assert.equal(await focusedName(page), 'Opening ceremony, 09:00–10:00, Hall of the Americas', 'the focus back on it');

  // No empty slot to tap: Add puts a new session where the day's last one ends.
  const lastEnd = /–(\d\d:\d\d)/.exec(boxes.at(-1).name)[1];
  await page.getByRole('button', { name: 'Add a session to this day' }).click();
  const add = page.getByRole('form', { name: 'New session in the timetable' });
  await add.getByText(`New session at ${lastEnd} in Hall of the Americas`).waitFor();
  await add.getByLabel('Session').selectOption({ label: 'Keynote address' });
  await add.getByRole('button', { name: 'Add session' }).click();
  const added = page.getByRole('button', { name: new RegExp(`^Keynote address, ${lastEnd}–\\d\\d:\\d\\d, Hall of the Americas$`) });
  await added.waitFor();
  assert.equal(await blocks.last().getAttribute('aria-label'), await added.getAttribute('aria-label'), 'last in the list');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a session given no time waits on the Unscheduled tray, is dragged from it onto the grid, and another is added by keys where a room is free', async () => {
  const { page, context, errors } = await app.newPage({ viewport: { width: 1280, height: 2000 } });
  await page.goto(`${app.url}#/edit`);
  await page.getByRole('heading', { level: 2, name: 'Timetable' }).waitFor();
  const unschedule = async (name, title, room) => {
    await block(page, name).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: `Session ${title}` });
    if (room) await form.getByLabel('Room').selectOption({ label: room });
    await form.getByRole('checkbox', { name: /^No time yet/ }).check();
    await form.getByRole('button', { name: 'Save session' }).click();
    await block(page, name).waitFor({ state: 'detached' });
    // Escape closes its form; the focus goes to it on the tray.
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    assert.match(await focusedName(page), new RegExp(`^${title}, \\d+ minutes, no time yet$`));
  };
  await unschedule('Gendering R2P, 16:15–17:30, Hall of the Americas', 'Gendering R2P');
  const tray = page.getByRole('region', { name: 'Unscheduled (1)' });
  const waiting = tray.getByRole('button', { name: 'Gendering R2P, 75 minutes, no time yet' });
  await waiting.waitFor();
  // Off the programme, named by a check.
  await page.getByRole('button', { name: /warnings?/ }).first().waitFor();
  await page.screenshot({ path: 'target/screenshots/timetable-tray-1280.png' });

  // Dragged from the tray to 17:00 in the Simón Bolívar Room: the outline says where while it
  // is held, and it lands there with its 75 minutes.
  const from = await waiting.boundingBox();
  await page.mouse.move(from.x + 10, from.y + 5);
  await page.mouse.down();
  const to = await point(page, 1, 17 * 60 + 1);
  await page.mouse.move(to.x, to.y, { steps: 8 });
  const ghost = page.locator('.timetable__ghost', { hasText: '17:00–18:15' });
  await ghost.waitFor();
  const lane = await page.locator('#timetable-lane-1').boundingBox();
  assert.ok((await ghost.boundingBox()).width < lane.width, 'one room wide');
  await page.mouse.up();
  const placed = 'Gendering R2P, 17:00–18:15, Simón Bolívar Room';
  await block(page, placed).waitFor();
  assert.equal(await tray.count(), 0, 'the tray goes with its last session');
  assert.equal(await page.getByRole('form', { name: 'Session Gendering R2P' }).count(), 0, 'the drop opens nothing');
  await page.getByText('Saved in this browser').waitFor();
  await page.reload();
  await block(page, placed).waitFor();

  // Taken off again as a session in all rooms: held over the grid, its outline spans them.
  await unschedule(placed, 'Gendering R2P', 'All rooms');
  const again0 = await tray.getByRole('button', { name: 'Gendering R2P, 75 minutes, no time yet' }).boundingBox();
  await page.mouse.move(again0.x + 10, again0.y + 5);
  await page.mouse.down();
  const there = await point(page, 1, 17 * 60 + 1);
  await page.mouse.move(there.x, there.y, { steps: 8 });
  await ghost.waitFor();
  const grid = await page.locator('#timetable-grid').boundingBox();
  assert.ok((await ghost.boundingBox()).width > grid.width * 0.8, 'across every room');
  // Let go with Escape: it stays on the tray.
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await ghost.waitFor({ state: 'detached' });
  assert.equal(await tray.getByRole('button', { name: 'Gendering R2P, 75 minutes, no time yet' }).count(), 1);

  // With keys only: Add to this day puts it where every room is first free.
  await page.getByRole('button', { name: 'Add “Gendering R2P” to this day' }).focus();
  await page.keyboard.press('Enter');
  const again = page.getByRole('group', { name: /^Timetable,/ }).getByRole('button', { name: /^Gendering R2P, \d\d:\d\d–\d\d:\d\d, / });
  await again.waitFor();
  assert.equal(await focusedName(page), await again.getAttribute('aria-label'), 'the focus on the session placed');
  assert.equal(await said(page).innerText(), await again.getAttribute('aria-label'), 'announced');
  assert.equal(await page.getByRole('region', { name: /^Unscheduled/ }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a session held near the bottom edge of the grid scrolls it, and lands at a time that was out of view', async () => {
  const { page, context, errors } = await app.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${app.url}#/edit`);
  const opening = block(page, 'Opening ceremony, 09:00–10:00, Hall of the Americas');
  await opening.waitFor();
  const view = page.locator('.timetable');
  await view.scrollIntoViewIfNeeded();
  const box = await view.boundingBox();
  const scrollTop = () => view.evaluate((el) => el.scrollTop);
  assert.equal(await scrollTop(), 0);
  const from = await opening.boundingBox();
  await page.mouse.move(from.x + 20, from.y + 10);
  await page.mouse.down();
  const lane = await page.locator('#timetable-lane-1').boundingBox();
  // Held 10 px above the view's lower edge: it scrolls on its own, without moving.
  await page.mouse.move(lane.x + lane.width / 2, box.y + box.height - 10, { steps: 10 });
  await page.waitForFunction(() => document.querySelector('.timetable').scrollTop > 300);
  // Back to the middle of the view (it stops scrolling), then let go.
  await page.mouse.move(lane.x + lane.width / 2, box.y + box.height / 2, { steps: 4 });
  const stopped = await scrollTop();
  await page.waitForTimeout(200);
  assert.equal(await scrollTop(), stopped, 'away from the edge it stops');
  const ghost = await page.locator('.timetable__ghost').innerText();
  await page.mouse.up();
  const landed = page.getByRole('button', { name: new RegExp(`^Opening ceremony, ${ghost}, Simón Bolívar Room$`) });
  await landed.waitFor();
  const start = Number(ghost.slice(0, 2));
  assert.ok(start >= 13, `landed at ${ghost}, below what was in view at first`);
  assert.deepEqual(errors, []);
  await context.close();
});
