// One shared document: the live editor (read-only for those who may only read),
// its version history (view any version beside the current one, name the
// current state, restore), and deletion for the coordinator.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useFetcher, useLoaderData, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { ClientOnly } from "~/components/client-only";
import { Notice } from "~/components/ui/notice";
import { SubmitButton } from "~/components/ui/submit-button";
import { formatDateTime } from "~/lib/format";
import { nameVersionSchema } from "~/lib/forms/documents";
import { parseWithZod } from "@conform-to/zod";
import {
  DocumentError,
  createNamedVersion,
  deleteDocument,
  getDocumentForActor,
  getVersionContent,
  listVersions,
  restoreVersion,
} from "~/models/collab-documents.server";
import { recordAudit } from "~/models/audit.server";
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import { forbidden, notFound, requireActor } from "~/policies/enforce.server";
import { VersionHistoryPanel, VersionViewer } from "~/editor/version-history";
import type { loader as appLoader } from "./_app";

// The editor only runs in the browser (Lexical and the socket need a DOM).
const CollaborativeEditor = lazy(() => import("~/editor/collaborative-editor").then((m) => ({ default: m.CollaborativeEditor })));

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.document.title || "Document"} · Staffroom` }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const found = await getDocumentForActor(actor, params.documentId ?? "");
  if (!found || found.document.ownerType !== PARTNERSHIP_DOCUMENT) notFound("We could not find that document.");
  const versionId = new URL(request.url).searchParams.get("version");
  const [versions, viewing] = await Promise.all([
    listVersions(actor, found.document.id),
    versionId ? getVersionContent(actor, found.document.id, versionId).catch(() => null) : Promise.resolve(null),
  ]);
  return {
    document: { id: found.document.id, title: found.document.title, updatedAt: found.document.updatedAt },
    canWrite: found.canWrite,
    canDelete: found.canDelete,
    user: { id: actor.id, name: context.user!.name },
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    viewing,
    versionNotFound: Boolean(versionId && !viewing),
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const documentId = params.documentId ?? "";
  const found = await getDocumentForActor(actor, documentId);
  if (!found || found.document.ownerType !== PARTNERSHIP_DOCUMENT) notFound("We could not find that document.");
  const formData = await request.formData();
  const intent = formData.get("intent");
  try {
    if (intent === "name-version") {
      const submission = parseWithZod(formData, { schema: nameVersionSchema });
      if (submission.status !== "success") return data({ ok: false, message: "Give the version a name of up to 120 characters." }, { status: 400 });
      await createNamedVersion(actor, documentId, submission.value.name);
      return { ok: true, message: `Version “${submission.value.name}” saved.` };
    }
    if (intent === "restore") {
      await restoreVersion(actor, documentId, String(formData.get("versionId") ?? ""));
      return { ok: true, message: "The version has been restored. Everyone with the document open sees it now." };
    }
    if (intent === "delete") {
      await deleteDocument(actor, documentId);
      await recordAudit({ partnershipId: actor.partnershipId, actorId: actor.id, action: "document.deleted", subjectType: "document", subjectId: documentId, detail: { title: found.document.title }, ipAddress: context.clientIp });
      context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", { entity: "document", id: documentId, action: "deleted", by: actor.id });
      throw redirect("/documents");
    }
  } catch (error) {
    if (error instanceof DocumentError) {
      if (error.code === "forbidden") forbidden(error.message);
      return data({ ok: false, message: error.message }, { status: 404 });
    }
    throw error;
  }
  return data({ ok: false, message: "That action is not available here." }, { status: 400 });
}

export default function DocumentPage() {
  const { document, canWrite, canDelete, user, versions, viewing, versionNotFound } = useLoaderData<typeof loader>();
  const shell = useRouteLoaderData<typeof appLoader>("routes/_app");
  const fetcher = useFetcher<typeof action>();
  const [searchParams, setSearchParams] = useSearchParams();
  const confirmingDelete = searchParams.get("confirm") === "delete";
  const title = document.title || "Untitled document";
  return (
    <>
      <p>
        <Link to="/documents">Back to documents</Link>
      </p>
      <h1>{title}</h1>
      <p className="page-intro">
        {canWrite ? "Everyone with the document open sees your changes as you type." : "You can read this document; it updates live as colleagues edit."}
      </p>
      {fetcher.data?.message ? (
        <Notice tone={fetcher.data.ok ? "success" : "error"}>
          <p>{fetcher.data.message}</p>
        </Notice>
      ) : null}
      {versionNotFound ? (
        <Notice tone="warning">
          <p>That version no longer exists.</p>
        </Notice>
      ) : null}
      <div className="document-layout">
        <div>
          <ClientOnly fallback={<p role="status">Opening the editor…</p>}>
            {() => (
              <Suspense fallback={<p role="status">Opening the editor…</p>}>
                <CollaborativeEditor documentId={document.id} user={{ id: user.id, name: shell?.user.name ?? user.name }} readOnly={!canWrite} label={title} />
              </Suspense>
            )}
          </ClientOnly>
          {viewing ? (
            <section className="version-view" aria-labelledby="viewing-heading">
              <h2 id="viewing-heading">
                Viewing {viewing.name || "an automatic version"} ({formatDateTime(viewing.createdAt)})
              </h2>
              <VersionViewer editorState={viewing.editorState} label={`Version: ${viewing.name || formatDateTime(viewing.createdAt)}`} />
              <p>
                <Link to="." replace preventScrollReset>
                  Close this version
                </Link>
              </p>
            </section>
          ) : null}
        </div>
        <VersionHistoryPanel
          versions={versions}
          canManage={canWrite}
          selectedId={viewing?.id ?? null}
          busy={fetcher.state !== "idle"}
          onView={(versionId) => setSearchParams({ version: versionId }, { preventScrollReset: true })}
          onRestore={(versionId) => fetcher.submit({ intent: "restore", versionId }, { method: "post" })}
          onCreateNamed={(name) => fetcher.submit({ intent: "name-version", name }, { method: "post" })}
        />
      </div>
      {canDelete ? (
        <section aria-labelledby="delete-heading" className="card narrow">
          <h2 id="delete-heading">Delete this document</h2>
          {confirmingDelete ? (
            <Form method="post">
              <div className="alert alert--warning" role="alert">
                <p>
                  <strong>Delete “{title}” for everyone?</strong> Its text and its whole version history are removed and
                  cannot be recovered. Anyone editing it now is told it has gone.
                </p>
              </div>
              <div className="actions">
                <SubmitButton name="intent" value="delete" variant="danger" pendingLabel="Deleting…">
                  Yes, delete document
                </SubmitButton>
                <Link to="." replace>
                  Cancel
                </Link>
              </div>
            </Form>
          ) : (
            <Link className="button button--danger" to="?confirm=delete">
              Delete document
            </Link>
          )}
        </section>
      ) : null}
    </>
  );
}
