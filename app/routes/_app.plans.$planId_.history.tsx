// A lesson plan's version history: every version holds the whole plan's text (each part and the notes), shown
// read-only beside the live notes; naming the current state and restoring an earlier one, which restores every
// part (co-planners and the coordinator). Readers of the plan see the history; the document policy decides.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LiveEditor } from "~/components/live-editor";
import { useShellUser } from "~/components/use-shell-user";
import { VersionHistorySection } from "~/components/version-history-section";
import { isVersionIntent, loadVersionHistory, runVersionIntent } from "~/models/version-history.server";
import { loadLessonPlanNotes } from "~/models/lesson-plan-page.server";
import { PLAN_TEXT_PARTS } from "~/lib/lesson-plan-text";
import { notFound, requireActor } from "~/policies/enforce.server";
import type { Actor } from "~/policies/actor";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Version history · ${data?.plan.title ?? "Lesson plan"} · Staffroom` },
];

async function planNotes(actor: Actor, planId: string) {
  const found = await loadLessonPlanNotes(actor, planId);
  if (!found) notFound("We could not find that lesson plan.");
  return found;
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const planId = params.planId ?? "";
  const { title, notes } = await planNotes(actor, planId);
  return {
    plan: { id: planId, title },
    documentId: notes.document.id,
    canWrite: notes.canWrite,
    user: { id: actor.id, name: context.user!.name },
    ...(await loadVersionHistory(actor, notes.document.id, request, PLAN_TEXT_PARTS)),
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const { notes } = await planNotes(actor, params.planId ?? "");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isVersionIntent(intent))
    return data({ ok: false, message: "That action is not available here." }, { status: 400 });
  return runVersionIntent(actor, notes.document.id, intent, formData);
}

export default function PlanNotesHistoryPage() {
  const { plan, documentId, canWrite, user, versions, viewing, versionNotFound } = useLoaderData<typeof loader>();
  const shellUser = useShellUser();
  return (
    <>
      <p>
        <Link to={`/plans/${plan.id}`}>Back to the lesson plan</Link>
      </p>
      <h1>Version history: {plan.title}</h1>
      <p className="page-intro">
        Versions of the whole plan (objectives, phases, assessment, evaluation and notes) are saved automatically while
        people write.{" "}
        {canWrite
          ? "Name the current state to find it again, or restore an earlier version: everyone sees the restored plan at once."
          : "Pick a version to read it beside the current notes."}
      </p>
      <VersionHistorySection
        versions={versions}
        viewing={viewing}
        versionNotFound={versionNotFound}
        canManage={canWrite}
      >
        <LiveEditor
          loading="Opening the notes…"
          documentId={documentId}
          user={{ id: user.id, name: shellUser?.name ?? user.name }}
          readOnly={!canWrite}
          label={`Lesson notes: ${plan.title}`}
        />
      </VersionHistorySection>
    </>
  );
}
