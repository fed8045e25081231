// The group page's data as its sections receive it (serialised by the loader).
import type { useLoaderData } from "@remix-run/react";
import type { IntentReply } from "~/lib/forms/intents.server";
import type { loader } from "./group.server";

export type MeetingGroupPageData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The last reply's form result, when the last post was the form with this intent. */
export function resultFor(reply: IntentReply | undefined, intent: string) {
  return reply?.intent === intent ? reply.result : undefined;
}
