// A live document whose parts sit in different places of a page (a lesson plan: its text parts between the
// deployments, differentiation and forms that stay server-rendered). The scope loads the editor chunk once in the
// browser and opens the document once; every LivePart inside binds its editor to one root of it, all in the same
// render, so each is bound before the document's content arrives. Until then (and on the server) a part shows its
// plain-text copy, so the page reads at once and prints without JavaScript.
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { PlainText } from "~/components/lesson-plan/fields";
import type * as LivePartsModule from "~/editor/live-parts";
import type { CollabErrorCode } from "~/lib/collab-events";

type LiveParts = typeof LivePartsModule;

interface LiveDocumentContext {
  live: { module: LiveParts; shared: InstanceType<LiveParts["SharedDocument"]> } | null;
  notice: string | null;
  user: { id: string; name: string };
  readOnly: boolean;
}

const Context = createContext<LiveDocumentContext | null>(null);

const REFUSED = "You can no longer change this plan, so your latest changes were not saved. This is the saved version.";

export function LiveDocumentScope({
  documentId,
  user,
  readOnly,
  children,
}: {
  documentId: string;
  user: { id: string; name: string };
  readOnly: boolean;
  children: ReactNode;
}) {
  const [live, setLive] = useState<LiveDocumentContext["live"]>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A fresh copy of the document after the server refused a change (the refused edits stay in the old copy only).
  const [copy, setCopy] = useState(0);
  useEffect(() => {
    let shared: InstanceType<LiveParts["SharedDocument"]> | null = null;
    let cancelled = false;
    const onRefused = (message: string, code: CollabErrorCode) => {
      setNotice(code === "forbidden" ? REFUSED : message);
      setCopy((n) => n + 1);
    };
    void import("~/editor/live-parts").then(({ SharedDocument, LivePartEditor, LiveDocumentBar }) => {
      if (cancelled) return;
      shared = new SharedDocument(documentId);
      shared.provider.on("refused", onRefused);
      setLive({ module: { SharedDocument, LivePartEditor, LiveDocumentBar }, shared });
    });
    return () => {
      cancelled = true;
      shared?.provider.off("refused", onRefused);
      shared?.destroy();
    };
  }, [documentId, copy]);
  return <Context.Provider value={{ live, notice, user, readOnly }}>{children}</Context.Provider>;
}

function useLiveDocument(): LiveDocumentContext {
  const context = useContext(Context);
  if (!context) throw new Error("LivePart and LiveDocumentStatus belong inside a LiveDocumentScope.");
  return context;
}

/** The document's save status and the people in it. */
export function LiveDocumentStatus() {
  const { live, notice } = useLiveDocument();
  if (!live)
    return (
      <div className="collab-editor__bar">
        <p className="sync-indicator sync-indicator--connecting">Connecting…</p>
      </div>
    );
  const { LiveDocumentBar } = live.module;
  return <LiveDocumentBar shared={live.shared} notice={notice} />;
}

/** The editor of one root of the document, labelled; its plain-text copy until the editor is ready. */
export function LivePart({
  part,
  label,
  hint,
  text,
  toolbar = "compact",
  hideLabel = false,
}: {
  part: string;
  label: string;
  hint?: string;
  /** The stored plain-text copy, shown until the live editor is ready. */
  text: string;
  toolbar?: "full" | "compact";
  /** When the section's own heading already names the part: the label is for screen readers only. */
  hideLabel?: boolean;
}) {
  const { live, user, readOnly } = useLiveDocument();
  // The editing area is named by its aria-label either way; the heading is for reading and navigating.
  const labelId = `part-${part}-label`;
  const placeholder = (
    <div className="live-part__placeholder">
      <PlainText text={text} empty={text ? "" : "Opening…"} />
    </div>
  );
  const hintId = hint ? `part-${part}-hint` : undefined;
  return (
    <div className="plan-part">
      {hideLabel ? null : (
        <h3 id={labelId} className="plan-part__label">
          {label}
        </h3>
      )}
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {live ? (
        <live.module.LivePartEditor
          key={live.shared.doc.guid}
          shared={live.shared}
          part={part}
          label={label}
          describedBy={hintId}
          user={user}
          readOnly={readOnly}
          toolbar={toolbar}
          placeholder={placeholder}
        />
      ) : (
        <div className="live-part" data-part={part}>
          {placeholder}
        </div>
      )}
    </div>
  );
}
