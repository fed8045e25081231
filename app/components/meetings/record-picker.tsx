// The picker of records an agenda item or a decision concerns: a search by title (only records the person may open
// come back), the results and the chosen records as checkboxes (Tab and Space, nothing to drag), each chosen one sent
// as "kind:id". The server checks them again and answers beside the picker.
import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { FieldOf } from "~/components/ui/field";
import { LINK_KIND_LABELS, type LinkKind } from "~/lib/meeting-vocabulary";

export interface PickedRecord {
  kind: LinkKind;
  id: string;
  title: string;
}

const SEARCH_AFTER_MS = 250;
const value = (r: PickedRecord) => `${r.kind}:${r.id}`;
const label = (r: PickedRecord) => `${LINK_KIND_LABELS[r.kind]}: ${r.title}`;

export function RecordPicker({
  meta,
  legend = "Linked records (optional)",
}: {
  meta: FieldOf<string[]>;
  legend?: string;
}) {
  const search = useFetcher<{ records: PickedRecord[] }>();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<PickedRecord[]>([]);
  const load = search.load;
  useEffect(() => {
    if (query.trim().length < 2) return;
    const timer = setTimeout(() => load(`/meeting-records?q=${encodeURIComponent(query.trim())}`), SEARCH_AFTER_MS);
    return () => clearTimeout(timer);
  }, [query, load]);
  const searching = query.trim().length >= 2;
  const found = searching ? (search.data?.records ?? []) : [];
  const offered = found.filter((r) => !chosen.some((c) => value(c) === value(r)));
  const errorId = meta.errors?.length ? meta.errorId : undefined;
  return (
    <fieldset className={`record-picker${errorId ? " field--error" : ""}`} aria-describedby={errorId}>
      <legend>{legend}</legend>
      {chosen.length ? (
        <ul className="record-picker__list" aria-label="Chosen records">
          {chosen.map((r, index) => (
            <li key={value(r)}>
              <label>
                <input
                  type="checkbox"
                  name={`${meta.name}[${index}]`}
                  value={value(r)}
                  checked
                  onChange={() => setChosen((before) => before.filter((c) => value(c) !== value(r)))}
                />{" "}
                {label(r)}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="field">
        <label htmlFor={`${meta.id}-search`}>Find a course, unit, lesson plan, strategy or teaching group</label>
        <input
          id={`${meta.id}-search`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            // Enter searches here; it must not send the whole form half-filled.
            if (event.key === "Enter") event.preventDefault();
          }}
          autoComplete="off"
        />
      </div>
      <p className="hint" role="status">
        {!searching
          ? "Type two letters or more of the title."
          : search.state !== "idle"
            ? "Searching…"
            : `${offered.length} found${offered.length ? ": tick one to link it." : "."}`}
      </p>
      {offered.length ? (
        <ul className="record-picker__list" aria-label="Records found">
          {offered.map((r) => (
            <li key={value(r)}>
              <label>
                <input type="checkbox" checked={false} onChange={() => setChosen((before) => [...before, r])} />{" "}
                {label(r)}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {errorId ? (
        <span className="field-error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {meta.errors?.join(" ")}
        </span>
      ) : null}
    </fieldset>
  );
}
