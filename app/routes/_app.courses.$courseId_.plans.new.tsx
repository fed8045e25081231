// Plan a lesson in a course: title, unit, teaching group, date, time and length.
// The plan's shared notes are created with it, on the server.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { NumberField } from "~/components/lesson-plan/fields";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { newLessonPlanSchema } from "~/lib/forms/lesson-plans";
import { LessonPlanError, createLessonPlan, getPlanningContext } from "~/models/lesson-plans.server";
import { ensure, forbidden, notFound, requireActor } from "~/policies/enforce.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Plan a lesson · ${data?.course.title ?? "Course"} · Staffroom` },
];

const NOT_A_PLANNER = "Only the coordinator and the course's co-planners can plan its lessons.";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const planning = await getPlanningContext(actor, params.courseId ?? "");
  if (!planning) notFound("We could not find that course.");
  ensure(planning.canCreate, NOT_A_PLANNER);
  const url = new URL(request.url);
  return {
    course: planning.course,
    units: planning.units,
    groups: planning.groups,
    defaults: { groupId: url.searchParams.get("group") ?? "", unitId: url.searchParams.get("unit") ?? "" },
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const planning = await getPlanningContext(actor, params.courseId ?? "");
  if (!planning) notFound("We could not find that course.");
  ensure(planning.canCreate, NOT_A_PLANNER);
  const submission = parseWithZod(await request.formData(), { schema: newLessonPlanSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const plan = await createLessonPlan(actor, planning.course.id, submission.value, context.clientIp);
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "lesson-plan",
      id: plan.id,
      action: "created",
      by: actor.id,
    });
    throw redirect(`/plans/${plan.id}`);
  } catch (error) {
    if (error instanceof LessonPlanError) {
      if (error.status === 403) forbidden(error.message);
      if (error.status === 404) notFound(error.message);
      return data(submission.reply({ fieldErrors: { [error.field]: [error.message] } }), { status: 400 });
    }
    throw error;
  }
}

export default function NewLessonPlanPage() {
  const { course, units, groups, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-lesson-plan",
    lastResult,
    defaultValue: { durationMinutes: "60", groupId: defaults.groupId, unitId: defaults.unitId },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newLessonPlanSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <p>
        <Link to={`/courses/${course.id}`}>Back to {course.title}</Link>
      </p>
      <h1>Plan a lesson</h1>
      <p className="page-intro">
        In {course.title}. After creating it you add objectives, phases, differentiation, LSA deployment and resources,
        and write the lesson notes together.
      </p>
      <section className="card narrow" aria-labelledby="new-plan-heading">
        <h2 id="new-plan-heading">The lesson</h2>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Form method="post" {...getFormProps(form)}>
          <TextField meta={fields.title} label="Title" hint="For example: Components of fitness, practical testing." />
          <SelectField
            meta={fields.unitId}
            label="Unit"
            options={units.map((u) => ({ value: u.id, label: u.title }))}
            placeholder={units.length ? "No unit" : "The course has no units yet"}
          />
          <SelectField
            meta={fields.groupId}
            label="Teaching group"
            options={groups.map((g) => ({ value: g.id, label: `${g.name} (${g.site.name})` }))}
            placeholder={groups.length ? "No group" : "The course has no groups yet"}
          />
          <TextField meta={fields.lessonDate} type="date" label="Date" />
          <TextField meta={fields.startTime} type="time" label="Start time" hint="Optional." />
          <NumberField meta={fields.durationMinutes} label="Length in minutes" />
          <SubmitButton pendingLabel="Creating…">Create lesson plan</SubmitButton>
        </Form>
      </section>
    </>
  );
}
