// Start a course: its details, delivery sites, units and co-planners from any institution.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { newCourseSchema } from "~/lib/forms/courses";
import { domainErrorReply } from "~/lib/forms/intents.server";
import { ROLE_LABELS, type Role } from "~/lib/roles";
import { createCourse, listPlanningColleagues } from "~/models/courses.server";
import { listInstitutions } from "~/models/institutions.server";
import { canCreateCourse } from "~/policies/course";
import { ensure, requireActionContext, requireActor } from "~/policies/enforce.server";

const NewCourseForm = lazySection(() => import("./course-form").then((m) => m.NewCourseForm));

export const meta: MetaFunction = () => [{ title: "Add a course · Courses · Staffroom" }];

const NOT_ALLOWED = "Teachers and the coordinator add courses; leaders and LSAs can read them.";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  ensure(canCreateCourse(actor), NOT_ALLOWED);
  const [institutions, colleagues] = await Promise.all([
    listInstitutions(actor.partnershipId),
    listPlanningColleagues(actor.partnershipId),
  ]);
  return {
    institutions: institutions.map((i) => ({ value: i.id, label: i.name })),
    colleagues: colleagues
      .filter((c) => c.id !== actor.id)
      .map((c) => ({
        value: c.id,
        label: `${c.name} (${ROLE_LABELS[c.role as Role] ?? c.role}, ${c.institution.name})`,
      })),
    isTeacher: actor.role === "teacher",
    homeInstitutionId: actor.institutionId,
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const { actor } = ctx;
  ensure(canCreateCourse(actor), NOT_ALLOWED);
  const submission = parseWithZod(await request.formData(), { schema: newCourseSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const course = await createCourse(ctx, submission.value);
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "course",
      id: course.id,
      action: "created",
      by: actor.id,
    });
    throw redirect(`/courses/${course.id}`);
  } catch (error) {
    return domainErrorReply(submission, error);
  }
}

export default function NewCoursePage() {
  const { institutions, colleagues, isTeacher, homeInstitutionId } = useLoaderData<typeof loader>();
  const lastResult = useLastActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/courses">Back to courses</Link>
      </p>
      <h1>Add a course</h1>
      <p className="page-intro">
        {isTeacher ? "You will be a co-planner of the course. " : ""}Add colleagues from any institution of the
        partnership who plan it with you.
      </p>
      <section className="card narrow" aria-labelledby="course-details-heading">
        <h2 id="course-details-heading">Course details</h2>
        <NewCourseForm
          institutions={institutions}
          colleagues={colleagues}
          isTeacher={isTeacher}
          homeInstitutionId={homeInstitutionId}
          lastResult={lastResult}
        />
      </section>
    </>
  );
}
