// The collaboration engine through its socket protocol, on SQLite, in-process:
// teachers co-edit, a leader watches read-only, a stranger is kept out, edits
// made offline merge, acknowledged changes are stored, versions are named,
// viewed and restored live, deleting removes everything, hostile frames bounce
// off, and 1,000 opened-and-closed documents leave nothing loaded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { $createHeadingNode } from "~/lib/document-schema/nodes";
import { db } from "~/models/db.server";
import {
  createDocument,
  createNamedVersion,
  deleteDocument,
  getVersionContent,
  listVersions,
  restoreVersion,
} from "~/models/collab-documents.server";
import { appendUpdates, compactDocument, countLogEntries, loadDocumentState } from "~/models/collab-log.server";
import { yjsStateToPlainText } from "~/lib/document-schema/headless";
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import type { Actor } from "~/policies/actor";
import type { CollabJoinReply } from "~/lib/collab-events";
import { actorOf, idOf, useModelDatabase } from "../../support/model-database";
import {
  openSocket,
  prng,
  sessionCookie,
  settled,
  startCollabServer,
  TestClient,
  waitFor,
  type TestServer,
} from "./harness";

const database = useModelDatabase("sqlite");
let server: TestServer;
let teacher: Actor;
let coordinator: Actor;
let leader: Actor;
let stranger: Actor;
const cookies = new Map<string, string>();
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startCollabServer({ compactEvery: 25, unloadAfterMs: 0, autoVersionEveryMs: 60_000 });
  teacher = await actorOf(idOf(database.demo.userIds, "teacher"));
  coordinator = await actorOf(idOf(database.demo.userIds, "coordinator"));
  leader = await actorOf(idOf(database.demo.userIds, "leader"));
  stranger = await actorOf(idOf(database.other.userIds, "teacher"));
  for (const actor of [teacher, coordinator, leader, stranger]) cookies.set(actor.id, await sessionCookie(actor.id));
});

afterAll(async () => {
  for (const c of clients) c.stop();
  await server?.close();
});

function client(actor: Actor, documentId: string, name: string, latency?: () => number): TestClient {
  const c = new TestClient(openSocket(server.origin, cookies.get(actor.id)!), documentId, name, latency);
  clients.push(c);
  return c.start();
}

async function newDocument(title: string) {
  return createDocument(teacher, { ownerType: PARTNERSHIP_DOCUMENT, ownerId: `doc-${title}-${Math.random()}`, title });
}

async function storedText(documentId: string): Promise<string> {
  return (await loadDocumentState(documentId)).state.length > 0
    ? textOf((await loadDocumentState(documentId)).state)
    : "";
}

function textOf(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.get("root", Y.XmlText).toString();
}

describe("co-editing a partnership document", () => {
  it("starts from content written on the server, so no client bootstraps", async () => {
    const document = await createDocument(teacher, {
      ownerType: PARTNERSHIP_DOCUMENT,
      ownerId: "handbook",
      title: "Handbook",
      initialContent: () => {
        const heading = $createHeadingNode("h1");
        heading.append($createTextNode("LSA handbook"));
        const paragraph = $createParagraphNode();
        paragraph.append($createTextNode("Prompt before clue."));
        $getRoot().append(heading, paragraph);
      },
    });
    expect(await yjsStateToPlainText((await loadDocumentState(document.id)).state)).toBe(
      "LSA handbook\n\nPrompt before clue.",
    );
    const a = client(teacher, document.id, "Sarah");
    const b = client(coordinator, document.id, "Helen");
    await waitFor(() => a.provider.isSynced && b.provider.isSynced, 10_000, "both synced");
    // Each sees the single seeded heading + paragraph: two embedded blocks, not four.
    expect(a.root.toDelta().length).toBe(b.root.toDelta().length);
    expect(a.root.toDelta().filter((op: { insert: unknown }) => op.insert instanceof Y.XmlText)).toHaveLength(2);
  });

  it("shares edits, shows presence, and keeps a leader read-only", async () => {
    const document = await newDocument("minutes");
    const a = client(teacher, document.id, "Sarah Whitfield");
    const b = client(coordinator, document.id, "Helen Okafor");
    const watcher = client(leader, document.id, "David Mensah");
    await waitFor(() => [a, b, watcher].every((c) => c.provider.isSynced), 10_000, "all synced");
    a.insert(0, "Agenda. ");
    b.insert(0, "Minutes: ");
    await waitFor(
      () => a.text() === b.text() && b.text() === watcher.text() && a.text().includes("Agenda"),
      5_000,
      "convergence",
    );
    expect(watcher.lastState.readOnly).toBe(true);
    await waitFor(() => settled(a) && settled(b), 5_000, "saved");

    // Everyone appears in everyone's presence list.
    await waitFor(
      () => [...watcher.provider.awareness.getStates().values()].filter((s) => typeof s.name === "string").length === 3,
      5_000,
      "presence of three",
    );

    // A change slipped past the read-only client's own guard is refused by the server and stored nowhere.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(watcher.doc));
    forged.get("root", Y.XmlText).insert(0, "FORGED ");
    const update = Y.encodeStateAsUpdate(forged, Y.encodeStateVector(watcher.doc));
    const frame = new Uint8Array([2, ...varUint(update.length), ...update]);
    const reply = await watcher.socket.emitWithAck("collab:sync", document.id, frame);
    expect(reply).toMatchObject({ ok: false, code: "forbidden" });
    expect(await storedText(document.id)).not.toContain("FORGED");
    expect(await storedText(document.id)).toContain("Agenda");
  });

  it("shows a newcomer everyone present even when their editor joins, lets go and joins again at once", async () => {
    // Lexical may disconnect and reconnect an editor's provider while it mounts: the first join's reply (and the
    // presence sent with it) belongs to a join the tab no longer wants, and the later join finds the socket already
    // in. Others renew their presence only every 15 s, so the newcomer must be told who is there on that join too.
    const document = await newDocument("presence-rejoin");
    const sarah = client(teacher, document.id, "Sarah Whitfield");
    await waitFor(() => sarah.provider.isSynced, 10_000, "Sarah synced");
    await waitFor(() => sarah.provider.awareness.getStates().size === 1, 5_000, "Sarah's presence");
    await new Promise((resolve) => setTimeout(resolve, 200)); // her presence has reached the server
    const tom = new TestClient(openSocket(server.origin, cookies.get(coordinator.id)!), document.id, "Helen Okafor");
    clients.push(tom);
    tom.socket.connect();
    await waitFor(() => tom.socket.connected, 5_000, "Helen's tab connected"); // as when other parts of the page use it
    tom.start();
    tom.provider.disconnect();
    tom.provider.connect();
    const names = () => [...tom.provider.awareness.getStates().values()].map((state) => state.name as string).sort();
    await waitFor(() => names().length === 2, 3_000, `Sarah in the newcomer's presence (has ${names().join(", ")})`);
    expect(names()).toEqual(["Helen Okafor", "Sarah Whitfield"]);
  });

  it("keeps members of another partnership out", async () => {
    const document = await newDocument("private");
    const socket = openSocket(server.origin, cookies.get(stranger.id)!);
    const reply: CollabJoinReply = await socket.emitWithAck("collab:join", document.id);
    socket.disconnect();
    expect(reply).toMatchObject({ ok: false, code: "not-found" });
  });

  it("acknowledges a change only once it is stored", async () => {
    const document = await newDocument("durable");
    const a = client(teacher, document.id, "Sarah");
    await waitFor(() => a.provider.isSynced, 5_000, "synced");
    for (let i = 0; i < 60; i++) a.insert(a.root.length, `w${i} `);
    expect(a.lastState.unsaved).toBeGreaterThan(0);
    await waitFor(() => settled(a), 10_000, "all acknowledged");
    const text = await storedText(document.id);
    for (let i = 0; i < 60; i++) expect(text).toContain(`w${i} `);
    // compactEvery = 25: the log has been folded into a snapshot at least once.
    expect(await countLogEntries(document.id)).toBeLessThan(60);
    expect(server.collaboration.writer.maxBatchSize).toBeGreaterThan(1);
  });

  it("compacts a large document only once its log is a quarter of its size, so bursts do not rebuild it each time", async () => {
    const document = await newDocument("large");
    const a = client(teacher, document.id, "Sarah");
    await waitFor(() => a.provider.isSynced, 5_000, "synced");
    // A long text, then enough small edits (compactEvery = 25) to fold it all into the base: ~40 KB.
    a.insert(0, "x".repeat(40_000));
    for (let i = 0; i < 30; i++) a.insert(a.root.length, `s${i} `);
    await waitFor(() => settled(a), 10_000, "first edits acknowledged");
    await waitFor(
      async () => (await countLogEntries(document.id)) < 10,
      10_000,
      "the long text compacted into the base",
    );

    // Thirty small edits: more than compactEvery rows, but far less than a quarter of the base in bytes.
    for (let i = 0; i < 30; i++) a.insert(a.root.length, `t${i} `);
    await waitFor(() => settled(a), 10_000, "small edits acknowledged");
    // Compaction is decided as each change is stored, before it is acknowledged: none under way, none done.
    expect(server.collaboration.manager.isCompacting(document.id)).toBe(false);
    expect(await countLogEntries(document.id)).toBeGreaterThanOrEqual(30);

    // A quarter of the base in one edit: now the log is worth folding.
    a.insert(a.root.length, "y".repeat(12_000));
    await waitFor(() => settled(a), 10_000, "large edit acknowledged");
    await waitFor(
      async () => (await countLogEntries(document.id)) < 10,
      10_000,
      "compacted once the log is large enough",
    );
    const text = await storedText(document.id);
    expect(text).toContain("t29 ");
    expect(text.length).toBe(a.text().length);
  });

  it("compacts from the copy in memory, skipping its own rows, folding in a stored change that never reached it, and passing that change on", async () => {
    const document = await newDocument("unrelayed");
    const a = client(teacher, document.id, "Sarah");
    await waitFor(() => a.provider.isSynced, 5_000, "synced");
    a.insert(0, "Warm-up: dynamic stretches. ");
    await waitFor(() => settled(a), 10_000, "first edit acknowledged");

    // Another process stored a change whose relay message was lost: it is in the log, not in memory here.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, (await loadDocumentState(document.id)).state);
    const before = Y.encodeStateVector(elsewhere);
    elsewhere.get("root", Y.XmlText).insert(0, "[from another site] ");
    await appendUpdates([{ documentId: document.id, data: Y.encodeStateAsUpdate(elsewhere, before), userId: null }]);
    expect(a.text()).not.toContain("[from another site]");
    const { stats } = server.collaboration.manager;
    const statsBefore = { ...stats };

    // Enough edits here for a compaction (compactEvery = 25).
    for (let i = 0; i < 30; i++) a.insert(a.root.length, `c${i} `);
    await waitFor(() => settled(a), 10_000, "edits acknowledged");
    await waitFor(async () => (await countLogEntries(document.id)) < 10, 10_000, "compacted");
    await waitFor(
      () => a.text().startsWith("[from another site] Warm-up"),
      5_000,
      "the stored change reached the editor",
    );
    const text = await storedText(document.id);
    expect(text).toBe(a.text());
    expect(text).toContain("c29 ");
    // The rows this server wrote itself were skipped (their changes are in its copy already); the foreign one was not.
    expect(stats.rowsSkipped - statsBefore.rowsSkipped).toBeGreaterThanOrEqual(25);
    expect(stats.rowsApplied - statsBefore.rowsApplied).toBeGreaterThanOrEqual(1);
  });

  it("forgets the rows another process compacted away, so what it remembers stays bounded", async () => {
    const document = await newDocument("compacted elsewhere");
    const a = client(teacher, document.id, "Sarah");
    await waitFor(() => a.provider.isSynced, 5_000, "synced");
    for (let i = 0; i < 10; i++) a.insert(a.root.length, `e${i} `);
    await waitFor(() => settled(a), 10_000, "edits acknowledged");
    const { manager } = server.collaboration;
    expect(manager.knownRowCount(document.id)).toBeGreaterThanOrEqual(10);

    // Another process compacts the log: those rows are gone, unknown to this one.
    await compactDocument(document.id, (snapshots, rows) =>
      Y.mergeUpdates([...snapshots.map((s) => s.state), ...rows.map((r) => r.data)]),
    );
    expect(await countLogEntries(document.id)).toBe(0);

    // Edits here until this process compacts too (compactEvery = 25): it forgets every row up to the last it read.
    for (let i = 0; i < 30; i++) a.insert(a.root.length, `f${i} `);
    await waitFor(() => settled(a), 10_000, "more edits acknowledged");
    await waitFor(async () => (await countLogEntries(document.id)) < 10, 10_000, "compacted here");
    await waitFor(() => (manager.knownRowCount(document.id) ?? 0) < 10, 5_000, "rows compacted elsewhere forgotten");
    expect(await storedText(document.id)).toBe(a.text());
  });

  it("merges edits made offline with edits made meanwhile, without duplicates", async () => {
    const document = await newDocument("offline");
    const a = client(teacher, document.id, "Sarah");
    const b = client(coordinator, document.id, "Helen");
    await waitFor(() => a.provider.isSynced && b.provider.isSynced, 5_000, "synced");
    a.insert(0, "shared start. ");
    await waitFor(() => b.text().includes("shared start") && settled(a), 5_000, "first edit everywhere");

    a.goOffline();
    await waitFor(
      () => a.lastState.phase === "offline" || a.lastState.phase === "reconnecting",
      2_000,
      "offline state",
    );
    a.insert(a.root.length, "written on the train. ");
    a.insert(0, "[A] ");
    expect(a.lastState.unsaved).toBe(2);
    b.insert(b.root.length, "written in the office. ");
    await waitFor(() => settled(b), 5_000, "b saved");

    a.goOnline();
    await waitFor(() => settled(a) && a.text() === b.text(), 10_000, "merge after reconnect");
    const text = a.text();
    for (const piece of ["shared start. ", "written on the train. ", "[A] ", "written in the office. "]) {
      expect(text.split(piece).length - 1).toBe(1);
    }
    expect(await storedText(document.id)).toBe(text);
  });
});

describe("versions", () => {
  it("names, lists, shows and restores versions as a new change everyone sees", async () => {
    const document = await createDocument(teacher, {
      ownerType: PARTNERSHIP_DOCUMENT,
      ownerId: "versions",
      initialContent: () => {
        const heading = $createHeadingNode("h2");
        heading.append($createTextNode("Transport rota"));
        $getRoot().append(heading);
      },
    });
    const a = client(teacher, document.id, "Sarah");
    const b = client(coordinator, document.id, "Helen");
    await waitFor(() => a.provider.isSynced && b.provider.isSynced, 5_000, "synced");
    const plain = (c: TestClient) => yjsStateToPlainText(Y.encodeStateAsUpdate(c.doc));
    // Lexical keeps a block's text inside the block's XmlText, after the text node's property map.
    const heading = () => a.root.toDelta()[0].insert as Y.XmlText;
    heading().insert(heading().length, ": first draft");
    await waitFor(() => settled(a), 5_000, "saved");
    const named = await createNamedVersion(teacher, document.id, "  Agreed at steering group ");
    heading().insert(heading().length, ", then a second");
    await waitFor(
      async () => settled(a) && (await plain(b)) === "Transport rota: first draft, then a second",
      5_000,
      "second draft everywhere",
    );

    const versions = await listVersions(leader, document.id);
    expect(versions[0]).toMatchObject({
      id: named.id,
      kind: "named",
      name: "Agreed at steering group",
      createdBy: { name: "Sarah Whitfield" },
    });
    const content = await getVersionContent(leader, document.id, named.id);
    expect(JSON.stringify(content.editorState)).toContain("Transport rota: first draft");

    await expect(restoreVersion(leader, document.id, named.id)).rejects.toThrow(/read this document but not change it/);
    await restoreVersion(coordinator, document.id, named.id);
    await waitFor(
      async () =>
        (await plain(a)) === "Transport rota: first draft" && (await plain(b)) === "Transport rota: first draft",
      5_000,
      "restored everywhere",
    );
    expect(await yjsStateToPlainText((await loadDocumentState(document.id)).state)).toBe("Transport rota: first draft");
    // The state before the restore was kept as a version of its own.
    const after = await listVersions(teacher, document.id);
    expect(after.some((v) => v.name.startsWith("Before restoring"))).toBe(true);
    // Editing goes on: the restore was an ordinary change.
    heading().insert(heading().length, " (checked)");
    await waitFor(
      async () => (await plain(b)) === "Transport rota: first draft (checked)",
      5_000,
      "editing after restore",
    );
  });

  it("deleting a document removes its log and snapshots and closes it for editors", async () => {
    const document = await newDocument("doomed");
    const a = client(teacher, document.id, "Sarah");
    await waitFor(() => a.provider.isSynced, 5_000, "synced");
    a.insert(0, "soon gone");
    await waitFor(() => settled(a), 5_000, "saved");
    await createNamedVersion(teacher, document.id, "v1");
    await expect(deleteDocument(teacher, document.id)).rejects.toThrow(/cannot delete/);
    await deleteDocument(coordinator, document.id);
    await waitFor(() => a.lastState.phase === "error", 5_000, "editor told");
    expect(await countLogEntries(document.id)).toBe(0);
    expect(await db().collabSnapshot.count({ where: { documentId: document.id } })).toBe(0);
    expect(server.collaboration.manager.isLoaded(document.id)).toBe(false);
  });
});

describe("hostile input", () => {
  it("survives 10,000 random, truncated and oversized frames with documents intact", async () => {
    const hostile = await startCollabServer({ rateLimit: { burst: 1e9, perSecond: 1e9 }, unloadAfterMs: 0 });
    try {
      const document = await newDocument("attacked");
      const honest = new TestClient(
        openSocket(hostile.origin, cookies.get(coordinator.id)!),
        document.id,
        "Helen",
      ).start();
      await waitFor(() => honest.provider.isSynced, 5_000, "honest synced");
      honest.insert(0, "precious minutes");
      await waitFor(() => settled(honest), 5_000, "saved");

      const attacker = openSocket(hostile.origin, cookies.get(teacher.id)!);
      const joined: CollabJoinReply = await attacker.emitWithAck("collab:join", document.id);
      expect(joined.ok).toBe(true);
      const seed = Number(process.env.COLLAB_SEED ?? Date.now() % 1_000_000);
      console.log(`[hostile input] seed ${seed}`);
      const rng = prng(seed);
      const valid = Y.encodeStateAsUpdate(honest.doc);
      const errors: string[] = [];
      attacker.on("collab:error", (e) => errors.push(e.code));
      const replies: Array<Promise<unknown>> = [];
      for (let i = 0; i < 10_000; i++) {
        const kind = rng.int(6);
        let payload: unknown;
        if (kind === 0) payload = randomBytes(rng, rng.int(64));
        else if (kind === 1)
          payload = new Uint8Array([2, ...varUint(valid.length), ...valid]).slice(0, 1 + rng.int(valid.length + 2));
        else if (kind === 2) payload = new Uint8Array([rng.int(4), ...varUint(200), ...randomBytes(rng, 200)]);
        else if (kind === 3)
          payload = new Uint8Array(rng.int(40) === 0 ? 260 * 1024 : 100 + rng.int(400)); // some over the 256 KiB cap
        else if (kind === 4) payload = rng.pick(["text", 42, null, { update: [1, 2] }, [1, 2, 3]]);
        else payload = new Uint8Array([0, ...varUint(40), ...randomBytes(rng, 40)]); // garbage state vector
        const event = rng.int(4) === 0 ? "collab:awareness" : "collab:sync";
        if (event === "collab:sync" && i % 10 === 0) {
          replies.push(attacker.timeout(60_000).emitWithAck("collab:sync", document.id, payload as Uint8Array));
        } else {
          (attacker.emit as (e: string, ...a: unknown[]) => void)(event, document.id, payload);
        }
      }
      const settledReplies = await Promise.all(replies);
      expect(settledReplies.every((r) => typeof r === "object" && r !== null && "ok" in r)).toBe(true);
      await waitFor(() => errors.length > 5_000, 60_000, "refusals to arrive");
      expect(new Set(errors)).toEqual(new Set(["invalid-message", "too-large"]));
      attacker.disconnect();

      // The server is up, the document intact and still editable.
      honest.insert(honest.root.length, " and more");
      await waitFor(() => settled(honest), 5_000, "saved after attack");
      const fresh = new TestClient(openSocket(hostile.origin, cookies.get(leader.id)!), document.id, "David").start();
      await waitFor(() => fresh.provider.isSynced && fresh.text() === honest.text(), 5_000, "fresh reader sees it");
      expect(honest.text().startsWith("precious minutes")).toBe(true);
      expect(textOf((await loadDocumentState(document.id)).state)).toBe(honest.text());
      honest.stop();
      fresh.stop();
    } finally {
      await hostile.close();
    }
  }, 150_000);

  it("rate-limits a flood from one socket and tells it so", async () => {
    const limited = await startCollabServer({ rateLimit: { burst: 20, perSecond: 5 } });
    try {
      const document = await newDocument("flooded");
      const socket = openSocket(limited.origin, cookies.get(teacher.id)!);
      await socket.emitWithAck("collab:join", document.id);
      const replies = await Promise.all(
        Array.from({ length: 60 }, () => socket.emitWithAck("collab:sync", document.id, new Uint8Array([0, 0]))),
      );
      expect(replies.filter((r) => !r.ok && r.code === "rate-limited").length).toBeGreaterThan(30);
      socket.disconnect();
    } finally {
      await limited.close();
    }
  });
});

describe("memory", () => {
  it("unloads every document nobody has open: 1,000 opened and closed, none left loaded", async () => {
    const manager = server.collaboration.manager;
    for (const c of clients.splice(0)) c.stop();
    await waitFor(() => manager.loadedCount === 0, 30_000, "earlier documents unloaded");
    const socket = openSocket(server.origin, cookies.get(teacher.id)!);
    const ids = await db().$transaction(async (tx) => {
      const created: string[] = [];
      for (let i = 0; i < 1_000; i++) {
        const doc = await tx.collabDocument.create({
          data: { partnershipId: teacher.partnershipId, ownerType: PARTNERSHIP_DOCUMENT, ownerId: `leak-${i}` },
        });
        created.push(doc.id);
      }
      return created;
    });
    let peak = 0;
    // Joins within the rate limit (a burst of 300, then 150 a second), so the run is not refused as a flood: the
    // first 100 at once, then 25 at a time, each batch at least 1/6 s after the one before. Spaced from the last
    // send, not from a fixed start: after a slow stretch (a busy machine) it must not catch up in a burst.
    let lastSent = 0;
    for (let i = 0; i < ids.length; i += 25) {
      const due = i < 100 ? 0 : lastSent + (25 / 150) * 1000;
      if (Date.now() < due) await new Promise((r) => setTimeout(r, due - Date.now()));
      lastSent = Date.now();
      const batch = ids.slice(i, i + 25);
      const replies: CollabJoinReply[] = await Promise.all(batch.map((id) => socket.emitWithAck("collab:join", id)));
      expect(replies.filter((r) => !r.ok)).toEqual([]);
      peak = Math.max(peak, manager.loadedCount);
      for (const id of batch) socket.emit("collab:leave", id);
    }
    expect(peak).toBeGreaterThanOrEqual(25);
    await waitFor(() => manager.loadedCount === 0, 60_000, "loaded count back to zero");
    socket.disconnect();
  }, 180_000);
});

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}

function randomBytes(rng: ReturnType<typeof prng>, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = rng.int(256);
  return bytes;
}
