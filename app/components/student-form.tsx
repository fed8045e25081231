// The fields of a student's record, shared by the add and edit pages.
import { CheckboxField } from "~/components/ui/checkbox-field";
import { ChoiceGroupField, TextAreaField } from "~/components/ui/choice-fields";
import { SelectField, TextField, type FieldOf } from "~/components/ui/field";
import { COMMUNICATION_MODES, NEED_AREAS, SEN_STATUSES, YEAR_GROUPS, yearGroupLabel } from "~/lib/co-planning";

type Text = FieldOf<string | undefined>;

/** The conform fields of studentSchema; numbers and booleans travel as text in the form. */
export interface StudentFieldset {
  firstName: Text;
  lastName: Text;
  homeInstitutionId: Text;
  yearGroup: FieldOf<number>;
  senStatus: Text;
  needAreas: FieldOf<string[] | undefined>;
  communicationMode: Text;
  atRisk: FieldOf<boolean | undefined>;
  notes: Text;
}

export function StudentFields({
  fields,
  institutions,
}: {
  fields: StudentFieldset;
  institutions: ReadonlyArray<{ value: string; label: string }>;
}) {
  return (
    <>
      <TextField meta={fields.firstName} label="First name" />
      <TextField meta={fields.lastName} label="Last name" />
      <SelectField
        meta={fields.homeInstitutionId}
        label="Home institution"
        options={institutions}
        placeholder="Choose an institution"
      />
      <SelectField
        meta={fields.yearGroup as unknown as Text}
        label="Year group"
        options={YEAR_GROUPS.map((y) => ({ value: String(y), label: yearGroupLabel(y) }))}
        placeholder="Choose a year group"
      />
      <SelectField meta={fields.senStatus} label="SEN" options={SEN_STATUSES.options} placeholder="Choose" />
      <ChoiceGroupField
        type="checkbox"
        meta={fields.needAreas}
        legend="Broad areas of need"
        hint="For a student on SEN support or with an EHC plan."
        options={NEED_AREAS.options}
      />
      <SelectField
        meta={fields.communicationMode}
        label="Communication mode"
        options={COMMUNICATION_MODES.options.filter((o) => o.value !== "")}
        placeholder="Not recorded"
      />
      <CheckboxField meta={fields.atRisk} label="Vulnerable or at risk of exclusion" />
      <TextAreaField
        meta={fields.notes}
        label="Notes (optional)"
        hint="Short, practical notes for the staff who teach them. At most 500 characters."
        rows={3}
      />
    </>
  );
}
