// The group's weekly timetable, and the form that adds a session to it.
import { getFormProps, type FieldMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { TableWrap } from "~/components/ui/table-wrap";
import { useZodForm } from "~/components/ui/use-zod-form";
import { ClashConfirm } from "~/components/clash-confirm";
import { ADD_SESSION_ANYWAY } from "~/lib/forms/labels";
import type { IntentReply } from "~/lib/forms/intents.server";
import { SCHOOL_DAYS } from "~/lib/timetable";
import { resultFor, type GroupPageData } from "./page-data";

type Props = Pick<GroupPageData, "group" | "institutions" | "canEdit"> & { reply?: IntentReply };

export function TimetableSection({ group, institutions, canEdit, reply }: Props) {
  return (
    <section className="card" aria-labelledby="timetable-heading">
      <h2 id="timetable-heading">Timetable</h2>
      {group.sessions.length === 0 ? (
        <p>
          {canEdit
            ? "No sessions yet. Add when and where the group meets each week."
            : "No sessions on the timetable yet."}
        </p>
      ) : (
        <TableWrap label={`Weekly timetable of ${group.name}`}>
          <table>
            <caption className="visually-hidden">Weekly timetable of {group.name}</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Time</th>
                <th scope="col">Site</th>
                {canEdit ? <th scope="col">Change</th> : null}
              </tr>
            </thead>
            <tbody>
              {group.sessions.map((s) => (
                <tr key={s.id}>
                  <td>{s.day}</td>
                  <td>{`${s.startTime} to ${s.endTime}`}</td>
                  <td>{s.site}</td>
                  {canEdit ? (
                    <td>
                      <Form method="post">
                        <input type="hidden" name="sessionId" value={s.id} />
                        <SubmitButton name="intent" value="remove-session" variant="link" pendingLabel="Removing…">
                          Remove
                          <span className="visually-hidden">
                            {" "}
                            {s.day} {s.startTime} session
                          </span>
                        </SubmitButton>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {canEdit ? <AddSessionForm siteId={group.siteId} institutions={institutions} reply={reply} /> : null}
    </section>
  );
}

function AddSessionForm({
  siteId,
  institutions,
  reply,
}: {
  siteId: string;
  institutions: GroupPageData["institutions"];
  reply?: IntentReply;
}) {
  const lastResult = resultFor(reply, "add-session");
  const [form, fields] = useZodForm(() => import("~/lib/forms/courses").then((m) => m.addSessionSchema), {
    id: "add-session",
    lastResult,
    defaultValue: { siteId },
  });
  return (
    <>
      <h3>Add a session</h3>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)} className="inline-fields">
        <SelectField
          meta={fields.dayOfWeek as unknown as FieldMetadata<string | undefined>}
          label="Day"
          options={SCHOOL_DAYS.map((d) => ({ value: String(d.value), label: d.label }))}
          placeholder="Choose a day"
        />
        <TextField meta={fields.startTime} type="time" label="Starts" />
        <TextField meta={fields.endTime} type="time" label="Ends" />
        <SelectField meta={fields.siteId} label="Site" options={institutions} />
        <ClashConfirm meta={fields.confirmClash} lastResult={lastResult} label={ADD_SESSION_ANYWAY} />
        <SubmitButton name="intent" value="add-session" pendingLabel="Adding…">
          Add session
        </SubmitButton>
      </Form>
    </>
  );
}
