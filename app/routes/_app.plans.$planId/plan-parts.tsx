// The text parts of a plan: objectives and success criteria; starter, main
// activity and plenary; assessment for learning; the evaluation after teaching
// with every supporter's feedback beside it. Editors get a form, others the text.
import { getFormProps } from "@conform-to/react";
import { useZodForm } from "~/components/ui/use-zod-form";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrors } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { formatDateTime } from "~/lib/format";
import { assessmentSchema, evaluationSchema, objectivesSchema, phasesSchema } from "~/lib/forms/lesson-plans";
import { TextAreaField } from "~/components/ui/choice-fields";
import { PlainText } from "~/components/lesson-plan/fields";
import { lastResultFor, type PlanActionData, type PlanPage } from "./plan-forms";

type Part = "objectives" | "phases" | "assessment" | "evaluation";

const PARTS: Record<
  Part,
  {
    heading: string;
    intro: string;
    schema: z.ZodTypeAny;
    fields: ReadonlyArray<{ name: string; label: string; hint?: string; rows?: number }>;
    save: string;
  }
> = {
  objectives: {
    heading: "Objectives and success criteria",
    intro: "What the students will learn, and how they and you will know they have.",
    schema: objectivesSchema,
    fields: [
      { name: "objectives", label: "Learning objectives", hint: "One per line works well." },
      { name: "successCriteria", label: "Success criteria" },
    ],
    save: "Save objectives",
  },
  phases: {
    heading: "Starter, main activity and plenary",
    intro: "The shape of the lesson.",
    schema: phasesSchema,
    fields: [
      { name: "starter", label: "Starter" },
      { name: "mainActivity", label: "Main activity", rows: 6 },
      { name: "plenary", label: "Plenary" },
    ],
    save: "Save lesson phases",
  },
  assessment: {
    heading: "Assessment for learning",
    intro: "Questioning and checks for understanding during the lesson.",
    schema: assessmentSchema,
    fields: [{ name: "assessment", label: "Assessment for learning" }],
    save: "Save assessment",
  },
  evaluation: {
    heading: "Evaluation",
    intro: "After teaching: what worked, what the supporters saw, and next steps.",
    schema: evaluationSchema,
    fields: [
      { name: "evaluation", label: "What worked and what did not", rows: 5 },
      { name: "nextSteps", label: "Next steps" },
    ],
    save: "Save evaluation",
  },
};

export function PlanPartsSections({
  page,
  actionData,
  part,
}: {
  page: PlanPage;
  actionData: PlanActionData;
  part: Part;
}) {
  const config = PARTS[part];
  const values = Object.fromEntries(
    config.fields.map((f) => [f.name, String((page.plan as Record<string, unknown>)[f.name] ?? "")]),
  );
  return (
    <section aria-labelledby={`${part}-heading`} className="card">
      <h2 id={`${part}-heading`}>{config.heading}</h2>
      <p className="hint">{config.intro}</p>
      {part === "evaluation" ? <SupporterFeedback page={page} /> : null}
      {page.canEdit ? (
        // Keyed by the saved text: when a colleague saves this part, the form shows their version.
        <PartForm key={JSON.stringify(values)} part={part} values={values} actionData={actionData} />
      ) : (
        config.fields.map((f) => (
          <div key={f.name}>
            <h3>{f.label}</h3>
            <PlainText text={values[f.name] ?? ""} />
          </div>
        ))
      )}
    </section>
  );
}

function PartForm({
  part,
  values,
  actionData,
}: {
  part: Part;
  values: Record<string, string>;
  actionData: PlanActionData;
}) {
  const config = PARTS[part];
  const [form, fields] = useZodForm(config.schema, {
    id: `part-${part}`,
    lastResult: lastResultFor(actionData, part),
    defaultValue: values,
  });
  const all = fields as unknown as Record<string, Parameters<typeof TextAreaField>[0]["meta"]>;
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      {config.fields.map((f) => (
        <TextAreaField key={f.name} meta={all[f.name]!} label={f.label} hint={f.hint} rows={f.rows} />
      ))}
      <SubmitButton name="intent" value={part} pendingLabel="Saving…">
        {config.save}
      </SubmitButton>
    </Form>
  );
}

function SupporterFeedback({ page }: { page: PlanPage }) {
  const withFeedback = page.deployments.filter((d) => d.feedbackAt);
  return (
    <div aria-live="polite">
      <h3>Feedback from supporters</h3>
      {withFeedback.length === 0 ? (
        <p className="muted">
          {page.deployments.length === 0
            ? "No one is deployed in this lesson."
            : "No feedback yet. Supporters write it from their deployment page after the lesson."}
        </p>
      ) : (
        <ul className="feedback-list">
          {withFeedback.map((d) => (
            <li key={d.id}>
              <p>
                <strong>{d.supporter.name}</strong> ({d.supporter.institution}),{" "}
                {d.feedbackAt ? formatDateTime(d.feedbackAt) : ""}:
              </p>
              <PlainText text={d.feedback} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
