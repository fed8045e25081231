// The meeting page's data as its sections receive it (serialised by the loader).
import type { useLoaderData } from "@remix-run/react";
import type { IntentReply } from "~/lib/forms/intents.server";
import type { loader } from "./meeting.server";

export type MeetingPageData = ReturnType<typeof useLoaderData<typeof loader>>;
export type AgendaItemData = MeetingPageData["items"][number];

/** The last reply's form result, when the last post was the form with this intent (and this item's form). */
export function resultFor(reply: IntentReply | undefined, intent: string) {
  return reply?.intent === intent ? reply.result : undefined;
}
