// Add a teaching group to a course: its name, the site where it meets, the academic year.
import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type AppLoadContext,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { newGroupSchema } from "~/lib/forms/courses";
import { domainErrorReply } from "~/lib/forms/intents.server";
import { getCourse } from "~/models/courses.server";
import { createGroup, listDeliverySites } from "~/models/groups.server";
import { canManageGroups } from "~/policies/course";
import { ensure, ensureFound, requireActionContext } from "~/policies/enforce.server";

const NewGroupForm = lazySection(() => import("./group-form").then((m) => m.NewGroupForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Add a group · ${data?.course.title ?? "Course"} · Staffroom` },
];

const NOT_ALLOWED = "Only the course's co-planners and the coordinator can add its groups.";

/** The page's one policy question, for the loader and the action: may this member add groups to the course? */
async function requireGroupsCourse(context: AppLoadContext, request: Request, courseId: string | undefined) {
  const ctx = requireActionContext(context, request);
  const course = ensureFound(ctx.actor, await getCourse(ctx.actor.partnershipId, courseId ?? ""));
  ensure(canManageGroups(ctx.actor, course), NOT_ALLOWED);
  return { ctx, actor: ctx.actor, course };
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, course } = await requireGroupsCourse(context, request, params.courseId);
  // A group meets at one of the course's delivery sites; the action refuses any other.
  const sites = await listDeliverySites(actor.partnershipId, course.id);
  return {
    course: {
      id: course.id,
      title: course.title,
      firstSiteId: (sites.find((s) => s.id === course.leadInstitutionId) ?? sites[0])?.id ?? "",
    },
    sites: sites.map((i) => ({ value: i.id, label: i.name })),
    isTeacher: actor.role === "teacher",
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { ctx, actor, course } = await requireGroupsCourse(context, request, params.courseId);
  const submission = parseWithZod(await request.formData(), { schema: newGroupSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const group = await createGroup(ctx, course.id, submission.value);
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "group",
      id: group.id,
      action: "created",
      by: actor.id,
    });
    throw redirect(`/groups/${group.id}`);
  } catch (error) {
    return domainErrorReply(submission, error);
  }
}

export default function NewGroupPage() {
  const { course, sites, isTeacher } = useLoaderData<typeof loader>();
  const lastResult = useLastActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/courses/${course.id}`}>Back to {course.title}</Link>
      </p>
      <h1>Add a teaching group</h1>
      <p className="page-intro">
        A group of {course.title} students, from any institutions and year groups, who meet at one site.
        {isTeacher ? " You will be one of its teachers." : ""} Add its timetable, transport and students next.
      </p>
      <section className="card narrow" aria-labelledby="group-heading">
        <h2 id="group-heading">Group details</h2>
        <NewGroupForm sites={sites} firstSiteId={course.firstSiteId} lastResult={lastResult} />
      </section>
    </>
  );
}
