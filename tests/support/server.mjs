// A static file server for the release build, on a free loopback port, for the browser tests.
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** The Content-Security-Policy `make serve` sends (Trunk.toml), sent with every response. */
export const CSP = (() => {
  const toml = readFileSync(new URL('../../Trunk.toml', import.meta.url), 'utf8');
  const policy = toml.match(/^"Content-Security-Policy" = "([^"]+)"$/m);
  if (!policy) throw new Error('Trunk.toml sends no Content-Security-Policy under [serve.headers]');
  return policy[1];
})();

/**
 * Serves `root` on 127.0.0.1; resolves to { url, close, setRoot }. Unknown paths get
 * index.html (`options.sync`: the sync server's port, reached at `/sync`). `extra` maps further paths to [content type, body] (the benchmark's generated
 * files); it may be added to while serving. `setRoot(dir)` serves another build from then on
 * (a new version of the app, deployed).
 */
export async function serve(root = 'dist', extra = {}, options = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (extra[path]) {
      res.writeHead(200, { 'content-type': extra[path][0], 'content-security-policy': CSP });
      res.end(extra[path][1]);
      return;
    }
    const file = join(root, path.endsWith('/') ? join(path, 'index.html') : path);
    try {
      const body = await readFile(file.startsWith(root) ? file : join(root, 'index.html'));
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP });
      res.end(body);
    } catch {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'content-security-policy': CSP });
      res.end(await readFile(join(root, 'index.html')));
    }
  });
  // `/sync`: WebSockets passed through to the sync server on `options.sync` (its port), as
  // `make serve` (Trunk's proxy) and a real host's reverse proxy do; `cutSync()` drops them.
  const piped = new Set();
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (!options.sync || !path.startsWith('/sync')) { socket.destroy(); return; }
    const upstream = connect(options.sync, '127.0.0.1', () => {
      const headers = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`GET / HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    const pair = [socket, upstream];
    piped.add(pair);
    const end = () => { piped.delete(pair); socket.destroy(); upstream.destroy(); };
    upstream.on('error', end); socket.on('error', end); upstream.on('close', end); socket.on('close', end);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((r) => { for (const [a, b] of piped) { a.destroy(); b.destroy(); } server.close(r); }),
    setRoot: (dir) => { root = dir; },
  };
}
