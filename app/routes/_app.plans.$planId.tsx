// One lesson plan: its structured parts (inline forms for editors), the body
// written together in the live editor, differentiation, LSA deployment with the
// patterns it makes, resources, assessment, evaluation with the supporters'
// feedback, status, and deletion after saying what goes with it. Changes reach
// everyone viewing the plan through partnership:changed.
import {
  data,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { LiveEditor } from "~/components/live-editor";
import { DeploymentsSection } from "~/components/lesson-plan/deployments-section";
import { DifferentiationSection } from "~/components/lesson-plan/differentiation-section";
import { PlanHeader } from "~/components/lesson-plan/plan-header";
import { PlanPartsSections } from "~/components/lesson-plan/plan-parts";
import { ResourcesSection } from "~/components/lesson-plan/resources-section";
import { Notice } from "~/components/ui/notice";
import { SubmitButton } from "~/components/ui/submit-button";
import { DeploymentError } from "~/models/deployments.server";
import { LessonPlanError, deleteLessonPlan, requireEditableLessonPlan } from "~/models/lesson-plans.server";
import { MAX_RESOURCE_BYTES } from "~/models/lesson-resources.server";
import {
  loadLessonPlanPage,
  runLessonPlanIntent,
  uploadRefused,
  type PlanIntentOutcome,
} from "~/models/lesson-plan-page.server";
import { forbidden, notFound, requireActor } from "~/policies/enforce.server";
import type { loader as appLoader } from "./_app";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.plan.title ?? "Lesson plan"} · Lesson plans · Staffroom` },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const confirmDelete = new URL(request.url).searchParams.get("confirm") === "delete";
  const page = await loadLessonPlanPage(actor, params.planId ?? "", { confirmDelete, ipAddress: context.clientIp });
  if (!page) notFound("We could not find that lesson plan.");
  return { ...page, user: { id: actor.id } };
}

function refusal(error: unknown): never {
  if (error instanceof LessonPlanError || error instanceof DeploymentError) {
    if (error.status === 403) forbidden(error.message);
    if (error.status === 404) notFound(error.message);
  }
  throw error;
}

async function readForm(request: Request): Promise<FormData | PlanIntentOutcome> {
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return request.formData();
  try {
    // Stops reading a file part past the limit instead of buffering whatever is sent.
    return await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_RESOURCE_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return uploadRefused(
        "That file is larger than 5 MB. Make it smaller (for example, save a PDF at a lower quality) or share a link instead.",
      );
    }
    throw error;
  }
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const planId = params.planId ?? "";
  // Every form on this page changes the plan: refuse readers before reading what they sent.
  await requireEditableLessonPlan(actor, planId).catch(refusal);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return data(form, { status: 400 });
  if (form.get("intent") === "delete") {
    const plan = await deleteLessonPlan(actor, planId, context.clientIp).catch(refusal);
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "lesson-plan",
      id: planId,
      action: "deleted",
      by: actor.id,
    });
    throw redirect(`/courses/${plan.courseId}`);
  }
  const outcome = await runLessonPlanIntent(actor, planId, form, context.clientIp).catch(refusal);
  if (!outcome.ok) return data(outcome, { status: outcome.status });
  context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", { ...outcome.change, by: actor.id });
  return outcome;
}

export default function LessonPlanPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const shell = useRouteLoaderData<typeof appLoader>("routes/_app");
  const [searchParams] = useSearchParams();
  const { plan, canEdit, canDelete, body, impact } = page;
  const confirmingDelete = canDelete && searchParams.get("confirm") === "delete";
  return (
    <>
      <PlanHeader page={page} actionData={actionData} />
      {actionData && "message" in actionData && actionData.ok ? (
        <Notice tone="success">
          <p>{actionData.message}</p>
        </Notice>
      ) : null}
      {actionData && !actionData.ok ? (
        <Notice tone="error">
          <p>That was not saved. Check the form marked below.</p>
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
            user={{ id: page.user.id, name: shell?.user.name ?? "" }}
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
        <section aria-labelledby="delete-heading" className="card narrow">
          <h2 id="delete-heading">Delete this lesson plan</h2>
          {confirmingDelete && impact ? (
            <Form method="post">
              <div className="alert alert--warning" role="alert">
                <p>
                  <strong>Delete “{plan.title}” for everyone?</strong> This also deletes, and cannot be undone:
                </p>
                <ul>
                  <li>
                    {impact.deployments} LSA {impact.deployments === 1 ? "deployment" : "deployments"} with their
                    briefings
                    {impact.feedback > 0 ? `, and the feedback of ${impact.feedback}` : ""}
                  </li>
                  <li>
                    {impact.resources} {impact.resources === 1 ? "resource" : "resources"} (uploaded files and links)
                  </li>
                  <li>
                    {impact.notes} differentiation {impact.notes === 1 ? "note" : "notes"} and {impact.strategies}{" "}
                    linked {impact.strategies === 1 ? "strategy" : "strategies"} (the strategies stay in the library)
                  </li>
                  <li>
                    the shared lesson notes and {impact.versions} saved {impact.versions === 1 ? "version" : "versions"}{" "}
                    of them
                  </li>
                </ul>
              </div>
              <div className="actions">
                <SubmitButton name="intent" value="delete" variant="danger" pendingLabel="Deleting…">
                  Yes, delete lesson plan
                </SubmitButton>
                <Link to="." replace>
                  Cancel
                </Link>
              </div>
            </Form>
          ) : (
            <>
              <p>
                Deleting a plan also deletes its deployments, feedback, resources and shared notes. You will be asked to
                confirm.
              </p>
              <Link className="button button--danger" to="?confirm=delete">
                Delete lesson plan
              </Link>
            </>
          )}
        </section>
      ) : null}
      {!canEdit ? (
        <p className="muted">You can read this plan; only the coordinator and the course's co-planners change it.</p>
      ) : null}
    </>
  );
}
