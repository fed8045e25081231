// One institution, as the coordinator edits or archives it.
import { parseWithZod } from "@conform-to/zod";
import {
  data,
  type ActionFunctionArgs,
  type AppLoadContext,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { Notice } from "~/components/ui/notice";
import { SubmitButton } from "~/components/ui/submit-button";
import { domainErrorResult } from "~/lib/forms/intents.server";
import { institutionSchema } from "~/lib/forms/membership";
import { getInstitution, setInstitutionArchived, updateInstitution } from "~/models/institutions.server";
import { canManageInstitution } from "~/policies/membership";
import { ensure, ensureFound, requireActionContext } from "~/policies/enforce.server";

const InstitutionForm = lazySection(() => import("~/components/institution-form").then((m) => m.InstitutionForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.institution.name ?? "Institution"} · Staffroom` },
];

/** The page's one policy question, for the loader and the action: may this member change the institution? */
async function requireManagedInstitution(context: AppLoadContext, request: Request, institutionId: string | undefined) {
  const ctx = requireActionContext(context, request);
  const institution = ensureFound(ctx.actor, await getInstitution(ctx.actor.partnershipId, institutionId ?? ""));
  ensure(canManageInstitution(ctx.actor, institution), "Only the partnership coordinator can change institutions.");
  return { ctx, actor: ctx.actor, institution };
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { institution } = await requireManagedInstitution(context, request, params.institutionId);
  return {
    institution: {
      id: institution.id,
      name: institution.name,
      kind: institution.kind,
      town: institution.town,
      archived: Boolean(institution.archivedAt),
    },
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { ctx, actor, institution } = await requireManagedInstitution(context, request, params.institutionId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "archive" || intent === "restore") {
    await setInstitutionArchived(ctx, institution.id, intent === "archive");
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "institution",
      id: institution.id,
      action: "updated",
      by: actor.id,
    });
    return {
      message: intent === "archive" ? "The institution has been archived." : "The institution is active again.",
    };
  }
  const submission = parseWithZod(formData, { schema: institutionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    await updateInstitution(ctx, institution.id, submission.value);
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "institution",
      id: institution.id,
      action: "updated",
      by: actor.id,
    });
    return { result: submission.reply(), message: "Changes saved." };
  } catch (error) {
    const { result, status } = domainErrorResult(submission, error);
    return data({ result }, { status });
  }
}

export default function InstitutionPage() {
  const { institution } = useLoaderData<typeof loader>();
  const actionData = useLastActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/institutions">Back to institutions</Link>
      </p>
      <h1>{institution.name}</h1>
      {actionData && "message" in actionData && actionData.message ? (
        <Notice tone="success">
          <p>{actionData.message}</p>
        </Notice>
      ) : null}
      <section className="card narrow" aria-labelledby="edit-heading">
        <h2 id="edit-heading">Details</h2>
        <InstitutionForm
          id="institution-edit"
          institution={institution}
          lastResult={actionData && "result" in actionData ? actionData.result : undefined}
          submit={
            <SubmitButton name="intent" value="update" pendingLabel="Saving…">
              Save changes
            </SubmitButton>
          }
        />
      </section>
      <section className="card narrow" aria-labelledby="archive-heading">
        <h2 id="archive-heading">{institution.archived ? "Archived" : "Archive"}</h2>
        <p>
          {institution.archived
            ? "This institution is archived: it is hidden from invitations and choices. Its members keep their accounts."
            : "Archive an institution that has left the partnership. Its members keep their accounts; deactivate them separately if they leave too."}
        </p>
        <Form method="post">
          <SubmitButton
            name="intent"
            value={institution.archived ? "restore" : "archive"}
            variant="secondary"
            pendingLabel="Saving…"
          >
            {institution.archived ? "Restore institution" : "Archive institution"}
          </SubmitButton>
        </Form>
      </section>
    </>
  );
}
