// Duplicate a lesson plan for another group or date of the same course: the
// plan's parts, strategies, notes, resources and shared notes are copied;
// deployments, feedback and the evaluation stay with the lesson that was taught.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { duplicateLessonPlanSchema } from "~/lib/forms/lesson-plans";
import {
  LessonPlanError,
  duplicateLessonPlan,
  getLessonPlan,
  getPlanningContext,
  lessonPlanDeletionImpact,
} from "~/models/lesson-plans.server";
import { ensure, forbidden, notFound, requireActor } from "~/policies/enforce.server";
import type { Actor } from "~/policies/actor";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Duplicate ${data?.plan.title ?? "lesson plan"} · Staffroom` },
];

async function source(actor: Actor, planId: string) {
  const found = await getLessonPlan(actor, planId);
  if (!found) notFound("We could not find that lesson plan.");
  ensure(found.canEdit, "Only the coordinator and the course's co-planners can duplicate this plan.");
  return found.plan;
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const plan = await source(actor, params.planId ?? "");
  const planning = await getPlanningContext(actor, plan.courseId);
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      groupId: plan.groupId ?? "",
      deployments: (await lessonPlanDeletionImpact(actor, plan.id)).deployments,
    },
    course: { id: plan.course.id, title: plan.course.title },
    groups: planning?.groups ?? [],
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const plan = await source(actor, params.planId ?? "");
  const submission = parseWithZod(await request.formData(), { schema: duplicateLessonPlanSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const copy = await duplicateLessonPlan(actor, plan.id, submission.value, context.clientIp);
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "lesson-plan",
      id: copy.id,
      action: "created",
      by: actor.id,
    });
    throw redirect(`/plans/${copy.id}`);
  } catch (error) {
    if (error instanceof LessonPlanError) {
      if (error.status === 403) forbidden(error.message);
      if (error.status === 404) notFound(error.message);
      return data(submission.reply({ fieldErrors: { [error.field]: [error.message] } }), { status: 400 });
    }
    throw error;
  }
}

export default function DuplicateLessonPlanPage() {
  const { plan, course, groups } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "duplicate-plan",
    lastResult,
    defaultValue: { title: plan.title, groupId: plan.groupId },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: duplicateLessonPlanSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
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
        <FormErrors errors={form.errors} id={form.errorId} />
        <Form method="post" {...getFormProps(form)}>
          <TextField meta={fields.title} label="Title" />
          <SelectField
            meta={fields.groupId}
            label="Teaching group"
            options={groups.map((g) => ({ value: g.id, label: `${g.name} (${g.site.name})` }))}
            placeholder="No group"
          />
          <TextField meta={fields.lessonDate} type="date" label="Date" />
          <TextField meta={fields.startTime} type="time" label="Start time" hint="Optional." />
          <SubmitButton pendingLabel="Duplicating…">Duplicate plan</SubmitButton>
        </Form>
      </section>
    </>
  );
}
