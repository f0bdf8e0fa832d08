// The sync server: Hocuspocus (an existing Yjs server, from npm) with our settings. No sync
// logic of our own lives here: only where documents are kept and who may open them.
//
//   node sync/server.mjs            port 1234 on 127.0.0.1, documents in .sync-data/
//   AGENDA_SYNC_PORT=0              any free port (the first line printed says which)
//   AGENDA_SYNC_DATA=/var/lib/agenda where documents are kept
//
// Documents. A shared meeting is "m-" + 22 random characters, the schedule published from it
// "p-" + 22; any other name is refused.
//
// Links are capabilities, and the server holds no secret: whoever creates a document chooses
// its two keys, an edit key and a read key, and the server keeps only their SHA-256 hashes.
// The token a client sends is one of
//   claim.<edit>.<read>   create the document with these keys (refused if it exists)
//   edit.<edit>           read and write
//   read.<read>           read only: the server applies nothing this connection sends
//   rekey.<edit>.<new edit>.<new read>
//                         replace both keys (the old links stop working; everyone connected
//                         with them is disconnected)
// Keys are 22 characters of base64url (128 random bits).
//
// Persistence. Every update the server applies is appended to the document's log before the
// server acknowledges it (Yjs reports an update synchronously, inside the same step that
// acknowledges it), so an edit a client was told is saved survives the process being killed.
// The Database extension then writes the whole document now and then (atomically, through a
// temporary file) and the log starts again.

import { Server } from "@hocuspocus/server";
import { Database } from "@hocuspocus/extension-database";
import * as Y from "yjs";
import { createHash, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const port = Number(process.env.AGENDA_SYNC_PORT ?? 1234);
const data = path.resolve(process.env.AGENDA_SYNC_DATA ?? ".sync-data");
fs.mkdirSync(data, { recursive: true });

const NAME = /^[mp]-[A-Za-z0-9_-]{22}$/;
const KEY = /^[A-Za-z0-9_-]{22}$/;
// The largest message the server reads: a meeting of 5,000 sessions is about 3 MB as a Yjs
// update; anything past 16 MB is refused before it is parsed.
const MAX_MESSAGE = 16 * 1024 * 1024;

const file = (name, ext) =>
  path.join(data, createHash("sha256").update(name).digest("hex") + ext);
const hash = (key) => createHash("sha256").update(key).digest();
const same = (a, b) => a.length === b.length && timingSafeEqual(a, b);

function readKeys(name) {
  try {
    const k = JSON.parse(fs.readFileSync(file(name, ".keys.json"), "utf8"));
    return { edit: Buffer.from(k.edit, "hex"), read: Buffer.from(k.read, "hex") };
  } catch {
    return null;
  }
}

function writeAtomically(target, bytes) {
  const tmp = target + ".tmp";
  const fd = fs.openSync(tmp, "w");
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, target);
}

function writeKeys(name, edit, read) {
  const json = JSON.stringify({ edit: hash(edit).toString("hex"), read: hash(read).toString("hex") });
  writeAtomically(file(name, ".keys.json"), json);
}

const exists = (name) =>
  readKeys(name) !== null ||
  fs.existsSync(file(name, ".ydoc")) ||
  fs.existsSync(file(name, ".log"));

/// What a token allows on a document: "write", "read", or it throws (refused).
function authorize(name, token) {
  if (!NAME.test(name)) throw new Error("unknown document");
  const parts = String(token ?? "").split(".");
  if (!parts.slice(1).every((k) => KEY.test(k))) throw new Error("malformed token");
  const [kind, a, b, c] = parts;
  if (kind === "claim" && parts.length === 3) {
    if (exists(name)) throw new Error("document exists");
    writeKeys(name, a, b);
    return "write";
  }
  const keys = readKeys(name);
  if (!keys) throw new Error("unknown document");
  if (kind === "edit" && parts.length === 2 && same(hash(a), keys.edit)) return "write";
  if (kind === "read" && parts.length === 2 && same(hash(a), keys.read)) return "read";
  if (kind === "rekey" && parts.length === 4 && same(hash(a), keys.edit)) {
    writeKeys(name, b, c);
    return "rekey";
  }
  throw new Error("permission denied");
}

/// The log: frames of a 4-byte length and an update. A frame cut short by a crash is ignored.
function readLog(name) {
  let bytes;
  try {
    bytes = fs.readFileSync(file(name, ".log"));
  } catch {
    return [];
  }
  const updates = [];
  for (let at = 0; at + 4 <= bytes.length; ) {
    const length = bytes.readUInt32LE(at);
    if (at + 4 + length > bytes.length) break;
    updates.push(bytes.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return updates;
}

function appendLog(name, update) {
  const frame = Buffer.alloc(4 + update.length);
  frame.writeUInt32LE(update.length, 0);
  frame.set(update, 4);
  fs.appendFileSync(file(name, ".log"), frame);
}

const server = new Server(
  {
    port,
    address: "127.0.0.1",
    quiet: true,
    stopOnSignals: false,
    debounce: 2000,
    maxDebounce: 10000,
    async onAuthenticate({ documentName, token, connectionConfig, instance }) {
      const scope = authorize(documentName, token);
      if (scope === "rekey") {
        // Everyone else on the document came with the old keys: they must come back with the
        // new ones.
        instance.closeConnections(documentName);
      }
      connectionConfig.readOnly = scope === "read";
      return { scope };
    },
    async afterLoadDocument({ documentName, document }) {
      document.on("update", (update) => appendLog(documentName, update));
    },
    extensions: [
      new Database({
        async fetch({ documentName }) {
          const doc = new Y.Doc();
          try {
            const snapshot = fs.readFileSync(file(documentName, ".ydoc"));
            Y.applyUpdate(doc, snapshot);
          } catch (e) {
            if (e.code !== "ENOENT") throw e;
          }
          for (const update of readLog(documentName)) Y.applyUpdate(doc, update);
          return Y.encodeStateAsUpdate(doc);
        },
        async store({ documentName, document }) {
          // Synchronous from here to the end: no update can land between the snapshot and
          // the log starting again.
          writeAtomically(file(documentName, ".ydoc"), Y.encodeStateAsUpdate(document));
          fs.rmSync(file(documentName, ".log"), { force: true });
        },
      }),
    ],
  },
  { maxPayload: MAX_MESSAGE },
);

// Listening through Node's own server: Hocuspocus 3.4's listen() hands Node `address`, which
// Node ignores (it takes `host`), and would listen on every interface.
await new Promise((resolve, reject) => {
  server.httpServer.once("error", reject);
  server.httpServer.listen({ port, host: "127.0.0.1" }, resolve);
});
console.log(`sync server on ws://127.0.0.1:${server.address.port} (documents in ${data})`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    // Writes every open document before leaving.
    await server.destroy();
    process.exit(0);
  });
}
