// Duplicate a lesson plan for another group or date of the same course: the
// plan's parts, strategies, notes, resources and shared notes are copied;
// deployments, feedback and the evaluation stay with the lesson that was taught.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { refusal } from "~/lib/errors";
import { submitForm } from "~/lib/forms/intents.server";
import { duplicateLessonPlanSchema } from "~/lib/forms/lesson-plans";
import { requireLessonPlan } from "~/models/lesson-plan-facts.server";
import { duplicateLessonPlan } from "~/models/lesson-plan-duplicate.server";
import { getLessonPlan } from "~/models/lesson-plan-read.server";
import { getPlanningContext, lessonPlanDeletionImpact } from "~/models/lesson-plans.server";
import type { Actor } from "~/policies/actor";
import { notFound, requireActionContext, requireActor } from "~/policies/enforce.server";
import { canDuplicateLessonPlan } from "~/policies/lesson-plan";

const DuplicatePlanForm = lazySection(() => import("./duplicate-form").then((m) => m.DuplicatePlanForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Duplicate ${data?.plan.title ?? "lesson plan"} · Staffroom` },
];

/** The plan to copy, if the actor may duplicate it: its 404 or 403 otherwise. */
async function source(actor: Actor, planId: string | undefined) {
  return requireLessonPlan(
    actor,
    planId ?? "",
    canDuplicateLessonPlan,
    "Only the coordinator and the course's co-planners can duplicate this plan.",
  ).catch(refusal);
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const access = await source(actor, params.planId);
  const plan = await getLessonPlan(actor, access);
  if (!plan) notFound("We could not find that lesson plan.");
  const [planning, impact] = await Promise.all([
    getPlanningContext(actor, plan.course),
    lessonPlanDeletionImpact(access),
  ]);
  return {
    plan: { id: plan.id, title: plan.title, groupId: plan.groupId ?? "", deployments: impact.deployments },
    course: { id: plan.course.id, title: plan.course.title },
    groups: planning.groups,
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const plan = await source(ctx.actor, params.planId);
  return submitForm(await request.formData(), "duplicate", duplicateLessonPlanSchema, async (value) => {
    const copy = await duplicateLessonPlan(ctx, plan, value);
    context.realtime.emitToPartnership(ctx.actor.partnershipId, "partnership:changed", {
      entity: "lesson-plan",
      id: copy.id,
      action: "created",
      by: ctx.actor.id,
    });
    throw redirect(`/plans/${copy.id}`);
  });
}

export default function DuplicateLessonPlanPage() {
  const { plan, course, groups } = useLoaderData<typeof loader>();
  const actionData = useLastActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/plans/${plan.id}`}>Back to {plan.title}</Link>
      </p>
      <h1>Duplicate a lesson plan</h1>
      <p className="page-intro">
        A copy of “{plan.title}” in {course.title}, as a draft: objectives, phases, assessment, linked strategies,
        differentiation notes (for students in the new group), resources and the shared lesson notes. LSA deployments
        {plan.deployments > 0 ? ` (${plan.deployments} on this plan)` : ""}, their feedback and the evaluation are not
        copied: deploy and brief supporters for the new lesson.
      </p>
      <section className="card narrow" aria-labelledby="duplicate-heading">
        <h2 id="duplicate-heading">The new lesson</h2>
        <DuplicatePlanForm plan={plan} groups={groups} lastResult={actionData?.result} />
      </section>
    </>
  );
}
