// Exporting in a real browser: the Export screen downloads each format; the programme opens
// with JavaScript disabled and shows everything; printed to PDF, each day starts on its own
// page and no session is split across pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { start, appReady, screen, part } from './browser.mjs';

const OUT = 'target/export';
let app;
before(async () => {
  app = await start();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  mkdirSync('target/screenshots', { recursive: true });
});
after(async () => { await app?.stop(); });

async function openExport(page) {
  await page.goto(app.url);
  await appReady(page);
  await screen(page, 'Export');
  await page.getByRole('heading', { name: 'Export', level: 1 }).waitFor();
}

async function download(page, buttonName) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  const path = `${OUT}/${file.suggestedFilename()}`;
  await file.saveAs(path);
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

test('the Export screen downloads the programme, the calendar and the meeting file', async () => {
  const { page, context, errors } = await app.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  await openExport(page);
  const preview = page.frameLocator('iframe[title="Programme preview"]');
  await preview.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  await page.screenshot({ path: 'target/screenshots/export-1280.png' });

  const html = await download(page, 'Download r2p-focal-points-2022-programme.html');
  assert.equal(html.name, 'r2p-focal-points-2022-programme.html');
  assert.match(html.text, /^<!DOCTYPE html>/);
  assert.ok(html.text.includes('H.E. Luis Almagro Lemes'));

  await page.getByLabel('Calendar (iCalendar .ics)').check();
  assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false);
  const ics = await download(page, 'Download r2p-focal-points-2022.ics');
  assert.match(ics.text, /^BEGIN:VCALENDAR\r\n/);
  // The browser's own timezone data: 09:00 in Washington in September is 13:00 UTC.
  assert.ok(ics.text.includes('SUMMARY:Opening ceremony\r\n'));
  assert.ok(ics.text.includes('DTSTART:20220915T130000Z'), 'opening at 13:00 UTC');
  assert.equal(ics.text.match(/BEGIN:VEVENT/g).length, 16);

  await page.getByLabel('Meeting file (JSON)').check();
  const json = await download(page, 'Download r2p-focal-points-2022.json');
  const parsed = JSON.parse(json.text);
  const fromCli = execFileSync('cargo', ['run', '-q', '--bin', 'agenda', '--', 'sample'], { encoding: 'utf8' });
  assert.equal(json.text, fromCli, 'the app and the command line write the same file');
  assert.equal(parsed.format, 'agenda-planner');
  assert.equal(parsed.meeting.sessions.length, 16);
  assert.deepEqual(errors, []);
  await context.close();
});

test('programme options change the preview', async () => {
  const { page, context } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await openExport(page);
  const preview = page.frameLocator('iframe[title="Programme preview"]');
  await preview.getByText('H.E. Luis Almagro Lemes').first().waitFor();
  await page.getByLabel('Honorifics (H.E., Dr…)').uncheck();
  await page.getByLabel('Short organization names').check();
  await page.getByLabel('Mark every page DRAFT').check();
  await page.getByLabel('Version label').fill('Draft 2');
  await preview.getByText('Version: Draft 2').waitFor();
  await page.screenshot({ path: 'target/screenshots/export-390.png', fullPage: true });
  const body = await preview.locator('body').innerText();
  assert.ok(!body.includes('H.E.'), 'no honorifics');
  assert.ok(body.includes('Luis Almagro Lemes, Secretary General, OAS'));
  assert.ok(body.includes('DRAFT'));
  await page.getByLabel('Index of people').uncheck();
  await preview.getByRole('heading', { name: 'Index of people' }).waitFor({ state: 'detached' });
  await context.close();
});

test('the exported programme shows the whole meeting with JavaScript disabled and prints each day on its own pages', async () => {
  // Get the file the way an organizer does.
  const { page, context } = await app.newPage({ acceptDownloads: true });
  await openExport(page);
  const html = await download(page, /^Download .*programme\.html$/);
  await context.close();

  const sample = JSON.parse(execFileSync('cargo', ['run', '-q', '--bin', 'agenda', '--', 'sample'], { encoding: 'utf8' })).meeting;
  const noScript = await app.newPage({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
  await noScript.page.goto(`file://${resolve(html.path)}`);
  const text = await noScript.page.locator('body').innerText();
  const flat = text.replace(/\s+/g, ' ');
  for (const s of sample.sessions) assert.ok(flat.includes(s.title), `missing session ${s.title}`);
  for (const p of sample.people) assert.ok(flat.includes(`${p.given_name} ${p.family_name}`), `missing ${p.family_name}`);
  assert.ok(flat.includes('Thursday 15 September 2022') && flat.includes('Friday 16 September 2022'));

  // What each session starts and ends with, for the page checks.
  const sessions = await noScript.page.locator('article.session').evaluateAll((articles) => articles.map((a) => {
    const lines = [...a.querySelectorAll('h3, li')].map((e) => e.textContent.replace(/\s+/g, ' ').trim());
    return { title: lines[0], last: lines[lines.length - 1] };
  }));
  assert.equal(sessions.length, sample.sessions.length);

  for (const format of ['A4', 'Letter']) {
    const pdf = `${OUT}/programme-${format}.pdf`;
    await noScript.page.pdf({ path: pdf, format, printBackground: true });
    const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
    const pages = [];
    for (let i = 1; i <= pageCount; i++) {
      pages.push(execFileSync('pdftotext', ['-f', `${i}`, '-l', `${i}`, pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '));
    }
    console.log(`# ${format}: ${pageCount} pages`);
    // Every page: the running footer and its number.
    pages.forEach((t, i) => assert.ok(t.includes(`10th Annual Meeting · page ${i + 1} of ${pageCount}`), `${format}: page ${i + 1}'s footer in “${t.slice(-120)}”`));
    // The index of people, family name first and sorted.
    assert.ok(pages.some((t) => t.includes('Al-Qahtani, H.E. Mutlaq')), `${format}: index entry family name first`);
    const onPage = (needle) => pages.flatMap((t, i) => (t.includes(needle) ? [i] : []));
    // Each day starts on a new page, and no page mixes the two days.
    const day1 = onPage('Thursday 15 September 2022');
    const day2 = onPage('Friday 16 September 2022');
    assert.deepEqual(day1, [0], `${format}: day 1 heading on page 1`);
    assert.equal(day2.length, 1, `${format}: one day 2 heading`);
    assert.ok(day2[0] > 0);
    const day2First = sample.sessions.find((s) => s.day === 2).title;
    assert.ok(pages[day2[0]].indexOf('Friday 16 September 2022') < pages[day2[0]].indexOf(day2First));
    assert.ok(!pages[day2[0]].includes('Evening reception'), `${format}: no day 1 session on day 2's first page`);
    // No session split across a page break: its title and its last line share a page.
    for (const s of sessions) {
      const titlePages = onPage(s.title);
      assert.ok(titlePages.length > 0, `${format}: ${s.title} not found`);
      // (pdftotext drops the hyphen of a word broken at a line's end: "Asia-Pacific" → "AsiaPacific".)
      const unhyphenated = (t) => t.replace(/-/g, '');
      assert.ok(titlePages.some((p) => unhyphenated(pages[p]).includes(unhyphenated(s.last))), `${format}: “${s.title}” split from “${s.last}”`);
    }
    execFileSync('pdftoppm', ['-r', '45', '-png', pdf, `target/screenshots/programme-${format}`]);
  }
  await noScript.context.close();
});

test("the programme's QR code reads back as the attendee schedule's address", async () => {
  const url = 'https://example.org/agenda/view/?src=r2p-focal-points-2022-published.json';
  const { page, context } = await app.newPage({ acceptDownloads: true });
  await openExport(page);
  await page.getByLabel('Attendee schedule address').fill(url);
  await page.frameLocator('iframe[title="Programme preview"]').getByRole('img', { name: "QR code of the schedule's address" }).waitFor();
  const html = await download(page, /^Download .*programme\.html$/);
  await context.close();
  const noScript = await app.newPage({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
  await noScript.page.goto(`file://${resolve(html.path)}`);
  const code = noScript.page.getByRole('img', { name: "QR code of the schedule's address" });
  const png = `${OUT}/qr.png`;
  await code.screenshot({ path: png });
  const read = execFileSync('python3', ['tests/support/read_qr.py', png], { encoding: 'utf8' }).trim();
  assert.equal(read, url);
  await noScript.context.close();
});
