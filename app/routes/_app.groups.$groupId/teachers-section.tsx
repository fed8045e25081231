// Who teaches the group (they see its students' details), and the form that adds a colleague.
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors, SelectField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { ClashConfirm } from "~/components/clash-confirm";
import { Notice } from "~/components/ui/notice";
import { ADD_TEACHER_ANYWAY } from "~/lib/forms/labels";
import type { IntentReply } from "~/lib/forms/intents.server";
import { resultFor, type GroupPageData } from "./page-data";

type Props = Pick<GroupPageData, "group" | "colleagues" | "canEdit" | "clashes"> & { reply?: IntentReply };

export function TeachersSection({ group, colleagues, canEdit, clashes, reply }: Props) {
  return (
    <section className="card" aria-labelledby="teachers-heading">
      <h2 id="teachers-heading">Teachers</h2>
      {clashes.map((c) => (
        <Notice key={c.teacher} tone="warning">
          <p>
            <strong>{`${c.teacher} teaches another group at the same time:`}</strong> {c.clashes}.
          </p>
        </Notice>
      ))}
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
      {canEdit && colleagues.length > 0 ? <AddTeacherForm colleagues={colleagues} reply={reply} /> : null}
    </section>
  );
}

function AddTeacherForm({ colleagues, reply }: { colleagues: GroupPageData["colleagues"]; reply?: IntentReply }) {
  const lastResult = resultFor(reply, "add-teacher");
  const [form, fields] = useZodForm(() => import("~/lib/forms/courses").then((m) => m.groupTeacherSchema), {
    id: "add-teacher",
    lastResult,
  });
  return (
    <>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)} className="inline-fields">
        <SelectField meta={fields.userId} label="Add a teacher" options={colleagues} placeholder="Choose a colleague" />
        <ClashConfirm meta={fields.confirmClash} lastResult={lastResult} label={ADD_TEACHER_ANYWAY} />
        <SubmitButton name="intent" value="add-teacher" pendingLabel="Adding…">
          Add teacher
        </SubmitButton>
      </Form>
    </>
  );
}
