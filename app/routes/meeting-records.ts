// What the linked-records picker of agenda items and decisions offers for a search: courses, units, lesson plans,
// strategies and teaching groups whose titles match, only those the signed-in member may open.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { searchLinkableRecords } from "~/models/meeting-links.server";
import { requireActor } from "~/policies/enforce.server";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 120);
  const records = await searchLinkableRecords(actor, query);
  return Response.json(
    { records: records.map(({ kind, id, title }) => ({ kind, id, title })) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
