// The copy of a document's text kept outside it: after a quiet moment, on flush, on load, and only for owner types
// that keep one.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { Projections } from "./projections";
import { testDocument, textUpdate } from "./test-documents";

afterEach(() => vi.useRealTimers());

function setup() {
  const project = vi.fn(async (_ownerId: string, _state: Uint8Array, _userId: string | null) => true);
  const projections = new Projections(1_000, new Map([["partnership-document", project]]));
  const entry = testDocument();
  return { project, projections, entry };
}

describe("Projections", () => {
  it("copies once after the edits stop, as the last editor, with the state at that moment", async () => {
    vi.useFakeTimers();
    const { project, projections, entry } = setup();
    projections.noteChanged(entry, "user-sarah");
    await vi.advanceTimersByTimeAsync(600);
    projections.noteChanged(entry, "user-tom");
    Y.applyUpdate(entry.doc, textUpdate("Warm-up in pairs"));
    await vi.advanceTimersByTimeAsync(600);
    expect(project).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(project).toHaveBeenCalledTimes(1);
    const [ownerId, state, userId] = project.mock.calls[0]!;
    expect(ownerId).toBe("handbook");
    expect(userId).toBe("user-tom");
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state);
    expect(copy.get("root", Y.XmlText).toString()).toBe("Warm-up in pairs");
  });

  it("copies at once when flushed (the document leaves memory), and not again", async () => {
    vi.useFakeTimers();
    const { project, projections, entry } = setup();
    projections.noteChanged(entry, "user-sarah");
    await projections.flush(entry);
    expect(project).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    await projections.flush(entry);
    expect(project).toHaveBeenCalledTimes(1);
  });

  it("catches up on load, and leaves owner types without a copy alone", async () => {
    const { project, projections, entry } = setup();
    projections.catchUp(entry);
    await projections.settle();
    expect(project).toHaveBeenCalledWith("handbook", expect.any(Uint8Array), null);
    const other = new Projections(10, new Map());
    other.noteChanged(entry, "user-sarah");
    other.catchUp(entry);
    await other.flush(entry);
    await other.settle();
    expect(project).toHaveBeenCalledTimes(1);
  });

  it("logs a failed copy rather than throwing (the document itself is stored)", async () => {
    const failing = vi.fn(async () => {
      throw new Error("database gone");
    });
    const projections = new Projections(10, new Map([["partnership-document", failing]]));
    const entry = testDocument();
    projections.catchUp(entry);
    await expect(projections.settle()).resolves.toBeUndefined();
    expect(failing).toHaveBeenCalled();
  });

  it("waits while the document keeps changing, even when the timer fires late (a stalled process)", async () => {
    vi.useFakeTimers();
    const { project, projections, entry } = setup();
    projections.noteChanged(entry, "user-sarah");
    await vi.advanceTimersByTimeAsync(900);
    // Applied, not yet stored (so not yet noted): still a change, and the copy waits for a quiet second after it.
    entry.lastChangeAt = Date.now();
    await vi.advanceTimersByTimeAsync(600);
    expect(project).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(project).toHaveBeenCalledTimes(1);
    expect(project.mock.calls[0]![2]).toBe("user-sarah");
  });
});
