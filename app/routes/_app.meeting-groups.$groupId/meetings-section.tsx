// The group's meetings to come and past (with where their minutes stand), and the decisions log (with the records each decision changes).
import { Link } from "@remix-run/react";
import { LinkedRecords } from "~/components/meetings/linked-records";
import { formatDate, formatDateTime } from "~/lib/format";
import { MINUTES_STATUS_LABELS } from "~/lib/meeting-vocabulary";
import type { MeetingGroupPageData } from "./page-data";

type Meeting = MeetingGroupPageData["upcoming"][number];

function MeetingItem({ meeting }: { meeting: Meeting }) {
  return (
    <li>
      <Link to={`/meetings/${meeting.id}`}>{formatDateTime(meeting.startsAt)}</Link>{" "}
      {meeting.cancelledAt ? <span className="badge">Cancelled</span> : null}{" "}
      <span className="muted">
        · {meeting.site?.name ?? "Online"} · Minutes: {MINUTES_STATUS_LABELS[meeting.minutesStatus]?.toLowerCase()}
      </span>
    </li>
  );
}

export function MeetingsSection({ page }: { page: MeetingGroupPageData }) {
  return (
    <section className="card" aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">Meetings</h2>
      <h3>Coming up</h3>
      {page.upcoming.length === 0 ? (
        <p>No meeting scheduled.</p>
      ) : (
        <ul className="item-list">
          {page.upcoming.map((m) => (
            <MeetingItem key={m.id} meeting={m} />
          ))}
        </ul>
      )}
      <h3>Past</h3>
      {page.past.length === 0 ? (
        <p>No past meetings yet.</p>
      ) : (
        <ul className="item-list">
          {page.past.map((m) => (
            <MeetingItem key={m.id} meeting={m} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function DecisionsSection({ page }: { page: MeetingGroupPageData }) {
  return (
    <section className="card" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">Decisions log</h2>
      {page.decisions.length === 0 ? (
        <p>No decisions recorded yet.</p>
      ) : (
        <ul className="item-list">
          {page.decisions.map((d) => (
            <li key={d.id}>
              <p>{d.text}</p>
              <LinkedRecords records={d.links} />
              <p className="muted">
                <Link to={`/meetings/${d.meeting.id}`}>Meeting of {formatDate(d.meeting.startsAt)}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
