// Builds one app's code (Trunk's pre-build hook, Trunk.toml): the Rust binary for the page
// Trunk is building, split into the part the first screen needs and the parts loaded when
// first used (functions marked `#[wasm_split(…, fallible)]`, see src/ui/lazy.rs), with the JS glue and a loader.
//
//   cargo build (wasm32, linked with --emit-relocs) → wasm-split-cli → wasm-bindgen →
//   wasm-opt -Oz on every part, terser on every script (release) → target/app/<app>/<version>/
//
// <version> is a digest of every file, so a page only ever loads files of one build; the
// post-build hook (tools/postbuild.mjs) writes the page's loader for it.
//
//   TRUNK_HTML_FILE=…/index.html TRUNK_PROFILE=release node tools/build.mjs
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { minify } from 'terser';

const APPS = {
  'index.html': { bin: 'agenda-planner', name: 'planner' },
  'view.html': { bin: 'attendee', name: 'attendee' },
};
const html = basename(process.env.TRUNK_HTML_FILE ?? 'index.html');
const app = APPS[html];
if (!app) {
  console.error(`build: no app for ${html}`);
  process.exit(1);
}
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
const root = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
const work = join(target, 'app-build', app.name);
const out = join(target, 'app', app.name);

const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// 1. The binary, linked with its relocations so that it can be split.
const flags = [process.env.CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS, '-Clink-args=--emit-relocs'].filter(Boolean).join(' ');
run('cargo', ['build', '--target', 'wasm32-unknown-unknown', '--bin', app.bin, '--no-default-features', '--features', app.name, ...(release ? ['--release'] : []), '--locked'], {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: flags,
});
const raw = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${app.bin}.wasm`);

// A split-off (`#[wasm_split]`) function is exported by every binary of the crate, so the other app's lazy
// functions would come along (and stay: an export is a root). Drop the exports of lazy
// functions this binary never calls (no matching import) before splitting.
function uleb(bytes, at) {
  let value = 0;
  let shift = 0;
  let pos = at;
  for (;;) {
    const b = bytes[pos++];
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, pos];
    shift += 7;
  }
}
function encodeUleb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}
function withoutOrphanLazyExports(bytes) {
  const sections = [];
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos];
    const [size, start] = uleb(bytes, pos + 1);
    sections.push({ id, start, end: start + size, whole: bytes.subarray(pos, start + size) });
    pos = start + size;
  }
  const str = (at) => {
    const [n, p] = uleb(bytes, at);
    return [bytes.toString('utf8', p, p + n), p + n];
  };
  const imports = new Set();
  const importSection = sections.find((s) => s.id === 2);
  if (importSection) {
    let [count, p] = uleb(bytes, importSection.start);
    for (; count > 0; count--) {
      let module, name;
      [module, p] = str(p);
      [name, p] = str(p);
      imports.add(name);
      const kind = bytes[p++];
      if (kind === 0) [, p] = uleb(bytes, p);
      else if (kind === 1) { p++; const [flags, q] = uleb(bytes, p); [, p] = uleb(bytes, q); if (flags & 1) [, p] = uleb(bytes, p); }
      else if (kind === 2) { const [flags, q] = uleb(bytes, p); [, p] = uleb(bytes, q); if (flags & 1) [, p] = uleb(bytes, p); }
      else if (kind === 3) p += 2;
      else if (kind === 4) { p++; [, p] = uleb(bytes, p); }
    }
  }
  const exportSection = sections.find((s) => s.id === 7);
  if (!exportSection) return { bytes, dropped: [] };
  let [count, p] = uleb(bytes, exportSection.start);
  const kept = [];
  const dropped = [];
  for (; count > 0; count--) {
    const from = p;
    let name;
    [name, p] = str(p);
    p++;
    [, p] = uleb(bytes, p);
    const lazy = name.match(/^(__wasm_split_00.*00)_export_(.*)$/);
    if (lazy && !imports.has(`${lazy[1]}_import_${lazy[2]}`)) dropped.push(name);
    else kept.push(bytes.subarray(from, p));
  }
  if (dropped.length === 0) return { bytes, dropped };
  const body = Buffer.concat([encodeUleb(kept.length), ...kept]);
  const parts = [bytes.subarray(0, 8)];
  for (const s of sections) {
    parts.push(s === exportSection ? Buffer.concat([Buffer.from([7]), encodeUleb(body.length), body]) : s.whole);
  }
  return { bytes: Buffer.concat(parts), dropped };
}

// 2. Split at the `#[wasm_split]` functions; 3. the JS glue for the main part.
rmSync(work, { recursive: true, force: true });
const split = join(work, 'split');
const glue = join(work, 'out');
mkdirSync(split, { recursive: true });
const linked = join(work, `${app.name}.linked.wasm`);
const { bytes: own, dropped } = withoutOrphanLazyExports(readFileSync(raw));
writeFileSync(linked, own);
if (dropped.length) console.log(`build: ${app.name} leaves out ${dropped.length} lazy function(s) of the other app`);
run('wasm-split-cli', [linked, split, '--out-name', app.name]);
run('wasm-bindgen', [join(split, `${app.name}.wasm`), '--out-dir', glue, '--target', 'web', '--out-name', app.name, '--no-typescript', '--keep-lld-exports']);
for (const name of readdirSync(split)) {
  if (name !== `${app.name}.wasm`) copyFileSync(join(split, name), join(glue, name));
}

// 4. Small: every wasm part through wasm-opt, every script through terser.
if (release) {
  for (const path of files(glue).filter((p) => p.endsWith('.wasm'))) {
    run('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
      '--enable-mutable-globals', '--strip-debug', '--strip-producers', path, '-o', path]);
  }
}

// 5. Small scripts too.
if (release) {
  for (const path of files(glue).filter((p) => p.endsWith('.js'))) {
    const code = readFileSync(path, 'utf8');
    const min = await minify(code, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    writeFileSync(path, min.code);
  }
}

// 6. One directory per build, named by what is in it.
const hash = createHash('sha256');
for (const path of files(glue).sort()) {
  hash.update(relative(glue, path));
  hash.update(readFileSync(path));
}
const version = hash.digest('hex').slice(0, 16);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
renameSync(glue, join(out, version));
console.log(`build: ${app.name} ${version} (${files(join(out, version)).length} files)`);
