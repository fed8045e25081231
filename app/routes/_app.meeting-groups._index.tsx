// Groups that meet: the member's groups and every group open to the partnership, with a way to start one for
// the coordinator and the chairs of groups.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { formatDateTime } from "~/lib/format";
import { domainErrorReply } from "~/lib/forms/intents.server";
import { meetingGroupSchema } from "~/lib/forms/meetings";
import {
  createMeetingGroup,
  listActiveColleagues,
  listMeetingGroups,
  mayCreateMeetingGroup,
} from "~/models/meeting-groups.server";
import { listUpcomingMeetings } from "~/models/meetings.server";
import { ensure, requireActionContext, requireActor } from "~/policies/enforce.server";

const MeetingGroupForm = lazySection(() => import("~/components/meetings/group-form").then((m) => m.MeetingGroupForm));

export const meta: MetaFunction = () => [{ title: "Meetings · Staffroom" }];

const NOT_ALLOWED = "The coordinator and the chairs of groups start new groups.";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const [groups, upcoming, mayCreate] = await Promise.all([
    listMeetingGroups(actor),
    listUpcomingMeetings(actor),
    mayCreateMeetingGroup(actor),
  ]);
  return { groups, upcoming, mayCreate, colleagues: mayCreate ? await listActiveColleagues(actor.partnershipId) : [] };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  ensure(await mayCreateMeetingGroup(ctx.actor), NOT_ALLOWED);
  const submission = parseWithZod(await request.formData(), { schema: meetingGroupSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const group = await createMeetingGroup(ctx, submission.value);
    context.realtime.emitToPartnership(ctx.actor.partnershipId, "partnership:changed", {
      entity: "meeting-group",
      id: group.id,
      action: "created",
      by: ctx.actor.id,
    });
    throw redirect(`/meeting-groups/${group.id}`);
  } catch (error) {
    return domainErrorReply(submission, error);
  }
}

export default function MeetingGroupsPage() {
  const { groups, upcoming, mayCreate, colleagues } = useLoaderData<typeof loader>();
  const lastResult = useLastActionData<typeof action>();
  return (
    <>
      <h1>Meetings</h1>
      <p className="page-intro">
        The groups you meet with: agendas, attendance, minutes, decisions and actions.{" "}
        <Link to="/actions">My actions</Link>
      </p>
      <section className="card" aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Your next meetings</h2>
        {upcoming.length === 0 ? (
          <p>No meetings coming up in your groups.</p>
        ) : (
          <ul className="item-list">
            {upcoming.map((m) => (
              <li key={m.id}>
                <Link to={`/meetings/${m.id}`}>
                  {m.group.name}: {formatDateTime(m.startsAt)}
                </Link>{" "}
                <span className="muted">· {m.site?.name ?? "Online"}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="groups-heading">
        <h2 id="groups-heading">Groups</h2>
        {groups.length === 0 ? (
          <p>You are not in any group yet, and no group is open to the partnership.</p>
        ) : (
          <ul className="item-list">
            {groups.map((g) => (
              <li key={g.id}>
                <Link to={`/meeting-groups/${g.id}`}>{g.name}</Link>{" "}
                <span className="muted">
                  · {g.members} {g.members === 1 ? "member" : "members"}
                  {g.openToPartnership ? " · open to the partnership" : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {mayCreate ? (
        <section className="card" aria-labelledby="new-group-heading">
          <h2 id="new-group-heading">Start a group</h2>
          <MeetingGroupForm
            id="new-group"
            colleagues={colleagues}
            lastResult={lastResult}
            submitLabel="Start the group"
          />
        </section>
      ) : null}
    </>
  );
}
