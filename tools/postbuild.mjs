// Trunk's post-build hook (Trunk.toml): writes the page's loader for the build of its app
// that tools/build.mjs made (Trunk copies it into app/<version>/), and preloads the code the
// first screen needs (the script glue, its modules, the main wasm), each with its digest so
// the browser checks what it loads. The lazily loaded parts are fetched when first used.
//
// The loader is one inline module: no extra round trip before the code starts loading.
//
//   TRUNK_STAGING_DIR=… node tools/postbuild.mjs
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set (run by Trunk)');
  process.exit(1);
}
const apps = join(dir, 'app');
const versions = existsSync(apps) ? readdirSync(apps).filter((v) => statSync(join(apps, v)).isDirectory()) : [];
if (versions.length !== 1) {
  console.error(`postbuild: expected one build in ${apps}, found ${versions.length}`);
  process.exit(1);
}
const version = versions[0];
const base = join(apps, version);
const files = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : [join(d, n)]));
const sri = (path) => `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}`;
const at = (path) => `app/${version}/${relative(base, path).split(sep).join('/')}`;
const wasm = files(base).find((f) => f.endsWith('_bg.wasm'));
const name = wasm.slice(base.length + 1).replace(/_bg\.wasm$/, '');
const modules = files(base).filter((f) => f.endsWith('.js'));

for (const page of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
  const path = join(dir, page);
  const html = readFileSync(path, 'utf8');
  // As written in the page, or as Trunk's minifier leaves it.
  const placeholder = /<script\b[^>]*\bsrc=("?)app\/boot\.js\1[^>]*><\/script>/;
  if (!placeholder.test(html)) {
    console.error(`postbuild: ${page} has no <script type="module" src="app/boot.js"> to replace with the loader`);
    process.exit(1);
  }
  const preloads = [
    ...modules.map((m) => `<link rel=modulepreload href=${at(m)} integrity=${sri(m)}>`),
    `<link rel=preload as=fetch type=application/wasm crossorigin href=${at(wasm)} integrity=${sri(wasm)}>`,
  ].join('');
  const loader = `<script type=module>import init from './${at(join(base, `${name}.js`))}';await init({module_or_path:'./${at(wasm)}'});</script>`;
  writeFileSync(path, html.replace(placeholder, preloads + loader));
}
