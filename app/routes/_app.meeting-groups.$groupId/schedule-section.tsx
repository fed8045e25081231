// The chair's forms on the group page: schedule a meeting (date, London times, a site or an online link) and
// change the group's members, chair, minute-taker and openness.
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { MeetingGroupForm } from "~/components/meetings/group-form";
import { MeetingTimeFields } from "~/components/meetings/meeting-time-fields";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import type { IntentReply } from "~/lib/forms/intents.server";
import { resultFor, type MeetingGroupPageData } from "./page-data";

type Props = { page: MeetingGroupPageData; reply?: IntentReply };

export function ScheduleSection({ page, reply }: Props) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/meetings").then((m) => m.meetingSchema), {
    id: "schedule",
    lastResult: resultFor(reply, "schedule"),
    defaultValue: { startTime: "16:00", endTime: "17:30" },
  });
  return (
    <section className="card" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Schedule a meeting</h2>
      <Form method="post" {...getFormProps(form)}>
        <MeetingTimeFields fields={fields} form={form} sites={page.sites} />
        <SubmitButton name="intent" value="schedule" pendingLabel="Scheduling…">
          Schedule the meeting
        </SubmitButton>
      </Form>
    </section>
  );
}

export function SettingsSection({ page, reply }: Props) {
  const { group } = page;
  return (
    <section className="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Change the group</h2>
      <MeetingGroupForm
        id="settings"
        intent="settings"
        colleagues={page.colleagues}
        lastResult={resultFor(reply, "settings")}
        defaultValue={{
          name: group.name,
          purpose: group.purpose,
          chairId: group.chairId ?? "",
          minuteTakerId: group.minuteTakerId ?? "",
          memberIds: group.members.map((m) => m.id),
          openToPartnership: group.openToPartnership,
        }}
        submitLabel="Save the group"
      />
    </section>
  );
}
