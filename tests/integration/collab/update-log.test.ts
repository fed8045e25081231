// The update log on SQLite is two tables: appends go to CollabRecentUpdate (no
// index by document, so a group commit writes a page or two), which moves into
// CollabUpdate in bulk. Whatever table a row is in, a document's stored state is
// the same, compaction takes rows from both, and nothing is lost or doubled.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "~/models/db.server";
import { createDocument } from "~/models/collab-documents.server";
import {
  appendUpdates,
  compactDocument,
  countLogEntries,
  loadDocumentState,
  recentMovePolicy,
} from "~/models/collab-log.server";
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import type { Actor } from "~/policies/actor";
import { actorOf, idOf, useModelDatabase } from "../../support/model-database";

const database = useModelDatabase("sqlite");
let teacher: Actor;
const defaults = { ...recentMovePolicy };

beforeAll(async () => {
  teacher = await actorOf(idOf(database.demo.userIds, "teacher"));
});
afterEach(() => Object.assign(recentMovePolicy, defaults));

/** One editor's document, and its changes as log entries. */
async function editedDocument(name: string) {
  const document = await createDocument(teacher, { ownerType: PARTNERSHIP_DOCUMENT, ownerId: `log-${name}-${Math.random()}` });
  const doc = new Y.Doc();
  const type = doc.getText("body");
  const edit = (text: string) => {
    const before = Y.encodeStateVector(doc);
    type.insert(type.length, text);
    return { documentId: document.id, data: Y.encodeStateAsUpdate(doc, before), userId: teacher.id };
  };
  return { id: document.id, doc, edit };
}

const storedText = async (documentId: string) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadDocumentState(documentId)).state);
  return doc.getText("body").toString();
};

const rowsIn = async (documentId: string) => ({
  recent: await db().collabRecentUpdate.count({ where: { documentId } }),
  older: await db().collabUpdate.count({ where: { documentId } }),
});

describe("the update log on SQLite", () => {
  it("keeps the newest rows apart and moves them in bulk, with the stored state the same throughout", async () => {
    const plan = await editedDocument("move");
    // Moves by row count only in this test (the first append of the process may move at once).
    recentMovePolicy.everyMs = 60 * 60_000;
    recentMovePolicy.rows = 1_000_000;
    await appendUpdates([plan.edit("Warm-up. ")]);
    const start = await rowsIn(plan.id);

    recentMovePolicy.rows = 5;
    await appendUpdates([plan.edit("Passing drills. "), plan.edit("Small-sided game. ")]);
    expect(await rowsIn(plan.id)).toEqual({ recent: start.recent + 2, older: start.older });
    expect(await storedText(plan.id)).toBe("Warm-up. Passing drills. Small-sided game. ");
    expect(await countLogEntries(plan.id)).toBe(3);

    // Five rows since the last move (counting the first, if it stayed): the append that reaches it moves them all.
    const more = Array.from({ length: 5 - 2 - start.recent }, (_, i) => plan.edit(`Station ${i + 1}. `));
    await appendUpdates([...more, plan.edit("Cool-down.")]);
    expect(await rowsIn(plan.id)).toEqual({ recent: 0, older: 4 + more.length });
    expect(await storedText(plan.id)).toBe(plan.doc.getText("body").toString());
    expect(await countLogEntries(plan.id)).toBe(4 + more.length);
  });

  it("moves rows of several documents at once, after a quiet second as well", async () => {
    const a = await editedDocument("a");
    const b = await editedDocument("b");
    recentMovePolicy.everyMs = 60 * 60_000;
    recentMovePolicy.rows = 1_000_000;
    await appendUpdates([a.edit("Adapted PE: ")]);
    await appendUpdates([b.edit("Dance: "), a.edit("boccia. ")]);
    expect((await rowsIn(b.id)).recent).toBe(1);

    recentMovePolicy.everyMs = 0;
    await appendUpdates([b.edit("motif and development.")]);
    expect(await rowsIn(a.id)).toEqual({ recent: 0, older: 2 });
    expect(await rowsIn(b.id)).toEqual({ recent: 0, older: 2 });
    expect(await storedText(a.id)).toBe("Adapted PE: boccia. ");
    expect(await storedText(b.id)).toBe("Dance: motif and development.");
  });

  it("compacts rows from both tables into one snapshot and empties both", async () => {
    const plan = await editedDocument("compact");
    recentMovePolicy.everyMs = 0;
    await appendUpdates([plan.edit("Learning objective. ")]);
    recentMovePolicy.everyMs = 60 * 60_000;
    recentMovePolicy.rows = 1_000_000;
    await appendUpdates([plan.edit("Starter. "), plan.edit("Main task. ")]);
    const before = await rowsIn(plan.id);
    expect(before.recent).toBe(2);
    expect(before.older).toBe(1);

    const compaction = await compactDocument(plan.id);
    expect(compaction.compacted).toBe(3);
    expect(compaction.snapshotId).not.toBeNull();
    expect(await rowsIn(plan.id)).toEqual({ recent: 0, older: 0 });
    expect(await storedText(plan.id)).toBe("Learning objective. Starter. Main task. ");
    expect(await db().collabSnapshot.count({ where: { documentId: plan.id, kind: "compaction" } })).toBe(1);
  });
});
