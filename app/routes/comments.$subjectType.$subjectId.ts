// The comments of one subject (a document, a deployment, a meeting action, a strategy rating), for the comment
// panel's fetcher: GET lists its threads and the people `@` may offer; POST starts, replies, edits, deletes, resolves
// and reopens. Whoever may not read the subject gets a 404 with a message (the panel shows it; nothing leaks), and
// every change tells open pages to reload their comments (partnership:changed, in every process). Refusals carry their
// real status (403, 404, 400, 410) for the panel's fetchers and for plain requests alike (resourceReply).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/lib/errors";
import {
  commentIdSchema,
  editCommentSchema,
  isCommentSubjectType,
  replySchema,
  startThreadSchema,
  threadIdSchema,
} from "~/lib/comments";
import { failedReply, intentOf, submitForm, type IntentHandler } from "~/lib/forms/intents.server";
import { resourceReply } from "~/lib/resource-replies.server";
import {
  deleteComment,
  editComment,
  listComments,
  replyToThread,
  requireCommentSubject,
  setThreadResolved,
  startThread,
} from "~/models/comments.server";
import { requireActionContext, requireActor } from "~/policies/enforce.server";

const NO_STORE = { "Cache-Control": "no-store" };

function subjectOf(params: LoaderFunctionArgs["params"]) {
  const type = params.subjectType ?? "";
  const id = params.subjectId ?? "";
  if (!isCommentSubjectType(type) || id.length === 0 || id.length > 64) {
    throw new DomainError("not-found", "We could not find that.");
  }
  return { type, id };
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  try {
    const { type, id } = subjectOf(params);
    const access = await requireCommentSubject(actor, type, id);
    return resourceReply(context, data(await listComments(actor, access), { headers: NO_STORE }));
  } catch (error) {
    if (error instanceof DomainError)
      return resourceReply(context, data({ unavailable: error.message }, { status: error.status, headers: NO_STORE }));
    throw error;
  }
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const form = await request.formData();
  const intent = intentOf(form);
  try {
    const { type, id } = subjectOf(params);
    const access = await requireCommentSubject(ctx.actor, type, id);
    const changed = () =>
      context.realtime.emitToPartnership(ctx.actor.partnershipId, "partnership:changed", {
        entity: "comments",
        id,
        action: "updated",
        by: ctx.actor.id,
      });
    const saved = async (save: () => Promise<unknown>, message: string) => {
      await save();
      changed();
      return { message, resetForm: true };
    };
    const handlers: Record<string, IntentHandler> = {
      start: (f, i) =>
        submitForm(f, i, startThreadSchema, (input) => saved(() => startThread(ctx, access, input), "Comment added.")),
      reply: (f, i) =>
        submitForm(f, i, replySchema, (input) => saved(() => replyToThread(ctx, access, input), "Reply added.")),
      edit: (f, i) =>
        submitForm(f, i, editCommentSchema, (input) => saved(() => editComment(ctx, access, input), "Comment saved.")),
      delete: (f, i) =>
        submitForm(f, i, commentIdSchema, ({ commentId }) =>
          saved(() => deleteComment(ctx, access, commentId), "Comment deleted."),
        ),
      resolve: (f, i) =>
        submitForm(f, i, threadIdSchema, ({ threadId }) =>
          saved(() => setThreadResolved(ctx, access, threadId, true), "Conversation resolved."),
        ),
      reopen: (f, i) =>
        submitForm(f, i, threadIdSchema, ({ threadId }) =>
          saved(() => setThreadResolved(ctx, access, threadId, false), "Conversation reopened."),
        ),
    };
    // Not runIntent: it throws refusals as responses, and the panel needs them as messages (a deleted thread, say).
    const handler = Object.hasOwn(handlers, intent) ? handlers[intent] : undefined;
    if (!handler)
      return resourceReply(context, failedReply({ intent, message: "Choose what to do with the comment." }));
    return resourceReply(context, await handler(form, intent));
  } catch (error) {
    // A refusal comes back to the panel as a message (a thrown response would replace the page).
    if (error instanceof DomainError)
      return resourceReply(context, failedReply({ intent, message: error.message }, error.status));
    throw error;
  }
}
