// The partnership's schools and colleges; the coordinator adds new ones here.
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { Notice } from "~/components/ui/notice";
import { SubmitButton } from "~/components/ui/submit-button";
import { domainErrorResult } from "~/lib/forms/intents.server";
import { institutionSchema } from "~/lib/forms/membership";
import { institutionKindLabel } from "~/lib/institutions";
import { createInstitution, listInstitutions } from "~/models/institutions.server";
import { canManageInstitutions, canViewInstitutions } from "~/policies/membership";
import { ensure, requireActionContext, requireActor } from "~/policies/enforce.server";
import { TableWrap } from "~/components/ui/table-wrap";

const InstitutionForm = lazySection(() => import("~/components/institution-form").then((m) => m.InstitutionForm));

export const meta: MetaFunction = () => [{ title: "Institutions · Staffroom" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  ensure(canViewInstitutions(actor));
  const canManage = canManageInstitutions(actor);
  const institutions = await listInstitutions(actor.partnershipId, { includeArchived: canManage });
  return { institutions, canManage };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const { actor } = ctx;
  ensure(canManageInstitutions(actor), "Only the partnership coordinator can add institutions.");
  const submission = parseWithZod(await request.formData(), { schema: institutionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const institution = await createInstitution(ctx, submission.value);
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "institution",
      id: institution.id,
      action: "created",
      by: actor.id,
    });
    return { result: submission.reply({ resetForm: true }), created: institution.name };
  } catch (error) {
    const { result, status } = domainErrorResult(submission, error);
    return data({ result }, { status });
  }
}

export default function InstitutionsPage() {
  const { institutions, canManage } = useLoaderData<typeof loader>();
  const actionData = useLastActionData<typeof action>();
  return (
    <>
      <h1>Institutions</h1>
      <p className="page-intro">The schools and colleges that plan and teach together in the partnership.</p>
      {actionData && "created" in actionData ? (
        <Notice tone="success">
          <p>{actionData.created} has been added to the partnership.</p>
        </Notice>
      ) : null}
      <TableWrap label="Institutions in the partnership">
        <table>
          <caption className="visually-hidden">Institutions in the partnership</caption>
          <thead>
            <tr>
              <th scope="col">Institution</th>
              <th scope="col">Kind</th>
              <th scope="col">Town</th>
              <th scope="col">Members</th>
            </tr>
          </thead>
          <tbody>
            {institutions.map((i) => (
              <tr key={i.id}>
                <td>
                  {canManage ? (
                    <Link to={`/institutions/${i.id}`}>{i.name}</Link>
                  ) : (
                    <Link to={`/people?institution=${i.id}`}>{i.name}</Link>
                  )}
                  {i.archivedAt ? (
                    <>
                      {" "}
                      <span className="badge badge--muted">Archived</span>
                    </>
                  ) : null}
                </td>
                <td>{institutionKindLabel(i.kind)}</td>
                <td>{i.town}</td>
                <td>{i.memberCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {canManage ? (
        <section aria-labelledby="add-institution" className="card narrow">
          <h2 id="add-institution">Add an institution</h2>
          <InstitutionForm
            id="institution"
            lastResult={actionData?.result}
            submit={<SubmitButton pendingLabel="Adding…">Add institution</SubmitButton>}
          />
        </section>
      ) : null}
    </>
  );
}
