// The group's details form and the confirmation that deletes it, for those who edit the course.
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { DangerZone } from "~/components/ui/danger-zone";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import type { IntentReply } from "~/lib/forms/intents.server";
import { resultFor, type GroupPageData } from "./page-data";

type Props = Pick<GroupPageData, "group" | "sites" | "impact"> & { reply?: IntentReply };

export function GroupSettings({ group, sites, impact, reply }: Props) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/courses").then((m) => m.editGroupSchema), {
    id: "group-details",
    lastResult: resultFor(reply, "details"),
    defaultValue: { name: group.name, siteId: group.siteId, academicYear: group.academicYear },
  });
  return (
    <>
      <section className="card narrow" aria-labelledby="group-details-heading">
        <h2 id="group-details-heading">Group details</h2>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Form method="post" {...getFormProps(form)}>
          <TextField meta={fields.name} label="Group name" />
          <SelectField
            meta={fields.siteId}
            label="Site where the group meets"
            hint="One of the course's delivery sites."
            options={sites}
          />
          <TextField meta={fields.academicYear} label="Academic year (optional)" hint="Like 2025-26." />
          <SubmitButton name="intent" value="details" pendingLabel="Saving…">
            Save group details
          </SubmitButton>
        </Form>
      </section>
      <DangerZone
        heading="Delete the group"
        headingId="delete-group-heading"
        intent="delete"
        confirming={impact !== null}
        startLabel="Delete group"
        explanation="You will see what goes with the group before you confirm."
        confirmLabel="Yes, delete group"
        warning={
          impact ? (
            <p>
              <strong>Delete {group.name}?</strong> Its timetable ({impact.sessions}{" "}
              {impact.sessions === 1 ? "session" : "sessions"}), transport notes, teachers and the list of its{" "}
              {impact.students} {impact.students === 1 ? "student" : "students"} go with it. The students' records stay
              in Staffroom.
              {impact.lessonPlans.length > 0
                ? ` ${impact.lessonPlans.length === 1 ? "Its lesson plan stays" : `Its ${impact.lessonPlans.length} lesson plans stay`} in the course without a group: ${impact.lessonPlans.join(", ")}.`
                : ""}
            </p>
          ) : null
        }
      />
    </>
  );
}
