// Trunk's post-build hook (Trunk.toml): writes the page's loader for the build of its app
// that tools/build.mjs made (Trunk copies it into app/<version>/), and preloads the code the
// first screen needs (the script glue, its modules, the main wasm), each with its digest so
// the browser checks what it loads. The lazily loaded parts are fetched when first used.
//
// The loader is a file of its own (app/<version>/boot.js), not an inline script: the apps run
// under a Content-Security-Policy that allows scripts from their own site only. It loads
// while the preloads do. Each page has a first script too, inline and allowed by its hash
// (run while the page is read). The attendee view's starts downloading a published file
// (`?src=`) while the app's code loads (the view reads `window.agendaSource`), and draws the
// file's first screen as soon as it arrives (tools/preview.js); the planner's draws the first
// screen the app kept for the open meeting (tools/first-screen.js).
//
//   TRUNK_STAGING_DIR=… node tools/postbuild.mjs
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { minify } from 'terser';

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
  const boot = join(base, 'boot.js');
  writeFileSync(boot, loader(name, version));
  const script = `<script type=module src=${at(boot)} integrity=${sri(boot)}></script>`;
  let pageHtml = html.replace(placeholder, preloads + script);
  // Each app's first script is inline, allowed by its hash. The attendee view's goes before
  // the style sheets (which would hold it back), so that it runs while the page is read and
  // its download is the first to start; the planner's at the end, where the shell it draws
  // into has been read.
  const source = name === 'attendee' ? earlyScript() : readFileSync(new URL('./first-screen.js', import.meta.url), 'utf8');
  const early = (await minify(source, { compress: { passes: 2 }, mangle: true, format: { comments: false } })).code;
  const hash = `'sha256-${createHash('sha256').update(early).digest('base64')}'`;
  const stale = ['Trunk.toml', 'README.md'].filter((f) => !readFileSync(new URL(`../${f}`, import.meta.url), 'utf8').includes(hash));
  if (stale.length) {
    console.error(`postbuild: the ${name}'s first script is new: allow ${hash} in script-src of the Content-Security-Policy in ${stale.join(' and ')} (Trunk.toml's [serve.headers], README's "Hosting")`);
    process.exit(1);
  }
  const place = name === 'attendee' ? pageHtml.indexOf('<link') : pageHtml.lastIndexOf('</body>');
  if (place < 0) {
    console.error(`postbuild: ${page} has no place for its first script`);
    process.exit(1);
  }
  pageHtml = `${pageHtml.slice(0, place)}<script>${early}</script>${pageHtml.slice(place)}`;
  writeFileSync(path, pageHtml);
}

/**
 * The attendee view's first script: starts downloading the published file (`?src=`) at once
 * (the view reads `window.agendaSource`) and, for the schedule as it first opens (the address
 * names nothing but the file), draws its first screen as soon as that part of the file and the
 * page are there (tools/preview.js); `preview` says whether it drew.
 */
function earlyScript() {
  // The page's shell is there once it is read (before DOMContentLoaded, which waits for the
  // module scripts).
  const ready = `new Promise(r=>document.getElementById('shell')?r():document.addEventListener('DOMContentLoaded',r))`;
  return `(()=>{const src=new URLSearchParams(location.search).get('src');if(!src)return;` +
    readFileSync(new URL('./preview.js', import.meta.url), 'utf8') +
    `const only=[...new URLSearchParams(location.search).keys()].join()==='src'&&!location.hash;` +
    `let drawn,done;const preview=new Promise(r=>{done=r});` +
    `const look=(text,last)=>{if(drawn||!only)return;const p=firstScreen(text);` +
    `if(p===undefined&&!last)return;drawn=${ready}.then(()=>!!p&&drawPreview(p)).catch(()=>false);drawn.then(done)};` +
    `const text=fetch(src,{credentials:'omit',priority:'high'}).then(async r=>{` +
    `if(!r.ok)throw new Error('the server answered '+r.status+' '+r.statusText);` +
    `if(!r.body){const t=await r.text();look(t,true);return t}` +
    `const reader=r.body.getReader(),utf8=new TextDecoder();let t='';` +
    `for(;;){const{done,value}=await reader.read();if(done)break;t+=utf8.decode(value,{stream:true});look(t,false)}` +
    `t+=utf8.decode();look(t,true);return t});` +
    `text.catch(()=>done(false));if(!only)done(false);` +
    `window.agendaSource={url:src,text,preview};})();`;
}

/** The loader of an app: starts what should start early, then the app, then its service worker. */
function loader(app, build) {
  const code = `const code=new URL('${app}_bg.wasm',import.meta.url);`;
  // When the page drew a published file's first screen (its first script), that is painted
  // before the app's code is compiled and started, which take the page's thread (and on a
  // phone the processor) for a while.
  // So is the planner's first screen, when its first script drew it.
  const painted = `await new Promise(r=>requestAnimationFrame(()=>setTimeout(r,0)));`;
  const start = app === 'attendee'
    ? `${code}const early=window.agendaSource;if(early&&await early.preview)${painted}`
    : `${code}if(window.agendaFirstScreen)${painted}`;
  return `${start}window.agendaBuild='${build}';const{default:init}=await import('./${app}.js');` +
    `await init({module_or_path:code});` +
    // The service worker downloads the whole build: not while the first screen is drawn.
    `if('serviceWorker'in navigator)setTimeout(()=>(self.requestIdleCallback||setTimeout)(()=>` +
    `navigator.serviceWorker.register(new URL('../../sw.js',import.meta.url))` +
    (app === 'attendee'
      ? `.then(()=>navigator.serviceWorker.ready).then(r=>{if(early)r.active.postMessage({keep:new URL(early.url,location.href).href})})`
      : '') +
    `.catch(e=>console.warn('No offline copy:',e))),2000);\n`;
}

// The service worker (tools/sw.js) keeps every file of this page's build — not those of the
// attendee view copied under view/, which has its own — and is named by their content.
const own = files(dir).filter((f) => !relative(dir, f).startsWith(`view${sep}`) && !f.endsWith(`${sep}sw.js`));
const list = ['./', ...own.map((f) => relative(dir, f).split(sep).join('/'))].sort();
const build = createHash('sha256');
for (const f of own.sort()) build.update(relative(dir, f)).update(readFileSync(f));
const template = readFileSync(new URL('./sw.js', import.meta.url), 'utf8');
writeFileSync(join(dir, 'sw.js'), template
  .replace("'__BUILD__'", JSON.stringify(build.digest('hex').slice(0, 16)))
  .replace('__FILES__', JSON.stringify(list)));
