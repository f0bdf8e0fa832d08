// The hostile-text corpus (tests/support/hostile.mjs: script and event-handler markup,
// attribute breakouts, closing tags, javascript: and data: URLs, CSS, direction and
// zero-width controls, NUL, lone surrogates, CRLF, U+2028, long strings) in every text field of
// a meeting, driven through import, every screen of the planner, every export, the share link
// and ?src=. Nothing may run: a vector that ran would set window.__pwned or open a dialog;
// every export must stay well-formed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { start, appReady, screen, part } from './browser.mjs';
import { VECTORS, hostileMeeting } from '../support/hostile.mjs';

const OUT = 'target/hostile';
const FIXTURES = 'tests/fixtures/interop';
let app;
let meeting;
let file;
before(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const sample = JSON.parse(execFileSync('cargo', ['run', '-q', '--bin', 'agenda', '--', 'sample'], { encoding: 'utf8' }));
  ({ file: meeting } = hostileMeeting(sample));
  file = JSON.stringify(meeting);
  writeFileSync(join(OUT, 'hostile.json'), file);
  const published = execFileSync('cargo', ['run', '-q', '--bin', 'agenda', '--', 'export', join(OUT, 'hostile.json'), '--format', 'published'], { encoding: 'utf8' });
  app = await start({ '/published/hostile.json': ['application/json', published] });
});
after(async () => { await app?.stop(); });

test('the corpus has at least 60 vectors and fills every text field of the meeting', () => {
  assert.ok(VECTORS.length >= 60, `${VECTORS.length} vectors`);
  const { filled } = hostileMeeting(JSON.parse(file));
  assert.ok(filled >= VECTORS.length, `${filled} fields filled`);
});

/** A page that records every dialog and console error, in its own context. */
async function watchedPage(options = {}) {
  const { page, context, errors } = await app.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, ...options });
  const dialogs = [];
  context.on('page', (p) => p.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); }));
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  return { page, context, errors, dialogs };
}

/** No frame of the page ran a vector. */
async function nothingRan(page, dialogs, where) {
  for (const frame of page.frames()) {
    const ran = await frame.evaluate(() => window.__pwned ?? null).catch(() => null);
    assert.equal(ran, null, `a vector ran in ${where} (${frame.url().slice(0, 80)})`);
  }
  assert.deepEqual(dialogs, [], `a dialog opened in ${where}`);
}

/** What an HTML export holds that could run: scripts, handlers, javascript: URLs, frames. */
function activeParts(page, html) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const found = [];
    for (const el of doc.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'base', 'form', 'link'].includes(tag)) found.push(`<${tag}>`);
      // The export's own policy is the one meta with http-equiv it may hold.
      if (tag === 'meta' && el.hasAttribute('http-equiv') && el.getAttribute('http-equiv') !== 'Content-Security-Policy') found.push(`<meta http-equiv=${el.getAttribute('http-equiv')}>`);
      for (const a of el.attributes) {
        if (a.name.startsWith('on')) found.push(`${tag} ${a.name}`);
        if (/^\s*(javascript|vbscript|data):/i.test(a.value) && ['href', 'src', 'action', 'srcdoc'].includes(a.name)) found.push(`${tag} ${a.name}=${a.value.slice(0, 30)}`);
      }
    }
    return found;
  }, html);
}

/** Checks a CSV text: quotes balanced, every row as wide as the header, no cell a formula. */
function checkCsv(text, name) {
  const rows = [];
  let row = [''];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { row[row.length - 1] += '"'; i++; } else if (c === '"') quoted = false; else row[row.length - 1] += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push('');
    else if (c === '\r' && text[i + 1] === '\n') { rows.push(row); row = ['']; i++; } else row[row.length - 1] += c;
  }
  assert.equal(quoted, false, `${name}: a quote left open`);
  if (row.length > 1 || row[0] !== '') rows.push(row);
  const width = rows[0].length;
  for (const r of rows) assert.equal(r.length, width, `${name}: a row of ${r.length} cells, not ${width}`);
  for (const r of rows.slice(1)) for (const cell of r) assert.ok(!/^[=+\-@\t\r]/.test(cell), `${name}: a formula cell ${JSON.stringify(cell.slice(0, 30))}`);
  return rows;
}

test('imported, on every screen and in every export, no vector runs and every export is well-formed', async () => {
  const { page, context, errors, dialogs } = await watchedPage();
  await page.goto(app.url);
  await appReady(page);
  await screen(page, 'Meetings');
  await page.getByLabel('Import a file…').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByText('Opened “hostile.json” as a new meeting.').waitFor();
  await nothingRan(page, dialogs, 'the Meetings screen');

  // The title shows as the text it is.
  await screen(page, 'Programme');
  await page.getByRole('heading', { level: 1, name: meeting.meeting.title }).waitFor();
  for (const tab of await page.getByRole('tab').all()) {
    await tab.click();
    await page.getByRole('tabpanel').getByRole('article').first().waitFor();
  }
  await page.screenshot({ path: `${OUT}/programme-1280.png`, fullPage: true });
  await nothingRan(page, dialogs, 'the Programme screen');

  await screen(page, 'Edit');
  for (const name of ['Timetable', 'Sessions', 'People', 'Setup', 'Outcomes', 'Checks']) {
    await part(page, name);
    await page.locator('main').first().waitFor();
    if (name === 'Sessions') {
      // Every session's form, one after another.
      const edits = page.getByRole('button', { name: /^Edit / });
      const count = await edits.count();
      for (let i = 0; i < count; i++) {
        await page.getByRole('button', { name: /^Edit / }).nth(i).click();
        await page.locator('#session-form').waitFor();
        await page.locator('#session-form').getByRole('button', { name: 'Close' }).click();
      }
    }
    await nothingRan(page, dialogs, `Edit → ${name}`);
  }
  await page.screenshot({ path: `${OUT}/edit-1280.png`, fullPage: true });

  await screen(page, 'Export');
  await page.getByRole('heading', { name: 'Export', level: 1 }).waitFor();
  await page.frameLocator('iframe[title="Programme preview"]').locator('h1').waitFor();
  const exported = {};
  for (const label of [
    'Printable programme (HTML)', 'Summary report: key messages and recommendations (HTML)',
    'Calendar (iCalendar .ics)', 'Meeting file (JSON)', 'Schedule for apps (frab/c3voc schedule.json)',
    'Schedule for apps (frab/c3voc schedule.xml)', 'Schedule for attendees (published file for the attendee view)',
    'People, for badges and mail merge (CSV)', 'Who is in which session, in which role (CSV)',
  ]) {
    await page.getByLabel(label).check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download / }).click()]);
    const path = resolve(OUT, download.suggestedFilename());
    await download.saveAs(path);
    exported[label] = { path, text: readFileSync(path, 'utf8') };
  }
  await nothingRan(page, dialogs, 'the Export screen');

  // HTML: nothing active in it, and opened as a page nothing runs.
  for (const label of ['Printable programme (HTML)', 'Summary report: key messages and recommendations (HTML)']) {
    const { text } = exported[label];
    assert.match(text, /^<!DOCTYPE html>/);
    // Parsed in a blank page of its own (a parsed document's styles count against the
    // policy of the page that parses it).
    const viewer = await context.newPage();
    assert.deepEqual(await activeParts(viewer, text), [], `${label}: active parts`);
    const viewerDialogs = [];
    viewer.on('dialog', (d) => { viewerDialogs.push(d.message()); d.dismiss(); });
    await viewer.setContent(text);
    await nothingRan(viewer, viewerDialogs, label);
    await viewer.close();
  }
  // JSON: parses, and our meeting file gives back every vector as it was.
  const ours = JSON.parse(exported['Meeting file (JSON)'].text);
  assert.equal(ours.meeting.title, meeting.meeting.title);
  assert.deepEqual(ours.meeting.people.map((p) => p.bio), meeting.meeting.people.map((p) => p.bio.replace(/[\uD800-\uDFFF]/g, (c, i, s) => c)));
  JSON.parse(exported['Schedule for attendees (published file for the attendee view)'].text);
  execFileSync('python3', ['tests/support/validate_schedule.py', `${FIXTURES}/c3voc-schedule.schema.json`, exported['Schedule for apps (frab/c3voc schedule.json)'].path]);
  execFileSync('xmllint', ['--noout', '--schema', `${FIXTURES}/c3voc-schedule.xml.xsd`, exported['Schedule for apps (frab/c3voc schedule.xml)'].path], { stdio: 'pipe' });
  // iCalendar: content lines only (folded lines start with a space), CRLF, balanced blocks.
  const ics = exported['Calendar (iCalendar .ics)'].text;
  assert.ok(!/[^\r]\n|\r[^\n]/.test(ics), 'iCalendar: every line ends in CRLF');
  const lines = ics.split('\r\n').filter(Boolean);
  for (const line of lines) assert.match(line, /^([A-Z-]+[;:]| )/, `iCalendar line ${JSON.stringify(line.slice(0, 40))}`);
  for (const line of lines) assert.ok(Buffer.byteLength(line) <= 75, `iCalendar line over 75 octets: ${JSON.stringify(line.slice(0, 40))}`);
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, lines.filter((l) => l === 'END:VEVENT').length);
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, meeting.meeting.sessions.length);
  // CSV: well-formed, no formula cells.
  checkCsv(exported['People, for badges and mail merge (CSV)'].text, 'people CSV');
  checkCsv(exported['Who is in which session, in which role (CSV)'].text, 'participation CSV');

  // The share link, opened as an attendee would.
  await screen(page, 'Programme');
  await page.getByRole('button', { name: 'Share', exact: true }).first().click();
  await page.getByRole('region', { name: 'Share a read-only schedule' }).getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByLabel('Share link').inputValue();
  await nothingRan(page, dialogs, 'the Share panel');
  const attendee = await watchedPage({ viewport: { width: 390, height: 844 } });
  await attendee.page.goto(link);
  await attendee.page.getByRole('heading', { level: 1, name: meeting.meeting.title }).waitFor();
  for (const tab of await attendee.page.getByRole('tab').all()) await tab.click();
  await attendee.page.screenshot({ path: `${OUT}/attendee-390.png`, fullPage: true });
  await nothingRan(attendee.page, attendee.dialogs, 'the attendee view from the share link');

  // ?src=: the published file from a site.
  await attendee.page.goto(`${app.url}view/?src=${encodeURIComponent('/published/hostile.json')}`);
  await attendee.page.getByRole('heading', { level: 1, name: meeting.meeting.title }).waitFor();
  for (const tab of await attendee.page.getByRole('tab').all()) await tab.click();
  // A session opened, and the directory of people.
  await attendee.page.getByRole('article').first().click().catch(() => {});
  await nothingRan(attendee.page, attendee.dialogs, 'the attendee view from ?src=');
  assert.deepEqual(attendee.errors, []);
  await attendee.context.close();

  assert.deepEqual(errors, []);
  await context.close();
});
