// A teaching group: its students (details only for those allowed), teachers,
// weekly timetable and transport from each institution; edit forms for those who edit the course.
import { TableWrap } from "~/components/ui/table-wrap";
import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ChoiceGroupField, TextAreaField } from "~/components/ui/choice-fields";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { SubmitButton } from "~/components/ui/submit-button";
import { StudentTable, studentName } from "~/components/student-table";
import { LESSON_STATUSES, yearGroupLabel } from "~/lib/co-planning";
import { formatDate } from "~/lib/format";
import {
  addSessionSchema,
  editGroupSchema,
  groupStudentsSchema,
  groupTeacherSchema,
  transportSchema,
} from "~/lib/forms/courses";
import { SCHOOL_DAYS, dayLabel } from "~/lib/timetable";
import { listPlanningColleagues } from "~/models/courses.server";
import {
  GroupError,
  addGroupTeacher,
  addSession,
  addStudentsToGroup,
  deleteGroup,
  getGroup,
  groupDeletionImpact,
  removeGroupTeacher,
  removeSession,
  removeStudentFromGroup,
  setTransport,
  updateGroup,
} from "~/models/groups.server";
import { listInstitutions } from "~/models/institutions.server";
import { viewStudents } from "~/models/students.server";
import { canManageGroups, canViewGroup } from "~/policies/course";
import { ensure, ensureFound, requireActor } from "~/policies/enforce.server";
import { canChangeGroupStudents } from "~/policies/student";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.group.name ?? "Teaching group"} · Staffroom` },
];

const NOT_ALLOWED = "Only the course's co-planners and the coordinator can change its groups.";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const group = ensureFound(actor, await getGroup(actor.partnershipId, params.groupId ?? ""));
  ensure(canViewGroup(actor, group), "LSAs see the groups they are deployed with.");
  const url = new URL(request.url);
  const canEdit = canManageGroups(actor, group);
  const canChangeStudents = canChangeGroupStudents(actor, group);
  const choosing = canChangeStudents && url.searchParams.get("add") === "students";
  const pickerInstitution = url.searchParams.get("from") ?? "";
  const [students, institutions, colleagues, candidates, impact] = await Promise.all([
    viewStudents(actor, { groupId: group.id, pageSize: 200 }, "group", context.clientIp),
    canEdit ? listInstitutions(actor.partnershipId) : Promise.resolve([]),
    canEdit ? listPlanningColleagues(actor.partnershipId) : Promise.resolve([]),
    choosing
      ? viewStudents(
          actor,
          { notInGroupId: group.id, homeInstitutionId: pickerInstitution || undefined, pageSize: 200 },
          "group-picker",
          context.clientIp,
        )
      : null,
    canEdit && url.searchParams.get("confirm") === "delete" ? groupDeletionImpact(actor.partnershipId, group.id) : null,
  ]);
  const teacherIds = new Set(group.teachers.map((t) => t.id));
  const homeInstitutions = new Map(students.students.map((s) => [s.homeInstitution.id, s.homeInstitution.name]));
  for (const t of group.transport) homeInstitutions.set(t.institution.id, t.institution.name);
  return {
    group: {
      id: group.id,
      name: group.name,
      siteId: group.siteId,
      site: group.site.name,
      academicYear: group.academicYear,
      course: { id: group.course.id, title: group.course.title },
      teachers: group.teachers.map((t) => ({ id: t.id, name: t.name, institution: t.institution.name })),
      sessions: group.sessions.map((s) => ({
        id: s.id,
        day: dayLabel(s.dayOfWeek),
        startTime: s.startTime,
        endTime: s.endTime,
        site: s.site.name,
      })),
      transport: group.transport.map((t) => ({
        institutionId: t.institution.id,
        institution: t.institution.name,
        note: t.note,
      })),
      lessonPlans: group.lessonPlans
        .filter((p) => actor.role !== "lsa" || p.supporterIds.includes(actor.id))
        .map((p) => ({ id: p.id, title: p.title, lessonDate: p.lessonDate, status: p.status })),
    },
    students: students.students,
    travellingFrom: [...homeInstitutions]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    institutions: institutions.map((i) => ({ value: i.id, label: i.name })),
    colleagues: colleagues
      .filter((c) => !teacherIds.has(c.id))
      .map((c) => ({ value: c.id, label: `${c.name} (${c.institution.name})` })),
    candidates: candidates ? { students: candidates.students, total: candidates.total, from: pickerInstitution } : null,
    impact: impact
      ? {
          students: impact._count.students,
          sessions: impact._count.sessions,
          lessonPlans: impact.lessonPlans.map((p) => p.title),
        }
      : null,
    canEdit,
    canChangeStudents,
  };
}

type Reply = { intent: string; result?: SubmissionResult<string[]>; message?: string; failed?: boolean };

export async function action({ context, request, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const group = ensureFound(actor, await getGroup(actor.partnershipId, params.groupId ?? ""));
  ensure(canViewGroup(actor, group), NOT_ALLOWED);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const studentIntent = intent === "add-students" || intent === "remove-student";
  ensure(studentIntent ? canChangeGroupStudents(actor, group) : canManageGroups(actor, group), NOT_ALLOWED);
  const ip = context.clientIp;
  const emit = (action: "updated" | "deleted" = "updated") =>
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "group",
      id: group.id,
      action,
      by: actor.id,
    });
  const invalid = (reply: Reply) => data(reply, { status: 400 });
  const done = (reply: Reply) => {
    emit();
    return reply;
  };

  try {
    switch (intent) {
      case "details": {
        const submission = parseWithZod(formData, { schema: editGroupSchema });
        if (submission.status !== "success") return invalid({ intent, result: submission.reply() });
        await updateGroup(actor, group.id, submission.value, ip);
        return done({ intent, result: submission.reply(), message: "Group details saved." });
      }
      case "add-teacher": {
        const submission = parseWithZod(formData, { schema: groupTeacherSchema });
        if (submission.status !== "success") return invalid({ intent, result: submission.reply() });
        await addGroupTeacher(actor, group.id, submission.value.userId, ip);
        return done({
          intent,
          result: submission.reply({ resetForm: true }),
          message: "Teacher added. They can now see the group's students' details.",
        });
      }
      case "add-session": {
        const submission = parseWithZod(formData, { schema: addSessionSchema });
        if (submission.status !== "success") return invalid({ intent, result: submission.reply() });
        await addSession(actor, group.id, submission.value, ip);
        return done({
          intent,
          result: submission.reply({ resetForm: true }),
          message: "Session added to the timetable.",
        });
      }
      case "transport": {
        const submission = parseWithZod(formData, { schema: transportSchema });
        if (submission.status !== "success") return invalid({ intent, result: submission.reply() });
        await setTransport(actor, group.id, submission.value.institutionId, submission.value.note, ip);
        return done({
          intent,
          result: submission.reply({ resetForm: true }),
          message: submission.value.note ? "Transport note saved." : "Transport note removed.",
        });
      }
      case "add-students": {
        const submission = parseWithZod(formData, { schema: groupStudentsSchema });
        if (submission.status !== "success") return invalid({ intent, result: submission.reply() });
        const added = await addStudentsToGroup(actor, group.id, submission.value.studentIds, ip);
        return done({
          intent,
          result: submission.reply({ resetForm: true }),
          message: `${added} ${added === 1 ? "student" : "students"} added to the group.`,
        });
      }
      case "remove-teacher":
        await removeGroupTeacher(actor, group.id, String(formData.get("userId") ?? ""), ip);
        return done({ intent, message: "Teacher removed from the group." });
      case "remove-session":
        await removeSession(actor, group.id, String(formData.get("sessionId") ?? ""), ip);
        return done({ intent, message: "Session removed from the timetable." });
      case "remove-student":
        await removeStudentFromGroup(actor, group.id, String(formData.get("studentId") ?? ""), ip);
        return done({ intent, message: "Student removed from the group. Their record stays in Staffroom." });
      case "delete":
        await deleteGroup(actor, group.id, ip);
        emit("deleted");
        throw redirect(`/courses/${group.course.id}`);
      default:
        return invalid({ intent, message: "Choose what to change.", failed: true });
    }
  } catch (error) {
    // Field problems the schema cannot see (another partnership's site, a duplicate teacher).
    if (error instanceof GroupError) {
      return invalid({
        intent,
        result: { status: "error", initialValue: null, error: { [error.field]: [error.message] } },
      });
    }
    throw error;
  }
}

export default function GroupPage() {
  const { group, students, travellingFrom, institutions, colleagues, candidates, impact, canEdit, canChangeStudents } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as Reply | undefined;
  const [searchParams] = useSearchParams();
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  const [detailsForm, details] = useForm({
    id: "group-details",
    lastResult: resultFor("details"),
    defaultValue: { name: group.name, siteId: group.siteId, academicYear: group.academicYear },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editGroupSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [teacherForm, teacherFields] = useForm({
    id: "add-teacher",
    lastResult: resultFor("add-teacher"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: groupTeacherSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [sessionForm, sessionFields] = useForm({
    id: "add-session",
    lastResult: resultFor("add-session"),
    defaultValue: { siteId: group.siteId },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addSessionSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [transportForm, transportFields] = useForm({
    id: "transport",
    lastResult: resultFor("transport"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: transportSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [studentsForm, studentsFields] = useForm({
    id: "add-students",
    lastResult: resultFor("add-students"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: groupStudentsSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });

  return (
    <>
      <p>
        <Link to={`/courses/${group.course.id}`}>Back to {group.course.title}</Link>
      </p>
      <h1>{group.name}</h1>
      <p className="page-intro">
        {group.course.title} · meets at {group.site}
        {group.academicYear ? ` · ${group.academicYear}` : ""}
      </p>
      {actionData?.message ? (
        <Notice tone={actionData.failed ? "error" : "success"}>
          <p>{actionData.message}</p>
        </Notice>
      ) : null}

      <section className="card" aria-labelledby="students-heading">
        <h2 id="students-heading">Students</h2>
        {students.length === 0 ? (
          <p>
            {canChangeStudents
              ? "No students in this group yet. Add students from any institution and year group below."
              : "No students in this group yet."}
          </p>
        ) : (
          <>
            <p className="muted">
              {students.length} {students.length === 1 ? "student" : "students"} from{" "}
              {new Set(students.map((s) => s.homeInstitution.id)).size}{" "}
              {new Set(students.map((s) => s.homeInstitution.id)).size === 1 ? "institution" : "institutions"}, in{" "}
              {[...new Set(students.map((s) => s.yearGroup))]
                .sort((a, b) => a - b)
                .map(yearGroupLabel)
                .join(", ")}
              .
            </p>
            <StudentTable
              students={students}
              caption={`Students in ${group.name}`}
              action={
                canChangeStudents
                  ? (s) => (
                      <Form method="post">
                        <input type="hidden" name="studentId" value={s.id} />
                        <SubmitButton name="intent" value="remove-student" variant="link" pendingLabel="Removing…">
                          Remove<span className="visually-hidden"> {studentName(s)} from the group</span>
                        </SubmitButton>
                      </Form>
                    )
                  : undefined
              }
            />
          </>
        )}
        {canChangeStudents ? (
          candidates ? (
            <section aria-labelledby="add-students-heading">
              <h3 id="add-students-heading">Add students</h3>
              <Form method="get" className="filters" aria-label="Show students from one institution">
                <input type="hidden" name="add" value="students" />
                <div className="field">
                  <label htmlFor="picker-institution">Home institution</label>
                  <select id="picker-institution" name="from" defaultValue={candidates.from}>
                    <option value="">All institutions</option>
                    {travellingFrom
                      .concat(institutions.map((i) => ({ id: i.value, name: i.label })))
                      .filter((i, index, all) => all.findIndex((x) => x.id === i.id) === index)
                      .map((i) => (
                        <option key={i.id} value={i.id}>
                          {i.name}
                        </option>
                      ))}
                  </select>
                </div>
                <button type="submit" className="button button--secondary">
                  Show
                </button>
              </Form>
              {candidates.students.length === 0 ? (
                <p>Every student here is already in the group. Add a new student on the Students page first.</p>
              ) : (
                <>
                  <FormErrors errors={studentsForm.errors} id={studentsForm.errorId} />
                  <Form method="post" {...getFormProps(studentsForm)}>
                    <ChoiceGroupField
                      type="checkbox"
                      meta={studentsFields.studentIds}
                      legend="Choose students to add"
                      hint="Students whose details you may not see are shown by initials."
                      options={candidates.students.map((s) => ({
                        value: s.id,
                        label: `${studentName(s)} · ${yearGroupLabel(s.yearGroup)} · ${s.homeInstitution.name}`,
                      }))}
                    />
                    <div className="actions">
                      <SubmitButton name="intent" value="add-students" pendingLabel="Adding…">
                        Add to group
                      </SubmitButton>
                      <Link to=".">Done</Link>
                    </div>
                  </Form>
                </>
              )}
            </section>
          ) : (
            <p>
              <Link className="button button--secondary" to="?add=students">
                Add students
              </Link>
            </p>
          )
        ) : null}
      </section>

      <section className="card" aria-labelledby="timetable-heading">
        <h2 id="timetable-heading">Timetable</h2>
        {group.sessions.length === 0 ? (
          <p>
            {canEdit
              ? "No sessions yet. Add when and where the group meets each week."
              : "No sessions on the timetable yet."}
          </p>
        ) : (
          <TableWrap label={`Weekly timetable of ${group.name}`}>
            <table>
              <caption className="visually-hidden">Weekly timetable of {group.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Time</th>
                  <th scope="col">Site</th>
                  {canEdit ? <th scope="col">Change</th> : null}
                </tr>
              </thead>
              <tbody>
                {group.sessions.map((s) => (
                  <tr key={s.id}>
                    <td>{s.day}</td>
                    <td>{`${s.startTime} to ${s.endTime}`}</td>
                    <td>{s.site}</td>
                    {canEdit ? (
                      <td>
                        <Form method="post">
                          <input type="hidden" name="sessionId" value={s.id} />
                          <SubmitButton name="intent" value="remove-session" variant="link" pendingLabel="Removing…">
                            Remove
                            <span className="visually-hidden">
                              {" "}
                              {s.day} {s.startTime} session
                            </span>
                          </SubmitButton>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {canEdit ? (
          <>
            <h3>Add a session</h3>
            <FormErrors errors={sessionForm.errors} id={sessionForm.errorId} />
            <Form method="post" {...getFormProps(sessionForm)} className="inline-fields">
              <SelectField
                meta={sessionFields.dayOfWeek as unknown as FieldMetadata<string | undefined>}
                label="Day"
                options={SCHOOL_DAYS.map((d) => ({ value: String(d.value), label: d.label }))}
                placeholder="Choose a day"
              />
              <TextField meta={sessionFields.startTime} type="time" label="Starts" />
              <TextField meta={sessionFields.endTime} type="time" label="Ends" />
              <SelectField meta={sessionFields.siteId} label="Site" options={institutions} />
              <SubmitButton name="intent" value="add-session" pendingLabel="Adding…">
                Add session
              </SubmitButton>
            </Form>
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="transport-heading">
        <h2 id="transport-heading">Transport</h2>
        {group.transport.length === 0 ? (
          <p>
            {canEdit
              ? "No transport arranged yet. Note how students from each institution get to the site and back."
              : "No transport notes yet."}
          </p>
        ) : (
          <dl className="details-list">
            {group.transport.map((t) => (
              <div key={t.institutionId} style={{ display: "contents" }}>
                <dt>From {t.institution}</dt>
                <dd>{t.note}</dd>
              </div>
            ))}
          </dl>
        )}
        {canEdit ? (
          <>
            <h3>Set a transport note</h3>
            <FormErrors errors={transportForm.errors} id={transportForm.errorId} />
            <Form method="post" {...getFormProps(transportForm)}>
              <SelectField
                meta={transportFields.institutionId}
                label="Students travelling from"
                options={institutions}
                placeholder="Choose an institution"
              />
              <TextAreaField
                meta={transportFields.note}
                label="Arrangement"
                hint="Who drives, when they leave, who travels with them. Leave empty to remove the note."
                rows={3}
              />
              <SubmitButton name="intent" value="transport" pendingLabel="Saving…">
                Save transport note
              </SubmitButton>
            </Form>
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="teachers-heading">
        <h2 id="teachers-heading">Teachers</h2>
        {group.teachers.length === 0 ? (
          <p>
            {canEdit
              ? "No teachers yet. Add who teaches the group: they see its students' details."
              : "No teachers recorded yet."}
          </p>
        ) : (
          <ul>
            {group.teachers.map((t) => (
              <li key={t.id} className="row-actions">
                <span>
                  {t.name} <span className="muted">· {t.institution}</span>
                </span>
                {canEdit ? (
                  <Form method="post">
                    <input type="hidden" name="userId" value={t.id} />
                    <SubmitButton name="intent" value="remove-teacher" variant="link" pendingLabel="Removing…">
                      Remove<span className="visually-hidden"> {t.name} from the group</span>
                    </SubmitButton>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canEdit && colleagues.length > 0 ? (
          <>
            <FormErrors errors={teacherForm.errors} id={teacherForm.errorId} />
            <Form method="post" {...getFormProps(teacherForm)} className="inline-fields">
              <SelectField
                meta={teacherFields.userId}
                label="Add a teacher"
                options={colleagues}
                placeholder="Choose a colleague"
              />
              <SubmitButton name="intent" value="add-teacher" pendingLabel="Adding…">
                Add teacher
              </SubmitButton>
            </Form>
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="plans-heading">
        <h2 id="plans-heading">Lesson plans for this group</h2>
        {group.lessonPlans.length === 0 ? (
          <p>No lesson plans for this group yet. They appear here once a co-planner writes one for it.</p>
        ) : (
          <ul>
            {group.lessonPlans.map((p) => (
              <li key={p.id}>
                <Link to={`/plans/${p.id}`}>{p.title}</Link>{" "}
                <span className="muted">
                  · {p.lessonDate ? formatDate(p.lessonDate) : "Not dated"} · {LESSON_STATUSES.label(p.status)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {canEdit ? (
        <>
          <section className="card narrow" aria-labelledby="group-details-heading">
            <h2 id="group-details-heading">Group details</h2>
            <FormErrors errors={detailsForm.errors} id={detailsForm.errorId} />
            <Form method="post" {...getFormProps(detailsForm)}>
              <TextField meta={details.name} label="Group name" />
              <SelectField meta={details.siteId} label="Site where the group meets" options={institutions} />
              <TextField meta={details.academicYear} label="Academic year (optional)" hint="Like 2025-26." />
              <SubmitButton name="intent" value="details" pendingLabel="Saving…">
                Save group details
              </SubmitButton>
            </Form>
          </section>
          <section className="card narrow" aria-labelledby="delete-group-heading">
            <h2 id="delete-group-heading">Delete the group</h2>
            {impact && searchParams.get("confirm") === "delete" ? (
              <Form method="post" replace>
                <div className="alert alert--warning" role="alert">
                  <p>
                    <strong>Delete {group.name}?</strong> Its timetable ({impact.sessions}{" "}
                    {impact.sessions === 1 ? "session" : "sessions"}), transport notes, teachers and the list of its{" "}
                    {impact.students} {impact.students === 1 ? "student" : "students"} go with it. The students' records
                    stay in Staffroom.
                    {impact.lessonPlans.length > 0
                      ? ` ${impact.lessonPlans.length === 1 ? "Its lesson plan stays" : `Its ${impact.lessonPlans.length} lesson plans stay`} in the course without a group: ${impact.lessonPlans.join(", ")}.`
                      : ""}
                  </p>
                </div>
                <div className="actions">
                  <SubmitButton name="intent" value="delete" variant="danger" pendingLabel="Deleting…">
                    Yes, delete group
                  </SubmitButton>
                  <Link to="." replace>
                    Cancel
                  </Link>
                </div>
              </Form>
            ) : (
              <>
                <p>You will see what goes with the group before you confirm.</p>
                <Link className="button button--danger" to="?confirm=delete">
                  Delete group
                </Link>
              </>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
