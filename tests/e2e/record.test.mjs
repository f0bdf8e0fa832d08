// The meeting's record in a real browser: a key message written in a session's form and a
// recommendation added on the Outcomes part are kept over a reload, reordered with the
// keyboard, and printed in the summary report, which opens with JavaScript disabled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { start, appReady, screen, part } from './browser.mjs';

const OUT = 'target/record';
let app;
before(async () => {
  // Two publications of the sample for the attendee view: the second moves a session.
  const sample = JSON.parse(execFileSync('cargo', ['run', '-q', '--bin', 'agenda', '--', 'sample'], { encoding: 'utf8' }));
  const dir = mkdtempSync(join(tmpdir(), 'agenda-record-'));
  const published = (meeting, name) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(meeting));
    return execFileSync('cargo', ['run', '-q', '--bin', 'agenda', '--', 'export', file, '--format', 'published'], { encoding: 'utf8' });
  };
  const v1 = published(sample, 'v1.json');
  const gendering = sample.meeting.sessions.find((s) => s.title === 'Gendering R2P');
  gendering.start = '16:30';
  gendering.end = '17:45';
  const v2 = published(sample, 'v2.json');
  app = await start({ '/published/v1.json': ['application/json', v1], '/published/v2.json': ['application/json', v2] });
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  mkdirSync('target/screenshots', { recursive: true });
});
after(async () => { await app?.stop(); });

test('a key message and a recommendation written in the planner are kept and printed in the summary report', async () => {
  const { page, context, errors } = await app.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  await page.goto(app.url);
  await appReady(page);
  await screen(page, 'Edit');
  await part(page, 'Sessions');

  // A session's key messages, in its form.
  await page.getByRole('button', { name: 'Edit Gendering R2P' }).click();
  const form = page.getByRole('form', { name: 'Session Gendering R2P' });
  const messages = form.getByLabel('Key messages and outcomes');
  assert.match(await messages.inputValue(), /^Understanding the linkages/, 'the sample carries the summary');
  await messages.fill('Gender is a risk factor <b>not</b> a footnote.\n\n- Appoint WPS and R2P Focal Points together');
  await form.getByRole('button', { name: 'Save session' }).click();
  await page.getByText('Saved in this browser').waitFor();

  // A recommendation, added on the Outcomes part, then moved first with the keyboard.
  await part(page, 'Outcomes');
  await page.getByRole('heading', { level: 2, name: 'Recommendations' }).waitFor();
  const added = page.getByRole('form', { name: 'New recommendation' });
  await added.getByLabel('Text of the new recommendation').fill('Hold the 11th meeting in the Global South.');
  await added.getByText('Where it came from: not said').click();
  await added.getByLabel('Add a session it came from').selectOption('10');
  await added.getByRole('button', { name: 'Add recommendation' }).click();
  const text = (n) => page.getByRole('form', { name: `Recommendation ${n}` }).locator('textarea');
  await text(5).waitFor();
  assert.equal(await text(5).inputValue(), 'Hold the 11th meeting in the Global South.');
  // Folded, its summary names where it came from; opened, the session is ticked.
  const fifth = page.getByRole('form', { name: 'Recommendation 5' });
  await fifth.getByText('Where it came from: Gendering R2P').click();
  const from = fifth.getByRole('group', { name: 'Sessions it came from' }).getByRole('checkbox', { name: 'Gendering R2P' });
  assert.equal(await from.isChecked(), true, 'the session it came from, ticked');
  // Enter on "Move … earlier" four times: the focus stays on the moved recommendation's button.
  await page.getByRole('button', { name: 'Move Recommendation 5 earlier' }).focus();
  for (let n = 4; n >= 1; n--) {
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector(`#recommendation-${n}-recommendation`)?.value.startsWith('Hold the 11th'), n);
    // The focus follows once the list is drawn again.
    const expected = n > 1 ? `Move Recommendation ${n} earlier` : 'Move Recommendation 1 later';
    await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, expected, { timeout: 5000 })
      .catch(() => {});
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    assert.equal(focused, expected, `after the move to ${n}`);
  }
  await page.screenshot({ path: 'target/screenshots/outcomes-1280.png', fullPage: true });

  // Kept over a reload, in the new order.
  const secondBefore = await text(2).inputValue();
  await page.reload();
  await appReady(page);
  assert.equal(await text(1).inputValue(), 'Hold the 11th meeting in the Global South.');
  assert.equal(await text(2).inputValue(), secondBefore);
  assert.match(secondBefore, /^States, as well as regional and international organizations/);

  // The summary report, from the Export screen: its preview, then the file.
  await screen(page, 'Export');
  await page.getByLabel('Summary report').check();
  const preview = page.frameLocator('iframe[title="Summary report preview"]');
  await preview.getByRole('heading', { level: 2, name: 'Gendering R2P' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), true);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download r2p-focal-points-2022-summary.html' }).click(),
  ]);
  const path = `${OUT}/${file.suggestedFilename()}`;
  await file.saveAs(path);
  assert.match(readFileSync(path, 'utf8'), /^<!DOCTYPE html>/);
  assert.deepEqual(errors, []);
  await context.close();

  const noScript = await app.newPage({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
  await noScript.page.goto(`file://${resolve(path)}`);
  const report = noScript.page;
  await report.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  const section = report.getByRole('region', { name: 'Gendering R2P' });
  assert.ok((await section.innerText()).includes('Gender is a risk factor <b>not</b> a footnote.'), 'typed text, shown as typed');
  assert.equal(await section.getByRole('listitem').first().innerText(), 'Appoint WPS and R2P Focal Points together');
  assert.ok((await section.innerText()).includes('Panelists: Ms Hilary Anderson'));
  const recommendations = report.getByRole('region', { name: 'Recommendations' }).getByRole('listitem');
  assert.equal(await recommendations.count(), 5);
  const top = await recommendations.first().innerText();
  assert.ok(top.startsWith('Hold the 11th meeting in the Global South.'), top);
  assert.ok(top.includes('From: Gendering R2P'), top);
  await report.screenshot({ path: 'target/screenshots/summary-1000.png', fullPage: true });
  // Printed: every page says what it is and which page of how many.
  const pdf = `${OUT}/summary.pdf`;
  await report.pdf({ path: pdf, format: 'A4', printBackground: true });
  const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  assert.ok(pageCount >= 3, `${pageCount} pages`);
  for (let i = 1; i <= pageCount; i++) {
    const t = execFileSync('pdftotext', ['-f', `${i}`, '-l', `${i}`, pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(t.includes(`10th Annual Meeting · Summary report · page ${i} of ${pageCount}`), `page ${i}: ${t.slice(-150)}`);
  }
  execFileSync('pdftoppm', ['-r', '45', '-png', '-f', '1', '-l', '2', pdf, 'target/screenshots/summary-A4']);
  await noScript.context.close();
});

test('two saved versions are compared: a moved session and a changed role, and the programme takes the latest version label', async () => {
  const { page, context, errors } = await app.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  await page.goto(app.url);
  await appReady(page);
  const saveVersion = async (name) => {
    await screen(page, 'Export');
    const form = page.getByRole('form', { name: 'Save a version' });
    await form.getByLabel('Name of the version').fill(name);
    await form.getByLabel('Dated').fill('2022-08-12');
    await form.getByRole('button', { name: 'Save version' }).click();
    await page.getByRole('list', { name: 'Saved versions' }).getByText(name, { exact: true }).waitFor();
  };
  await saveVersion('Draft 1');

  await screen(page, 'Edit');
  await part(page, 'Sessions');
  await page.getByRole('button', { name: 'Edit Gendering R2P' }).click();
  let form = page.getByRole('form', { name: 'Session Gendering R2P' });
  await form.getByLabel('Starts').fill('16:30');
  await form.getByLabel('Ends').fill('17:45');
  await form.getByRole('button', { name: 'Save session' }).click();
  await page.getByText('Saved in this browser').waitFor();
  await page.getByRole('button', { name: 'Edit Opening ceremony' }).click();
  form = page.getByRole('form', { name: 'Session Opening ceremony' });
  await form.getByLabel('Role of Mr George Okoth-Obbo').selectOption({ label: 'Keynote speaker' });
  await form.getByRole('button', { name: 'Save session' }).click();
  await page.getByText('Saved in this browser').waitFor();

  await saveVersion('Draft 2');
  const compare = page.getByRole('group', { name: 'Compare versions' });
  await compare.getByLabel('Compare').selectOption({ label: 'Draft 1 (Friday 12 August 2022)' });
  await compare.getByLabel('with').selectOption({ label: 'Draft 2 (Friday 12 August 2022)' });
  const found = page.getByRole('region', { name: 'Changes since Draft 1' }).getByRole('listitem');
  await found.first().waitFor();
  const lines = await found.allInnerTexts();
  assert.deepEqual(lines, [
    'Mr George Okoth-Obbo in Opening ceremony: Keynote speaker instead of Opening remarks',
    'Moved: Gendering R2P, from Thu 15 Sep 16:15–17:30 · Hall of the Americas to Thu 15 Sep 16:30–17:45 · Hall of the Americas',
  ]);
  await page.screenshot({ path: 'target/screenshots/versions-1280.png', fullPage: true });
  // The programme's version label and date follow the latest version.
  assert.equal(await page.getByLabel('Version label').inputValue(), 'Draft 2');
  assert.equal(await page.getByLabel('Version date').inputValue(), '2022-08-12');
  await page.frameLocator('iframe[title="Programme preview"]').getByText('Version: Draft 2 — Friday 12 August 2022').waitFor();
  // The change note, as a file.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    compare.getByRole('button', { name: 'Download the change note' }).click(),
  ]);
  const path = `${OUT}/${file.suggestedFilename()}`;
  await file.saveAs(path);
  assert.equal(file.suggestedFilename(), 'r2p-focal-points-2022-changes-since-draft-1.html');
  const note = readFileSync(path, 'utf8');
  assert.ok(note.includes('<h1>Changes since Draft 1</h1>'));
  assert.ok(note.includes('Moved: Gendering R2P'));
  // Kept over a reload; the meeting now differs from Draft 2 by nothing.
  await page.reload();
  await appReady(page);
  await page.getByRole('list', { name: 'Saved versions' }).getByText('Draft 1', { exact: true }).waitFor();
  await page.getByRole('region', { name: 'Changes since Draft 2' }).getByText('Nothing changed.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('an attendee coming back sees what changed in the published schedule since the last visit', async () => {
  const { page, context, errors } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${app.url}view/?src=${encodeURIComponent('/published/v1.json')}`);
  await page.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  await page.locator('#shell').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Star “Opening ceremony”' }).waitFor();
  // The schedule shown is kept once the check's code has loaded, after the first paint.
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('agenda-planner.seen.')));
  assert.equal(await page.getByRole('region', { name: 'Changed since your last visit' }).count(), 0, 'nothing on a first visit');
  // The organizers publish again; the attendee opens the schedule again.
  await page.goto(`${app.url}view/?src=${encodeURIComponent('/published/v2.json')}`);
  const changed = page.getByRole('region', { name: 'Changed since your last visit' });
  await changed.waitFor();
  assert.deepEqual(await changed.getByRole('listitem').allInnerTexts(), [
    'Moved: Gendering R2P, from Thu 15 Sep 16:15–17:30 · Hall of the Americas to Thu 15 Sep 16:30–17:45 · Hall of the Americas',
  ]);
  await page.screenshot({ path: 'target/screenshots/attendee-changed-390.png' });
  await changed.getByRole('button', { name: 'Dismiss' }).click();
  await changed.waitFor({ state: 'detached' });
  // Said once: the next visit has nothing new to say.
  await page.reload();
  await page.getByRole('button', { name: 'Star “Opening ceremony”' }).waitFor();
  // Once the check's code has loaded and run (two frames after), there is still nothing.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('since_last_visit') && e.responseEnd > 0));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
  assert.equal(await page.getByRole('region', { name: 'Changed since your last visit' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
