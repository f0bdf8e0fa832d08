// `make bench`: the size of every file of a build, raw, gzip and brotli, and the totals.
// The budget for each bundle (wasm + js + css) is 139 KB brotli.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const BUDGET_BROTLI = 139 * 1024;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
const rows = files(root).sort().map((path) => {
  const bytes = readFileSync(path);
  return {
    name: relative(root, path),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
});

console.log(`${'file'.padEnd(48)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'brotli'.padStart(11)}`);
for (const r of rows) console.log(`${r.name.padEnd(48)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
const sum = (key, list = rows) => list.reduce((n, r) => n + r[key], 0);
console.log(`${'total'.padEnd(48)}${kb(sum('raw'))}${kb(sum('gzip'))}${kb(sum('brotli'))}`);
// Two bundles, each loaded on its own: the planner (index.html) and the attendee view
// (view/index.html, what phones open from a share link). Each is held to the budget.
const bundles = [
  ['planner (wasm + js + css)', (r) => !r.name.startsWith('view/')],
  ['attendee view, view/ (wasm + js + css)', (r) => r.name.startsWith('view/')],
];
for (const [label, test] of bundles) {
  const app = rows.filter((r) => test(r) && /\.(wasm|js|css)$/.test(r.name));
  if (app.length === 0) continue;
  const brotli = sum('brotli', app);
  console.log(
    `${label}: ${kb(brotli).trim()} brotli (${brotli} bytes) of a ` +
      `${kb(BUDGET_BROTLI).trim()} (${BUDGET_BROTLI} bytes) budget` +
      (brotli > BUDGET_BROTLI ? ' — OVER BUDGET' : ''),
  );
}
