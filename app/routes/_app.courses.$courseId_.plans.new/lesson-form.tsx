// The new lesson plan's form: its own module, loaded after the page (decision 029).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { NumberField } from "~/components/lesson-plan/fields";
import { TimetableDayWarning } from "~/components/lesson-plan/timetable-day-warning";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";

interface Props {
  units: Array<{ id: string; title: string }>;
  groups: Array<{ id: string; name: string; site: { name: string } }>;
  /** Each group's days, so the form warns when the date picked is not one of them. */
  groupDays: Record<string, { name: string; days: number[] }>;
  defaults: { groupId: string; unitId: string };
  lastResult: SubmissionResult<string[]> | undefined;
}

export function NewLessonPlanForm({ units, groups, groupDays, defaults, lastResult }: Props) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/lesson-plans").then((m) => m.newLessonPlanSchema), {
    id: "new-lesson-plan",
    lastResult,
    defaultValue: { durationMinutes: 60, groupId: defaults.groupId, unitId: defaults.unitId },
  });
  return (
    <>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)}>
        <TextField meta={fields.title} label="Title" hint="For example: Components of fitness, practical testing." />
        <SelectField
          meta={fields.unitId}
          label="Unit"
          options={units.map((u) => ({ value: u.id, label: u.title }))}
          placeholder={units.length ? "No unit" : "The course has no units yet"}
        />
        <SelectField
          meta={fields.groupId}
          label="Teaching group"
          options={groups.map((g) => ({ value: g.id, label: `${g.name} (${g.site.name})` }))}
          placeholder={groups.length ? "No group" : "The course has no groups yet"}
        />
        <TextField meta={fields.lessonDate} type="date" label="Date" />
        <TimetableDayWarning date={fields.lessonDate.value} group={groupDays[fields.groupId.value ?? ""]} />
        <TextField meta={fields.startTime} type="time" label="Start time" hint="Optional." />
        <NumberField meta={fields.durationMinutes} label="Length in minutes" />
        <SubmitButton pendingLabel="Creating…">Create lesson plan</SubmitButton>
      </Form>
    </>
  );
}
