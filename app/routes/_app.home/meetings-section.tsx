// The member's next meetings, across their groups, on every home page (shown when they have any).
import { Link } from "@remix-run/react";
import { formatDateTime } from "~/lib/format";
import type { HomePageData } from "./page-data";

export function MeetingsSection({ meetings }: { meetings: HomePageData["meetings"] }) {
  if (meetings.length === 0) return null;
  return (
    <section className="card" aria-labelledby="home-meetings-heading">
      <h2 id="home-meetings-heading">Your next meetings</h2>
      <ul className="item-list">
        {meetings.map((m) => (
          <li key={m.id}>
            <Link to={`/meetings/${m.id}`}>
              {m.group.name}: {formatDateTime(m.startsAt)}
            </Link>{" "}
            <span className="muted">
              · {m.site?.name ?? "Online"}
              {m.agendaCirculatedAt ? " · agenda circulated" : ""}
            </span>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/actions">My actions</Link>
      </p>
    </section>
  );
}
