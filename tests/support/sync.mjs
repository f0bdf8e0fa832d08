// The sync server (sync/server.mjs) for tests: started on a free loopback port with a data
// folder of its own, killed at the end.
import { spawn } from 'node:child_process';

/** Starts the server; resolves to { url, port, child, stop }. `port` 0: any free one. */
export function startSync(data, port = 0) {
  const child = spawn(process.execPath, ['sync/server.mjs'], {
    env: { ...process.env, AGENDA_SYNC_PORT: String(port), AGENDA_SYNC_DATA: data },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/ws:\/\/127\.0\.0\.1:(\d+)/);
      if (m) {
        resolve({
          url: `ws://127.0.0.1:${m[1]}`,
          port: Number(m[1]),
          child,
          stop: () => new Promise((r) => {
            if (child.exitCode !== null) return r();
            child.once('exit', r);
            child.kill('SIGKILL');
          }),
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`sync server exited (${code}): ${out}`)));
  });
}
