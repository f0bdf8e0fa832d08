// `make bench`: the size of every file of a build, raw, gzip and brotli, and for each app
// what its first load costs (the page, its styles, its loader, script glue and main wasm)
// against its budget, and what each part loaded when first used costs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync, constants } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const BUDGETS = { planner: 200 * 1024, attendee: 100 * 1024 };

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

const width = Math.max(48, ...rows.map((r) => r.name.length + 2));
console.log(`${'file'.padEnd(width)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'brotli'.padStart(11)}`);
for (const r of rows) console.log(`${r.name.padEnd(width)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
const sum = (key, list = rows) => list.reduce((n, r) => n + r[key], 0);
console.log(`${'total'.padEnd(width)}${kb(sum('raw'))}${kb(sum('gzip'))}${kb(sum('brotli'))}`);

// Two apps, each loaded on its own: the planner (index.html) and the attendee view
// (view/index.html, what phones open). Parts split off at `#[wasm_split]` functions
// (split_*.wasm, chunk_*.wasm) load when first used.
// The service worker (sw.js) is registered once the first screen is up; it then keeps the
// whole build, lazily loaded parts included, for offline use.
// A stylesheet counts when its page links it; the others are linked by a screen when it is
// first shown (edit.css by Edit, programme.css by the Export screen's preview).
const linked = (page) => {
  const html = readFileSync(join(root, page), 'utf8');
  return new Set([...html.matchAll(/<link[^>]*rel="?stylesheet"?[^>]*>/g)]
    .map((m) => /href="?([^" >]+)/.exec(m[0])?.[1].replace(/^.*\//, '')));
};
const pageCss = { planner: linked('index.html'), attendee: linked('view/index.html') };
const unlinkedCss = (r) => r.name.endsWith('.css') &&
  !pageCss[r.name.startsWith('view/') ? 'attendee' : 'planner'].has(r.name.replace(/^.*\//, ''));
const lazy = (r) => /\/(split|chunk)_[^/]*\.wasm$/.test(r.name) || /(^|\/)sw\.js$/.test(r.name) || unlinkedCss(r);
const apps = [
  ['planner', (r) => !r.name.startsWith('view/')],
  ['attendee', (r) => r.name.startsWith('view/')],
];
for (const [app, mine] of apps) {
  const code = rows.filter((r) => mine(r) && /\.(wasm|js|css|html)$/.test(r.name));
  if (code.length === 0) continue;
  const first = code.filter((r) => !lazy(r));
  const brotli = sum('brotli', first);
  const budget = BUDGETS[app];
  console.log(
    `${app} first load (html + css + js + wasm): ${kb(brotli).trim()} brotli (${brotli} bytes) of a ` +
      `${kb(budget).trim()} budget` + (brotli > budget ? ' — OVER BUDGET' : ' — ok'),
  );
  for (const part of code.filter(lazy)) {
    const file = part.name.replace(/^.*\//, '');
    const what = file === 'sw.js'
      ? 'service worker (after the first screen)'
      : file.endsWith('.css')
      ? `stylesheet ${file}`
      : file.startsWith('chunk_')
      ? `code shared by lazy parts (${file})`
      : file.replace(/^split_/, '').replace(/(_\d+)?\.wasm$/, '');
    console.log(`  ${app}, loaded when first used: ${what.padEnd(44)} ${kb(part.brotli).trim()} brotli`);
  }
}

// The data an attendee downloads, for the benchmark's generated meeting (1,000 sessions,
// 2,000 people, 3 days, 10 rooms) and the sample: the meeting file the Export screen writes
// (what attendees got before), and the published form (`agenda export --format published`,
// also a share link's payload), which should be at most half of it, raw and brotli.
const dir = mkdtempSync(join(tmpdir(), 'agenda-bench-'));
const agenda = (...args) =>
  execFileSync('cargo', ['run', '--quiet', '--release', '--locked', '--bin', 'agenda', '--', ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
const brotli = (b) =>
  brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
for (const [name, make] of [
  ['generated 1,000-session meeting', (out) => agenda('generate', '-o', out)],
  ['sample meeting', (out) => agenda('sample', '-o', out)],
]) {
  const file = join(dir, name.replace(/\W+/g, '-') + '.json');
  const published = file.replace(/\.json$/, '-published.json');
  make(file);
  agenda('export', file, '--format', 'published', '-o', published);
  const [a, b] = [readFileSync(file), readFileSync(published)];
  const ratio = (x, y) => (x / y).toFixed(2);
  // The target is the benchmark's meeting; a small meeting's file is mostly its text.
  const verdict = (r) => (name.startsWith('sample') ? 'for reference' : r <= 0.5 ? 'ok' : 'OVER the half');
  console.log(
    `data, ${name}: meeting file ${kb(a.length).trim()} raw, ${kb(brotli(a)).trim()} brotli; ` +
      `published ${kb(b.length).trim()} raw (${ratio(b.length, a.length)}×, ${verdict(b.length / a.length)}), ` +
      `${kb(brotli(b)).trim()} brotli (${ratio(brotli(b), brotli(a))}×, ${verdict(brotli(b) / brotli(a))})`,
  );
  // A share link: base64url of zlib, as the planner makes it with CompressionStream('deflate'),
  // of the published form without its first screen (`encode_published_link`: the file's
  // first bytes to the preview, then from the tables on).
  const text = b.toString('utf8');
  const [at, end] = [text.indexOf(',"preview":{'), text.indexOf('},"days":{')];
  const payload = at >= 0 && end > at ? text.slice(0, at) + text.slice(end + 1) : text;
  const link = deflateSync(Buffer.from(payload)).toString('base64url').length;
  const before = name.startsWith('sample')
    ? `; the link made before (lz-string of the meeting file, tests/fixtures/share-link-lz.txt): ${
        readFileSync('tests/fixtures/share-link-lz.txt', 'utf8').trim().replace(/^.*#share=/, '').length
      } characters`
    : '';
  console.log(`  share link payload (#s=): ${link} characters${before}`);
}
