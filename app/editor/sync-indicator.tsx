// Tells the truth about saving: "Saved", "Saving…", "Reconnecting…", "Offline:
// 3 changes not saved yet". Announced politely to screen readers. Also warns
// before the tab closes while changes are unsaved.
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

export function SyncIndicator({ state }: { state: SyncState }) {
  return (
    <p className={`sync-indicator sync-indicator--${state.phase}`} role="status" aria-live="polite" data-phase={state.phase} data-unsaved={state.unsaved}>
      {describeSyncState(state)}
    </p>
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
