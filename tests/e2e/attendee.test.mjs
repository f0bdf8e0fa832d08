// The attendee view in a real browser: the organizer's Share link opens the schedule in a
// fresh profile without touching its own meetings; filters narrow the list and live in the
// URL; stars survive a reload; a phone shows the list, a laptop the time × room grid; a
// garbled link shows a page that says what is wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, appReady, renameMeeting, screen, part } from './browser.mjs';

let app;
let link;
before(async () => {
  // A published meeting file on the same site, for ?src=.
  const published = execFileSync('cargo', ['run', '-q', '--bin', 'agenda', '--', 'sample'], { encoding: 'utf8' });
  // The same in the published form (what Export → Schedule for attendees writes).
  const file = join(mkdtempSync(join(tmpdir(), 'agenda-attendee-')), 'r2p.json');
  writeFileSync(file, published);
  const form = execFileSync('cargo', ['run', '-q', '--bin', 'agenda', '--', 'export', file, '--format', 'published'], { encoding: 'utf8' });
  app = await start({
    '/published/r2p.json': ['application/json', published],
    '/published/r2p-published.json': ['application/json', form],
    '/published/hostile-preview.json': ['application/json', hostilePreview(form)],
  });
  mkdirSync('target/screenshots', { recursive: true });
  // The organizer shares the sample.
  const { page, context } = await app.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(app.url);
  await appReady(page);
  await page.getByRole('button', { name: 'Share', exact: true }).first().click();
  await page.getByRole('heading', { name: 'Share a read-only schedule' }).waitFor();
  await page.getByRole('region', { name: 'Share a read-only schedule' }).getByRole('button', { name: 'Share', exact: true }).click();
  link = await page.getByLabel('Share link').inputValue();
  const length = await page.getByText(/^Link length:/).innerText();
  assert.match(length, /^Link length: [\d]+ characters/);
  console.log(`sample share link: ${length}`);
  await page.screenshot({ path: 'target/screenshots/share-1280.png' });
  await context.close();
});
after(async () => { await app?.stop(); });

const stored = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('agenda-planner.meeting') || k === 'agenda-planner.library').sort()));
const titles = (page) => page.getByRole('list', { name: /^Sessions on / }).getByRole('heading', { level: 3 }).allInnerTexts();

test('the share link opens the schedule in a fresh profile; filters narrow it and go into the URL', async () => {
  const { page, errors } = await app.newPage({ viewport: { width: 390, height: 844 } });
  // This profile has a meeting of its own.
  await page.goto(app.url);
  await appReady(page);
  await renameMeeting(page, 'My own meeting');
  await page.getByRole('heading', { level: 1, name: 'My own meeting' }).waitFor();
  const mine = await stored(page);

  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  await page.getByText('All times are local to the venue (America/New_York).').waitFor();
  assert.equal((await titles(page)).length, 11, 'day 1 has 11 sessions');
  assert.equal(await page.getByRole('tab', { name: /Thu 15 Sep/ }).getAttribute('aria-selected'), 'true');
  await page.screenshot({ path: 'target/screenshots/attendee-390.png', fullPage: true });

  // A phone shows a list: the sessions stack in one column.
  const layout = await page.getByRole('list', { name: /^Sessions on / }).evaluate((ol) => {
    const xs = [...ol.children].map((li) => li.getBoundingClientRect().x);
    return { display: getComputedStyle(ol).display, columns: new Set(xs).size };
  });
  assert.equal(layout.columns, 1, 'one column on a phone');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);

  // On a 390 × 844 phone the first session's title is on the first screen: the filters are
  // behind a button.
  const first = page.getByRole('list', { name: /^Sessions on / }).getByRole('heading', { level: 3 }).first();
  const box = await first.boundingBox();
  assert.ok(box && box.y + box.height <= 844, `the first session's title ends at ${box?.y + box?.height} px`);
  assert.equal(await page.getByLabel('Search titles, people and organizations').count(), 0, 'filters closed at first');
  const toggle = page.getByRole('button', { name: 'Filters', exact: true });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.getByRole('search', { name: 'Find sessions' }).screenshot({ path: 'target/screenshots/attendee-filters-390.png' });

  // Theme filter.
  await page.getByRole('checkbox', { name: 'Gendering R2P' }).check();
  assert.equal(await page.getByRole('button', { name: 'Filters (1 on)' }).getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await titles(page), ['Gendering R2P']);
  assert.match(page.url(), /[?&]theme=\d+/);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  // Search over people and organizations.
  await page.getByLabel('Search titles, people and organizations').fill('okoth');
  assert.deepEqual(await titles(page), ['Opening ceremony']);
  await page.getByRole('tab', { name: /Fri 16 Sep/ }).click();
  assert.deepEqual(await titles(page), ['Atrocity prevention in practice: mechanisms for implementing R2P']);
  assert.match(page.url(), /q=okoth/);
  // The filtered view is a link of its own.
  const filtered = page.url();
  const { page: other } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await other.goto(filtered);
  await other.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  await other.getByRole('button', { name: 'Filters (1 on)' }).click();
  assert.equal(await other.getByLabel('Search titles, people and organizations').inputValue(), 'okoth');
  assert.deepEqual(await titles(other), ['Atrocity prevention in practice: mechanisms for implementing R2P']);

  // Back in the planner, this profile's own meeting is untouched.
  await page.goto(app.url);
  await page.getByRole('heading', { level: 1, name: 'My own meeting' }).waitFor();
  assert.equal(await stored(page), mine);
  assert.deepEqual(errors, []);
});

test('stars survive a reload, and starred only shows them', async () => {
  const { page, errors } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(link);
  const star = page.getByRole('button', { name: 'Star “Gendering R2P”' });
  await star.click();
  assert.equal(await star.getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'Star “Opening ceremony”' }).click();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Star “Gendering R2P”' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Starred only' }).check();
  assert.deepEqual(await titles(page), ['Opening ceremony', 'Gendering R2P']);
  // The planner's meetings are not touched by starring.
  assert.equal(await stored(page), '[]');
  // A session's details, with people and their positions.
  await page.getByRole('button', { name: 'Opening ceremony', exact: true }).click();
  const detail = page.getByRole('region', { name: 'Session Opening ceremony' });
  await detail.waitFor();
  assert.match(await detail.innerText(), /Luis Almagro Lemes, Secretary General/);
  await page.screenshot({ path: 'target/screenshots/attendee-detail-390.png', fullPage: true });
  await page.getByRole('button', { name: '← Back to the schedule' }).click();
  // The people directory.
  await page.getByRole('button', { name: 'People', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'People' }).waitFor();
  await page.getByRole('heading', { level: 3, name: /Wai Wai Nu/ }).waitFor();
  assert.deepEqual(errors, []);
});

test('a laptop shows the time × room grid', async () => {
  const { page, errors } = await app.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  const layout = await page.getByRole('list', { name: /^Sessions on / }).evaluate((ol) => {
    const boxes = [...ol.children].map((li) => ({ title: li.querySelector('h3').innerText, x: li.getBoundingClientRect().x, y: li.getBoundingClientRect().y }));
    return { display: getComputedStyle(ol).display, boxes };
  });
  assert.equal(layout.display, 'grid');
  // Lunch (Patio Azteca) and the report launch (another room) overlap: side by side.
  const lunch = layout.boxes.find((b) => b.title === 'Lunch');
  const launch = layout.boxes.find((b) => b.title.startsWith('Launch of the OAS report'));
  assert.notEqual(lunch.x, launch.x, 'different room columns');
  assert.ok(launch.y > lunch.y, 'the launch starts later, further down');
  await page.screenshot({ path: 'target/screenshots/attendee-1280.png', fullPage: true });
  assert.deepEqual(errors, []);
});

test('a garbled or cut link shows what is wrong, never a blank page', async () => {
  const { page } = await app.newPage({ viewport: { width: 390, height: 844 } });
  for (const bad of [link.slice(0, link.length - 40), `${link.slice(0, -60)}A${link.slice(-59)}`, `${app.url}#s=this-is-not-a-schedule`, `${app.url}#s=`, `${app.url}#s=%25%25`, `${app.url}#share=this-is-not-a-schedule`]) {
    await page.goto('about:blank');
    await page.goto(bad);
    await page.getByRole('heading', { level: 1, name: 'This schedule link cannot be opened' }).waitFor();
    assert.ok((await page.getByRole('alert').innerText()).length > 20);
  }
  await page.screenshot({ path: 'target/screenshots/attendee-error-390.png' });
  // A published file that is not there.
  await page.goto(`${app.url}?src=${encodeURIComponent(`${app.url}no-such-file.json`)}`);
  await page.getByRole('heading', { level: 1, name: 'This schedule link cannot be opened' }).waitFor();
  assert.match(await page.getByRole('alert').innerText(), /no-such-file\.json/);
});

test('the share link is the published form, compressed by the browser; links made before still open', async () => {
  // Half the length of the link that carried the meeting file (7,620 characters for the
  // sample, tests/fixtures/share-link-lz.txt).
  const old = readFileSync('tests/fixtures/share-link-lz.txt', 'utf8').trim();
  const data = link.slice(link.indexOf('#s=') + 3);
  assert.match(data, /^[A-Za-z0-9_-]+$/);
  assert.ok(data.length * 2 <= old.length, `${data.length} characters vs ${old.length}`);
  const { page, errors } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${app.url}view/#${old}`);
  await page.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  assert.equal((await titles(page)).length, 11);
  // The planner's address forwards a share link to the view.
  await page.goto(`${app.url}#${old}`);
  await page.waitForURL(/\/view\/#share=/);
  await page.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  assert.deepEqual(errors, []);
});

test('during the meeting, now and next are marked and Jump to now goes there; times switch to the viewer’s timezone', async () => {
  const { page, errors } = await app.newPage({ viewport: { width: 390, height: 844 }, timezoneId: 'Europe/Berlin' });
  // 09:30 in Washington on the first day (EDT, UTC−4).
  await page.clock.setFixedTime(new Date('2022-09-15T13:30:00Z'));
  await page.goto(`${link.replace('#', '?day=2#')}`);
  await page.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  const status = page.getByText(/^Now: /);
  assert.match(await status.innerText(), /Now: Opening ceremony\. Next: Regional organizations and the implementation of R2P\./);
  // The view was on day 2: Jump to now goes to day 1 and the current session.
  assert.equal(await page.getByRole('tab', { name: /Fri 16 Sep/ }).getAttribute('aria-selected'), 'true');
  await page.getByRole('button', { name: 'Jump to now' }).click();
  assert.equal(await page.getByRole('tab', { name: /Thu 15 Sep/ }).getAttribute('aria-selected'), 'true');
  const current = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Opening ceremony' }) });
  assert.match(await current.innerText(), /^09:00–10:00\s*now/i);
  await page.waitForFunction(() => document.activeElement?.closest('li')?.id === 'slot-2');
  const next = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Regional organizations/ }) });
  assert.match(await next.innerText(), /\bnext\b/i);
  await page.screenshot({ path: 'target/screenshots/attendee-now-390.png' });

  // The viewer's own timezone: Berlin is six hours ahead of Washington in September.
  await page.getByRole('checkbox', { name: 'Show times in my timezone' }).check();
  await page.getByText('Times are shown in your timezone (Europe/Berlin)', { exact: false }).waitFor();
  assert.match(await current.innerText(), /^15:00–16:00/);
  assert.match(page.url(), /mytime=1/);
  assert.deepEqual(errors, []);
});

test('before and after the meeting it says so', async () => {
  const { page } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await page.clock.setFixedTime(new Date('2022-09-01T12:00:00Z'));
  await page.goto(link);
  await page.getByText('The meeting starts on Thursday 15 September 2022.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Jump to now' }).count(), 0);
  const { page: later } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await later.clock.setFixedTime(new Date('2023-01-01T12:00:00Z'));
  await later.goto(link);
  await later.getByText('The meeting has ended.').waitFor();
});

test('a published file opens with ?src=, and Save a copy is the one way into the planner', async () => {
  const { page, errors } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${app.url}view/?src=${encodeURIComponent('/published/r2p.json')}`);
  await page.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  assert.equal((await titles(page)).length, 11);
  assert.equal(await stored(page), '[]', 'opening touches nothing of the planner');
  await page.getByRole('button', { name: 'Save a copy' }).click();
  await page.getByText(/Saved a copy in this browser's planner/).waitFor();
  await page.getByRole('link', { name: 'Open the agenda planner' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  await screen(page, 'Meetings');
  await page.getByRole('heading', { name: 'Meetings in this browser' }).waitFor();
  assert.equal(await page.locator('.meeting-list > li').count(), 1, 'the copy, stored and open');
  assert.notEqual(await stored(page), '[]');
  assert.deepEqual(errors, []);
});

/** A published file whose first screen was tampered with: markup, odd classes, wrong kinds. */
function hostilePreview(form) {
  const json = JSON.parse(form);
  const slot = json.preview.slots[0];
  json.preview.title = '<img src=x onerror="window.owned=1">Owned';
  slot[0] = 'x" onclick="window.owned=1';
  slot[1] = 'red; background: url(javascript:alert(1))';
  slot[5] = '<script>window.owned=1</script>';
  slot[6] = [[{}, 5], 'not a pair'];
  json.preview.slots[1] = 42;
  json.preview.days = 'no list';
  return JSON.stringify(json);
}

/** The text of each session the list named "Sessions on …" shows. */
const slotTexts = (page) => page.getByRole('list', { name: /^Sessions on / }).locator(':scope > li').allInnerTexts();

test('a published file paints its first screen before the code of the app runs, as the app then draws it', async () => {
  const url = `${app.url}view/?src=${encodeURIComponent('/published/r2p-published.json')}`;
  // The app's code never arrives: what shows is the page's first script's drawing.
  const early = await app.newPage({ viewport: { width: 1280, height: 900 } });
  await early.page.route('**/*.wasm', (route) => route.abort());
  await early.page.goto(url);
  await early.page.getByRole('heading', { level: 1, name: 'Global Network of R2P Focal Points' }).waitFor();
  const drawn = await slotTexts(early.page);
  assert.ok(drawn.length > 0 && drawn.length <= 24, `${drawn.length} sessions drawn`);
  // Its controls cannot be focused (or pressed) before the app runs; the one link works.
  const focused = [];
  for (let i = 0; i < 4; i++) {
    await early.page.keyboard.press('Tab');
    focused.push(await early.page.evaluate(() => (document.activeElement === document.body ? 'BODY' : document.activeElement.textContent.trim())));
  }
  assert.deepEqual([...new Set(focused)].filter((f) => f !== 'BODY'), ['Open the agenda planner']);
  await early.page.screenshot({ path: 'target/screenshots/attendee-preview-1280.png' });
  await early.context.close();
  // With its code, the app draws the same sessions the same way.
  const { page, errors } = await app.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.getByRole('button', { name: 'Filters', exact: true }).waitFor();
  assert.deepEqual((await slotTexts(page)).slice(0, drawn.length), drawn);
  assert.equal(await page.locator('#shell').count(), 0, 'the first drawing is gone');
  assert.deepEqual(errors, []);
  await page.screenshot({ path: 'target/screenshots/attendee-app-1280.png' });
  await page.context().close();
});

test('a first screen tampered with is drawn as text, never as markup', async () => {
  const { page, context } = await app.newPage({ viewport: { width: 390, height: 844 } });
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(`${app.url}view/?src=${encodeURIComponent('/published/hostile-preview.json')}`);
  await page.getByRole('heading', { level: 1, name: '<img src=x onerror="window.owned=1">Owned' }).waitFor();
  const list = page.getByRole('list', { name: /^Sessions on / });
  await list.getByRole('heading', { level: 3, name: '<script>window.owned=1</script>' }).waitFor();
  assert.deepEqual(await page.evaluate(() => ({
    images: document.images.length,
    scripts: [...document.scripts].filter((s) => s.textContent.includes('owned')).length,
    owned: window.owned ?? null,
  })), { images: 0, scripts: 0, owned: null });
  assert.equal(await page.locator('[onclick]').count(), 0);
  assert.equal(await list.locator(':scope > li').first().getAttribute('class'), 'slot slot--other');
  await context.close();
});

test('a published file on a site the policy does not allow gives a clear message, and the refusal is the policy', async () => {
  const { page } = await app.newPage({ viewport: { width: 390, height: 844 } });
  const before = app.violations.length;
  await page.goto(new URL('view/?src=http://127.0.0.1:9/schedule.json', app.url).href);
  await page.getByRole('heading', { level: 1, name: 'This schedule link cannot be opened' }).waitFor();
  assert.match(await page.getByRole('alert').innerText(), /^The file at “http:\/\/127\.0\.0\.1:9\/schedule\.json” could not be fetched .*Content-Security-Policy.*CORS/);
  // The expected refusals (the early download and the app's), taken out of the file's count.
  const caught = app.violations.splice(before);
  assert.ok(caught.length >= 1);
  assert.deepEqual([...new Set(caught.map((v) => v.directive))], ['connect-src']);
});
