// "Add to a lesson plan" in one step: the plans the member may edit that do not use the strategy yet.
import { StudentNameWarning } from "~/components/student-names/student-name-warning";
import { getFormProps } from "@conform-to/react";
import { Form, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { formatDate } from "~/lib/format";
import type { action, loader } from "./strategy.server";

export function AddToPlanSection() {
  const { plansToAdd, preselectedPlanId, requestedPlanUnavailable, canAddToPlans } = useLoaderData<typeof loader>();
  const actionData = useLastActionData<typeof action>();
  const [form, fields] = useZodForm(() => import("~/lib/forms/strategies").then((m) => m.addToPlanSchema), {
    id: "add-to-plan",
    lastResult: actionData?.intent === "add-to-plan" ? actionData.result : undefined,
    defaultValue: { lessonPlanId: preselectedPlanId, note: "" },
  });
  if (!canAddToPlans) return null;
  return (
    <section aria-labelledby="add-heading" className="card">
      <h2 id="add-heading">Add to a lesson plan</h2>
      {requestedPlanUnavailable ? (
        <Notice tone="warning">
          <p>The lesson plan in the link is not one you can add this strategy to (it may use it already).</p>
        </Notice>
      ) : null}
      {plansToAdd.length === 0 ? (
        <p className="muted">
          None of the lesson plans you can edit is without this strategy. Teachers add strategies to plans of the
          courses they co-plan.
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <SelectField
            meta={fields.lessonPlanId}
            label="Lesson plan"
            hint="Plans you can edit, upcoming first."
            options={plansToAdd.map((p) => ({
              value: p.id,
              label: `${p.title} · ${p.courseTitle}${p.lessonDate ? ` · ${formatDate(p.lessonDate)}` : ""}`,
            }))}
          />
          <TextField meta={fields.note} label="How you will use it here (optional)" />
          <StudentNameWarning fieldId={fields.note.id} text={fields.note.value ?? ""} />
          <SubmitButton name="intent" value="add-to-plan" pendingLabel="Adding…">
            Add to lesson plan
          </SubmitButton>
        </Form>
      )}
    </section>
  );
}
