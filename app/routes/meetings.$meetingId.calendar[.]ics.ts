// One meeting as an iCalendar file (RFC 5545) to add to a calendar app: whoever may see the meeting.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { refusal } from "~/lib/errors";
import { getMeetingCalendar } from "~/models/calendar-events.server";
import { requireActor } from "~/policies/enforce.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const origin = new URL(request.url).origin;
  const { id, ics } = await getMeetingCalendar(actor, params.meetingId ?? "", origin).catch(refusal);
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="meeting-${id}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
