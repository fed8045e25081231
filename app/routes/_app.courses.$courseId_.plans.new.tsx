// Plan a lesson in a course: title, unit, teaching group, date, time and length.
// The plan's shared notes are created with it, on the server.
import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { NumberField } from "~/components/lesson-plan/fields";
import { TimetableDayWarning } from "~/components/lesson-plan/timetable-day-warning";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { refusal } from "~/lib/errors";
import { submitForm } from "~/lib/forms/intents.server";
import { newLessonPlanSchema } from "~/lib/forms/lesson-plans";
import { requirePlanningCourse } from "~/models/lesson-plan-facts.server";
import { listGroupDays } from "~/models/groups.server";
import { createLessonPlan, getPlanningContext } from "~/models/lesson-plans.server";
import type { Actor } from "~/policies/actor";
import { requireActionContext, requireActor } from "~/policies/enforce.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Plan a lesson · ${data?.course.title ?? "Course"} · Staffroom` },
];

/** The course, if the actor may plan in it: its 404 or 403 otherwise. */
async function planningCourse(actor: Actor, courseId: string | undefined) {
  return requirePlanningCourse(actor, courseId ?? "").catch(refusal);
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const planning = await getPlanningContext(actor, await planningCourse(actor, params.courseId));
  const url = new URL(request.url);
  return {
    course: planning.course,
    units: planning.units,
    groups: planning.groups,
    // Each group's days, so the form warns when the date picked is not one of them.
    groupDays: await listGroupDays(
      actor.partnershipId,
      planning.groups.map((g) => g.id),
    ),
    defaults: { groupId: url.searchParams.get("group") ?? "", unitId: url.searchParams.get("unit") ?? "" },
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const course = await planningCourse(ctx.actor, params.courseId);
  return submitForm(await request.formData(), "create", newLessonPlanSchema, async (value) => {
    const plan = await createLessonPlan(ctx, course, value);
    context.realtime.emitToPartnership(ctx.actor.partnershipId, "partnership:changed", {
      entity: "lesson-plan",
      id: plan.id,
      action: "created",
      by: ctx.actor.id,
    });
    throw redirect(`/plans/${plan.id}`);
  });
}

export default function NewLessonPlanPage() {
  const { course, units, groups, groupDays, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm(() => import("~/lib/forms/lesson-plans").then((m) => m.newLessonPlanSchema), {
    id: "new-lesson-plan",
    lastResult: actionData?.result,
    defaultValue: { durationMinutes: 60, groupId: defaults.groupId, unitId: defaults.unitId },
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
          <TimetableDayWarning date={fields.lessonDate.value} group={groupDays[fields.groupId.value ?? ""]} />
          <TextField meta={fields.startTime} type="time" label="Start time" hint="Optional." />
          <NumberField meta={fields.durationMinutes} label="Length in minutes" />
          <SubmitButton pendingLabel="Creating…">Create lesson plan</SubmitButton>
        </Form>
      </section>
    </>
  );
}
