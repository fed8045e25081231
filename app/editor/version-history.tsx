// Version history: the list of versions (when, by whom, automatic or named) and
// a form to name the current state; version-viewer.tsx shows a version itself.
// The page owns the data and actions (loader + fetchers); these components only present them.
import { useState } from "react";

export interface VersionListItem {
  id: string;
  kind: "auto" | "named";
  name: string;
  /** ISO string (loader data is JSON). */
  createdAt: string;
  createdBy: { name: string } | null;
}

export interface VersionHistoryPanelProps {
  versions: VersionListItem[];
  canManage: boolean;
  selectedId: string | null;
  onView(versionId: string): void;
  onRestore(versionId: string): void;
  onCreateNamed(name: string): void;
  busy?: boolean;
}

const when = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

export function VersionHistoryPanel({
  versions,
  canManage,
  selectedId,
  onView,
  onRestore,
  onCreateNamed,
  busy,
}: VersionHistoryPanelProps) {
  const [name, setName] = useState("");
  return (
    <aside className="version-history" aria-labelledby="version-history-title">
      <h2 id="version-history-title">Version history</h2>
      {canManage ? (
        <form
          className="version-history__name"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim() === "") return;
            onCreateNamed(name.trim());
            setName("");
          }}
        >
          <label htmlFor="version-name">Name this version</label>
          <input
            id="version-name"
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
            placeholder="For example: agreed at steering group"
          />
          <button type="submit" className="button button--secondary" disabled={busy}>
            Save version
          </button>
        </form>
      ) : null}
      {versions.length === 0 ? (
        <p>No versions yet. Versions are saved automatically while people edit.</p>
      ) : (
        <ol className="version-history__list">
          {versions.map((v) => (
            <li key={v.id} aria-current={v.id === selectedId ? "true" : undefined}>
              <strong>{v.kind === "named" ? v.name : v.name || "Automatic version"}</strong>
              <span className="version-history__meta">
                {when(v.createdAt)}
                {v.createdBy ? ` · ${v.createdBy.name}` : ""}
              </span>
              <span className="version-history__actions">
                <button type="button" className="button button--link" onClick={() => onView(v.id)}>
                  View
                </button>
                {canManage ? (
                  <button type="button" className="button button--link" disabled={busy} onClick={() => onRestore(v.id)}>
                    Restore
                  </button>
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
