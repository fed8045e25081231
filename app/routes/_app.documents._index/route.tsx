// Shared documents of the partnership: browse, search by title, start a new one.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { Pagination } from "~/components/ui/pagination";
import { formatDateTime } from "~/lib/format";
import { newDocumentSchema } from "~/lib/forms/documents";
import { createPartnershipDocument, listPartnershipDocuments } from "~/models/partnership-documents.server";
import { canCreatePartnershipDocument } from "~/policies/partnership-documents";
import { ensure, requireActor } from "~/policies/enforce.server";
import { TableWrap } from "~/components/ui/table-wrap";
import { pageFromQuery } from "~/lib/pagination";

const NewDocumentForm = lazySection(() => import("./new-document-form").then((m) => m.NewDocumentForm));

export const meta: MetaFunction = () => [{ title: "Documents · Staffroom" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const url = new URL(request.url);
  const q = url.searchParams.get("q") ?? "";
  const result = await listPartnershipDocuments(actor, { q, page: pageFromQuery(url.searchParams) });
  return { ...result, q, canCreate: canCreatePartnershipDocument(actor) };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  ensure(canCreatePartnershipDocument(actor), "Leaders and LSAs can read shared documents but not start them.");
  const submission = parseWithZod(await request.formData(), { schema: newDocumentSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const document = await createPartnershipDocument({ actor, ipAddress: context.clientIp }, submission.value.title);
  context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
    entity: "document",
    id: document.id,
    action: "created",
    by: actor.id,
  });
  throw redirect(`/documents/${document.id}`);
}

export default function DocumentsPage() {
  const { documents, total, page, pageCount, q, canCreate } = useLoaderData<typeof loader>();
  const lastResult = useLastActionData<typeof action>();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/documents";
  return (
    <>
      <h1>Documents</h1>
      <p className="page-intro">
        Shared documents of the partnership, written together in real time: steering-group agendas, handbooks, transport
        arrangements.
      </p>
      {canCreate ? (
        <section aria-labelledby="new-document-heading" className="card narrow">
          <h2 id="new-document-heading">Start a document</h2>
          <NewDocumentForm lastResult={lastResult} />
        </section>
      ) : null}
      <Form method="get" className="filters" role="search" aria-label="Search documents">
        <div className="field">
          <label htmlFor="document-search">Search by title</label>
          <input id="document-search" type="search" name="q" defaultValue={q} />
        </div>
        <button type="submit" className="button button--secondary">
          {searching ? "Searching…" : "Search"}
        </button>
      </Form>
      <p role="status" aria-live="polite">
        {searching ? "Loading…" : `${total} ${total === 1 ? "document" : "documents"}${q ? ` matching “${q}”` : ""}`}
      </p>
      {documents.length === 0 ? (
        <div className="card">
          <p>
            {q
              ? "No document has that in its title. Try a shorter search."
              : canCreate
                ? "No shared documents yet. Start one above: an agenda for the next steering group is a good first."
                : "No shared documents yet. Teachers and the coordinator can start one."}
          </p>
        </div>
      ) : (
        <TableWrap label="Shared documents">
          <table>
            <caption className="visually-hidden">Shared documents, most recently changed first</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Last changed</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={`/documents/${d.id}`}>{d.title || "Untitled document"}</Link>
                  </td>
                  <td>{formatDateTime(d.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pagination page={page} pageCount={pageCount} label="Document pages" />
    </>
  );
}
