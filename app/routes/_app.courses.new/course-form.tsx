// The new course's form: its own module, loaded after the page (decision 029).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ChoiceGroupField, TextAreaField } from "~/components/ui/choice-fields";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { COURSE_KINDS, KEY_STAGES, SUBJECTS } from "~/lib/co-planning";

type Option = { value: string; label: string };

interface Props {
  institutions: Option[];
  colleagues: Option[];
  isTeacher: boolean;
  homeInstitutionId: string;
  lastResult: SubmissionResult<string[]> | undefined;
}

export function NewCourseForm({ institutions, colleagues, isTeacher, homeInstitutionId, lastResult }: Props) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/courses").then((m) => m.newCourseSchema), {
    id: "new-course",
    lastResult,
    defaultValue: { leadInstitutionId: homeInstitutionId, siteIds: [homeInstitutionId] },
  });
  return (
    <>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)}>
        <TextField
          meta={fields.title}
          label="Title"
          hint="For example: BTEC First Award in Sport, or Dance (adapted module)."
        />
        <SelectField meta={fields.kind} label="Kind" options={COURSE_KINDS.options} placeholder="Choose a kind" />
        <TextField
          meta={fields.qualification}
          label="Qualification (for a qualification)"
          hint="The awarding body's name for it, for example NVQ Level 1 in Food Preparation and Cooking."
        />
        <SelectField meta={fields.subject} label="Subject" options={SUBJECTS.options} placeholder="Choose a subject" />
        <SelectField
          meta={fields.keyStage}
          label="Key stage"
          options={KEY_STAGES.options}
          placeholder="Choose a key stage"
        />
        <SelectField
          meta={fields.leadInstitutionId}
          label="Lead institution"
          options={institutions}
          placeholder="Choose an institution"
        />
        <ChoiceGroupField
          type="checkbox"
          meta={fields.siteIds}
          legend="Delivery sites"
          hint="Where the course is taught."
          options={institutions}
        />
        <TextAreaField meta={fields.summary} label="Summary (optional)" rows={3} />
        <TextAreaField
          meta={fields.units}
          label="Units (optional)"
          hint="One unit or module per line, in teaching order. You can add, rename and reorder them later."
          rows={5}
        />
        <ChoiceGroupField
          type="checkbox"
          meta={fields.plannerIds}
          legend="Co-planners"
          hint={
            isTeacher
              ? "Teachers who plan this course with you."
              : "Teachers who plan this course. Choose at least one."
          }
          options={colleagues}
        />
        <SubmitButton pendingLabel="Adding the course…">Add course</SubmitButton>
      </Form>
    </>
  );
}
