// The browser half of a live document with several parts (a lesson plan), loaded as its own chunk by
// components/live-document.tsx: the editor of one part with who else is writing there, and the document's bar with
// its one save status and everyone in it.
import { useEffect, useState, type ReactNode } from "react";
import type { Awareness } from "y-protocols/awareness";
import { PartEditor } from "./part-editor";
import { useParticipants } from "./presence";
import { PresenceList } from "./presence-list";
import type { SharedDocument } from "./shared-document";
import { SyncIndicator, useSyncState, useWarnBeforeUnload } from "./sync-indicator";

export { SharedDocument } from "./shared-document";

interface LivePartEditorProps {
  shared: SharedDocument;
  part: string;
  label: string;
  describedBy?: string;
  user: { id: string; name: string };
  readOnly: boolean;
  toolbar: "full" | "compact";
  /** Shown until the document first arrives (the editor is bound, and hidden, meanwhile). */
  placeholder: ReactNode;
}

export function LivePartEditor(props: LivePartEditorProps) {
  const { shared, part, label, describedBy, user, readOnly, toolbar, placeholder } = props;
  const state = useSyncState(shared.provider);
  const writers = useWritersIn(shared.provider.awareness, part);
  const editable = !readOnly && !state.readOnly && state.phase !== "error";
  const arrived = useArrived(shared);
  return (
    <div className="live-part" data-part={part}>
      {arrived ? null : placeholder}
      <div hidden={!arrived}>
        <PartEditor
          shared={shared}
          part={part}
          label={label}
          describedBy={describedBy}
          user={user}
          editable={editable}
          toolbar={toolbar}
        />
      </div>
      <p className="live-part__writers" aria-live="polite">
        {writers.length > 0 ? `${writers.join(" and ")} ${writers.length === 1 ? "is" : "are"} writing here` : ""}
      </p>
    </div>
  );
}

/** Whether the document has arrived from the server once (later reconnections keep showing the editor). */
function useArrived(shared: SharedDocument): boolean {
  const [arrived, setArrived] = useState(shared.provider.isSynced);
  useEffect(() => {
    if (shared.provider.isSynced) setArrived(true);
    const onSync = (synced: boolean) => {
      if (synced) setArrived(true);
    };
    shared.provider.on("sync", onSync);
    return () => shared.provider.off("sync", onSync);
  }, [shared]);
  return arrived;
}

/** The names of the other people whose caret is in this part now. */
function useWritersIn(awareness: Awareness, part: string): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    const update = () => {
      const next = new Set<string>();
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID || state.part !== part || state.focusing !== true) continue;
        if (typeof state.name === "string" && state.name) next.add(state.name);
      }
      const sorted = [...next].sort();
      setNames((previous) => (previous.join("\n") === sorted.join("\n") ? previous : sorted));
    };
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [awareness, part]);
  return names;
}

/** The save status and the people in the document (a one-root document's editor shows it too, before it opens). */
export function LiveDocumentBar({ shared, notice }: { shared: SharedDocument | null; notice: string | null }) {
  const state = useSyncState(shared?.provider ?? null);
  const participants = useParticipants(shared?.provider.awareness ?? null);
  useWarnBeforeUnload(state.unsaved);
  return (
    <>
      <div className="collab-editor__bar">
        <SyncIndicator state={state} />
        <PresenceList participants={participants} />
      </div>
      {notice ? (
        <p className="alert alert--warning collab-editor__notice" role="alert">
          {notice}
        </p>
      ) : null}
    </>
  );
}
