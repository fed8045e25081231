// Add a student: the coordinator for any institution, a teacher for their own.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { domainErrorReply } from "~/lib/forms/intents.server";
import { studentSchema } from "~/lib/forms/students";
import { listInstitutions } from "~/models/institutions.server";
import { createStudent } from "~/models/students.server";
import { ensure, requireActionContext, requireActor } from "~/policies/enforce.server";
import { canCreateStudents, canEditStudent } from "~/policies/student";

const StudentForm = lazySection(() => import("~/components/student-form").then((m) => m.StudentForm));

export const meta: MetaFunction = () => [{ title: "Add a student · Students · Staffroom" }];

const NOT_ALLOWED = "Students are added by the coordinator or by a teacher of the student's home institution.";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  ensure(canCreateStudents(actor), NOT_ALLOWED);
  const institutions = await listInstitutions(actor.partnershipId);
  return {
    institutions: institutions
      .filter((i) => canEditStudent(actor, { partnershipId: i.partnershipId, homeInstitutionId: i.id }))
      .map((i) => ({ value: i.id, label: i.name })),
    homeInstitutionId: actor.institutionId,
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const { actor } = ctx;
  ensure(canCreateStudents(actor), NOT_ALLOWED);
  const submission = parseWithZod(await request.formData(), { schema: studentSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  ensure(
    canEditStudent(actor, {
      partnershipId: actor.partnershipId,
      homeInstitutionId: submission.value.homeInstitutionId,
    }),
    NOT_ALLOWED,
  );
  try {
    const student = await createStudent(ctx, submission.value);
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "student",
      id: student.id,
      action: "created",
      by: actor.id,
    });
    throw redirect(`/students/${student.id}`);
  } catch (error) {
    return domainErrorReply(submission, error);
  }
}

export default function NewStudentPage() {
  const { institutions, homeInstitutionId } = useLoaderData<typeof loader>();
  const lastResult = useLastActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/students">Back to students</Link>
      </p>
      <h1>Add a student</h1>
      <p className="page-intro">
        Only staff of the student's home institution, the staff who teach their groups and leaders will see these
        details. Every view is recorded.
      </p>
      <section className="card narrow" aria-labelledby="student-heading">
        <h2 id="student-heading">Student details</h2>
        <StudentForm
          id="new-student"
          lastResult={lastResult}
          defaultValue={{ homeInstitutionId, senStatus: "none" }}
          institutions={institutions}
          submitLabel="Add student"
          pendingLabel="Adding the student…"
        />
      </section>
    </>
  );
}
