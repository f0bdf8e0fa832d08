// Where a wasm bundle's bytes go: the code of every function, summed by crate and, for this
// crate, by module. Reads the function names a build keeps with `wasm-opt -g` (the release
// build strips them: this script makes its own optimized copy with names, from the
// wasm-bindgen output Trunk leaves in target/).
//
//   node tools/wasm-sizes.mjs target/wasm32-unknown-unknown/release/agenda-planner.wasm [top N]
//
// Figures are bytes of optimized code (the function bodies), and each one's share of the
// whole module, which is close to its share of the brotli size.
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const input = process.argv[2];
const top = Number(process.argv[3] ?? 25);
if (!input) {
  console.error('usage: node tools/wasm-sizes.mjs <module.wasm> [top N]');
  process.exit(2);
}

// wasm-bindgen keeps names with --keep-debug; wasm-opt -Oz -g optimizes as the release does
// and keeps them.
const work = mkdtempSync(join(tmpdir(), 'wasm-sizes-'));
execFileSync('wasm-bindgen', [input, '--out-dir', work, '--target', 'web', '--keep-debug', '--out-name', 'm'], { stdio: 'inherit' });
execFileSync('wasm-opt', ['-Oz', '-g', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', join(work, 'm_bg.wasm'), '-o', join(work, 'opt.wasm')], { stdio: 'inherit' });
const bytes = readFileSync(join(work, 'opt.wasm'));

let pos = 8;
const u32 = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) return result >>> 0;
    shift += 7;
  }
};
const str = () => {
  const n = u32();
  const s = bytes.toString('utf8', pos, pos + n);
  pos += n;
  return s;
};

let imported = 0;
const bodies = [];
const names = new Map();
let dataBytes = 0;
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = u32();
  const end = pos + size;
  if (id === 2) {
    for (let n = u32(); n > 0; n--) {
      str(); str();
      const kind = bytes[pos++];
      if (kind === 0) { u32(); imported++; }
      else if (kind === 1) { pos++; const f = u32(); u32(); if (f & 1) u32(); }
      else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); }
      else if (kind === 3) { pos += 2; }
    }
  } else if (id === 10) {
    for (let n = u32(), i = 0; i < n; i++) {
      const len = u32();
      bodies.push(len);
      pos += len;
    }
  } else if (id === 11) {
    dataBytes = size;
  } else if (id === 0 && str() === 'name') {
    while (pos < end) {
      const sub = bytes[pos++];
      const len = u32();
      const subEnd = pos + len;
      if (sub === 1) {
        for (let n = u32(); n > 0; n--) {
          const index = u32();
          names.set(index, str());
        }
      }
      pos = subEnd;
    }
  }
  pos = end;
}

/** A Rust legacy symbol ("_ZN5serde2de...17h0123E") as its path, without the hash. */
function demangle(name) {
  const m = name.match(/^_?_ZN(.*)E$/);
  if (!m) return name;
  let rest = m[1];
  const parts = [];
  while (rest.length) {
    const len = rest.match(/^\d+/);
    if (!len) break;
    const n = Number(len[0]);
    parts.push(rest.slice(len[0].length, len[0].length + n));
    rest = rest.slice(len[0].length + n);
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  return parts.join('::')
    .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$RF\$/g, '&')
    .replace(/\$C\$/g, ',').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}').replace(/\$BP\$/g, '*')
    .replace(/\.\./g, '::').replace(/\$u27\$/g, "'").replace(/\$u5b\$/g, '[').replace(/\$u5d\$/g, ']')
    .replace(/\$u3b\$/g, ';').replace(/\$u21\$/g, '!').replace(/\$u3d\$/g, '=').replace(/\$u2b\$/g, '+');
}

const OURS = 'agenda_planner';
/** Who a function belongs to: our module ("ours::domain::check"), or a crate. */
function owner(path) {
  // `<T as Trait>::f` and `<impl …>`: the implementing type names the owner when it is ours.
  const mine = path.match(new RegExp(`${OURS}::([a-z_]+)(?:::([a-z_]+))?`));
  if (mine) return `ours::${mine[1]}${mine[2] && mine[2] !== mine[1] ? `::${mine[2]}` : ''}`;
  const first = path.replace(/^[<&\s]*(mut\s+)?(dyn\s+)?/, '').match(/^([a-z_][a-z0-9_]*)(::|\[)/);
  if (first) return first[1].replace(/\[.*$/, '');
  return '(other)';
}

const total = bodies.reduce((a, b) => a + b, 0);
const byOwner = new Map();
const byCrate = new Map();
for (let i = 0; i < bodies.length; i++) {
  const path = demangle(names.get(imported + i) ?? `func${imported + i}`);
  const who = owner(path);
  byOwner.set(who, (byOwner.get(who) ?? 0) + bodies[i]);
  const crate = who.startsWith('ours::') ? OURS : who;
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + bodies[i]);
}
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const pct = (n) => ((100 * n) / bytes.length).toFixed(1).padStart(5);
console.log(`${input}: ${kb(bytes.length)} KB optimized, ${kb(total)} KB code in ${bodies.length} functions, ${kb(dataBytes)} KB data`);
const table = (title, map) => {
  console.log(`\n${title}${' '.repeat(44 - title.length)}    KB   % of module`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${k.padEnd(44)}${kb(v)} ${pct(v)}`);
};
table('by crate', byCrate);
if (process.env.WASM_SIZES_LIST) {
  const want = process.env.WASM_SIZES_LIST;
  const list = [];
  for (let i = 0; i < bodies.length; i++) {
    const path = demangle(names.get(imported + i) ?? `func${imported + i}`);
    const who = owner(path);
    if (who === want || (who.startsWith(want))) list.push([bodies[i], path]);
  }
  list.sort((a, b) => b[0] - a[0]);
  console.log(`\nlargest functions of ${want}:`);
  for (const [n, path] of list.slice(0, top)) console.log(`  ${String(n).padStart(7)}  ${path.slice(0, 150)}`);
}
table('by module of ours (and crate)', new Map([...byOwner].filter(([k]) => k.startsWith('ours::'))));
