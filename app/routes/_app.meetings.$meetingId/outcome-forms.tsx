// Inline forms under an agenda item: record an action (description, owner, due date) or a decision. Their
// errors come back beside the field of the item's own form, with what was typed kept.
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { RecordPicker } from "~/components/meetings/record-picker";
import { TextAreaField } from "~/components/ui/choice-fields";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import type { IntentReply } from "~/lib/forms/intents.server";

type Option = { value: string; label: string };

/** The reply's result if it answers this item's form of this intent. */
function resultForItem(reply: IntentReply | undefined, intent: string, itemId: string) {
  if (reply?.intent !== intent || !reply.result) return undefined;
  const sent = reply.result.initialValue as Record<string, unknown> | null | undefined;
  return (sent?.itemId ?? "") === itemId ? reply.result : undefined;
}

export function ActionForm({
  itemId,
  itemTitle,
  members,
  reply,
}: {
  itemId: string;
  itemTitle: string;
  members: Option[];
  reply?: IntentReply;
}) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/meetings").then((m) => m.actionSchema), {
    id: `action-${itemId}`,
    lastResult: resultForItem(reply, "action", itemId),
    defaultValue: { itemId },
  });
  return (
    <details open={Boolean(form.errors?.length || Object.values(fields).some((f) => f.errors?.length))}>
      <summary>
        Record an action<span className="visually-hidden"> for {itemTitle}</span>
      </summary>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name={fields.itemId.name} value={itemId} />
        <TextAreaField meta={fields.description} label="Action" rows={2} />
        <SelectField meta={fields.ownerId} label="Owner" options={members} placeholder="Choose a member" />
        <TextField meta={fields.dueDate} type="date" label="Due by" />
        <SubmitButton name="intent" value="action" pendingLabel="Recording…">
          Record the action
        </SubmitButton>
      </Form>
    </details>
  );
}

export function DecisionForm({ itemId, itemTitle, reply }: { itemId: string; itemTitle: string; reply?: IntentReply }) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/meetings").then((m) => m.decisionSchema), {
    id: `decision-${itemId}`,
    lastResult: resultForItem(reply, "decision", itemId),
    defaultValue: { itemId },
  });
  return (
    <details open={Boolean(fields.text.errors?.length || fields.links.errors?.length)}>
      <summary>
        Record a decision<span className="visually-hidden"> for {itemTitle}</span>
      </summary>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name={fields.itemId.name} value={itemId} />
        <TextAreaField meta={fields.text} label="Decision" rows={2} />
        <RecordPicker key={fields.links.key} meta={fields.links} legend="Records it changes (optional)" />
        <SubmitButton name="intent" value="decision" pendingLabel="Recording…">
          Record the decision
        </SubmitButton>
      </Form>
    </details>
  );
}
