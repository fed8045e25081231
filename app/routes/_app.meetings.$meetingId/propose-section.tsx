// Propose an agenda item (a member) or add one (the chair): title, purpose, lead, minutes allowed, linked records.
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { NumberField } from "~/components/lesson-plan/fields";
import { RecordPicker } from "~/components/meetings/record-picker";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import type { IntentReply } from "~/lib/forms/intents.server";
import { AGENDA_PURPOSES } from "~/lib/meeting-vocabulary";
import { resultFor, type MeetingPageData } from "./page-data";

const PURPOSES = Object.entries(AGENDA_PURPOSES).map(([value, label]) => ({ value, label }));

export function ProposeSection({ page, reply }: { page: MeetingPageData; reply?: IntentReply }) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/meetings").then((m) => m.agendaItemSchema), {
    id: "propose",
    lastResult: resultFor(reply, "propose"),
    defaultValue: { purpose: "discussion" },
  });
  const chairs = page.can.editAgenda;
  return (
    <section className="card" aria-labelledby="propose-heading">
      <h2 id="propose-heading">{chairs ? "Add an agenda item" : "Propose an agenda item"}</h2>
      {chairs ? null : <p>The chair decides whether it joins the agenda.</p>}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField meta={fields.title} label="Title" />
        <SelectField meta={fields.purpose} label="Purpose" options={PURPOSES} placeholder="Choose a purpose" />
        <SelectField
          meta={fields.leadId}
          label="Lead (optional)"
          options={page.members.map((m) => ({ value: m.id, label: m.name }))}
          placeholder="No lead"
        />
        <NumberField meta={fields.minutes} label="Minutes allowed (optional)" />
        <RecordPicker key={fields.links.key} meta={fields.links} />
        <SubmitButton name="intent" value="propose" pendingLabel="Saving…">
          {chairs ? "Add the item" : "Propose the item"}
        </SubmitButton>
      </Form>
    </section>
  );
}
