// When and where a meeting is held, the same fields whether it is being scheduled or moved: a UK date, London start
// and end times, a site of the partnership or none, and an optional online link.
import { FormErrors, SelectField, TextField, type FieldOf } from "~/components/ui/field";

interface MeetingTimeFieldsProps {
  fields: {
    date: FieldOf<string | undefined>;
    startTime: FieldOf<string | undefined>;
    endTime: FieldOf<string | undefined>;
    siteId: FieldOf<string | undefined>;
    onlineLink: FieldOf<string | undefined>;
  };
  form: { errors?: string[]; errorId: string };
  sites: ReadonlyArray<{ value: string; label: string }>;
}

export function MeetingTimeFields({ fields, form, sites }: MeetingTimeFieldsProps) {
  return (
    <>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField meta={fields.date} type="date" label="Date" />
      <TextField meta={fields.startTime} type="time" label="Starts at" hint="UK time." />
      <TextField meta={fields.endTime} type="time" label="Ends at" />
      <SelectField meta={fields.siteId} label="Site" options={sites} placeholder="Online only" />
      <TextField
        meta={fields.onlineLink}
        type="url"
        label="Online link (optional)"
        hint="For members joining online, starting https://"
      />
    </>
  );
}
