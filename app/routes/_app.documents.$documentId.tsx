// One shared document: the live editor (read-only for those who may only read),
// its version history (view any version beside the current one, name the
// current state, restore), and deletion for the coordinator.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { CommentPanel } from "~/components/comments/comment-panel";
import { LiveEditor } from "~/components/live-editor";
import { useShellUser } from "~/components/use-shell-user";
import { DangerZone } from "~/components/ui/danger-zone";
import { VersionHistorySection } from "~/components/version-history-section";
import { isVersionIntent, loadVersionHistory, runVersionIntent } from "~/models/version-history.server";
import { DocumentError, deleteDocument, getDocumentForActor } from "~/models/collab-documents.server";
import { auditAction } from "~/models/audit.server";
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import { forbidden, notFound, requireActionContext, requireActor } from "~/policies/enforce.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.document.title || "Document"} · Staffroom` },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const found = await getDocumentForActor(actor, params.documentId ?? "");
  if (!found || found.document.ownerType !== PARTNERSHIP_DOCUMENT) notFound("We could not find that document.");
  return {
    document: { id: found.document.id, title: found.document.title, updatedAt: found.document.updatedAt },
    canWrite: found.canWrite,
    canDelete: found.canDelete,
    user: { id: actor.id, name: context.user!.name },
    ...(await loadVersionHistory(actor, found.document.id, request)),
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const { actor } = ctx;
  const documentId = params.documentId ?? "";
  const found = await getDocumentForActor(actor, documentId);
  if (!found || found.document.ownerType !== PARTNERSHIP_DOCUMENT) notFound("We could not find that document.");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (isVersionIntent(intent)) return runVersionIntent(actor, documentId, intent, formData);
  try {
    if (intent === "delete") {
      await deleteDocument(actor, documentId);
      await auditAction(ctx, {
        action: "document.deleted",
        subjectType: "document",
        subjectId: documentId,
        detail: { title: found.document.title },
      });
      context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
        entity: "document",
        id: documentId,
        action: "deleted",
        by: actor.id,
      });
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
  const shellUser = useShellUser();
  const [searchParams] = useSearchParams();
  const confirmingDelete = searchParams.get("confirm") === "delete";
  const title = document.title || "Untitled document";
  return (
    <>
      <p>
        <Link to="/documents">Back to documents</Link>
      </p>
      <h1>{title}</h1>
      <p className="page-intro">
        {canWrite
          ? "Everyone with the document open sees your changes as you type."
          : "You can read this document; it updates live as colleagues edit."}
      </p>
      <VersionHistorySection
        versions={versions}
        viewing={viewing}
        versionNotFound={versionNotFound}
        canManage={canWrite}
      >
        <LiveEditor
          loading="Opening the editor…"
          documentId={document.id}
          user={{ id: user.id, name: shellUser?.name ?? user.name }}
          readOnly={!canWrite}
          label={title}
        />
      </VersionHistorySection>
      <CommentPanel subjectType="document" subjectId={document.id} subjectTitle="this document" />
      {canDelete ? (
        <DangerZone
          heading="Delete this document"
          headingId="delete-heading"
          intent="delete"
          confirming={confirmingDelete}
          startLabel="Delete document"
          explanation={null}
          confirmLabel="Yes, delete document"
          warning={
            <p>
              <strong>Delete “{title}” for everyone?</strong> Its text and its whole version history are removed and
              cannot be recovered. Anyone editing it now is told it has gone.
            </p>
          }
        />
      ) : null}
    </>
  );
}
