// The group's students (details only as the visibility rule allows), and the picker that adds students from any
// institution and year group.
import { getFormProps } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { StudentTable, studentName } from "~/components/student-table";
import { ChoiceGroupField } from "~/components/ui/choice-fields";
import { FormErrors } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { yearGroupLabel } from "~/lib/co-planning";
import type { IntentReply } from "~/lib/forms/intents.server";
import { resultFor, type GroupPageData } from "./page-data";

type Props = Pick<GroupPageData, "group" | "students" | "candidates" | "canChangeStudents"> & {
  pickFrom: { id: string; name: string }[];
  reply?: IntentReply;
};

export function StudentsSection({ group, students, candidates, canChangeStudents, pickFrom, reply }: Props) {
  const institutionCount = new Set(students.map((s) => s.homeInstitution.id)).size;
  return (
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
            {students.length} {students.length === 1 ? "student" : "students"} from {institutionCount}{" "}
            {institutionCount === 1 ? "institution" : "institutions"}, in{" "}
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
          <StudentPicker candidates={candidates} pickFrom={pickFrom} reply={reply} />
        ) : (
          <p>
            <Link className="button button--secondary" to="?add=students">
              Add students
            </Link>
          </p>
        )
      ) : null}
    </section>
  );
}

function StudentPicker({
  candidates,
  pickFrom,
  reply,
}: {
  candidates: NonNullable<GroupPageData["candidates"]>;
  pickFrom: { id: string; name: string }[];
  reply?: IntentReply;
}) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/courses").then((m) => m.groupStudentsSchema), {
    id: "add-students",
    lastResult: resultFor(reply, "add-students"),
  });
  return (
    <section aria-labelledby="add-students-heading">
      <h3 id="add-students-heading">Add students</h3>
      <Form method="get" className="filters" aria-label="Show students from one institution">
        <input type="hidden" name="add" value="students" />
        <div className="field">
          <label htmlFor="picker-institution">Home institution</label>
          <select id="picker-institution" name="from" defaultValue={candidates.from}>
            <option value="">All institutions</option>
            {pickFrom.map((i) => (
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
          <FormErrors errors={form.errors} id={form.errorId} />
          <Form method="post" {...getFormProps(form)}>
            <ChoiceGroupField
              type="checkbox"
              meta={fields.studentIds}
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
  );
}
