// How students from each institution get to the group's site and back, and the form that sets a note.
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { TextAreaField } from "~/components/ui/choice-fields";
import { FormErrors, SelectField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import type { IntentReply } from "~/lib/forms/intents.server";
import { resultFor, type GroupPageData } from "./page-data";

type Props = Pick<GroupPageData, "group" | "institutions" | "canEdit"> & { reply?: IntentReply };

export function TransportSection({ group, institutions, canEdit, reply }: Props) {
  return (
    <section className="card" aria-labelledby="transport-heading">
      <h2 id="transport-heading">Transport</h2>
      {group.transport.length === 0 ? (
        <p>
          {canEdit
            ? "No transport arranged yet. Note how students from each institution get to the site and back."
            : "No transport notes yet."}
        </p>
      ) : (
        <dl className="details-list">
          {group.transport.map((t) => (
            <div key={t.institutionId} style={{ display: "contents" }}>
              <dt>From {t.institution}</dt>
              <dd>{t.note}</dd>
            </div>
          ))}
        </dl>
      )}
      {canEdit ? <TransportForm institutions={institutions} reply={reply} /> : null}
    </section>
  );
}

function TransportForm({ institutions, reply }: { institutions: GroupPageData["institutions"]; reply?: IntentReply }) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/courses").then((m) => m.transportSchema), {
    id: "transport",
    lastResult: resultFor(reply, "transport"),
  });
  return (
    <>
      <h3>Set a transport note</h3>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)}>
        <SelectField
          meta={fields.institutionId}
          label="Students travelling from"
          options={institutions}
          placeholder="Choose an institution"
        />
        <TextAreaField
          meta={fields.note}
          label="Arrangement"
          hint="Who drives, when they leave, who travels with them. Leave empty to remove the note."
          rows={3}
          warnOfStudentNames
        />
        <SubmitButton name="intent" value="transport" pendingLabel="Saving…">
          Save transport note
        </SubmitButton>
      </Form>
    </>
  );
}
