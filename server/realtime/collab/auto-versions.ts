// Automatic versions of an open document: at most one per interval while people edit,
// and one when it leaves memory after edits, credited to whoever changed it most.
import { createVersionSnapshot } from "~/models/collab-log.server";
import { logger } from "../../logger";
import type { OpenDocument } from "./open-document";

export class AutoVersions {
  constructor(
    /** Take an automatic version at most this often while people edit. */
    private readonly everyMs: number,
    private readonly createVersion: typeof createVersionSnapshot = createVersionSnapshot,
  ) {}

  /** Counts an edit that is now stored, and takes a version when the last one is old enough. */
  noteEdit(entry: OpenDocument, userId: string | null): void {
    if (userId) entry.editorsSinceVersion.set(userId, (entry.editorsSinceVersion.get(userId) ?? 0) + 1);
    if (Date.now() - entry.lastVersionAt >= this.everyMs) void this.take(entry);
  }

  /** A version of the document as it is now, if anyone edited it since the last one. */
  async take(entry: OpenDocument): Promise<void> {
    if (entry.editorsSinceVersion.size === 0) return;
    const [mainEditor] = [...entry.editorsSinceVersion.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    entry.editorsSinceVersion = new Map();
    entry.lastVersionAt = Date.now();
    try {
      await this.createVersion(entry.id, "auto", { createdById: mainEditor ?? null });
    } catch (error) {
      logger.warn("collab: automatic version failed", { documentId: entry.id, error: String(error) });
    }
  }
}
