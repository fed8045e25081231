// A group that meets: its meetings to come and past, the decisions log, the action tracker (filtered by owner,
// status and meeting), its members, and for the chair the schedule and settings forms. Server side: group.server.ts.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { Notice } from "~/components/ui/notice";
import type { IntentReply } from "~/lib/forms/intents.server";
import { DecisionsSection, MeetingsSection } from "./meetings-section";
import type { loader } from "./group.server";
import { TrackerSection } from "./tracker-section";

const ScheduleSection = lazySection(() => import("./schedule-section").then((m) => m.ScheduleSection));
const SettingsSection = lazySection(() => import("./schedule-section").then((m) => m.SettingsSection));

export { action, loader } from "./group.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.group.name ?? "Group"} · Staffroom` },
];

export default function MeetingGroupPage() {
  const page = useLoaderData<typeof loader>();
  const reply = useLastActionData<IntentReply>();
  const { group } = page;
  return (
    <>
      <p>
        <Link to="/meeting-groups">All groups</Link>
      </p>
      <h1>{group.name}</h1>
      {group.purpose ? <p className="page-intro">{group.purpose}</p> : null}
      {reply?.message ? (
        <Notice tone={reply.failed ? "error" : "success"}>
          <p>{reply.message}</p>
        </Notice>
      ) : null}
      <MeetingsSection page={page} />
      {page.can.schedule ? <ScheduleSection page={page} reply={reply} /> : null}
      <DecisionsSection page={page} />
      {page.can.follow ? <TrackerSection page={page} /> : null}
      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <ul className="item-list">
          {group.members.map((m) => (
            <li key={m.id}>
              {m.name} <span className="muted">· {m.institution}</span>
              {m.id === group.chairId ? " · chair" : ""}
              {m.id === group.minuteTakerId ? " · minute-taker" : ""}
            </li>
          ))}
        </ul>
        {group.openToPartnership ? (
          <p className="muted">Open to the partnership: everyone can read its approved minutes and decisions.</p>
        ) : null}
      </section>
      {page.can.edit ? <SettingsSection page={page} reply={reply} /> : null}
    </>
  );
}
