// Differentiation: strategies linked from the library (with how they are used
// here), and notes for particular students or for an area of need.
import { getFormProps } from "@conform-to/react";
import { useZodForm } from "~/components/ui/use-zod-form";
import { Form, Link } from "@remix-run/react";
import { FormErrors, SelectField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { NEED_AREAS } from "~/lib/co-planning";
import { TextAreaField } from "~/components/ui/choice-fields";
import { PlainText } from "~/components/lesson-plan/fields";
import { lastResultFor, type PlanActionData, type PlanPage } from "./plan-forms";

export function DifferentiationSection({ page, actionData }: { page: PlanPage; actionData: PlanActionData }) {
  const { plan, notes, canEdit } = page;
  return (
    <section aria-labelledby="differentiation-heading" className="card">
      <h2 id="differentiation-heading">Differentiation</h2>
      <h3>Strategies from the library</h3>
      {plan.strategies.length === 0 ? (
        <p className="muted">
          No strategies linked yet.{" "}
          {canEdit ? (
            <>
              Find one in the <Link to="/strategies">strategy library</Link> and add it to this plan.
            </>
          ) : null}
        </p>
      ) : (
        <ul className="item-list">
          {plan.strategies.map((s) => (
            <li key={s.strategyId}>
              <p>
                <Link to={`/strategies/${s.strategy.id}`}>{s.strategy.title}</Link>
              </p>
              {s.note ? <PlainText text={s.note} /> : <p className="muted">{s.strategy.summary}</p>}
              {canEdit ? (
                <Form method="post">
                  <input type="hidden" name="strategyId" value={s.strategyId} />
                  <SubmitButton name="intent" value="unlink-strategy" variant="link" pendingLabel="Removing…">
                    Remove {s.strategy.title} from this plan
                  </SubmitButton>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3>Notes for students and needs</h3>
      {notes.length === 0 ? (
        <p className="muted">
          {canEdit
            ? "No notes yet. Add how the lesson adapts for a student or an area of need below."
            : "No notes yet."}
        </p>
      ) : (
        <ul className="item-list">
          {notes.map((n) => (
            <li key={n.id}>
              <p>
                <strong>{n.studentName ?? NEED_AREAS.label(n.needArea)}</strong>
              </p>
              <PlainText text={n.note} />
              {canEdit ? (
                <Form method="post">
                  <input type="hidden" name="noteId" value={n.id} />
                  <SubmitButton name="intent" value="remove-differentiation" variant="link" pendingLabel="Removing…">
                    Remove note for {n.studentName ?? NEED_AREAS.label(n.needArea)}
                  </SubmitButton>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? <AddNoteForm page={page} actionData={actionData} /> : null}
    </section>
  );
}

function AddNoteForm({ page, actionData }: { page: PlanPage; actionData: PlanActionData }) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/lesson-plans").then((m) => m.differentiationSchema), {
    id: "add-differentiation",
    lastResult: lastResultFor(actionData, "add-differentiation"),
  });
  return (
    <details
      className="card narrow"
      open={Boolean(form.errors?.length || fields.note.errors?.length || fields.studentId.errors?.length)}
    >
      <summary>Add a differentiation note</summary>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <SelectField
          meta={fields.studentId}
          label="For a student"
          options={page.groupStudents.map((s) => ({ value: s.id, label: s.name }))}
          placeholder={page.groupStudents.length ? "Choose a student…" : "The plan has no group with students"}
        />
        <SelectField
          meta={fields.needArea}
          label="Or for an area of need"
          options={NEED_AREAS.options}
          placeholder="Choose an area…"
        />
        <TextAreaField meta={fields.note} label="How the lesson adapts" warnOfStudentNames />
        <SubmitButton name="intent" value="add-differentiation" pendingLabel="Adding…">
          Add note
        </SubmitButton>
      </Form>
    </details>
  );
}
