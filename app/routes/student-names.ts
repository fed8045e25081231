// What the writing warning asks as someone types a briefing, a note or a comment: the students named in the text
// whom the writer may see by name themselves (never anyone else's name), for the warning to list and put as
// initials. A post, so the text stays out of addresses and logs; nothing is stored.
import type { ActionFunctionArgs } from "@remix-run/node";
import { namesTheWriterMaySee } from "~/models/student-names.server";
import { requireActor } from "~/policies/enforce.server";

/** Longer than any free-text field Staffroom keeps: the rest of a pasted essay is not looked at. */
const MAX_TEXT = 10_000;

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const text = String((await request.formData()).get("text") ?? "").slice(0, MAX_TEXT);
  const students = await namesTheWriterMaySee(actor, text);
  return Response.json({ students }, { headers: { "Cache-Control": "no-store" } });
}
