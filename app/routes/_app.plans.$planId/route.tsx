// One lesson plan: its structured parts (inline forms for editors), the body
// written together in the live editor, differentiation, LSA deployment with the
// patterns it makes, resources, assessment, evaluation with the supporters'
// feedback, status, and deletion after saying what goes with it. Changes reach
// everyone viewing the plan through partnership:changed.
import type { MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { LiveEditor } from "~/components/live-editor";
import { DangerZone } from "~/components/ui/danger-zone";
import { Notice } from "~/components/ui/notice";
import { useShellUser } from "~/components/use-shell-user";
import { DeploymentsSection } from "./deployments-section";
import { DifferentiationSection } from "./differentiation-section";
import { PlanHeader } from "./plan-header";
import { PlanPartsSections } from "./plan-parts";
import type { action, loader, PlanPage } from "./plan.server";
import { ResourcesSection } from "./resources-section";

export { action, loader } from "./plan.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.plan.title ?? "Lesson plan"} · Lesson plans · Staffroom` },
];

export default function LessonPlanPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const shellUser = useShellUser();
  const [searchParams] = useSearchParams();
  const { plan, canEdit, canDelete, body, impact } = page;
  const confirmingDelete = canDelete && searchParams.get("confirm") === "delete";
  return (
    <>
      <PlanHeader page={page} actionData={actionData} />
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
      <PlanPartsSections page={page} actionData={actionData} part="objectives" />
      <PlanPartsSections page={page} actionData={actionData} part="phases" />
      <section aria-labelledby="body-heading" className="card">
        <h2 id="body-heading">Lesson notes</h2>
        <p className="hint">
          {body?.canWrite
            ? "Written together: everyone with the plan open sees changes as they are typed."
            : "Updates live as the co-planners write."}
        </p>
        {body ? (
          <LiveEditor
            loading="Opening the editor…"
            documentId={body.documentId}
            user={{ id: page.user.id, name: shellUser?.name ?? "" }}
            readOnly={!body.canWrite}
            label={`Lesson notes: ${plan.title}`}
          />
        ) : (
          <p className="muted">This plan has no shared notes.</p>
        )}
        {body ? (
          <p>
            <Link to={`/plans/${plan.id}/history`}>Version history of the notes</Link>
          </p>
        ) : null}
      </section>
      <DifferentiationSection page={page} actionData={actionData} />
      <DeploymentsSection page={page} actionData={actionData} />
      <ResourcesSection page={page} actionData={actionData} />
      <PlanPartsSections page={page} actionData={actionData} part="assessment" />
      <PlanPartsSections page={page} actionData={actionData} part="evaluation" />
      {canDelete ? (
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
        <p className="muted">You can read this plan; only the coordinator and the course's co-planners change it.</p>
      ) : null}
    </>
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
          the shared lesson notes and {impact.versions} saved {impact.versions === 1 ? "version" : "versions"} of them
        </li>
      </ul>
    </>
  );
}
