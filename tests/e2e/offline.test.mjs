// Offline: after one visit, both apps open and work with the network cut (their service
// workers keep each build's files); a new build is taken on the next visit, with a short
// notice, and a page never mixes the files of two builds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, appReady, renameMeeting, screen, part } from './browser.mjs';

const extra = {};
const NEXT = 'target/dist-next';
let app;
before(async () => {
  extra['/sample.json'] = ['application/json', execFileSync('cargo', ['run', '-q', '--bin', 'agenda', '--', 'sample'], { encoding: 'utf8' })];
  app = await start(extra);
  mkdirSync('target/screenshots', { recursive: true });
});
after(async () => { await app?.stop(); });

/** A copy of `dist` as the next build would be: every app directory under a new digest. */
function nextBuild() {
  rmSync(NEXT, { recursive: true, force: true });
  cpSync('dist', NEXT, { recursive: true });
  for (const page of ['', 'view']) {
    const dir = join(NEXT, page);
    const [old] = readdirSync(join(dir, 'app'));
    const next = createHash('sha256').update(old).digest('hex').slice(0, 16);
    renameSync(join(dir, 'app', old), join(dir, 'app', next));
    const boot = join(dir, 'app', next, 'boot.js');
    writeFileSync(boot, readFileSync(boot, 'utf8').replaceAll(old, next));
    const sri = `sha384-${createHash('sha384').update(readFileSync(boot)).digest('base64')}`;
    const html = readFileSync(join(dir, 'index.html'), 'utf8').replaceAll(old, next)
      .replace(/(boot\.js integrity=)sha384-[^ >]+/, `$1${sri}`);
    writeFileSync(join(dir, 'index.html'), html);
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8').replaceAll(old, next)
      .replace(/const BUILD = "[0-9a-f]+"/, `const BUILD = "${next}"`);
    writeFileSync(join(dir, 'sw.js'), sw);
  }
  return NEXT;
}

/** Waits until the page is controlled by its service worker, which keeps its build. */
async function offlineReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The builds the page's code came from (app/<digest>/). */
async function buildsLoaded(page) {
  const names = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  return [...new Set(names.map((n) => n.match(/\/app\/([0-9a-f]{16})\//)?.[1]).filter(Boolean))];
}

test('after one visit the planner reloads with its meeting and every screen works offline; the attendee view reloads with the last published schedule', async () => {
  const { page, context, errors } = await app.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  await page.goto(app.url);
  await appReady(page);
  await renameMeeting(page, 'Planned on the train');
  await page.getByRole('heading', { level: 1, name: 'Planned on the train' }).waitFor();
  // The schedule for attendees, published next to the app.
  await screen(page, 'Export');
  await page.getByRole('radio', { name: /Schedule for attendees/ }).check();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download / }).click()]);
  extra['/published.json'] = ['application/json', readFileSync(await file.path(), 'utf8')];
  await screen(page, 'Programme');
  await offlineReady(page);
  // The attendee view opened in the same browser (through the planner's worker, before its
  // own is there) does not take the planner's place.
  await page.goto(new URL('view/?src=/published.json', app.url).href);
  await page.getByRole('heading', { level: 1, name: 'Planned on the train' }).waitFor();
  // The network is cut only once the view has fetched what it loads after its first paint
  // (what follows is about the worker's copy; a part that cannot be fetched is the next test).
  await page.waitForLoadState('networkidle');

  await context.setOffline(true);
  await page.goto(app.url);
  await page.getByRole('heading', { level: 1, name: 'Planned on the train' }).waitFor();
  // Screens whose code loads when first used: kept too.
  await screen(page, 'Edit');
  await part(page, 'Sessions');
  await page.getByRole('button', { name: 'Edit Opening ceremony' }).waitFor();
  await screen(page, 'Export');
  await page.frameLocator('iframe[title="Programme preview"]').getByRole('heading', { level: 1, name: 'Planned on the train' }).waitFor();
  await screen(page, 'Meetings');
  await page.getByRole('heading', { name: 'Meetings in this browser' }).waitFor();
  await page.screenshot({ path: 'target/screenshots/offline-planner-1280.png' });
  await context.setOffline(false);

  // The attendee view, on a phone, with the published file.
  const phone = await app.newPage({ viewport: { width: 390, height: 844 } });
  const view = new URL('view/?src=/published.json', app.url).href;
  await phone.page.goto(view);
  await phone.page.getByRole('heading', { level: 1, name: 'Planned on the train' }).waitFor();
  await offlineReady(phone.page);
  // Fetched before its worker was there: the worker is asked to keep it.
  await phone.page.waitForFunction(async () => Boolean(await caches.match('/published.json')));
  await phone.page.waitForLoadState('networkidle'); // as above
  await phone.context.setOffline(true);
  await phone.page.reload();
  await phone.page.getByRole('heading', { level: 1, name: 'Planned on the train' }).waitFor();
  const list = phone.page.getByRole('list', { name: /^Sessions on / });
  assert.equal(await list.getByRole('heading', { level: 3 }).count(), 11);
  // A session's details (code loaded when first used) and the filters, offline.
  await phone.page.getByRole('button', { name: 'Opening ceremony', exact: true }).click();
  await phone.page.getByRole('region', { name: 'Session Opening ceremony' }).waitFor();
  await phone.page.getByRole('button', { name: '← Back to the schedule' }).click();
  await phone.page.getByRole('button', { name: 'Filters', exact: true }).click();
  await phone.page.getByLabel('Search titles, people and organizations').fill('okoth');
  assert.deepEqual(await list.getByRole('heading', { level: 3 }).allInnerTexts(), ['Opening ceremony']);
  await phone.page.screenshot({ path: 'target/screenshots/offline-attendee-390.png' });
  await phone.context.setOffline(false);
  // The browser's own "failed to load" messages for the cut network are expected; nothing else.
  assert.deepEqual([...errors, ...phone.errors].filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/.test(e)), []);
});

test('a part whose code cannot be fetched says so and loads with Try again, and the rest of the app keeps working', async () => {
  // No service worker (a first visit before it keeps the build); the parts' code is refused
  // as a dropped connection would.
  const { page, errors } = await app.newPage({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const cut = (route) => route.abort('internetdisconnected');
  await page.route('**/split_export_screen.wasm', cut);
  await page.goto(app.url);
  await appReady(page);
  await screen(page, 'Export');
  const failed = page.getByRole('alert').filter({ hasText: 'This part of the app could not be loaded' });
  await failed.waitFor();
  await page.screenshot({ path: 'target/screenshots/lazy-failed-1280.png' });
  // The app is alive: another screen opens, and an edit is saved.
  await screen(page, 'Programme');
  await renameMeeting(page, 'Still working');
  await page.getByRole('heading', { level: 1, name: 'Still working' }).waitFor();
  await screen(page, 'Export');
  await failed.waitFor();
  await page.unroute('**/split_export_screen.wasm', cut);
  await failed.getByRole('button', { name: 'Try again' }).click();
  await page.frameLocator('iframe[title="Programme preview"]').getByRole('heading', { level: 1, name: 'Still working' }).waitFor();
  assert.equal(await failed.count(), 0);

  // The attendee view, on a phone: the filters' code refused, then given.
  const phone = await app.newPage({ serviceWorkers: 'block', viewport: { width: 390, height: 844 } });
  await phone.page.route('**/split_filter_panel.wasm', cut);
  await phone.page.goto(new URL('view/?src=/sample.json', app.url).href);
  await phone.page.getByRole('list', { name: /^Sessions on / }).waitFor();
  await phone.page.getByRole('button', { name: 'Filters', exact: true }).click();
  const panel = phone.page.getByRole('alert').filter({ hasText: 'This part of the app could not be loaded' });
  await panel.waitFor();
  await phone.page.screenshot({ path: 'target/screenshots/lazy-failed-attendee-390.png' });
  // The schedule is still there and answers: a session's details open.
  await phone.page.getByRole('button', { name: 'Opening ceremony', exact: true }).click();
  await phone.page.getByRole('region', { name: 'Session Opening ceremony' }).waitFor();
  await phone.page.getByRole('button', { name: '← Back to the schedule' }).click();
  await phone.page.unroute('**/split_filter_panel.wasm', cut);
  await panel.getByRole('button', { name: 'Try again' }).click();
  await phone.page.getByLabel('Search titles, people and organizations').waitFor();
  // Refused fetches log the browser's own messages; a panic (the app stopping) would show as
  // a page error or "panicked".
  assert.deepEqual([...errors, ...phone.errors].filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/.test(e)), []);
  assert.deepEqual([...errors, ...phone.errors].filter((e) => /panicked|unreachable/i.test(e)), []);
});

test('a new build is taken on the next visit, with a short notice, and its pages load only its own files', async () => {
  const { page } = await app.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(app.url);
  await appReady(page);
  await offlineReady(page);
  const phone = await app.newPage({ viewport: { width: 390, height: 844 } });
  await phone.page.goto(new URL('view/?src=/published.json', app.url).href);
  await phone.page.getByRole('heading', { level: 1 }).waitFor();
  await offlineReady(phone.page);
  const [first] = await buildsLoaded(page);
  assert.equal((await buildsLoaded(page)).length, 1);
  assert.equal(await page.getByText('The planner was updated to a new version since your last visit.').count(), 0);

  app.setRoot(nextBuild());
  try {
    await page.reload();
    await appReady(page);
    await page.getByText('The planner was updated to a new version since your last visit.').waitFor();
    const builds = await buildsLoaded(page);
    assert.equal(builds.length, 1, `one build's files: ${builds}`);
    assert.notEqual(builds[0], first);
    await phone.page.reload();
    await phone.page.getByRole('heading', { level: 1 }).waitFor();
    const notice = phone.page.getByRole('status').filter({ hasText: 'This schedule view was updated to a new version since your last visit.' });
    await notice.waitFor();
    await phone.page.screenshot({ path: 'target/screenshots/updated-attendee-390.png' });
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'hidden' });
    assert.equal((await buildsLoaded(phone.page)).length, 1);
    await page.screenshot({ path: 'target/screenshots/updated-1280.png' });
    // Once the new build's worker has kept its files, offline opens the new build.
    await page.waitForFunction(async (build) => {
      const r = await navigator.serviceWorker.getRegistration();
      return r && r.active && !r.installing && !r.waiting && (await caches.keys()).some((k) => k.endsWith(build));
    }, builds[0]);
    await page.context().setOffline(true);
    await page.reload();
    await appReady(page);
    assert.deepEqual(await buildsLoaded(page), builds);
    await page.context().setOffline(false);
  } finally {
    app.setRoot('dist');
  }
});
