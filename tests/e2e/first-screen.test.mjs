// The planner's first screen: on a return visit the page's first script shows the Programme
// screen the app kept for the open meeting while the app's code loads (inert, and only for
// the meeting stored now), and the app then draws the same; text in it stays text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, appReady, renameMeeting } from './browser.mjs';

let app;
before(async () => {
  app = await start();
  mkdirSync('target/screenshots', { recursive: true });
});
after(async () => { await app?.stop(); });

const HOSTILE = 'Kept <img src=x onerror="window.owned=1"> & </main><script>window.owned=1</script>';

/** What `main` shows, element by element, as far as its first `n` sessions (in the page). */
const signature = (page, n) => page.evaluate((count) => {
  const main = document.querySelector('#shell main') ?? document.querySelector('main#main');
  const copy = main.cloneNode(true);
  copy.querySelectorAll('.session-list > li').forEach((li, i) => { if (i >= count) li.remove(); });
  // The rename panel is closed: only its summary shows.
  copy.querySelectorAll('details > :not(summary)').forEach((e) => e.remove());
  return [...copy.querySelectorAll('*')].map((e) => [
    e.tagName, e.className, e.id, e.getAttribute('role') ?? '', e.getAttribute('aria-selected') ?? '',
    e.getAttribute('aria-labelledby') ?? '', e.getAttribute('title') ?? '', e.hidden,
    e.style.getPropertyValue('--theme-colour'), e.textContent.replace(/\s+/g, ' ').trim(),
  ].join(' | '));
}, n);

const kept = (page) => page.evaluate(() => localStorage.getItem('agenda-planner.first-screen'));

test('a return visit shows the kept programme before the code runs, and the app then draws the same', async () => {
  const { page, context, errors } = await app.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(app.url);
  await appReady(page);
  await renameMeeting(page, HOSTILE);
  await page.getByRole('heading', { level: 1, name: HOSTILE }).waitFor();
  // Kept once the change is saved.
  await page.waitForFunction(() => (localStorage.getItem('agenda-planner.first-screen') ?? '').includes('Kept &lt;img'));
  const sessions = await page.locator('main#main .session-list > li').count();
  assert.ok(sessions > 0);

  // The app's code never arrives: what shows is the first script's drawing.
  const early = await context.newPage();
  await early.route('**/*.wasm', (route) => route.abort());
  await early.goto(app.url);
  await early.getByRole('heading', { level: 1, name: HOSTILE }).waitFor();
  const drawn = await early.locator('#shell .session-list > li').count();
  assert.ok(drawn > 0 && drawn <= 24, `${drawn} sessions drawn`);
  assert.equal(await early.getByRole('article').count(), drawn);
  // Nothing in it can be focused or pressed before the app runs.
  for (let i = 0; i < 3; i++) {
    await early.keyboard.press('Tab');
    assert.equal(await early.evaluate(() => document.activeElement === document.body || !document.getElementById('shell').contains(document.activeElement)), true);
  }
  // Text went in as text.
  assert.deepEqual(await early.evaluate(() => ({
    images: document.images.length,
    owned: window.owned ?? null,
    scripts: [...document.scripts].filter((s) => s.textContent.includes('owned')).length,
  })), { images: 0, owned: null, scripts: 0 });
  const before = await signature(early, drawn);
  await early.screenshot({ path: 'target/screenshots/planner-first-screen-1280.png' });
  await early.setViewportSize({ width: 390, height: 844 });
  await early.screenshot({ path: 'target/screenshots/planner-first-screen-390.png' });
  await early.close();

  // With its code, the app takes the page over with the same screen.
  const again = await context.newPage();
  await again.goto(app.url);
  await appReady(again);
  assert.equal(await again.locator('#shell').count(), 0, 'the first drawing is gone');
  assert.deepEqual(await signature(again, drawn), before);
  assert.equal(await again.evaluate(() => window.owned ?? null), null);
  await again.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the kept programme is drawn only for the meeting stored now, and only on the Programme screen', async () => {
  const { page, context } = await app.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(app.url);
  await appReady(page);
  await renameMeeting(page, 'Kept for this revision');
  await page.waitForFunction(() => (localStorage.getItem('agenda-planner.first-screen') ?? '').includes('Kept for this revision'));
  const loading = async (url, prepare) => {
    const p = await context.newPage();
    await p.route('**/*.wasm', (route) => route.abort());
    if (prepare) await p.addInitScript(prepare);
    await p.goto(url);
    await p.getByRole('status').filter({ hasText: 'Loading the planner…' }).waitFor();
    const shown = await p.locator('#shell article').count();
    await p.close();
    return shown;
  };
  // Another screen's address: the app's loading note.
  assert.equal(await loading(`${app.url}#/edit`), 0);
  // The meeting was saved again since (here: its stamp changed), or another meeting is open.
  const stamp = await page.evaluate(() => localStorage.getItem('agenda-planner.meeting.rev'));
  assert.ok(stamp?.startsWith('r2 '), stamp);
  await page.evaluate(() => localStorage.setItem('agenda-planner.meeting.rev', 'r2 999 other other=999'));
  assert.equal(await loading(app.url), 0);
  await page.evaluate((s) => localStorage.setItem('agenda-planner.meeting.rev', s), stamp);
  await page.evaluate(() => localStorage.setItem('agenda-planner.library', '{"current":3,"slots":[]}'));
  assert.equal(await loading(app.url), 0);
  // A damaged record draws nothing either.
  await page.evaluate(() => {
    localStorage.setItem('agenda-planner.library', '{"current":0,"slots":[]}');
    localStorage.setItem('agenda-planner.first-screen', '{"slot":0,"id":');
  });
  assert.equal(await loading(app.url), 0);
  // The app keeps a new one when it opens the meeting.
  const fresh = await context.newPage();
  await fresh.goto(app.url);
  await appReady(fresh);
  await fresh.waitForFunction(() => (localStorage.getItem('agenda-planner.first-screen') ?? '').includes('Kept for this revision'));
  await fresh.close();
  await context.close();
});
