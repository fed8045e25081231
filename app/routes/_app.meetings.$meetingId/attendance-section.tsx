// Attendance in one click each: present, apologies or absent for every member, and guests by name.
import { Form, useFetcher } from "@remix-run/react";
import { ATTENDANCE, type AttendanceStatus } from "~/lib/meeting-vocabulary";
import type { MeetingPageData } from "./page-data";

const STATUSES = Object.entries(ATTENDANCE) as Array<[AttendanceStatus, string]>;

function MemberAttendance({
  member,
  status,
  enabled,
}: {
  member: MeetingPageData["members"][number];
  status?: string;
  enabled: boolean;
}) {
  const fetcher = useFetcher();
  // Shown at once while the click is saved.
  const shown = (fetcher.formData?.get("status") as string | undefined) ?? status;
  return (
    <li>
      <span>
        {member.name} <span className="muted">· {member.institution.name}</span>
      </span>
      {enabled ? (
        <fetcher.Form method="post" className="attendance__choices" aria-label={`Attendance of ${member.name}`}>
          <input type="hidden" name="intent" value="attendance" />
          <input type="hidden" name="userId" value={member.id} />
          {STATUSES.map(([value, label]) => (
            <button
              key={value}
              type="submit"
              name="status"
              value={value}
              aria-pressed={shown === value}
              className={`button ${shown === value ? "" : "button--secondary"}`}
            >
              {label}
              <span className="visually-hidden">: {member.name}</span>
            </button>
          ))}
        </fetcher.Form>
      ) : (
        // The list lays the status out at the row's end: no separator to dangle there, one for screen readers.
        <strong className="attendance__status">
          <span className="visually-hidden">: </span>
          {shown ? ATTENDANCE[shown as AttendanceStatus] : "Not recorded"}
        </strong>
      )}
    </li>
  );
}

export function AttendanceSection({ page }: { page: MeetingPageData }) {
  const statusOf = new Map(page.attendance.filter((a) => a.userId).map((a) => [a.userId, a.status]));
  const guests = page.attendance.filter((a) => !a.userId);
  return (
    <section className="card" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">Attendance</h2>
      <ul className="item-list attendance">
        {page.members.map((m) => (
          <MemberAttendance key={m.id} member={m} status={statusOf.get(m.id)} enabled={page.can.takeAttendance} />
        ))}
        {guests.map((g) => (
          <li key={g.id}>
            {g.guestName} <span className="muted">· guest · {ATTENDANCE[g.status as AttendanceStatus]}</span>
          </li>
        ))}
      </ul>
      {page.can.takeAttendance ? (
        <Form method="post" className="filters">
          <input type="hidden" name="status" value="present" />
          <div className="field">
            <label htmlFor="guest-name">Guest&apos;s name</label>
            <input id="guest-name" name="guestName" maxLength={120} required />
          </div>
          <button type="submit" name="intent" value="attendance" className="button button--secondary">
            Add a guest
          </button>
        </Form>
      ) : null}
    </section>
  );
}
