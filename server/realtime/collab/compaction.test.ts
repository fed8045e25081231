// When an open document's log is folded into a snapshot, and what the fold does with
// the rows its copy in memory already holds.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import type { compactDocument } from "~/models/collab-log.server";
import { Compaction, type CompactionOptions } from "./compaction";
import { testDocument, textUpdate } from "./test-documents";

const OPTIONS: CompactionOptions = {
  compactEvery: 3,
  compactBaseRatio: 0.5,
  compactBytes: 10_000,
  compactIdleMs: 60_000,
};

const running: Compaction[] = [];
afterEach(() => running.splice(0).forEach((c) => c.stop()));

function compactionWith(
  compact: typeof compactDocument,
  options: Partial<CompactionOptions> = {},
  open: ReturnType<typeof testDocument>[] = [],
) {
  const compaction = new Compaction({ ...OPTIONS, ...options }, () => open, compact);
  running.push(compaction);
  return compaction;
}

const nothingCompacted = vi.fn<typeof compactDocument>(async () => ({
  compacted: 0,
  stateBytes: null,
  snapshotId: null,
}));

describe("Compaction", () => {
  it("waits for enough rows and enough bytes against the base, or for enough bytes alone", async () => {
    const compact = vi.fn(nothingCompacted);
    const compaction = compactionWith(compact);
    const large = testDocument({ baseBytes: 1_000 });
    for (let i = 0; i < 5; i++) compaction.noteAppended(large, 10);
    expect(compact).not.toHaveBeenCalled();
    compaction.noteAppended(large, 500);
    expect(compact).toHaveBeenCalledTimes(1);

    const small = testDocument({ baseBytes: 10 });
    compaction.noteAppended(small, 10_000);
    expect(compact).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(small.compacting).toBeNull());
    expect(small.logCount).toBe(0);
  });

  it("folds only the snapshots and rows its copy does not hold, and forgets the rows now gone from the log", async () => {
    const entry = testDocument({ snapshotIds: ["base"], rowIds: [1, 2], logCount: 3 });
    let folded: Uint8Array | null = null;
    const compaction = compactionWith(async (_id, fold) => {
      folded = fold(
        [{ id: "base", state: textUpdate("never applied twice") }],
        [
          { id: 1, data: textUpdate("known") },
          { id: 2, data: textUpdate("known too") },
          { id: 3, data: textUpdate("from another process") },
        ],
      );
      return { compacted: 3, stateBytes: folded.byteLength, snapshotId: "snapshot-2" };
    });
    entry.storedRows.add(4); // appended after the compaction read the log
    compaction.compactSoon(entry);
    await vi.waitFor(() => expect(entry.compacting).toBeNull());
    expect(compaction.stats).toEqual({ rowsApplied: 1, rowsSkipped: 2 });
    const text = entry.doc.get("root", Y.XmlText).toString();
    expect(text).toContain("from another process");
    expect(text).not.toContain("never applied twice");
    expect([...entry.storedRows]).toEqual([4]);
    expect([...entry.baseSnapshots]).toEqual(["snapshot-2"]);
    expect(entry.baseBytes).toBe(folded!.byteLength);
    expect(entry.logCount).toBe(0);
  });

  it("compacts a document nobody has changed for the idle time", async () => {
    const entry = testDocument({ logCount: 2 });
    entry.lastWriteAt = Date.now() - 1_000;
    const compact = vi.fn(nothingCompacted);
    compactionWith(compact, { compactIdleMs: 100 }, [entry]);
    await vi.waitFor(() => expect(compact).toHaveBeenCalledWith("doc-1", expect.any(Function)));
  });

  it("never writes a copy that was closed after a failed update", async () => {
    const entry = testDocument({ logCount: 1 });
    entry.doc.destroy();
    const compaction = compactionWith(async (_id, fold) => {
      fold([], []);
      return { compacted: 0, stateBytes: null, snapshotId: null };
    });
    await expect(compaction.compactOnUnload(entry)).rejects.toThrow("document no longer open here");
  });
});
