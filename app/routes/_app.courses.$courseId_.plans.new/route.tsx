// Plan a lesson in a course: title, unit, teaching group, date, time and length.
// The plan's shared notes are created with it, on the server.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { refusal } from "~/lib/errors";
import { submitForm } from "~/lib/forms/intents.server";
import { newLessonPlanSchema } from "~/lib/forms/lesson-plans";
import { requirePlanningCourse } from "~/models/lesson-plan-facts.server";
import { listGroupDays } from "~/models/groups.server";
import { createLessonPlan, getPlanningContext } from "~/models/lesson-plans.server";
import type { Actor } from "~/policies/actor";
import { requireActionContext, requireActor } from "~/policies/enforce.server";

const NewLessonPlanForm = lazySection(() => import("./lesson-form").then((m) => m.NewLessonPlanForm));

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
  const actionData = useLastActionData<typeof action>();
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
        <NewLessonPlanForm
          units={units}
          groups={groups}
          groupDays={groupDays}
          defaults={defaults}
          lastResult={actionData?.result}
        />
      </section>
    </>
  );
}
