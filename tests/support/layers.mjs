// `make lint`: the crate's layers hold. Each top-level module of src/ has a rank; a file may
// import from lower ranks and from its own module, never upwards nor sideways (so the two
// apps never import each other), the pure layers import no browser crate, and no two files
// import each other, directly or around a circle. Exit 1 with every breach listed.
//
//   node tests/support/layers.mjs [src]
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SRC = process.argv[2] ?? 'src';

// Lowest first. Same rank, different module: neither may import the other.
const RANK = {
  domain: 0,
  forms: 1,
  storage: 2, export: 2,
  // Reads our own files through storage's envelope, and everyone else's.
  import: 3,
  // The meeting as a Yjs document; a publication is the published file (storage).
  sync: 3,
  web: 4,
  ui: 5,
  planner: 6, attendee: 6,
  // Entry points.
  'main.rs': 7, 'lib.rs': 7, bin: 7,
};
const BROWSER = /\b(leptos|web_sys|js_sys|wasm_bindgen|wasm_bindgen_futures|gloo_storage|gloo_[a-z_]+|console_error_panic_hook)\s*::/;
// Where browser crates may not appear (the pure core). `storage/browser.rs` is the browser
// side of the storage port and the one exception.
const PURE = new Set(['domain', 'forms', 'export', 'import', 'storage', 'sync']);
const BROWSER_ALLOWED = new Set([['storage', 'browser.rs'].join('/')]);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.rs') ? [path] : [];
  });
}

/** Source without comments, strings and chars (so their text is not taken for code). */
function code(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/r#+"[\s\S]*?"#+/g, '""')
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/'(?:[^'\\\n]|\\.)'/g, "' '")
    .replace(/\/\/.*$/gm, '');
}

/** The module path of a file: src/domain/check.rs → ['domain', 'check']. */
function modulePath(file) {
  const parts = relative(SRC, file).split(sep);
  const last = parts.pop().replace(/\.rs$/, '');
  if (last !== 'mod' && last !== 'lib' && last !== 'main') parts.push(last);
  return parts;
}

/** The file a module path names, and how much of the path that took. */
function resolve(segments) {
  for (let n = segments.length; n > 0; n--) {
    const base = join(SRC, ...segments.slice(0, n));
    if (existsSync(`${base}.rs`)) return `${base}.rs`;
    if (existsSync(join(base, 'mod.rs'))) return join(base, 'mod.rs');
  }
  return null;
}

/** Expands a use tree ("crate::a::{b, c::{d, e}}") into its paths. */
function expand(tree) {
  tree = tree.replace(/\s+/g, '');
  const open = tree.indexOf('{');
  if (open < 0) return [tree];
  const prefix = tree.slice(0, open);
  const inner = tree.slice(open + 1, tree.lastIndexOf('}'));
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= inner.length; i++) {
    const c = inner[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if ((c === ',' || i === inner.length) && depth === 0) {
      const part = inner.slice(start, i);
      if (part) parts.push(part);
      start = i + 1;
    }
  }
  return parts.flatMap((p) => expand(prefix + p));
}

/** The paths a file names: use trees and inline `crate::`/`super::` paths. */
function paths(text) {
  const out = [];
  for (const m of text.matchAll(/\buse\s+([^;]+);/g)) out.push(...expand(m[1]));
  for (const m of text.matchAll(/\b(?:crate|super|self)(?:::[A-Za-z_][A-Za-z0-9_]*)+/g)) out.push(m[0]);
  return out;
}

/** The crate-absolute module segments of a path as written in `file`, or null for another crate. */
function absolute(path, file) {
  const segs = path.split('::').filter((s) => s && s !== '*');
  const here = modulePath(file);
  // A file's own module is `here`; `super` is its parent. (mod.rs, lib.rs: the module itself.)
  let base;
  if (segs[0] === 'crate') { base = []; segs.shift(); }
  else if (segs[0] === 'self') { base = here; segs.shift(); }
  else if (segs[0] === 'super') {
    base = here.slice();
    while (segs[0] === 'super') { base.pop(); segs.shift(); }
  } else return null;
  return [...base, ...segs.map((s) => s.replace(/\bas\b.*$/, ''))];
}

const top = (file) => {
  const first = relative(SRC, file).split(sep)[0];
  return first;
};

const problems = [];
const edges = new Map();
const all = files(SRC);
for (const file of all) {
  const text = code(readFileSync(file, 'utf8'));
  const mine = top(file);
  const rank = RANK[mine];
  const rel = relative(SRC, file).split(sep).join('/');
  if (rank === undefined) problems.push(`${rel}: module "${mine}" has no layer in tests/support/layers.mjs`);
  if (PURE.has(mine) && !BROWSER_ALLOWED.has(rel) && BROWSER.test(text)) {
    problems.push(`${rel}: the pure layer "${mine}" uses a browser crate (${text.match(BROWSER)[1]})`);
  }
  const targets = new Set();
  for (const path of new Set(paths(text))) {
    const segs = absolute(path, file);
    if (!segs || segs.length === 0) continue;
    const target = resolve(segs);
    if (!target || target === file) continue;
    const theirs = top(target);
    if (theirs !== mine && RANK[theirs] !== undefined && rank !== undefined) {
      if (RANK[theirs] > rank) problems.push(`${rel}: imports ${path} from the higher layer "${theirs}"`);
      else if (RANK[theirs] === rank) problems.push(`${rel}: imports ${path} from "${theirs}", a layer beside its own`);
    }
    // A file using its own module's facade (mod.rs re-exports) is not a dependency on it.
    const facade = target.endsWith(`${sep}mod.rs`) && file.startsWith(target.slice(0, -'mod.rs'.length));
    if (!facade) targets.add(target);
  }
  edges.set(file, targets);
}

// Import cycles between files (Tarjan's strongly connected components).
let index = 0;
const stack = [];
const state = new Map();
function connect(v) {
  state.set(v, { index, low: index, on: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v) ?? []) {
    if (!state.has(w)) {
      connect(w);
      state.get(v).low = Math.min(state.get(v).low, state.get(w).low);
    } else if (state.get(w).on) {
      state.get(v).low = Math.min(state.get(v).low, state.get(w).index);
    }
  }
  if (state.get(v).low === state.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      state.get(w).on = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) {
      problems.push(`import cycle: ${component.map((f) => relative(SRC, f).split(sep).join('/')).sort().join(' ↔ ')}`);
    }
  }
}
for (const file of all) if (!state.has(file)) connect(file);

const unique = [...new Set(problems)];
if (unique.length) {
  console.error(`Layer check failed (${unique.length}):`);
  for (const p of unique) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`Layer check: ${all.length} files, no upward or sideways import, no cycle, no browser crate in the core.`);
