// "My actions": the member's actions from every group's meetings, overdue first, each marked done in one click;
// the list updates live when anyone changes one of them (LiveUpdates reloads on "partnership:changed").
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { ActionTable } from "~/components/meetings/action-table";
import { Notice } from "~/components/ui/notice";
import { runIntent, type IntentReply } from "~/lib/forms/intents.server";
import { listMyActions } from "~/models/meeting-actions.server";
import { actionStatusHandler } from "~/models/meeting-intents.server";
import { requireActionContext, requireActor } from "~/policies/enforce.server";

export const meta: MetaFunction = () => [{ title: "My actions · Staffroom" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  return { actions: await listMyActions(actor) };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  return runIntent(await request.formData(), { "action-status": actionStatusHandler(ctx, context.realtime) });
}

export default function MyActionsPage() {
  const { actions } = useLoaderData<typeof loader>();
  const reply = useLastActionData<IntentReply>();
  const open = actions.filter((a) => a.status === "open");
  const closed = actions.filter((a) => a.status !== "open");
  const overdue = open.filter((a) => a.overdue).length;
  return (
    <>
      <h1>My actions</h1>
      <p className="page-intro">
        What you agreed to do at your groups&apos; meetings. Open actions appear under &ldquo;matters arising&rdquo; at
        each group&apos;s next meeting until they are done or dropped. <Link to="/meeting-groups">Your groups</Link>
      </p>
      {reply?.message ? (
        <Notice tone={reply.failed ? "error" : "success"}>
          <p>{reply.message}</p>
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="open-heading">
        <h2 id="open-heading">Open</h2>
        <p role="status">
          {open.length} open{overdue ? `, ${overdue} overdue` : ""}
        </p>
        <ActionTable label="My open actions" actions={open} mayUpdate={() => true} showGroup showOwner={false} />
      </section>
      <section className="card" aria-labelledby="closed-heading">
        <h2 id="closed-heading">Done or dropped</h2>
        <ActionTable label="My closed actions" actions={closed} mayUpdate={() => true} showGroup showOwner={false} />
      </section>
    </>
  );
}
