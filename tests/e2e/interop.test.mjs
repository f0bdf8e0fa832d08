// Interop in a real browser: frab and pretalx files import as new meetings (by the file
// button and by dropping them on the page) with a report; a wrong file is refused and
// nothing stored changes; the Export screen's schedule.json and schedule.xml validate
// against the c3voc JSON schema and XSD.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { start, appReady, screen, part } from './browser.mjs';

const OUT = 'target/interop';
const FIXTURES = 'tests/fixtures/interop';
let app;
before(async () => {
  app = await start();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  mkdirSync('target/screenshots', { recursive: true });
});
after(async () => { await app?.stop(); });

async function meetingsScreen(page) {
  await page.goto(app.url);
  await appReady(page);
  await screen(page, 'Meetings');
  await page.getByRole('heading', { name: 'Meetings in this browser' }).waitFor();
}

const stored = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

test('a frab schedule imports by the file button, a pretalx one by dropping it on the page', async () => {
  const { page, errors } = await app.newPage({ viewport: { width: 1280, height: 900 } });
  await meetingsScreen(page);
  await page.getByLabel('Import a file…').setInputFiles(`${FIXTURES}/frab-camp2019.json`);
  const report = page.getByRole('status').filter({ hasText: 'Opened “frab-camp2019.json” as a new meeting.' });
  await report.waitFor();
  assert.match(await report.innerText(), /Imported frab\/c3voc schedule JSON: 5 days, 2 rooms, 7 themes, 90 people, 79 sessions\./);
  assert.match(await report.innerText(), /Not kept: 52 links\./);
  await screen(page, 'Programme');
  await page.getByRole('heading', { level: 1, name: 'Chaos Communication Camp 2019' }).waitFor();
  await page.getByText('Opening Ceremony').first().waitFor();

  // Dropped on the page: the widget file of pretalx.
  const text = readFileSync(`${FIXTURES}/pretalx-widget-democon.json`, 'utf8');
  const transfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'democon-widget.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.getByText('Drop the file to import it', { exact: true }).waitFor();
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  const dropped = page.getByRole('status').filter({ hasText: 'Opened “democon-widget.json” as a new meeting.' });
  await dropped.waitFor();
  assert.match(await dropped.innerText(), /pretalx widget schedule JSON: 3 days, 2 rooms, 2 themes, 27 people, 37 sessions/);
  // The widget file names no event: the meeting says so until renamed.
  await page.getByRole('heading', { level: 1, name: 'Imported schedule' }).waitFor();
  await page.screenshot({ path: 'target/screenshots/import-1280.png' });
  await screen(page, 'Meetings');
  await page.getByRole('heading', { name: 'Meetings in this browser' }).waitFor();
  // The sample and two imports (the click returns before the screen is drawn).
  await page.locator('.meeting-list > li').nth(2).waitFor();
  assert.equal(await page.locator('.meeting-list > li').count(), 3, 'the sample and two imports');
  assert.deepEqual(errors, []);
});

test('a file the schema rejects is refused with what is wrong, and nothing stored changes', async () => {
  const { page, errors } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await meetingsScreen(page);
  const before = await stored(page);
  await page.getByLabel('Import a file…').setInputFiles(`${FIXTURES}/invalid-example.json`);
  const alert = page.getByRole('alert').filter({ hasText: '“invalid-example.json” cannot be opened' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /“id” is text \("2814"\), not a whole number/);
  assert.equal(await stored(page), before);
  await page.screenshot({ path: 'target/screenshots/import-refused-390.png' });
  // Nested 10,000 levels deep (the browser's stack is small): refused before it is parsed.
  const deep = `<schedule>${'<a>'.repeat(10000)}${'</a>'.repeat(10000)}</schedule>`;
  await page.getByLabel('Import a file…').setInputFiles({ name: 'deep.xml', mimeType: 'application/xml', buffer: Buffer.from(deep) });
  const refused = page.getByRole('alert').filter({ hasText: '“deep.xml” cannot be opened' });
  await refused.waitFor();
  assert.match(await refused.innerText(), /nests more than 100 levels deep/);
  assert.equal(await stored(page), before);
  assert.deepEqual(errors, []);
});

test('the Export screen writes schedule.json and schedule.xml that validate', async () => {
  const { page, errors } = await app.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await page.goto(app.url);
  await appReady(page);
  await screen(page, 'Export');
  for (const [label, name] of [
    ['Schedule for apps (frab/c3voc schedule.json)', 'r2p-focal-points-2022-schedule.json'],
    ['Schedule for apps (frab/c3voc schedule.xml)', 'r2p-focal-points-2022-schedule.xml'],
  ]) {
    await page.getByLabel(label).check();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download ${name}` }).click(),
    ]);
    assert.equal(file.suggestedFilename(), name);
    const path = resolve(OUT, name);
    await file.saveAs(path);
    if (name.endsWith('.json')) {
      execFileSync('python3', ['tests/support/validate_schedule.py', `${FIXTURES}/c3voc-schedule.schema.json`, path]);
      const doc = JSON.parse(readFileSync(path, 'utf8'));
      const opening = Object.values(doc.schedule.conference.days[0].rooms).flat().find((e) => e.title === 'Opening ceremony');
      // The browser's own timezone data: 09:00 in Washington is UTC−4 in September.
      assert.equal(opening.date, '2022-09-15T09:00:00-04:00');
    } else {
      execFileSync('xmllint', ['--noout', '--schema', `${FIXTURES}/c3voc-schedule.xml.xsd`, path], { stdio: 'pipe' });
    }
  }
  assert.deepEqual(errors, []);
});

const PENTABARF = '<schedule><conference><title>FOSDEM-like</title><venue>ULB</venue><city>Brussels</city></conference><day index="1" date="2024-02-03"><room name="Janson"><event id="7"><title>Opening</title><date>2024-02-03T10:00:00</date><duration>00:30</duration><abstract>&lt;p&gt;Welcome.&lt;/p&gt;</abstract></event></room></day></schedule>';

test('a schedule that gives no timezone asks for one; a name that is not a timezone is refused in place', async () => {
  const { page, errors } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await meetingsScreen(page);
  const before = await stored(page);
  await page.getByLabel('Import a file…').setInputFiles({ name: 'fosdem.xml', mimeType: 'application/xml', buffer: Buffer.from(PENTABARF) });
  const dialog = page.getByRole('dialog', { name: 'Which timezone are the times of “fosdem.xml” in?' });
  await dialog.waitFor();
  const zone = dialog.getByRole('combobox', { name: 'Timezone' });
  assert.equal(await zone.evaluate((e) => document.activeElement === e), true, 'focus is in the dialog, on the field');
  await zone.fill('Geneva');
  await page.keyboard.press('Enter');
  await dialog.getByRole('alert').filter({ hasText: '“Geneva” is not a timezone the planner knows' }).waitFor();
  assert.equal(await stored(page), before, 'nothing stored yet');
  await page.screenshot({ path: 'target/screenshots/import-timezone-390.png' });
  // Escape closes it and changes nothing.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await stored(page), before);
  // Again, with a real timezone.
  await page.getByLabel('Import a file…').setInputFiles({ name: 'fosdem.xml', mimeType: 'application/xml', buffer: Buffer.from(PENTABARF) });
  await dialog.waitFor();
  await zone.fill('Europe/Brussels');
  await dialog.getByRole('button', { name: 'Import' }).click();
  const report = page.getByRole('status').filter({ hasText: 'Opened “fosdem.xml” as a new meeting.' });
  await report.waitFor();
  assert.match(await report.innerText(), /the meeting uses Europe\/Brussels, as chosen/);
  await dialog.waitFor({ state: 'detached' });
  await screen(page, 'Programme');
  await page.getByRole('heading', { level: 1, name: 'FOSDEM-like' }).waitFor();
  await page.getByText('Welcome.', { exact: true }).waitFor();
  assert.ok(!(await page.content()).includes('&lt;p&gt;'), 'no literal tags in the description');
  assert.deepEqual(errors, []);
});

test('a spreadsheet of people is shown, its columns chosen, and added to the open meeting as one undo step', async () => {
  const { page, errors } = await app.newPage({ viewport: { width: 1280, height: 900 } });
  await meetingsScreen(page);
  const sheet = 'Nombre completo;Organisation;Session;Rol;Notes\n'
    + 'H.E. Ana María Pérez;Ministry of Foreign Affairs;Opening ceremony;Chair;VIP\n'
    + '=2+3;"Evil, Inc.";;;\n';
  await page.getByLabel('Import a file…').setInputFiles({ name: 'delegates.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  const dialog = page.getByRole('dialog', { name: /Add the people of “delegates\.csv” to/ });
  await dialog.waitFor();
  const table = dialog.getByRole('region', { name: 'The sheet\'s first rows' });
  await table.getByRole('cell', { name: 'H.E. Ana María Pérez' }).waitFor();
  const holds = (header) => dialog.getByRole('combobox', { name: `What “${header}” holds` });
  assert.equal(await holds('Nombre completo').inputValue() !== '', true, 'guessed: a name');
  assert.equal(await holds('Notes').inputValue(), '', 'not guessed: not read');
  // The organisation column is marked as the position instead, by keyboard.
  await holds('Organisation').focus();
  await holds('Organisation').selectOption({ label: 'Position' });
  await page.screenshot({ path: 'target/screenshots/import-sheet-1280.png' });
  await dialog.getByRole('button', { name: 'Add to this meeting' }).click();
  const report = page.getByRole('status').filter({ hasText: 'Added “delegates.csv”: 2 people added, 0 updated, 1 roles in sessions.' });
  await report.waitFor();
  assert.match(await report.innerText(), /Columns not read: Notes\./);
  await dialog.waitFor({ state: 'detached' });
  await screen(page, 'Programme');
  const opening = page.getByRole('article').filter({ hasText: 'Opening ceremony' }).first();
  await opening.getByText('Ana María Pérez').waitFor();
  // One Undo takes it all back.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await opening.getByText('Ana María Pérez').waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
});

test('a sheet the planner cannot read is refused with why, and nothing stored changes', async () => {
  const { page, errors } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await meetingsScreen(page);
  const before = await stored(page);
  await page.getByLabel('Import a file…').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Organization\n') });
  const alert = page.getByRole('alert').filter({ hasText: '“empty.csv” cannot be read' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /no rows under it/);
  assert.equal(await stored(page), before);
  assert.deepEqual(errors, []);
});
