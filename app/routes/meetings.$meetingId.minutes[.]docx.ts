// The minutes of a meeting as a Word file, for whoever may see the meeting's page (its members and the coordinator;
// others of an open group once the minutes are approved); labelled draft until approved.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { refusal } from "~/lib/errors";
import { meetingMinutesDocx } from "~/models/meeting-minutes-docx.server";
import { wordResponse } from "~/models/word-document.server";
import { requireActor } from "~/policies/enforce.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const { file, fileName } = await meetingMinutesDocx(actor, params.meetingId ?? "").catch(refusal);
  return wordResponse(file, fileName);
}
