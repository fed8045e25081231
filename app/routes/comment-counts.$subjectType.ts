// The comment counts of a list of records (a meeting's actions, a strategy's ratings) in one request: GET with
// `ids=a,b,c` answers how many comments each has that the reader may read, leaving out any they may not (their
// disclosure is not shown). One request per list instead of one per row.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { isCommentSubjectType } from "~/lib/comments";
import { resourceReply } from "~/lib/resource-replies.server";
import { countComments } from "~/models/comments.server";
import { requireActor } from "~/policies/enforce.server";

const NO_STORE = { "Cache-Control": "no-store" };

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const type = params.subjectType ?? "";
  if (!isCommentSubjectType(type)) {
    return resourceReply(context, data({ unavailable: "We could not find that." }, { status: 404, headers: NO_STORE }));
  }
  const ids = (new URL(request.url).searchParams.get("ids") ?? "")
    .split(",")
    .filter((id) => id.length > 0 && id.length <= 64);
  const counts = await countComments(actor, type, ids);
  return resourceReply(context, data({ counts }, { headers: NO_STORE }));
}
