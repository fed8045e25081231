// Group commit: concurrent appends share one write; acks wait for the commit;
// one document's failure does not fail the others.
import { describe, expect, it } from "vitest";
import type { LogEntry } from "~/models/collab-log.server";
import { UpdateWriter } from "./update-writer";

const entry = (documentId: string): LogEntry => ({ documentId, data: new Uint8Array([1]), userId: null });

describe("UpdateWriter", () => {
  it("batches updates that arrive together into one write and resolves after it commits", async () => {
    const writes: number[] = [];
    let commit!: () => void;
    const writer = new UpdateWriter(async (entries) => {
      writes.push(entries.length);
      await new Promise<void>((resolve) => (commit = resolve));
    });
    let acked = 0;
    const all = Array.from({ length: 50 }, () => writer.append(entry("d1")).then(() => (acked += 1)));
    await new Promise((r) => setTimeout(r, 20));
    expect(writes).toEqual([50]);
    expect(acked).toBe(0);
    commit();
    await Promise.all(all);
    expect(acked).toBe(50);
  });

  it("isolates a failing document from the others in the batch", async () => {
    const writer = new UpdateWriter(async (entries) => {
      if (entries.some((e) => e.documentId === "deleted")) throw new Error("foreign key");
    });
    const results = await Promise.allSettled([
      writer.append(entry("a")),
      writer.append(entry("deleted")),
      writer.append(entry("b")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });

  it("resolves each append with its row id, in a shared batch and after a document's failure split it", async () => {
    let next = 100;
    const writer = new UpdateWriter(async (entries) => {
      if (entries.some((e) => e.documentId === "deleted")) throw new Error("foreign key");
      return entries.map(() => next++);
    });
    expect(
      await Promise.all([writer.append(entry("a")), writer.append(entry("b")), writer.append(entry("a"))]),
    ).toEqual([100, 101, 102]);
    const split = await Promise.allSettled([
      writer.append(entry("a")),
      writer.append(entry("deleted")),
      writer.append(entry("b")),
    ]);
    expect(split.map((r) => (r.status === "fulfilled" ? r.value : "failed"))).toEqual([103, "failed", 104]);
    const withoutIds = new UpdateWriter(async () => {});
    expect(await withoutIds.append(entry("a"))).toBeNull();
  });

  it("holds a commit window open so updates from later event-loop turns share the transaction", async () => {
    const writes: number[] = [];
    const writer = new UpdateWriter(async (entries) => void writes.push(entries.length), { windowMs: 30 });
    const first = writer.append(entry("a"));
    await new Promise((r) => setTimeout(r, 5));
    const second = writer.append(entry("b"));
    await new Promise((r) => setTimeout(r, 5));
    const third = writer.append(entry("c"));
    expect(writes).toEqual([]);
    await Promise.all([first, second, third]);
    expect(writes).toEqual([3]);
    expect(writer.batches).toBe(1);
    expect(writer.updatesWritten).toBe(3);
    // Without a window, updates from different turns get their own transactions.
    const eager = new UpdateWriter(async (entries) => void writes.push(entries.length), { windowMs: 0 });
    await eager.append(entry("a"));
    await eager.append(entry("b"));
    expect(writes).toEqual([3, 1, 1]);
  });

  it("writes a full batch at once instead of waiting out the window", async () => {
    const writes: number[] = [];
    const writer = new UpdateWriter(async (entries) => void writes.push(entries.length), {
      windowMs: 60_000,
      maxBatch: 4,
    });
    // A 60 s window that was not cut short would time the test out.
    await Promise.all(Array.from({ length: 4 }, () => writer.append(entry("a"))));
    expect(writes).toEqual([4]);
  });
});
