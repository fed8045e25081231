import { describe, expect, it } from "vitest";
import { announceSyncState, describeSyncState } from "./sync-indicator";
import type { SyncState } from "./socket-provider";

const state = (phase: SyncState["phase"], unsaved = 0, readOnly = false): SyncState => ({
  phase,
  unsaved,
  readOnly,
  error: null,
});

describe("the sync indicator", () => {
  it("shows the count of unsaved changes", () => {
    expect(describeSyncState(state("saving", 2))).toBe("Saving 2 changes…");
    expect(describeSyncState(state("offline", 1))).toMatch(/^Offline: 1 change not saved yet/);
    expect(describeSyncState(state("saved", 0, true))).toBe("Up to date (read only)");
  });

  it("announces what matters, not every keystroke", () => {
    // Saving comes and goes as people type: nothing new is announced.
    expect(announceSyncState(state("saving", 1))).toBeNull();
    expect(announceSyncState(state("saved"))).toBe("All changes saved");
    // Offline and reconnecting are announced once, whatever the count.
    expect(announceSyncState(state("offline", 1))).toBe(announceSyncState(state("offline", 7)));
    expect(announceSyncState(state("reconnecting", 3))).toBe("Reconnecting…");
    expect(
      announceSyncState({ phase: "error", unsaved: 0, readOnly: false, error: "This document has been deleted." }),
    ).toBe("This document has been deleted.");
  });
});
