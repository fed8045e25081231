// The collaborative editor of a one-root document (a shared document, a strategy): the document's editor with the
// people in it, an honest save status, and a warning before leaving with unsaved changes. A lesson plan, whose
// parts are several roots of one document, uses the same pieces through LiveDocumentScope instead.
import { useEffect, useState } from "react";
import type { CollabErrorCode } from "~/lib/collab-events";
import { YJS_ROOT_NAME } from "~/lib/document-schema/nodes";
import { PartEditor } from "./part-editor";
import { LiveDocumentBar } from "./live-parts";
import { SharedDocument } from "./shared-document";
import type { CollabSocket } from "./socket-provider";
import { useSyncState } from "./sync-indicator";

export interface CollaborativeEditorProps {
  /** CollabDocument id. */
  documentId: string;
  /** The signed-in member: their name labels their cursor; the id picks its colour. */
  user: { id: string; name: string };
  /** What the page's loader decided from the policy; the server enforces it regardless. */
  readOnly: boolean;
  /** Accessible name of the editing area, e.g. the document title. */
  label: string;
  /** For tests and storybooks; defaults to the tab's shared socket. */
  socket?: CollabSocket;
}

const REFUSED =
  "You can no longer change this document, so your latest changes were not saved. This is the saved version.";

/**
 * The live document for a page: a fresh copy after the server refused a change (the refused edits stay only in the
 * copy thrown away), with the reason to show.
 */
function useSharedDocument(documentId: string, socket?: CollabSocket) {
  const [copy, setCopy] = useState(0);
  const [shared, setShared] = useState<SharedDocument | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const created = new SharedDocument(documentId, socket);
    const onRefused = (message: string, code: CollabErrorCode) => {
      setNotice(code === "forbidden" ? REFUSED : message);
      setCopy((n) => n + 1);
    };
    created.provider.on("refused", onRefused);
    setShared(created);
    return () => {
      created.provider.off("refused", onRefused);
      created.destroy();
    };
  }, [documentId, socket, copy]);
  return { shared, notice };
}

export function CollaborativeEditor({ documentId, user, readOnly, label, socket }: CollaborativeEditorProps) {
  const { shared, notice } = useSharedDocument(documentId, socket);
  const state = useSyncState(shared?.provider ?? null);
  const editable = !readOnly && !state.readOnly && state.phase !== "error";
  return (
    <section className="collab-editor" aria-label={label}>
      <LiveDocumentBar shared={shared} notice={notice} />
      {shared ? (
        <PartEditor
          key={shared.doc.guid}
          shared={shared}
          part={YJS_ROOT_NAME}
          label={label}
          user={user}
          editable={editable}
          toolbar="full"
        />
      ) : null}
    </section>
  );
}
