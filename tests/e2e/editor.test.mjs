// The editor in a real browser: from a blank meeting, add days, rooms, themes and people;
// bad input is refused beside its field; every change can be undone and redone (buttons and
// keyboard); everything is there after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, appReady, screen, part } from './browser.mjs';

let app;
before(async () => { app = await start(); mkdirSync('target/screenshots', { recursive: true }); });
after(async () => { await app?.stop(); });

async function blankMeeting(page) {
  await page.goto(app.url);
  await appReady(page);
  await page.getByRole('button', { name: 'Start a blank meeting' }).click();
  await page.getByRole('heading', { level: 1, name: 'Untitled meeting' }).waitFor();
  await screen(page, 'Edit');
  await page.getByRole('heading', { level: 1, name: 'Edit the meeting' }).waitFor();
  await part(page, 'Setup');
}

async function add(page, formName, fields, button) {
  const form = page.getByRole('form', { name: formName });
  for (const [label, value] of Object.entries(fields)) {
    const field = form.getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await form.getByRole('button', { name: button }).click();
}

/** Adds people in the People part: *Add person* at the top opens the form beside the table,
 *  which stays open for the next one. */
async function addPeople(page, people) {
  const form = page.getByRole('form', { name: 'New person' });
  if (!(await form.isVisible())) await page.getByRole('button', { name: 'Add person', exact: true }).first().click();
  await form.waitFor();
  for (const fields of people) {
    await add(page, 'New person', fields, 'Add person');
    const name = `${fields['Family name']}, ${[fields.Honorific, fields['Given name']].filter(Boolean).join(' ')}`;
    await page.getByRole('table', { name: 'People of the meeting' }).getByRole('button', { name: `Edit ${name}`, exact: true }).waitFor();
  }
}

const PEOPLE = [
  ['H.E.', 'Amina', 'Odhiambo', 'Minister', 'Ministry of Foreign Affairs'],
  ['Dr', 'Bruno', 'Silva', 'Director', 'Centre for Prevention'],
  ['Ms', 'Chen', 'Wang', 'Adviser', 'United Nations'],
  ['Prof.', 'Dalia', 'Haddad', 'Professor', 'University of Geneva'],
  ['Mr', 'Erik', 'Larsen', 'Ambassador', 'Embassy of Norway'],
];

test('a blank meeting gets days, rooms, themes and people, and keeps them after a reload', async () => {
  const { page, context, errors } = await app.newPage({ viewport: { width: 1280, height: 900 } });
  await blankMeeting(page);
  const details = page.getByRole('form', { name: 'Meeting details' });
  await details.getByLabel('Title', { exact: true }).fill('Regional Consultation 2026');
  await details.getByLabel('City').fill('Nairobi');
  await details.getByLabel(/Timezone/).fill('Africa/Nairobi');
  await details.getByRole('button', { name: 'Save details' }).click();

  // The blank meeting has one day and one room; add one more of each.
  await add(page, 'New day', { Date: '2026-03-03', Label: 'Day 2', Starts: '09:00', Ends: '16:00' }, 'Add day');
  await page.getByRole('form', { name: 'Day Tuesday 3 March 2026' }).waitFor();
  await add(page, 'New room', { Name: 'Side room', Capacity: '40' }, 'Add room');
  for (const [name, colour] of [['Early warning', '#0f766e'], ['Accountability', '#c2410c'], ['Civil society', '#15803d']]) {
    await add(page, 'New theme', { Name: name, Colour: colour }, 'Add theme');
    await page.getByRole('form', { name: `Theme ${name}` }).waitFor();
  }
  await page.screenshot({ path: 'target/screenshots/editor-setup-1280.png', fullPage: true });
  await part(page, 'People');
  await addPeople(page, PEOPLE.map(([honorific, given, family, position, organization]) =>
    ({ Honorific: honorific, 'Given name': given, 'Family name': family, Position: position, Organization: organization, Category: 'government' })));
  await page.screenshot({ path: 'target/screenshots/editor-people-1280.png', fullPage: true });

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Edit the meeting' }).waitFor();
  assert.equal(await page.title(), 'Edit: people — Regional Consultation 2026 — Agenda planner', 'a reload stays on the part');
  await screen(page, 'Programme');
  await page.getByRole('heading', { level: 1, name: 'Regional Consultation 2026' }).waitFor();
  assert.equal(await page.getByRole('tab').count(), 2);
  await screen(page, 'Edit');
  await part(page, 'Setup');
  for (const name of ['Room Main room', 'Room Side room', 'Theme Early warning', 'Theme Accountability', 'Theme Civil society']) {
    await page.getByRole('form', { name }).waitFor();
  }
  await part(page, 'People');
  const table = page.getByRole('table', { name: 'People of the meeting' });
  for (const [honorific, given, family] of PEOPLE) await table.getByRole('button', { name: `Edit ${family}, ${honorific} ${given}` }).waitFor();
  assert.equal(await page.getByRole('status').filter({ hasText: 'people' }).innerText(), '5 people');
  const rows = await table.getByRole('rowheader').allInnerTexts();
  assert.deepEqual(rows, ['Haddad, Prof. Dalia', 'Larsen, Mr Erik', 'Odhiambo, H.E. Amina', 'Silva, Dr Bruno', 'Wang, Ms Chen'], 'by family name');

  await page.getByLabel('Search by name or organization').fill('UNITED');
  assert.deepEqual(await table.getByRole('rowheader').allInnerTexts(), ['Wang, Ms Chen']);
  await page.getByRole('status').filter({ hasText: '1 of 5 people' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad input is refused beside its field and nothing changes', async () => {
  const { page, context } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await blankMeeting(page);
  await add(page, 'New day', { Date: '2026-03-04', Starts: '18:00', Ends: '09:00' }, 'Add day');
  const form = page.getByRole('form', { name: 'New day' });
  await form.getByText('The day must end after it starts (or, past midnight, tick “Runs past midnight”).').waitFor();
  assert.equal(await form.getByLabel('Ends').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByRole('form', { name: /^Day / }).count(), 1, 'no day added');
  // The same times with “Runs past midnight” ticked: an evening programme, added.
  await form.getByRole('checkbox', { name: 'Runs past midnight' }).check();
  await form.getByRole('button', { name: 'Add day' }).click();
  await page.getByRole('form', { name: /^Day .*2026/ }).last().waitFor();
  assert.equal(await page.getByRole('form', { name: /^Day / }).count(), 2, 'the night day added');
  // The blank meeting is a new one in the library: its own storage key.
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem(((slot) => (slot ? `agenda-planner.meeting.${slot}` : 'agenda-planner.meeting'))(JSON.parse(localStorage.getItem('agenda-planner.library')).current))).meeting.days.some((d) => d.end === '09:00' && d.ends_next_day)), true);

  // A timezone no calendar knows is refused beside its field; an IANA name is taken.
  const details = page.getByRole('form', { name: 'Meeting details' });
  // The field offers the names this browser knows as they are typed.
  const offered = await details.getByLabel(/^Timezone/).evaluate((el) => [...(el.list?.options ?? [])].map((o) => o.value));
  assert.ok(offered.length > 300 && offered.includes('Europe/Zurich') && offered.includes('America/New_York'), `${offered.length} names offered`);
  await details.getByLabel(/^Timezone/).fill('Geneva');
  await details.getByRole('button', { name: 'Save details' }).click();
  await details.getByText('“Geneva” is not a timezone name calendars know: give an IANA name such as Europe/Zurich or America/New_York.').waitFor();
  assert.equal(await details.getByLabel(/^Timezone/).getAttribute('aria-invalid'), 'true');
  await details.getByLabel(/^Timezone/).fill('Europe/Zurich');
  await details.getByRole('button', { name: 'Save details' }).click();
  await page.waitForFunction(() => Object.entries(localStorage).some(([k, v]) => k.startsWith('agenda-planner.meeting') && v.includes('"Europe/Zurich"')));

  await add(page, 'New theme', { Name: '' }, 'Add theme');
  await page.getByRole('form', { name: 'New theme' }).getByText('A name is needed.').waitFor();

  // A room in use cannot be removed; the message says why.
  await page.getByRole('button', { name: 'Restore the sample' }).click();
  await page.getByRole('button', { name: 'Replace' }).click();
  const hall = page.getByRole('form', { name: 'Room Hall of the Americas' });
  await hall.getByRole('button', { name: 'Remove' }).click();
  await hall.getByText(/is used by \d+ session/).waitFor();
  await page.screenshot({ path: 'target/screenshots/editor-390.png', fullPage: true });
  await context.close();
});

test('undo and redo across more than 20 steps, with buttons and the keyboard', async () => {
  const { page, context } = await app.newPage();
  await page.goto(app.url);
  await appReady(page);
  await screen(page, 'Edit');
  await part(page, 'Setup');
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  assert.equal(await undo.isDisabled(), true);
  for (let i = 1; i <= 22; i++) {
    await add(page, 'New room', { Name: `Breakout ${i}` }, 'Add room');
    await page.getByRole('form', { name: `Room Breakout ${i}` }).waitFor();
  }
  assert.equal(await page.getByRole('form', { name: /^Room Breakout/ }).count(), 22);
  for (let i = 0; i < 10; i++) await undo.click();
  assert.equal(await page.getByRole('form', { name: /^Room Breakout/ }).count(), 12);
  await page.locator('body').click({ position: { x: 5, y: 200 } });
  for (let i = 0; i < 12; i++) await page.keyboard.press('Control+z');
  assert.equal(await page.getByRole('form', { name: /^Room Breakout/ }).count(), 0);
  assert.equal(await undo.isDisabled(), true);
  for (let i = 0; i < 5; i++) await page.keyboard.press('Control+Shift+Z');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Control+y');
  for (let i = 0; i < 12; i++) await redo.click();
  assert.equal(await page.getByRole('form', { name: /^Room Breakout/ }).count(), 22);
  assert.equal(await redo.isDisabled(), true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Edit the meeting' }).waitFor();
  assert.equal(await page.getByRole('form', { name: /^Room Breakout/ }).count(), 22, 'the redone state was saved');
  await context.close();
});

test('sessions: a panel with a moderator and three panelists, a keynote and a break; reorder, shift later ones', async () => {
  const { page, context, errors } = await app.newPage({ viewport: { width: 1280, height: 900 } });
  await blankMeeting(page);
  await part(page, 'People');
  await addPeople(page, PEOPLE.slice(0, 4).map(([, given, family]) => ({ 'Given name': given, 'Family name': family })));
  await part(page, 'Sessions');
  const addSession = async (template, start) => {
    await add(page, 'New session', { Session: template, Starts: start }, 'Add session');
  };
  await addSession('keynote', '09:00');
  let form = page.getByRole('form', { name: 'Session Keynote address' });
  await form.getByLabel('Title', { exact: true }).fill('Keynote address');
  await form.getByRole('button', { name: 'Save session' }).click();
  await page.getByRole('form', { name: 'Session Keynote address' }).getByRole('button', { name: 'Close' }).click();

  await addSession('coffee-break', '09:30');
  await page.getByRole('form', { name: 'Session Coffee break' }).getByRole('button', { name: 'Close' }).click();
  await addSession('high-level-panel', '09:45');
  form = page.getByRole('form', { name: 'Session High-level panel' });
  await form.getByLabel('Title', { exact: true }).fill('Panel');
  await form.getByRole('button', { name: 'Save session' }).click();
  form = page.getByRole('form', { name: 'Session Panel' });
  // People are found as their name is typed; Enter takes the first found, and the field is
  // ready for the next one (the role chosen stays).
  const field = () => form.getByRole('combobox', { name: 'Add person' });
  await form.getByLabel('As', { exact: true }).selectOption('moderator');
  await field().fill('amina');
  await field().press('Enter');
  await form.locator('.participant__name', { hasText: 'Amina Odhiambo' }).waitFor();
  await form.getByLabel('As', { exact: true }).selectOption('panelist');
  for (const [typed, name] of [['bruno', 'Bruno Silva'], ['wang', 'Chen Wang']]) {
    await field().fill(typed);
    await form.getByRole('option', { name: new RegExp(name) }).click();
    await form.locator('.participant__name', { hasText: name }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'combobox', 'focus stays in the people field');
    assert.equal(await form.getByLabel('As', { exact: true }).inputValue(), 'panelist', 'the role chosen is offered again');
  }
  // The third panelist is someone new, created without leaving the session.
  await field().fill('Erik Larsen');
  await field().press('ArrowDown');
  await field().press('ArrowDown');
  await field().press('Enter');
  await form.locator('.participant__name', { hasText: 'Erik Larsen' }).waitFor();
  assert.equal(await field().inputValue(), '', 'the people field is empty again');
  // Reorder: Erik Larsen up one place.
  await form.getByRole('button', { name: 'Move Erik Larsen up' }).click();
  const names = await form.locator('.participant__name').allInnerTexts();
  assert.deepEqual(names.map((n) => n.split(',')[0]), ['Amina Odhiambo', 'Bruno Silva', 'Erik Larsen', 'Chen Wang']);
  // And with the mouse: Erik Larsen's row dragged onto Bruno Silva's takes its place.
  const row = (name) => form.locator('.participant', { has: page.locator('.participant__name', { hasText: name }) });
  await row('Erik Larsen').locator('.participant__handle').dragTo(row('Bruno Silva').locator('.participant__name'));
  await page.waitForFunction(() => document.querySelector('#session-form .participant:nth-child(2) .participant__name')?.textContent.startsWith('Erik Larsen'));
  const dragged = await form.locator('.participant__name').allInnerTexts();
  assert.deepEqual(dragged.map((n) => n.split(',')[0]), ['Amina Odhiambo', 'Erik Larsen', 'Bruno Silva', 'Chen Wang']);
  // A run-of-show item.
  await form.getByLabel('Item time').fill('09:50');
  await form.getByLabel('Item title').fill('Opening question');
  await form.getByRole('button', { name: 'Add item' }).click();
  await form.getByLabel('Title of item 1').waitFor();
  await form.screenshot({ path: 'target/screenshots/session-form-1280.png' });
  await form.getByRole('button', { name: 'Close' }).click();

  // Shift the keynote 15 minutes later, and every later session of the day with it.
  await page.getByRole('button', { name: 'Edit Keynote address' }).click();
  form = page.getByRole('form', { name: 'Session Keynote address' });
  await form.getByLabel('Starts').fill('09:15');
  await form.getByLabel('Ends').fill('09:45');
  await form.getByLabel(/move every later session/).check();
  await form.getByRole('button', { name: 'Save session' }).click();
  await form.getByRole('button', { name: 'Close' }).click();
  const rows = async () => page.locator('.session-row').evaluateAll((rs) => rs.map((r) => r.querySelector('.session-row__time').textContent + ' ' + r.querySelector('.session-row__title').textContent));
  assert.deepEqual(await rows(), ['09:15–09:45 Keynote address', '09:45–10:00 Coffee break', '10:00–11:30 Panel']);
  // The keyboard way: five minutes earlier.
  await page.getByRole('button', { name: 'Move Panel 5 minutes earlier' }).focus();
  await page.keyboard.press('Enter');
  assert.deepEqual((await rows())[2], '09:55–11:25 Panel');
  await page.screenshot({ path: 'target/screenshots/editor-sessions-1280.png', fullPage: true });

  await page.reload();
  await screen(page, 'Programme');
  const panel = page.getByRole('article', { name: 'Panel' });
  await panel.getByText('Moderator').waitFor();
  assert.match(await panel.innerText(), /Panelists\n[\s\S]*Erik Larsen[\s\S]*Bruno Silva[\s\S]*Chen Wang/, "the order the rows were dragged to");
  await page.getByRole('article', { name: 'Keynote address' }).waitFor();
  await page.getByRole('article', { name: 'Coffee break' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [width, height] of [[390, 844], [1280, 800]]) {
  test(`at ${width} px every part of Edit and the Meetings screen have a name on every control and do not overflow`, async () => {
    const { page, context } = await app.newPage({ viewport: { width, height } });
    await page.goto(app.url);
    await appReady(page);
    await screen(page, 'Edit');
    await part(page, 'Sessions');
    await page.getByRole('button', { name: 'Edit Opening ceremony' }).click();
    const form = page.getByRole('form', { name: 'Session Opening ceremony' });
    await form.waitFor();
    await form.screenshot({ path: `target/screenshots/session-form-${width}.png` });
    const places = [['Timetable', () => part(page, 'Timetable')], ['Sessions', () => part(page, 'Sessions')], ['People', () => part(page, 'People')],
      ['Setup', () => part(page, 'Setup')], ['Outcomes', () => part(page, 'Outcomes')], ['Checks', () => part(page, 'Checks')], ['Meetings', () => screen(page, 'Meetings')]];
    for (const [name, go] of places) {
      await go();
      await page.locator('h1').first().waitFor();
      const unnamed = await page.evaluate(() =>
        [...document.querySelectorAll('a, button, input:not([type=hidden]), select, textarea, [role=tab]')]
          .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || ((el.tagName === 'BUTTON' || el.tagName === 'A') && el.textContent.trim())))
          .map((el) => el.outerHTML.slice(0, 120)));
      assert.deepEqual(unnamed, [], `${name}: controls without a name`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} is ${overflow}px wider than the viewport`);
      await page.screenshot({ path: `target/screenshots/${name.toLowerCase()}-screen-${width}.png`, fullPage: true });
    }
    await context.close();
  });
}
