// The sync server (sync/server.mjs: Hocuspocus with our persistence and capability links),
// run for real on a free loopback port, with Yjs clients through Hocuspocus's own provider.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { startSync } from "../support/sync.mjs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import WebSocket from "ws";
import * as Y from "yjs";
import { HocuspocusProvider } from "@hocuspocus/provider";

const data = mkdtempSync(join(tmpdir(), "agenda-sync-"));
const servers = new Set();
after(() => {
  for (const s of servers) s.kill("SIGKILL");
  rmSync(data, { recursive: true, force: true });
});

/// Starts the server on a free port (or `port`); resolves to { url, port, child }.
async function start(port = 0) {
  const server = await startSync(data, port);
  servers.add(server.child);
  server.child.on('exit', () => servers.delete(server.child));
  return server;
}

const key = () => randomBytes(16).toString("base64url").slice(0, 22);
const name = (kind = "m") => `${kind}-${key()}`;

/// A client on `doc` (a new Y.Doc unless given); resolves once synced, rejects when refused.
function connect(url, documentName, token, doc = new Y.Doc()) {
  return new Promise((resolve, reject) => {
    const provider = new HocuspocusProvider({
      url,
      name: documentName,
      document: doc,
      token,
      WebSocketPolyfill: WebSocket,
      onSynced: () => resolve({ provider, doc }),
      onAuthenticationFailed: ({ reason }) => {
        provider.destroy();
        reject(new Error(`refused: ${reason}`));
      },
    });
  });
}

const until = async (what, ok, ms = 5000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};
/// Resolves when the server has acknowledged everything this client sent.
const saved = (provider) => until("the server's acknowledgement", () => !provider.hasUnsyncedChanges);

test("two editors of one shared meeting see each other's edits; a read-only client sees them and changes nothing", async () => {
  const { url } = await start();
  const doc = name();
  const [edit, read] = [key(), key()];
  const a = await connect(url, doc, `claim.${edit}.${read}`);
  const b = await connect(url, doc, `edit.${edit}`);
  const reader = await connect(url, doc, `read.${read}`);
  a.doc.getMap("rooms").set("r1", "Main hall");
  b.doc.getMap("rooms").set("r2", "Room B");
  await until("both rooms in every client", () =>
    [a, b, reader].every((c) => c.doc.getMap("rooms").size === 2),
  );
  reader.doc.getMap("rooms").set("r3", "Written by a reader");
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(a.doc.getMap("rooms").get("r3"), undefined, "a read-only client's update reached an editor");
  const late = await connect(url, doc, `edit.${edit}`);
  assert.deepEqual(late.doc.getMap("rooms").toJSON(), { r1: "Main hall", r2: "Room B" });
  for (const c of [a, b, reader, late]) c.provider.destroy();
});

test("wrong keys, malformed tokens, claims on existing documents and unknown names are refused", async () => {
  const { url } = await start();
  const doc = name();
  const [edit, read] = [key(), key()];
  (await connect(url, doc, `claim.${edit}.${read}`)).provider.destroy();
  for (const [document, token] of [
    [doc, `edit.${key()}`],
    [doc, `read.${edit}x`],
    [doc, `edit.${read}`.replace("edit", "read") + "."],
    [doc, `claim.${key()}.${key()}`],
    [doc, ""],
    [doc, "edit.<script>alert(1)</script>"],
    ["../../etc/passwd", `edit.${edit}`],
    [name(), `edit.${edit}`],
  ]) {
    await assert.rejects(connect(url, document, token), /refused/, `${document} / ${token}`);
  }
});

test("an edit the server acknowledged survives the server being killed", async () => {
  let server = await start();
  const doc = name();
  const [edit, read] = [key(), key()];
  const a = await connect(server.url, doc, `claim.${edit}.${read}`);
  for (let i = 0; i < 50; i++) a.doc.getMap("sessions").set(`s${i}`, `Session ${i}`);
  await saved(a.provider);
  a.provider.destroy();
  server.child.kill("SIGKILL");
  await new Promise((r) => server.child.once("exit", r));
  server = await start();
  const back = await connect(server.url, doc, `edit.${edit}`);
  assert.equal(back.doc.getMap("sessions").size, 50);
  back.provider.destroy();
});

test("new keys replace the old: the old links stop working, the new ones open the same document", async () => {
  const { url } = await start();
  const doc = name();
  const [edit, read] = [key(), key()];
  const a = await connect(url, doc, `claim.${edit}.${read}`);
  a.doc.getMap("meeting").set("title", "Tenth annual meeting");
  await saved(a.provider);
  a.provider.destroy();
  const [edit2, read2] = [key(), key()];
  (await connect(url, doc, `rekey.${edit}.${edit2}.${read2}`)).provider.destroy();
  await assert.rejects(connect(url, doc, `edit.${edit}`), /refused/);
  await assert.rejects(connect(url, doc, `read.${read}`), /refused/);
  const reader = await connect(url, doc, `read.${read2}`);
  assert.equal(reader.doc.getMap("meeting").get("title"), "Tenth annual meeting");
  reader.provider.destroy();
});

test("a garbled message is refused and the document keeps its content", async () => {
  const { url } = await start();
  const doc = name();
  const [edit, read] = [key(), key()];
  const a = await connect(url, doc, `claim.${edit}.${read}`);
  a.doc.getMap("rooms").set("r1", "Main hall");
  await saved(a.provider);
  // A raw socket: the document's name, "sync", "update", then bytes that are no Yjs update.
  const raw = new WebSocket(url);
  await new Promise((r) => raw.once("open", r));
  const enc = (s) => [s.length, ...Buffer.from(s)];
  raw.send(Buffer.from([...enc(doc), 2, 0, ...enc(`edit.${edit}`)]));
  await new Promise((r) => setTimeout(r, 200));
  raw.send(Buffer.from([...enc(doc), 0, 2, 40, ...randomBytes(40)]));
  await new Promise((r) => setTimeout(r, 300));
  raw.terminate();
  const b = await connect(url, doc, `edit.${edit}`);
  assert.equal(b.doc.getMap("rooms").get("r1"), "Main hall");
  a.provider.destroy();
  b.provider.destroy();
});
