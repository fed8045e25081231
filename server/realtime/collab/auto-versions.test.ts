// Automatic versions: at most one per interval while people edit, credited to whoever edited most.
import { describe, expect, it, vi } from "vitest";
import type { createVersionSnapshot } from "~/models/collab-log.server";
import { AutoVersions } from "./auto-versions";
import { testDocument } from "./test-documents";

const created = () => vi.fn<typeof createVersionSnapshot>(async () => ({}) as never);

describe("AutoVersions", () => {
  it("takes a version once the interval has passed, credited to the main editor, then starts counting again", () => {
    const createVersion = created();
    const versions = new AutoVersions(60_000, createVersion);
    const entry = testDocument();
    versions.noteEdit(entry, "sarah");
    versions.noteEdit(entry, "sarah");
    versions.noteEdit(entry, null);
    expect(createVersion).not.toHaveBeenCalled();

    entry.lastVersionAt = Date.now() - 60_000;
    versions.noteEdit(entry, "tom");
    expect(createVersion).toHaveBeenCalledWith("doc-1", "auto", { createdById: "sarah" });
    expect(entry.editorsSinceVersion.size).toBe(0);
    versions.noteEdit(entry, "tom");
    expect(createVersion).toHaveBeenCalledTimes(1);
  });

  it("takes none when nobody edited since the last, and survives a failed write", async () => {
    const failing = vi.fn<typeof createVersionSnapshot>(async () => {
      throw new Error("database down");
    });
    const versions = new AutoVersions(60_000, failing);
    const entry = testDocument();
    await versions.take(entry);
    expect(failing).not.toHaveBeenCalled();
    entry.editorsSinceVersion.set("sarah", 1);
    await expect(versions.take(entry)).resolves.toBeUndefined();
    expect(failing).toHaveBeenCalledTimes(1);
  });
});
