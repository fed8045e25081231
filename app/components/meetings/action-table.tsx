// A table of meeting actions (My actions, a group's tracker, a meeting's items): owner, due date, status, and the
// one-click "Mark done" (or reopen, or drop with a reason) for whoever may change each action. On a phone each row
// stacks into a card (labels from data-label) so "Mark done" stays in view instead of off the side of a scroll.
import { Form, Link } from "@remix-run/react";
import { useCommentCounts } from "~/components/comments/comment-counts";
import { RecordComments } from "~/components/comments/record-comments";
import { TableWrap } from "~/components/ui/table-wrap";
import { formatDate } from "~/lib/format";
import { ACTION_STATUSES, type ActionStatus } from "~/lib/meeting-vocabulary";

export interface ActionRow {
  id: string;
  description: string;
  dueDate: string;
  status: string;
  statusNote: string;
  overdue?: boolean;
  owner: { id: string; name: string };
  meeting: { id: string; startsAt: Date | string };
  group?: { id: string; name: string };
}

const dueLabel = (day: string) => formatDate(`${day}T12:00:00Z`);

export function ActionTable({
  label,
  actions,
  mayUpdate,
  showGroup = false,
  showOwner = true,
}: {
  label: string;
  actions: ActionRow[];
  /** Whether the signed-in member may change this action. */
  mayUpdate: (action: ActionRow) => boolean;
  showGroup?: boolean;
  /** My actions leaves the owner out: it is always the reader. */
  showOwner?: boolean;
}) {
  const counts = useCommentCounts(
    "meeting-action",
    actions.map((a) => a.id),
  );
  if (actions.length === 0) return <p>No actions here.</p>;
  return (
    <TableWrap label={label}>
      <table className="action-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            {showGroup ? <th scope="col">Group</th> : null}
            {showOwner ? <th scope="col">Owner</th> : null}
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id} data-action-id={a.id}>
              <td data-label="Action">
                {a.description}{" "}
                <Link to={`/meetings/${a.meeting.id}`} className="muted">
                  (agreed {formatDate(a.meeting.startsAt)})
                </Link>
                <RecordComments
                  subjectType="meeting-action"
                  subjectId={a.id}
                  subjectTitle="this action"
                  counts={counts}
                />
              </td>
              {showGroup ? (
                <td data-label="Group">
                  {a.group ? <Link to={`/meeting-groups/${a.group.id}`}>{a.group.name}</Link> : null}
                </td>
              ) : null}
              {showOwner ? <td data-label="Owner">{a.owner.name}</td> : null}
              <td data-label="Due">
                {dueLabel(a.dueDate)}
                {a.overdue ? <strong className="overdue"> Overdue</strong> : null}
              </td>
              <td data-label="Status">
                {ACTION_STATUSES[a.status as ActionStatus] ?? a.status}
                {a.statusNote ? <span className="muted">: {a.statusNote}</span> : null}
              </td>
              <td data-label="Change" className="action-table__change">
                {mayUpdate(a) ? <ActionChange action={a} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function ActionChange({ action }: { action: ActionRow }) {
  if (action.status !== "open") {
    return (
      <Form method="post">
        <input type="hidden" name="actionId" value={action.id} />
        <input type="hidden" name="status" value="open" />
        <button type="submit" name="intent" value="action-status" className="button button--secondary">
          Reopen<span className="visually-hidden">: {action.description}</span>
        </button>
      </Form>
    );
  }
  return (
    <>
      <Form method="post">
        <input type="hidden" name="actionId" value={action.id} />
        <input type="hidden" name="status" value="done" />
        <button type="submit" name="intent" value="action-status" className="button">
          Mark done<span className="visually-hidden">: {action.description}</span>
        </button>
      </Form>
      <details>
        <summary>
          Drop<span className="visually-hidden">: {action.description}</span>
        </summary>
        <Form method="post">
          <input type="hidden" name="actionId" value={action.id} />
          <input type="hidden" name="status" value="dropped" />
          <label htmlFor={`drop-note-${action.id}`}>Why is it dropped?</label>
          <input id={`drop-note-${action.id}`} name="note" required maxLength={1000} />
          <button type="submit" name="intent" value="action-status" className="button button--secondary">
            Drop action
          </button>
        </Form>
      </details>
    </>
  );
}
