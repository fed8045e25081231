// The course's details and delivery sites.
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ChoiceGroupField, TextAreaField } from "~/components/ui/choice-fields";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { COURSE_KINDS, KEY_STAGES, SUBJECTS } from "~/lib/co-planning";
import type { IntentReply } from "~/lib/forms/intents.server";
import { resultFor, type CourseEditData } from "./page-data";

type Props = Pick<CourseEditData, "course" | "institutions"> & { reply?: IntentReply };

export function DetailsSection({ course, institutions, reply }: Props) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/courses").then((m) => m.courseDetailsSchema), {
    id: "course-details",
    lastResult: resultFor(reply, "details"),
    defaultValue: {
      title: course.title,
      kind: course.kind,
      qualification: course.qualification,
      subject: course.subject,
      keyStage: course.keyStage,
      leadInstitutionId: course.leadInstitutionId,
      siteIds: course.siteIds,
      summary: course.summary,
    },
  });
  return (
    <section className="card narrow" aria-labelledby="details-heading">
      <h2 id="details-heading">Details and delivery sites</h2>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)}>
        <TextField meta={fields.title} label="Title" />
        <SelectField meta={fields.kind} label="Kind" options={COURSE_KINDS.options} />
        <TextField meta={fields.qualification} label="Qualification (for a qualification)" />
        <SelectField meta={fields.subject} label="Subject" options={SUBJECTS.options} />
        <SelectField meta={fields.keyStage} label="Key stage" options={KEY_STAGES.options} />
        <SelectField meta={fields.leadInstitutionId} label="Lead institution" options={institutions} />
        <ChoiceGroupField type="checkbox" meta={fields.siteIds} legend="Delivery sites" options={institutions} />
        <TextAreaField meta={fields.summary} label="Summary (optional)" rows={3} />
        <SubmitButton name="intent" value="details" pendingLabel="Saving…">
          Save details
        </SubmitButton>
      </Form>
    </section>
  );
}
