// One student: full details (each view audited) for those allowed, a deployed supporter's
// need-to-know (name, SEN, needs, communication; audited too), initials otherwise; the
// coordinator and teachers of the home institution edit the record here.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { Notice } from "~/components/ui/notice";
import { COMMUNICATION_MODES, NEED_AREAS, SEN_STATUSES, yearGroupLabel } from "~/lib/co-planning";
import { formatDate, formatDateTime } from "~/lib/format";
import { domainErrorResult, intentOf } from "~/lib/forms/intents.server";
import { studentLeftSchema, studentSchema } from "~/lib/forms/students";
import { ukToday } from "~/lib/lesson-dates";
import { listInstitutions } from "~/models/institutions.server";
import { eraseStudent, erasureDue } from "~/models/student-erasure.server";
import { markStudentLeft, reinstateStudent, studentRetentionYears } from "~/models/student-leavers.server";
import { getStudentFacts } from "~/models/student-facts.server";
import { updateStudent, viewStudent } from "~/models/students.server";
import { ensure, ensureFound, notFound, requireActionContext } from "~/policies/enforce.server";
import {
  canEditStudent,
  canEraseStudent,
  canExportStudent,
  canMarkStudentLeft,
  canOpenStudent,
} from "~/policies/student";
import type { ActionContext } from "~/policies/actor";

const StudentForm = lazySection(() => import("~/components/student-form").then((m) => m.StudentForm));
const StudentLeaving = lazySection(() => import("~/components/student-leaving").then((m) => m.StudentLeaving));

export const meta: MetaFunction = () => [{ title: "Student · Staffroom" }];

const NOT_ALLOWED = "Only the coordinator and teachers of the student's home institution can change their record.";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  // Viewing a student's details is audited: the loader acts with the address too.
  const ctx = requireActionContext(context, request);
  const { actor } = ctx;
  const facts = ensureFound(actor, await getStudentFacts(actor.partnershipId, params.studentId ?? ""));
  ensure(
    canOpenStudent(actor, facts, new Date()),
    "You can see the students of your institution and the students you are deployed to support.",
  );
  const student = (await viewStudent(ctx, facts.id)) ?? notFound();
  const canEdit = canEditStudent(actor, facts);
  const institutions = canEdit ? await listInstitutions(actor.partnershipId) : [];
  const retentionYears = await studentRetentionYears(actor.partnershipId);
  const canErase = canEraseStudent(actor, facts);
  // Whether a student has left is part of their full record, not of what initials or need-to-know show.
  const leftOn = student.visibility === "full" ? student.leftOn : null;
  return {
    student,
    canEdit,
    leaving: {
      leftOn: leftOn ? leftOn.toISOString() : null,
      erasureDue: leftOn ? erasureDue(leftOn, retentionYears).toISOString() : null,
      retentionYears,
      today: ukToday(),
      canMarkLeft: canMarkStudentLeft(actor, facts),
      canErase,
      canExport: canExportStudent(actor, facts),
      confirmingErase: canErase && new URL(request.url).searchParams.get("confirm") === "erase",
    },
    institutions: institutions
      .filter((i) => canEditStudent(actor, { partnershipId: i.partnershipId, homeInstitutionId: i.id }))
      .map((i) => ({ value: i.id, label: i.name })),
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const { actor } = ctx;
  const facts = ensureFound(actor, await getStudentFacts(actor.partnershipId, params.studentId ?? ""));
  const formData = await request.formData();
  const intent = intentOf(formData);
  if (intent === "left" || intent === "reinstate" || intent === "erase") {
    const reply = await leavingAction(ctx, facts, formData);
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "student",
      id: facts.id,
      action: intent === "erase" ? "deleted" : "updated",
      by: actor.id,
    });
    return reply;
  }
  ensure(canEditStudent(actor, facts), NOT_ALLOWED);
  const submission = parseWithZod(formData, { schema: studentSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), message: "" }, { status: 400 });
  ensure(
    canEditStudent(actor, {
      partnershipId: actor.partnershipId,
      homeInstitutionId: submission.value.homeInstitutionId,
    }),
    NOT_ALLOWED,
  );
  try {
    await updateStudent(ctx, facts.id, submission.value);
  } catch (error) {
    const { result, status } = domainErrorResult(submission, error);
    return data({ result, message: "" }, { status });
  }
  context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
    entity: "student",
    id: facts.id,
    action: "updated",
    by: actor.id,
  });
  return { result: submission.reply(), message: "The student's record has been saved." };
}

type Facts = NonNullable<Awaited<ReturnType<typeof getStudentFacts>>>;

/** Marking as left, back on roll, or erasing now: each asks its own rule, and tells the partnership's open pages. */
async function leavingAction(ctx: ActionContext, facts: Facts, formData: FormData) {
  const { actor } = ctx;
  const intent = intentOf(formData);
  if (intent === "erase") {
    ensure(canEraseStudent(actor, facts), "Only the coordinator can erase a student's record.");
    await eraseStudent({ ctx }, facts.id);
    return redirect("/students?erased=1");
  }
  ensure(canMarkStudentLeft(actor, facts), NOT_ALLOWED);
  if (intent === "reinstate") {
    await reinstateStudent(ctx, facts.id);
    return { intent, result: undefined, message: "The student is back on roll." };
  }
  const submission = parseWithZod(formData, { schema: studentLeftSchema });
  if (submission.status !== "success")
    return data({ intent, result: submission.reply(), message: "" }, { status: 400 });
  await markStudentLeft(ctx, facts.id, submission.value.leftOn);
  return { intent, result: submission.reply(), message: "The student is marked as left." };
}

export default function StudentPage() {
  const { student, canEdit, institutions, leaving } = useLoaderData<typeof loader>();
  const actionData = useLastActionData<typeof action>();
  const leavingReply = actionData && "intent" in actionData ? actionData : null;
  const full = student.visibility === "full" ? student : null;
  const named = student.visibility === "initials" ? null : student;
  const defaultValue = full
    ? {
        firstName: full.firstName,
        lastName: full.lastName,
        homeInstitutionId: full.homeInstitution.id,
        yearGroup: String(full.yearGroup),
        senStatus: full.senStatus,
        needAreas: full.needAreas,
        communicationMode: full.communicationMode,
        atRisk: full.atRisk ? "on" : undefined,
        notes: full.notes,
      }
    : undefined;
  return (
    <>
      <p>
        {/* A supporter with need-to-know came from her deployments (LSAs have no student list). */}
        {student.visibility === "need-to-know" ? (
          <Link to="/deployments">Back to my deployments</Link>
        ) : (
          <Link to="/students">Back to students</Link>
        )}
      </p>
      <h1>{named ? `${named.firstName} ${named.lastName}` : `Student ${student.initials}`}</h1>
      <p className="page-intro">
        {yearGroupLabel(student.yearGroup)} · {student.homeInstitution.name}
        {leaving.leftOn ? ` · Left on ${formatDate(leaving.leftOn)}` : ""}
      </p>
      {actionData?.message ? (
        <Notice tone="success">
          <p>{actionData.message}</p>
        </Notice>
      ) : null}
      {full ? (
        <>
          <section className="card" aria-labelledby="needs-heading">
            <h2 id="needs-heading">Needs and support</h2>
            <dl className="details-list">
              <dt>SEN</dt>
              <dd>{SEN_STATUSES.label(full.senStatus)}</dd>
              <dt>Broad areas of need</dt>
              <dd>{full.needAreas.map((a) => NEED_AREAS.label(a)).join("; ") || "None recorded"}</dd>
              <dt>Communication mode</dt>
              <dd>{full.communicationMode ? COMMUNICATION_MODES.label(full.communicationMode) : "Not recorded"}</dd>
              <dt>Vulnerable or at risk of exclusion</dt>
              <dd>{full.atRisk ? "Yes" : "No"}</dd>
              <dt>Notes</dt>
              <dd>{full.notes || "None"}</dd>
              <dt>Last changed</dt>
              <dd>{formatDateTime(full.updatedAt)}</dd>
            </dl>
            <p className="muted">Your view of this record has been recorded in the partnership's audit log.</p>
          </section>
          <section className="card" aria-labelledby="groups-heading">
            <h2 id="groups-heading">Teaching groups</h2>
            {full.groups.length === 0 ? (
              <p>
                Not in any teaching group yet. A co-planner of a course adds students to its groups from the group's
                page.
              </p>
            ) : (
              <ul>
                {full.groups.map((g) => (
                  <li key={g.id}>
                    <Link to={`/groups/${g.id}`}>{g.name}</Link> <span className="muted">· {g.courseTitle}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {canEdit ? (
            <section className="card narrow" aria-labelledby="edit-heading">
              <h2 id="edit-heading">Edit the record</h2>
              <StudentForm
                id="student"
                lastResult={leavingReply ? null : actionData?.result}
                defaultValue={defaultValue}
                institutions={institutions}
                submitLabel="Save changes"
                pendingLabel="Saving…"
              />
            </section>
          ) : null}
          <StudentLeaving
            {...leaving}
            studentId={student.id}
            firstName={full.firstName}
            lastResult={leavingReply?.result}
          />
        </>
      ) : student.visibility === "need-to-know" ? (
        <NeedToKnow named={student} />
      ) : (
        <div className="card">
          <p>
            This student's details are shared only with staff of {student.homeInstitution.name}, the staff who teach
            their groups, leaders and the coordinator. Ask one of them if you need to know something to support the
            student.
          </p>
        </div>
      )}
    </>
  );
}

type NamedStudent = Extract<ReturnType<typeof useLoaderData<typeof loader>>["student"], { visibility: "need-to-know" }>;

/** What a deployed supporter sees: the needs she supports, not the rest of the record. */
function NeedToKnow({ named }: { named: NamedStudent }) {
  return (
    <section className="card" aria-labelledby="needs-heading">
      <h2 id="needs-heading">What you need to know to support them</h2>
      <dl className="details-list">
        <dt>SEN</dt>
        <dd>{SEN_STATUSES.label(named.senStatus)}</dd>
        <dt>Broad areas of need</dt>
        <dd>{named.needAreas.map((a) => NEED_AREAS.label(a)).join("; ") || "None recorded"}</dd>
        <dt>Communication mode</dt>
        <dd>{named.communicationMode ? COMMUNICATION_MODES.label(named.communicationMode) : "Not recorded"}</dd>
      </dl>
      <p>
        You see this because you are deployed to support {named.firstName} in a lesson. The rest of the record stays
        with staff of {named.homeInstitution.name}, their teachers, leaders and the coordinator.
      </p>
      <p className="muted">Your view of this record has been recorded in the partnership's audit log.</p>
    </section>
  );
}
