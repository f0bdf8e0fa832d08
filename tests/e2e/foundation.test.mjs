// The foundation in a real browser: the sample shows in full, edits are saved, stored data
// that cannot be read is kept and explained, and the layout holds on a phone and a laptop.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { start, appReady, renameMeeting, screen } from './browser.mjs';

const KEY = 'agenda-planner.meeting';
let app;
before(async () => { app = await start(); mkdirSync('target/screenshots', { recursive: true }); });
after(async () => { await app?.stop(); });

// Every person the seed summary names, as the programme shows them.
const PEOPLE = [
  'H.E. Luis Almagro Lemes', 'George Okoth-Obbo', 'Anne Witkowsky', 'Savita Pawnday',
  'Jared Genser', 'Alexandre Polack', 'H.E. Uzra Zeya', 'H.E. Oksana Markarova',
  'Beatriz Borges', 'Wai Wai Nu', 'Maria Eugenia Carbone', 'Naomi Kikoler', 'Kate Ferguson',
  'Andrei Serbin Pont', 'Hilary Anderson', 'Katrina Fotovat', 'Jaclyn Streitfeld-Hall',
  'H.E. Mutlaq Al-Qahtani', 'Martin Mennecke', 'Rebecca Barber',
];
const DAY1 = [
  'Registration and welcome coffee', 'Opening ceremony',
  'Regional organizations and the implementation of R2P', 'Coffee break',
  'Identifying successes and challenges in preventing atrocities: Myanmar, Ukraine and Venezuela',
  'Lunch', 'Launch of the OAS report on R2P and atrocity prevention in the Americas',
  'The role of civil society in mobilizing action to uphold R2P', 'Coffee break', 'Gendering R2P',
  'Evening reception',
];
const DAY2 = [
  'Atrocity prevention in practice: mechanisms for implementing R2P', 'Coffee break',
  'Consultation on a global “Framework for Implementation”', 'Recommendations and closing', 'Lunch',
];

async function sessionTitles(page) {
  return page.getByRole('tabpanel').getByRole('article').evaluateAll(
    (articles) => articles.map((a) => a.querySelector('h4').textContent),
  );
}

test('the sample loads with no console errors and shows both days, every session and every named person', async () => {
  const { page, context, errors } = await app.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(app.url);
  await appReady(page);
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor());
  await page.getByText('15–16 September 2022').waitFor();
  await page.getByText('All times are local to the venue (America/New_York)').waitFor();

  const tabs = page.getByRole('tab');
  assert.equal(await tabs.count(), 2);
  const day1 = page.getByRole('tab', { name: /Thu 15 Sep/ });
  const day2 = page.getByRole('tab', { name: /Fri 16 Sep/ });
  assert.equal(await day1.getAttribute('aria-selected'), 'true');
  assert.deepEqual(await sessionTitles(page), DAY1);
  const shown = [await page.getByRole('tabpanel').innerText()];
  await page.screenshot({ path: 'target/screenshots/agenda-1280.png', fullPage: true });

  await day2.click();
  assert.equal(await day2.getAttribute('aria-selected'), 'true');
  await page.getByRole('heading', { name: 'Friday 16 September 2022' }).waitFor();
  assert.deepEqual(await sessionTitles(page), DAY2);
  shown.push(await page.getByRole('tabpanel').innerText());

  const all = shown.join('\n');
  for (const name of PEOPLE) assert.ok(all.includes(name), `${name} is not shown`);
  assert.ok(all.includes('H.E. Luis Almagro Lemes, Secretary General, Organization of American States'));
  assert.match(shown[0], /Panelists\n/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a session shows its people grouped by role, its room and its theme', async () => {
  const { page, context } = await app.newPage();
  await page.goto(app.url);
  const session = page.getByRole('article', { name: 'Gendering R2P' });
  await session.waitFor();
  await session.getByText('16:15').waitFor();
  await session.getByText('Hall of the Americas').waitFor();
  const themes = session.getByRole('list', { name: 'Themes' });
  assert.equal(await themes.innerText(), 'Gendering R2P');
  const panelists = await session.getByRole('definition').innerText();
  assert.match(panelists, /Ms Hilary Anderson, Senior Gender Specialist, Inter-American Commission of Women/);
  await context.close();
});

test('the day tabs work from the keyboard', async () => {
  const { page, context } = await app.newPage();
  await page.goto(app.url);
  await page.getByRole('tab', { name: /Thu 15 Sep/ }).focus();
  await page.keyboard.press('ArrowRight');
  const day2 = page.getByRole('tab', { name: /Fri 16 Sep/ });
  assert.equal(await day2.getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), await day2.getAttribute('id'));
  await page.keyboard.press('Home');
  assert.equal(await page.getByRole('tab', { name: /Thu 15 Sep/ }).getAttribute('aria-selected'), 'true');
  await context.close();
});

test('renaming the meeting survives a reload', async () => {
  const { page, context, errors } = await app.newPage();
  await page.goto(app.url);
  await appReady(page);
  await renameMeeting(page, 'R2P Focal Points — 2022 draft <b>bold</b>');
  await page.getByText('Saved in this browser').waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'R2P Focal Points — 2022 draft <b>bold</b>' }).waitFor();
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(stored.format, 'agenda-planner');
  assert.equal(stored.version, 2);
  assert.equal(stored.meeting.title, 'R2P Focal Points — 2022 draft <b>bold</b>');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an empty title is refused next to the field and nothing is saved', async () => {
  const { page, context } = await app.newPage();
  await page.goto(app.url);
  await renameMeeting(page, '   ');
  await page.getByText('The meeting needs a title.').waitFor();
  assert.equal(await page.getByLabel('Meeting title').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  await page.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  await context.close();
});

test('when storage is full the edit stays on screen, the user is told at once and can save it as a file', async () => {
  const { page, context } = await app.newPage({ acceptDownloads: true });
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'agenda-planner.meeting') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  await page.goto(app.url);
  await renameMeeting(page, 'Renamed while the disk is full');
  const alert = page.getByRole('alert').filter({ hasText: 'could not be saved' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /storage for this site is full/);
  await page.getByText(/^Not saved: /).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Renamed while the disk is full' }).waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Save as file' }).click()]);
  assert.equal(file.suggestedFilename(), 'r2p-focal-points-2022.json');
  const saved = JSON.parse(readFileSync(await file.path(), 'utf8'));
  assert.equal(saved.meeting.title, 'Renamed while the disk is full');
  await context.close();
});

for (const [what, stored, message] of [
  ['corrupt', '{"format":"agenda-planner","version":1,"meeting":{"title":', 'is not valid JSON'],
  ['newer', '{"format":"agenda-planner","version":9,"meeting":{"title":"From the future"}}', 'newer version'],
  ['foreign', '{"schedule":{"version":"1.0"}}', 'is not an agenda-planner file'],
]) {
  test(`${what} stored data is kept under a backup key, explained, and the sample is shown`, async () => {
    const { page, context } = await app.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(app.url);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, stored]);
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'could not be opened' });
    await alert.waitFor();
    assert.match(await alert.innerText(), new RegExp(message));
    await page.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
    const keys = await page.evaluate(() => Object.keys(localStorage));
    const backup = keys.find((k) => k.startsWith(`${KEY}.backup-`));
    assert.ok(backup, `no backup key among ${keys}`);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), backup), stored);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), stored, 'untouched until an edit');
    assert.ok((await alert.innerText()).includes(backup));
    if (what === 'corrupt') await page.screenshot({ path: 'target/screenshots/unreadable-390.png', fullPage: true });
    await context.close();
  });
}

test('start a blank meeting opens a new one and keeps the open one in Meetings; restore the sample asks first', async () => {
  const { page, context, errors } = await app.newPage();
  await page.goto(app.url);
  await appReady(page);
  await page.getByRole('button', { name: 'Start a blank meeting' }).click();
  await page.getByRole('heading', { level: 1, name: 'Untitled meeting' }).waitFor();
  await page.getByText('Started a blank meeting. “Global Network of R2P Focal Points” is kept in Meetings.').waitFor();
  await page.getByText('No sessions on this day yet.').waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Untitled meeting' }).waitFor();
  // The meeting open before is still there, and opens again.
  await screen(page, 'Meetings');
  await page.getByRole('heading', { name: 'Meetings in this browser' }).waitFor();
  await page.getByRole('form', { name: 'Meeting Global Network of R2P Focal Points' }).waitFor();
  await page.getByRole('form', { name: 'Meeting Untitled meeting' }).waitFor();
  await screen(page, 'Programme');

  await page.getByRole('button', { name: 'Restore the sample' }).click();
  const confirm = page.getByRole('group', { name: 'Confirm replacing the meeting' });
  await confirm.getByText('Replace “Untitled meeting” with the sample meeting? Undo brings it back.').waitFor();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Restore the sample' }).click();
  await page.getByRole('button', { name: 'Replace' }).click();
  await page.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  await page.getByRole('article', { name: 'Opening ceremony' }).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('heading', { level: 1, name: 'Untitled meeting' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [width, height] of [[390, 844], [1280, 800]]) {
  test(`at ${width} px nothing overflows sideways and every control has a name`, async () => {
    const { page, context } = await app.newPage({ viewport: { width, height } });
    await page.goto(app.url);
    await page.getByRole('article', { name: 'Opening ceremony' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, [role=tab]')]
        .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim()))
        .map((el) => el.outerHTML));
    assert.deepEqual(unnamed, []);
    if (width === 390) await page.screenshot({ path: 'target/screenshots/agenda-390.png', fullPage: true });
    await context.close();
  });
}

test('both apps run under the strict Content-Security-Policy, and a violation is caught', async () => {
  const { page } = await app.newPage();
  const response = await page.goto(app.url);
  const policy = response.headers()['content-security-policy'];
  const allowed = policy.match(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '(sha256-[A-Za-z0-9+/=]+)' '(sha256-[A-Za-z0-9+/=]+)'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'$/);
  assert.ok(allowed, policy);
  await appReady(page);
  // Each page holds one inline script (its first: the attendee view's draws a published
  // file's first screen, the planner's the first screen it kept), which the policy allows by
  // its hash; the loaders are files of the site.
  const inline = () => page.evaluate(() => [...document.scripts].filter((s) => !s.src).map((s) => s.textContent));
  const hashOf = (script) => `sha256-${createHash('sha256').update(script).digest('base64')}`;
  const planner = await inline();
  assert.equal(planner.length, 1);
  const view = await page.goto(new URL('view/', app.url).href);
  assert.equal(view.headers()['content-security-policy'], policy);
  const scripts = await inline();
  assert.equal(scripts.length, 1);
  assert.deepEqual([hashOf(scripts[0]), hashOf(planner[0])], [allowed[1], allowed[2]]);
  // What the policy refuses is reported (and would fail the test file): an inline script
  // and an inline style attribute, put into the page from outside.
  const before = app.violations.length;
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.ran = true';
    document.body.append(s);
    document.body.setAttribute('style', 'color: red');
  });
  for (let i = 0; i < 20 && app.violations.length < before + 2; i++) await page.waitForTimeout(50);
  const caught = app.violations.splice(before);
  assert.deepEqual(caught.map((v) => v.directive).sort(), ['script-src-elem', 'style-src-attr']);
  assert.equal(await page.evaluate(() => window.ran), undefined, 'the inline script did not run');
});
