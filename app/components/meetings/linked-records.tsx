// The records an agenda item or a decision concerns, as links to their pages ("Concerns: Course: Year 10 PE, ..."),
// and on a course, plan or strategy page the decisions about it, each with its meeting and a link to the minutes.
import { Link } from "@remix-run/react";
import { formatDate } from "~/lib/format";
import { LINK_KIND_LABELS, type LinkKind } from "~/lib/meeting-vocabulary";

export interface LinkedRecordView {
  kind: LinkKind;
  id: string;
  title: string;
  href: string;
}

export function LinkedRecords({ records }: { records: LinkedRecordView[] }) {
  if (records.length === 0) return null;
  return (
    <p className="muted linked-records">
      Concerns:{" "}
      {records.map((r, index) => (
        <span key={`${r.kind}:${r.id}`}>
          {index > 0 ? "; " : ""}
          {LINK_KIND_LABELS[r.kind]}: <Link to={r.href}>{r.title}</Link>
        </span>
      ))}
    </p>
  );
}

export interface DecisionAbout {
  id: string;
  text: string;
  groupName: string;
  meeting: { id: string; startsAt: Date | string };
}

/** "Decisions about this": nothing at all when there are none the reader may see. */
export function DecisionsAboutThis({ decisions }: { decisions: DecisionAbout[] }) {
  if (decisions.length === 0) return null;
  return (
    <section className="card" aria-labelledby="decisions-about-heading">
      <h2 id="decisions-about-heading">Decisions about this</h2>
      <ul className="item-list">
        {decisions.map((d) => (
          <li key={d.id}>
            <p>{d.text}</p>
            <p className="muted">
              {d.groupName}, {formatDate(d.meeting.startsAt)}:{" "}
              <Link to={`/meetings/${d.meeting.id}`}>
                read the minutes<span className="visually-hidden"> of {formatDate(d.meeting.startsAt)}</span>
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
