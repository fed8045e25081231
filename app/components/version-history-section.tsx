// A co-edited document with its version history beside it: the live editor
// (passed in), any version the reader picked shown read-only under it, and the
// list of versions with naming and restoring for those who may write. The
// route owns the data (loadVersionHistory) and the intents (runVersionIntent).
import { Link, useFetcher, useSearchParams } from "@remix-run/react";
import type { SerializedEditorState } from "lexical";
import { lazy, Suspense, type ReactNode } from "react";
import { Notice } from "~/components/ui/notice";
import { VersionHistoryPanel, type VersionListItem } from "~/editor/version-history";
import { formatDateTime } from "~/lib/format";

// Lexical comes with the viewer, only when a reader opens a version: the page's first load stays without it.
const VersionViewer = lazy(() => import("~/editor/version-viewer").then((m) => ({ default: m.VersionViewer })));

export interface VersionHistorySectionProps {
  versions: VersionListItem[];
  viewing: {
    id: string;
    name: string;
    createdAt: string | Date;
    editorState: SerializedEditorState;
    /** The document's other parts in this version (a lesson plan's text parts), shown before its main text. */
    parts?: Array<{ name: string; label: string; editorState: SerializedEditorState }>;
  } | null;
  versionNotFound: boolean;
  canManage: boolean;
  children: ReactNode;
}

export function VersionHistorySection({
  versions,
  viewing,
  versionNotFound,
  canManage,
  children,
}: VersionHistorySectionProps) {
  const fetcher = useFetcher<{ ok: boolean; message: string }>();
  const [, setSearchParams] = useSearchParams();
  // Posted to the route's own action, which runs runVersionIntent.
  const submit = (values: Record<string, string>) => fetcher.submit(values, { method: "post" });
  return (
    <>
      {fetcher.data?.message ? (
        <Notice tone={fetcher.data.ok ? "success" : "error"}>
          <p>{fetcher.data.message}</p>
        </Notice>
      ) : null}
      {versionNotFound ? (
        <Notice tone="warning">
          <p>That version no longer exists.</p>
        </Notice>
      ) : null}
      <div className="document-layout">
        <div>
          {children}
          {viewing ? (
            <section className="version-view" aria-labelledby="viewing-heading">
              <h2 id="viewing-heading">
                Viewing {viewing.name || "an automatic version"} ({formatDateTime(viewing.createdAt)})
              </h2>
              <Suspense fallback={<p role="status">Opening this version…</p>}>
                {viewing.parts?.map((part) => (
                  <div key={part.name} className="version-view__part">
                    <h3>{part.label}</h3>
                    <VersionViewer editorState={part.editorState} label={`${part.label}, in this version`} />
                  </div>
                ))}
                {viewing.parts?.length ? <h3>Lesson notes</h3> : null}
                <VersionViewer
                  editorState={viewing.editorState}
                  label={`Version: ${viewing.name || formatDateTime(viewing.createdAt)}`}
                />
              </Suspense>
              <p>
                <Link to="." replace preventScrollReset>
                  Close this version
                </Link>
              </p>
            </section>
          ) : null}
        </div>
        <VersionHistoryPanel
          versions={versions}
          canManage={canManage}
          selectedId={viewing?.id ?? null}
          busy={fetcher.state !== "idle"}
          onView={(versionId) => setSearchParams({ version: versionId }, { preventScrollReset: true })}
          onRestore={(versionId) => submit({ intent: "restore", versionId })}
          onCreateNamed={(name) => submit({ intent: "name-version", name })}
        />
      </div>
    </>
  );
}
