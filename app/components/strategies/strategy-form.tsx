// The form to share or edit a strategy: title, summary, evidence of impact and
// the four kinds of tag. Validated with the same schema the actions use.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { useZodForm } from "~/components/ui/use-zod-form";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { ChoiceGroupField, TextAreaField } from "~/components/ui/choice-fields";
import { FormErrors, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import type { strategySchema } from "~/lib/forms/strategies";
import { STRATEGY_TAG_KINDS } from "~/lib/forms/strategy-vocabulary";

export interface StrategyFormValues {
  title: string;
  summary: string;
  evidence: string;
  needs: string[];
  subjects: string[];
  keyStages: string[];
  phases: string[];
}

export function StrategyForm({
  id,
  lastResult,
  defaultValue,
  submitLabel,
  pendingLabel,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: StrategyFormValues;
  submitLabel: string;
  pendingLabel: string;
}) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/strategies").then((m) => m.strategySchema), {
    id,
    lastResult,
    // Stored tags come through groupTags, which keeps only codes of each vocabulary: the schema's enum values.
    defaultValue: defaultValue as Partial<z.input<typeof strategySchema>> | undefined,
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField meta={fields.title} label="Title" hint="What colleagues would search for, e.g. “Now/next boards”." />
      <TextAreaField
        meta={fields.summary}
        label="Summary"
        hint="One or two sentences: what you do. The description, which colleagues can co-edit, starts from this."
        rows={3}
      />
      <TextAreaField
        meta={fields.evidence}
        label="Evidence of impact (optional)"
        hint="What changed for students, and how you know."
        rows={4}
      />
      <ChoiceGroupField
        meta={fields.needs}
        legend={STRATEGY_TAG_KINDS.need.label}
        hint="The SEN need areas it helps with, if any."
        type="checkbox"
        options={STRATEGY_TAG_KINDS.need.vocabulary.options}
      />
      <ChoiceGroupField
        meta={fields.subjects}
        legend={STRATEGY_TAG_KINDS.subject.label}
        type="checkbox"
        options={STRATEGY_TAG_KINDS.subject.vocabulary.options}
      />
      <ChoiceGroupField
        meta={fields.keyStages}
        legend={STRATEGY_TAG_KINDS.key_stage.label}
        type="checkbox"
        options={STRATEGY_TAG_KINDS.key_stage.vocabulary.options}
      />
      <ChoiceGroupField
        meta={fields.phases}
        legend={STRATEGY_TAG_KINDS.phase.label}
        hint="The part of a lesson it suits."
        type="checkbox"
        options={STRATEGY_TAG_KINDS.phase.vocabulary.options}
      />
      <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
    </Form>
  );
}
