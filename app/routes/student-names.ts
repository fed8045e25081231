// What the writing warning asks as someone types a briefing, a note or a comment: the students named in the text
// whom the writer may see by name themselves (never anyone else's name), for the warning to list and put as
// initials. A post, so the text stays out of addresses and logs; nothing is stored. Asked too often by one member
// (a script, not a writer), it answers 429 with Retry-After.
import type { ActionFunctionArgs } from "@remix-run/node";
import { checkNamesAsTheyWrite } from "~/models/student-names.server";
import { requireActor } from "~/policies/enforce.server";

/** Longer than any free-text field Staffroom keeps: the rest of a pasted essay is not looked at. */
const MAX_TEXT = 10_000;

const TOO_OFTEN =
  "Too many checks for student names from your account in the last minute: wait a minute and try again.";

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const text = String((await request.formData()).get("text") ?? "").slice(0, MAX_TEXT);
  const check = await checkNamesAsTheyWrite(actor, text);
  if (!check.ok) {
    const seconds = Math.ceil(check.retryAfterMs / 1000);
    return Response.json(
      { error: TOO_OFTEN, students: [] },
      { status: 429, headers: { "Cache-Control": "no-store", "Retry-After": String(seconds) } },
    );
  }
  return Response.json({ students: check.students }, { headers: { "Cache-Control": "no-store" } });
}
