// Trunk's post-build hook (Trunk.toml): minifies the JavaScript of a release build with
// terser (Trunk's own minifier gives up on wasm-bindgen's ES module and leaves it whole),
// then writes the new files' digests into index.html's integrity attributes, so the browser
// still checks every file it loads.
//
//   TRUNK_STAGING_DIR=… TRUNK_PROFILE=release node tools/postbuild.mjs
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set (run by Trunk)');
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

function files(d) {
  return readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const all = files(dir);
const digests = new Map();
for (const path of all.filter((p) => p.endsWith('.js'))) {
  const code = readFileSync(path, 'utf8');
  const out = await minify(code, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  writeFileSync(path, out.code);
  const url = `/${relative(dir, path).split(sep).join('/')}`;
  digests.set(url, `sha384-${createHash('sha384').update(out.code).digest('base64')}`);
}

// Each tag naming a rewritten file gets that file's new digest.
for (const path of all.filter((p) => p.endsWith('.html'))) {
  const html = readFileSync(path, 'utf8');
  const fixed = html.replace(/<link\b[^>]*>/g, (tag) => {
    const href = tag.match(/\bhref=("?)([^"\s>]+)\1/)?.[2];
    const digest = href && [...digests].find(([url]) => href.endsWith(url))?.[1];
    return digest ? tag.replace(/\bintegrity=("?)sha384-[^"\s>]+\1/, `integrity=${digest}`) : tag;
  });
  writeFileSync(path, fixed);
}
