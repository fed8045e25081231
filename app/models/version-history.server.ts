// The loader data and the form intents of a co-edited document's version
// history, shared by every page that shows one (shared documents, a lesson
// plan's notes). Access is checked by the model functions (read to list and
// view, write to name and restore), from the document policy.
import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import { nameVersionSchema } from "~/lib/forms/documents";
import {
  DocumentError,
  createNamedVersion,
  getVersionContent,
  listVersions,
  restoreVersion,
  type NamedRoot,
} from "./collab-documents.server";
import type { Actor } from "~/policies/actor";
import { forbidden } from "~/policies/enforce.server";

/** `otherRoots`: the parts besides the main text a version view shows (a lesson plan's text parts). */
export async function loadVersionHistory(
  actor: Actor,
  documentId: string,
  request: Request,
  otherRoots: readonly NamedRoot[] = [],
) {
  const versionId = new URL(request.url).searchParams.get("version");
  const [versions, viewing] = await Promise.all([
    listVersions(actor, documentId),
    versionId ? getVersionContent(actor, documentId, versionId, otherRoots).catch(() => null) : Promise.resolve(null),
  ]);
  return {
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    viewing,
    versionNotFound: Boolean(versionId && !viewing),
  };
}

export const VERSION_INTENTS = ["name-version", "restore"] as const;

export function isVersionIntent(intent: unknown): intent is (typeof VERSION_INTENTS)[number] {
  return typeof intent === "string" && (VERSION_INTENTS as readonly string[]).includes(intent);
}

/** Names the current state or restores a version; a refusal for lack of rights is a 403, a missing version a 404. */
export async function runVersionIntent(
  actor: Actor,
  documentId: string,
  intent: (typeof VERSION_INTENTS)[number],
  formData: FormData,
) {
  try {
    if (intent === "name-version") {
      const submission = parseWithZod(formData, { schema: nameVersionSchema });
      if (submission.status !== "success")
        return data({ ok: false, message: "Give the version a name of up to 120 characters." }, { status: 400 });
      await createNamedVersion(actor, documentId, submission.value.name);
      return data({ ok: true, message: `Version “${submission.value.name}” saved.` });
    }
    await restoreVersion(actor, documentId, String(formData.get("versionId") ?? ""));
    return data({ ok: true, message: "The version has been restored. Everyone with the document open sees it now." });
  } catch (error) {
    if (error instanceof DocumentError) {
      if (error.code === "forbidden") forbidden(error.message);
      return data({ ok: false, message: error.message }, { status: 404 });
    }
    throw error;
  }
}
