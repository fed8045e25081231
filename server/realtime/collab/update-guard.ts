// Checks a Yjs update or state vector from a client before it touches a live
// document. Choice: decode it completely first (Y.decodeUpdate reads every
// struct and the delete set). Decoding is linear in the input, and the input is
// capped at maxBytes, so the work is bounded; truncated or garbage frames throw
// here, outside any document. The decoded structs are then checked against the
// document schema (content-guard.ts) and the document's size cap. The apply that
// follows still runs in a try/catch (see document-changes.ts) for the rare
// update that passes but cannot integrate.
import * as Y from "yjs";
import type { CollabErrorCode } from "~/lib/collab-events";
import { checkContent, type DecodedUpdate } from "./content-guard";
import { allowedRoots } from "./document-roots";
import type { OpenDocument } from "./open-document";

/** A refusal's reason goes to the log; its message, if any, to the person (else the reason). */
export type GuardResult = { ok: true } | { ok: false; code: CollabErrorCode; reason: string; message?: string };

export interface ChangeLimits {
  maxUpdateBytes: number;
  /** A change that adds content is refused once the document would grow past this (deletions still pass). */
  maxDocumentBytes: number;
}

// What the sender is told, in plain words: the editor shows them.
const REFUSED_CONTENT = "Your latest change could not be saved: it held something this editor does not allow.";
const DOCUMENT_FULL = "This document has reached its size limit, so your latest change could not be saved.";
export const CHANGE_TOO_LARGE = "Your latest change was too large to save in one go; add it in smaller parts.";

/** Whether a client's update may be applied to the live document: size, encoding, schema, the document's size. */
export function checkClientUpdate(entry: OpenDocument, update: Uint8Array, limits: ChangeLimits): GuardResult {
  if (update.byteLength > limits.maxUpdateBytes) {
    return {
      ok: false,
      code: "too-large",
      reason: `update of ${update.byteLength} bytes exceeds ${limits.maxUpdateBytes}`,
      message: CHANGE_TOO_LARGE,
    };
  }
  let decoded: DecodedUpdate;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return { ok: false, code: "invalid-message", reason: `undecodable update: ${String(error)}` };
  }
  const content = checkContent(entry.doc, decoded, allowedRoots(entry.record.ownerType));
  if (!content.ok) return content.code === "invalid-content" ? { ...content, message: REFUSED_CONTENT } : content;
  const adds = decoded.structs.some((s) => s instanceof Y.Item && !(s.content instanceof Y.ContentDeleted));
  if (adds && documentSize(entry, update.byteLength, limits.maxDocumentBytes) > limits.maxDocumentBytes) {
    const reason = `document would pass ${limits.maxDocumentBytes} bytes`;
    return { ok: false, code: "too-large", reason, message: DOCUMENT_FULL };
  }
  return { ok: true };
}

/**
 * The document's size with the update: counted cheaply (its size as loaded plus every change since, an upper bound),
 * and measured exactly (and the count reset) only when the count says it would pass the cap.
 */
function documentSize(entry: OpenDocument, updateBytes: number, maxBytes: number): number {
  if (entry.sizeBytes + updateBytes > maxBytes) entry.sizeBytes = Y.encodeStateAsUpdate(entry.doc).byteLength;
  return entry.sizeBytes + updateBytes;
}

export function checkStateVector(stateVector: Uint8Array, maxBytes: number): GuardResult {
  if (stateVector.byteLength > maxBytes) {
    return { ok: false, code: "too-large", reason: `state vector of ${stateVector.byteLength} bytes` };
  }
  try {
    Y.decodeStateVector(stateVector);
    return { ok: true };
  } catch (error) {
    return { ok: false, code: "invalid-message", reason: `undecodable state vector: ${String(error)}` };
  }
}
