// One lesson plan. Everyone first gets it as a lesson reads (lesson-text.tsx): its text parts are one live
// document that editors simply start typing into. Editors switch to the editing view in one click for the
// structured parts: details and status, differentiation, LSA deployment with its briefings, resources, deletion.
// The switch keeps every editor mounted, so nothing typed is disturbed; so do the structured changes, which reach
// everyone viewing the plan through partnership:changed.
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { CommentPanel } from "~/components/comments/comment-panel";
import { LiveDocumentScope, LiveDocumentStatus } from "~/components/live-document";
import { DecisionsAboutThis } from "~/components/meetings/linked-records";
import { PrintLinks } from "~/components/print/print-links";
import { DangerZone } from "~/components/ui/danger-zone";
import { Notice } from "~/components/ui/notice";
import { useShellUser } from "~/components/use-shell-user";
import { DeploymentsSection } from "./deployments-section";
import { DifferentiationSection } from "./differentiation-section";
import { LessonText } from "./lesson-text";
import { PlanHeader } from "./plan-header";
import type { action, loader, PlanPage } from "./plan.server";
import { ResourcesSection } from "./resources-section";

export { action, loader } from "./plan.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.plan.title ?? "Lesson plan"} · Lesson plans · Staffroom` },
];

export default function LessonPlanPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useLastActionData<typeof action>();
  const shellUser = useShellUser();
  const [searchParams] = useSearchParams();
  const { plan, canEdit, canDelete, body, impact } = page;
  const editing = canEdit && searchParams.has("edit");
  const confirmingDelete = canDelete && searchParams.get("confirm") === "delete";
  // The structured sections offer their forms in the editing view only.
  const sections = { ...page, canEdit: editing };
  const text = (
    <>
      <LiveDocumentStatus />
      <LessonText page={page} />
    </>
  );
  return (
    <div className={editing ? "plan plan--editing" : "plan plan--reading"}>
      <PlanHeader page={page} actionData={actionData} editing={editing} />
      <PrintLinks
        print={`/plans/${page.plan.id}/print`}
        word={`/plans/${page.plan.id}/export.docx`}
        wordLabel="Download as Word (.docx)"
      />
      {actionData?.message && !actionData.failed ? (
        <Notice tone="success">
          <p>{actionData.message}</p>
        </Notice>
      ) : null}
      {actionData?.failed ? (
        <Notice tone="error">
          <p>{actionData.message ?? "That was not saved. Check the form marked below."}</p>
        </Notice>
      ) : null}
      {body ? (
        <LiveDocumentScope
          documentId={body.documentId}
          user={{ id: page.user.id, name: shellUser?.name ?? "" }}
          readOnly={!body.canWrite}
        >
          {text}
        </LiveDocumentScope>
      ) : (
        <p className="muted">This plan&rsquo;s text is not available.</p>
      )}
      {editing ? <DifferentiationSection page={sections} actionData={actionData} /> : null}
      {editing ? <DeploymentsSection page={sections} actionData={actionData} /> : null}
      <ResourcesSection page={sections} actionData={actionData} />
      <DecisionsAboutThis decisions={page.decisions} />
      {body ? <CommentPanel subjectType="document" subjectId={body.documentId} subjectTitle="this plan" /> : null}
      {editing && canDelete ? (
        <DangerZone
          heading="Delete this lesson plan"
          headingId="delete-heading"
          intent="delete"
          confirming={confirmingDelete && impact !== null}
          startLabel="Delete lesson plan"
          explanation="Deleting a plan also deletes its deployments, feedback, resources and shared notes. You will be asked to confirm."
          confirmLabel="Yes, delete lesson plan"
          warning={impact ? <DeletionWarning title={plan.title} impact={impact} /> : null}
        />
      ) : null}
      {!canEdit ? (
        <p className="muted">
          You can read this plan; only the coordinator and the course&rsquo;s co-planners change it.
        </p>
      ) : null}
    </div>
  );
}

function DeletionWarning({ title, impact }: { title: string; impact: NonNullable<PlanPage["impact"]> }) {
  return (
    <>
      <p>
        <strong>Delete “{title}” for everyone?</strong> This also deletes, and cannot be undone:
      </p>
      <ul>
        <li>
          {impact.deployments} LSA {impact.deployments === 1 ? "deployment" : "deployments"} with their briefings
          {impact.feedback > 0 ? `, and the feedback of ${impact.feedback}` : ""}
        </li>
        <li>
          {impact.resources} {impact.resources === 1 ? "resource" : "resources"} (uploaded files and links)
        </li>
        <li>
          {impact.notes} differentiation {impact.notes === 1 ? "note" : "notes"} and {impact.strategies} linked{" "}
          {impact.strategies === 1 ? "strategy" : "strategies"} (the strategies stay in the library)
        </li>
        <li>
          the plan&rsquo;s text and notes and {impact.versions} saved {impact.versions === 1 ? "version" : "versions"}{" "}
          of them
        </li>
      </ul>
    </>
  );
}
