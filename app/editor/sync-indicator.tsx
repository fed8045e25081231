// Tells the truth about saving: "Saved", "Saving…", "Reconnecting…", "Offline:
// 3 changes not saved yet". Screen readers hear the changes that matter
// (connected, offline, reconnecting, read only, a problem), not every keystroke's
// "Saving…" and "Saved". Also warns before the tab closes while changes are unsaved.
import { useEffect, useState } from "react";
import type { SocketIoYjsProvider, SyncState } from "./socket-provider";

export function useSyncState(provider: SocketIoYjsProvider | null): SyncState {
  const [state, setState] = useState<SyncState>(
    () => provider?.syncState ?? { phase: "connecting", unsaved: 0, readOnly: false, error: null },
  );
  useEffect(() => {
    if (!provider) return;
    setState(provider.syncState);
    const onState = (next: SyncState) => setState(next);
    provider.on("state", onState);
    // navigator.onLine changes do not reach the socket at once; refresh the wording when they happen.
    const refresh = () => setState(provider.syncState);
    window.addEventListener("online", refresh);
    window.addEventListener("offline", refresh);
    return () => {
      provider.off("state", onState);
      window.removeEventListener("online", refresh);
      window.removeEventListener("offline", refresh);
    };
  }, [provider]);
  return state;
}

function changes(n: number): string {
  return n === 1 ? "1 change" : `${n} changes`;
}

export function describeSyncState(state: SyncState): string {
  switch (state.phase) {
    case "error":
      return state.error ?? "This document is not available.";
    case "connecting":
      return "Connecting…";
    case "saved":
      return state.readOnly ? "Up to date (read only)" : "All changes saved";
    case "saving":
      return `Saving ${changes(state.unsaved)}…`;
    case "reconnecting":
      return state.unsaved > 0 ? `Reconnecting… ${changes(state.unsaved)} not saved yet` : "Reconnecting…";
    case "offline":
      return state.unsaved > 0
        ? `Offline: ${changes(state.unsaved)} not saved yet. Keep working; they will be saved when you reconnect.`
        : "Offline. Keep working; changes will be saved when you reconnect.";
  }
}

/**
 * What a screen reader is told, or null to keep the last announcement: saving is
 * not announced (it comes and goes with every keystroke), and the count of unsaved
 * changes is left out (it would be read out again at every change while offline).
 */
export function announceSyncState(state: SyncState): string | null {
  switch (state.phase) {
    case "saving":
      return null;
    case "reconnecting":
      return "Reconnecting…";
    case "offline":
      return state.unsaved > 0
        ? "Offline: your changes are kept and will be saved when you reconnect."
        : "Offline. Keep working; changes will be saved when you reconnect.";
    default:
      return describeSyncState(state);
  }
}

export function SyncIndicator({ state }: { state: SyncState }) {
  // Kept between renders: while saving, the last announcement stands (state adjusted during render, as React advises).
  const next = announceSyncState(state);
  const [announced, setAnnounced] = useState(next ?? "");
  if (next !== null && next !== announced) setAnnounced(next);
  return (
    <>
      <p
        className={`sync-indicator sync-indicator--${state.phase}`}
        data-phase={state.phase}
        data-unsaved={state.unsaved}
      >
        {describeSyncState(state)}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announced}
      </p>
    </>
  );
}

/** Asks the browser to confirm leaving while any change is unsaved. */
export function useWarnBeforeUnload(unsaved: number): void {
  useEffect(() => {
    if (unsaved === 0) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [unsaved]);
}
