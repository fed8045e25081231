// The group's action tracker: every action of its meetings, filtered by owner, status and meeting (a GET form,
// so a filtered view can be shared as a link).
import { Form } from "@remix-run/react";
import { ActionTable } from "~/components/meetings/action-table";
import { formatDate } from "~/lib/format";
import { ACTION_STATUSES } from "~/lib/meeting-vocabulary";
import type { MeetingGroupPageData } from "./page-data";

export function TrackerSection({ page }: { page: MeetingGroupPageData }) {
  const { filters, group, userId } = page;
  const meetings = [...page.upcoming, ...page.past];
  const runsIt = page.can.edit || group.minuteTakerId === userId;
  return (
    <section className="card" aria-labelledby="tracker-heading">
      <h2 id="tracker-heading">Action tracker</h2>
      <Form method="get" className="filters" aria-label="Filter actions">
        <div className="field">
          <label htmlFor="filter-owner">Owner</label>
          <select id="filter-owner" name="owner" defaultValue={filters.ownerId}>
            <option value="">Anyone</option>
            {group.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={filters.status}>
            <option value="">Any status</option>
            {Object.entries(ACTION_STATUSES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-meeting">Meeting</label>
          <select id="filter-meeting" name="meeting" defaultValue={filters.meetingId}>
            <option value="">Any meeting</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {formatDate(m.startsAt)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Filter actions
        </button>
      </Form>
      <ActionTable
        label="The group's actions"
        actions={page.actions}
        mayUpdate={(a) => runsIt || a.owner.id === userId}
      />
    </section>
  );
}
