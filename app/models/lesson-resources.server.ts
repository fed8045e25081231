// A lesson plan's resources: web links, and small files (PDF, Office and
// OpenDocument files, images, plain text) stored in the database. The type is
// decided here from the file name and checked against the file's first bytes,
// never taken from the browser; files are served only as downloads.
import { DomainError, invalidField } from "~/lib/errors";
import type { ActionContext, Actor } from "~/policies/actor";
import { canDownloadLessonResource } from "~/policies/lesson-plan";
import { auditAction } from "./audit.server";
import { db } from "./db.server";
import { loadLessonPlanFacts, type LessonPlanAccess } from "./lesson-plan-facts.server";

export const MAX_RESOURCE_BYTES = 5 * 1024 * 1024;

type Signature = "pdf" | "zip" | "ole" | "png" | "jpeg" | "gif" | "webp" | "text";

/** Accepted extensions, the type they are stored and served as, and the bytes they must start with. */
const RESOURCE_TYPES: Record<string, { mimeType: string; signature: Signature; label: string }> = {
  pdf: { mimeType: "application/pdf", signature: "pdf", label: "PDF" },
  doc: { mimeType: "application/msword", signature: "ole", label: "Word" },
  docx: {
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    signature: "zip",
    label: "Word",
  },
  xls: { mimeType: "application/vnd.ms-excel", signature: "ole", label: "Excel" },
  xlsx: {
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    signature: "zip",
    label: "Excel",
  },
  ppt: { mimeType: "application/vnd.ms-powerpoint", signature: "ole", label: "PowerPoint" },
  pptx: {
    mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    signature: "zip",
    label: "PowerPoint",
  },
  odt: { mimeType: "application/vnd.oasis.opendocument.text", signature: "zip", label: "OpenDocument text" },
  ods: {
    mimeType: "application/vnd.oasis.opendocument.spreadsheet",
    signature: "zip",
    label: "OpenDocument spreadsheet",
  },
  odp: {
    mimeType: "application/vnd.oasis.opendocument.presentation",
    signature: "zip",
    label: "OpenDocument presentation",
  },
  png: { mimeType: "image/png", signature: "png", label: "PNG image" },
  jpg: { mimeType: "image/jpeg", signature: "jpeg", label: "JPEG image" },
  jpeg: { mimeType: "image/jpeg", signature: "jpeg", label: "JPEG image" },
  gif: { mimeType: "image/gif", signature: "gif", label: "GIF image" },
  webp: { mimeType: "image/webp", signature: "webp", label: "WebP image" },
  txt: { mimeType: "text/plain; charset=utf-8", signature: "text", label: "Text" },
  csv: { mimeType: "text/csv; charset=utf-8", signature: "text", label: "CSV" },
};

const ACCEPTED_TYPES_TEXT = "PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, GIF, WebP, plain text or CSV";

const startsWith = (bytes: Uint8Array, prefix: readonly number[], offset = 0) =>
  prefix.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** True when the ASCII text appears anywhere in the bytes (ZIP entry names are stored uncompressed). */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, "latin1"));
}

/** Markup a browser would run if it ever opened the file as a page; looked for in the whole file, not its start. */
const ACTIVE_MARKUP = /<\s*(script|html|svg|iframe|object|embed|!doctype)\b/i;

function looksLikeText(bytes: Uint8Array): boolean {
  // A NUL anywhere means binary; latin1 decodes any bytes, so markup is found whatever the text's encoding.
  return !bytes.includes(0) && !ACTIVE_MARKUP.test(Buffer.from(bytes).toString("latin1"));
}

/**
 * An Office or OpenDocument file is a ZIP with a known first entry: OpenDocument's "mimetype" entry, stored first
 * and uncompressed, names the type; Office Open XML carries "[Content_Types].xml" and a folder per application.
 */
function looksLikeOfficeZip(bytes: Uint8Array, mimeType: string): boolean {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return false;
  if (mimeType.startsWith("application/vnd.oasis.opendocument.")) {
    return startsWith(bytes, ascii("mimetype"), 30) && startsWith(bytes, ascii(mimeType), 38);
  }
  const folder = OOXML_FOLDERS[mimeType];
  return folder !== undefined && containsAscii(bytes, "[Content_Types].xml") && containsAscii(bytes, folder);
}

const OOXML_FOLDERS: Record<string, string> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "word/",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xl/",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "ppt/",
};

function matchesSignature(bytes: Uint8Array, type: { signature: Signature; mimeType: string }): boolean {
  switch (type.signature) {
    case "pdf":
      return startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
    case "zip":
      return looksLikeOfficeZip(bytes, type.mimeType);
    case "ole":
      return startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    case "png":
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "jpeg":
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case "gif":
      return startsWith(bytes, [0x47, 0x49, 0x46, 0x38]);
    case "webp":
      return startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8);
    case "text":
      return looksLikeText(bytes);
  }
}

// Control characters, and the bidirectional controls that make "report\u202Efdp.exe" read as "reportexe.pdf".
// eslint-disable-next-line no-control-regex
const INVISIBLE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A file name safe to store and to send back: no path, no control or direction characters, at most 120 characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(INVISIBLE_CHARACTERS, "").replace(/"/g, "").trim();
  return cleaned.slice(-120) || "file";
}

/** Checks an upload; returns its stored type, or the message to show beside the file field. */
export function checkUpload(
  fileName: string,
  bytes: Uint8Array,
): { ok: true; mimeType: string; fileName: string } | { ok: false; message: string } {
  if (bytes.byteLength === 0) return { ok: false, message: "That file is empty. Choose the file again." };
  if (bytes.byteLength > MAX_RESOURCE_BYTES)
    return {
      ok: false,
      message:
        "That file is larger than 5 MB. Make it smaller (for example, save a PDF at a lower quality) or share a link instead.",
    };
  const clean = cleanFileName(fileName);
  const extension = clean.includes(".") ? clean.split(".").pop()!.toLowerCase() : "";
  const type = RESOURCE_TYPES[extension];
  if (!type)
    return { ok: false, message: `Files of that type cannot be uploaded. Upload a ${ACCEPTED_TYPES_TEXT} file.` };
  if (!matchesSignature(bytes, type))
    return {
      ok: false,
      message: `That file does not look like a ${type.label} file. Check it opens on your computer, then upload it again.`,
    };
  return { ok: true, mimeType: type.mimeType, fileName: clean };
}

export async function addLinkResource(
  ctx: ActionContext,
  plan: LessonPlanAccess,
  input: { title: string; url: string },
) {
  const planId = plan.id;
  if (!/^https?:\/\//i.test(input.url))
    throw invalidField("url", "Only web addresses starting http:// or https:// can be linked.");
  const resource = await db().lessonResource.create({
    data: { lessonPlanId: planId, kind: "link", title: input.title, url: input.url, uploadedById: ctx.actor.id },
  });
  await auditAction(ctx, {
    action: "lesson_plan.resource_added",
    subjectType: "lesson_plan",
    subjectId: planId,
    detail: { resourceId: resource.id, kind: "link" },
  });
  return resource;
}

export async function addFileResource(
  ctx: ActionContext,
  plan: LessonPlanAccess,
  input: { title: string; fileName: string; bytes: Uint8Array },
) {
  const planId = plan.id;
  const checked = checkUpload(input.fileName, input.bytes);
  if (!checked.ok) throw invalidField("file", checked.message);
  const resource = await db().lessonResource.create({
    data: {
      lessonPlanId: planId,
      kind: "file",
      title: input.title.replace(INVISIBLE_CHARACTERS, "").trim().slice(0, 120) || checked.fileName,
      fileName: checked.fileName,
      mimeType: checked.mimeType,
      sizeBytes: input.bytes.byteLength,
      data: new Uint8Array(input.bytes),
      uploadedById: ctx.actor.id,
    },
    select: { id: true, title: true, fileName: true, mimeType: true, sizeBytes: true },
  });
  await auditAction(ctx, {
    action: "lesson_plan.resource_added",
    subjectType: "lesson_plan",
    subjectId: planId,
    detail: { resourceId: resource.id, kind: "file", sizeBytes: resource.sizeBytes },
  });
  return resource;
}

export async function removeResource(ctx: ActionContext, plan: LessonPlanAccess, resourceId: string) {
  const planId = plan.id;
  const { count } = await db().lessonResource.deleteMany({ where: { id: resourceId, lessonPlanId: planId } });
  if (count === 0) throw new DomainError("not-found", "That resource has already been removed.", "resourceId");
  await auditAction(ctx, {
    action: "lesson_plan.resource_removed",
    subjectType: "lesson_plan",
    subjectId: planId,
    detail: { resourceId },
  });
}

/** A stored file for download, or null when missing, a link, or out of the actor's reach. */
export async function getResourceFile(actor: Actor, planId: string, resourceId: string) {
  const facts = await loadLessonPlanFacts(actor.partnershipId, planId);
  if (!facts || !canDownloadLessonResource(actor, facts)) return null;
  const resource = await db().lessonResource.findFirst({
    where: { id: resourceId, lessonPlanId: planId, kind: "file", lessonPlan: { partnershipId: actor.partnershipId } },
    select: { fileName: true, mimeType: true, sizeBytes: true, data: true },
  });
  if (!resource?.data) return null;
  return { fileName: resource.fileName, mimeType: resource.mimeType, data: new Uint8Array(resource.data) };
}
