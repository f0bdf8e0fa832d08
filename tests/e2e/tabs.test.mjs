// Two tabs on the same meeting: interleaved edits from both end with every edit present, and
// each tab shows what the other saved; edits made in both at the same moment lose nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, twoPagesOnSetup } from './browser.mjs';

let app;
const rooms = async (page) => (await page.getByRole('form', { name: /^Room / }).evaluateAll((fs) => fs.map((f) => f.getAttribute('aria-label').slice(5)))).sort();
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });

test('two pages making 100 interleaved edits end with every edit present', async () => {
  const { a, b, context, errors } = await twoPagesOnSetup(app);
  const addRoom = async (page, name) => {
    // The person switches to the tab they edit in.
    await page.bringToFront();
    const form = page.getByRole('form', { name: 'New room' });
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByRole('button', { name: 'Add room' }).click();
    try {
      await page.getByRole('form', { name: `Room ${name}` }).waitFor({ timeout: 10000 });
    } catch (e) {
      // Say what each page shows, to tell a lost edit from a page that stopped.
      const shown = async (p) => ({
        rooms: await rooms(p).catch((err) => String(err)),
        alerts: await p.getByRole('alert').allInnerTexts().catch(() => []),
        status: await p.getByRole('status').allInnerTexts().catch(() => []),
      });
      throw new Error(`${name} did not appear: ${e.message}\npage a: ${JSON.stringify(await shown(a))}\npage b: ${JSON.stringify(await shown(b))}\nerrors: ${JSON.stringify(errors)}`);
    }
  };
  for (let i = 1; i <= 50; i++) {
    await addRoom(a, `A${i}`);
    await addRoom(b, `B${i}`);
  }
  const expected = ['Hall of the Americas', 'Simón Bolívar Room', 'Patio Azteca'];
  for (let i = 1; i <= 50; i++) expected.push(`A${i}`, `B${i}`);
  // The last save was b's; a learns of it.
  await a.getByRole('form', { name: 'Room B50' }).waitFor();
  assert.deepEqual(await rooms(a), [...expected].sort());
  assert.deepEqual(await rooms(b), [...expected].sort());
  await a.getByText('Updated with changes saved in another tab.').waitFor();
  await a.reload();
  await a.getByRole('form', { name: 'Room B50' }).waitFor();
  assert.deepEqual(await rooms(a), [...expected].sort());
  assert.deepEqual(errors, []);
  await context.close();
});

test('two pages adding 200 rooms each at the same moment, without waiting for each other, lose none', async () => {
  const { a, b, context, errors } = await twoPagesOnSetup(app);
  const N = 200;
  // Each page submits its "New room" form N times as fast as it can, both at once.
  const addAll = (page, prefix) => page.evaluate(async ([prefix, n]) => {
    for (let i = 1; i <= n; i++) {
      const form = [...document.querySelectorAll('form')].find((f) => f.getAttribute('aria-label') === 'New room');
      form.querySelector('input[name=name]').value = `${prefix}${i}`;
      form.querySelector('button[value=save]').click();
      if (i % 7 === 0) await new Promise((r) => setTimeout(r, Math.random() * 20));
    }
  }, [prefix, N]);
  await Promise.all([addAll(a, 'A'), addAll(b, 'B')]);
  const expected = ['Hall of the Americas', 'Simón Bolívar Room', 'Patio Azteca'];
  for (let i = 1; i <= N; i++) expected.push(`A${i}`, `B${i}`);
  expected.sort();
  const storedRooms = () => a.evaluate(() => JSON.parse(localStorage.getItem('agenda-planner.meeting')).meeting.rooms.map((r) => r.name));
  // Let both pages take each other's saves until nothing is left to write: each in front in
  // turn (a page in the background gets no frames, and saves after a paint), until the
  // stored meeting and both screens agree, for at most 20 s. A room still missing then is lost.
  const same = (x, y) => JSON.stringify(x) === JSON.stringify(y);
  for (let k = 0, t0 = Date.now(); Date.now() - t0 < 20000; k++) {
    const p = k % 2 ? b : a;
    await p.bringToFront();
    await p.waitForTimeout(300);
    if (k % 2 && same([...(await storedRooms())].sort(), expected)
      && same(await rooms(a), expected) && same(await rooms(b), expected)) break;
  }
  const stored = await storedRooms();
  assert.deepEqual([...stored].sort(), expected, 'every room is stored, once');
  assert.deepEqual(await rooms(a), expected, 'page a shows every room');
  assert.deepEqual(await rooms(b), expected, 'page b shows every room');
  assert.deepEqual(errors, []);
  await context.close();
});
