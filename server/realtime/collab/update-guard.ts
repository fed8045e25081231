// Checks a Yjs update or state vector from a client before it touches a live
// document. Choice: decode it completely first (Y.decodeUpdate reads every
// struct and the delete set). Decoding is linear in the input, and the input is
// capped at maxBytes, so the work is bounded; truncated or garbage frames throw
// here, outside any document. The apply that follows still runs in a try/catch
// (see document-changes.ts) for the rare update that decodes but cannot integrate.
import * as Y from "yjs";

export type GuardResult = { ok: true } | { ok: false; code: "too-large" | "invalid-message"; reason: string };

export function checkUpdate(update: Uint8Array, maxBytes: number): GuardResult {
  if (update.byteLength > maxBytes) {
    return { ok: false, code: "too-large", reason: `update of ${update.byteLength} bytes exceeds ${maxBytes}` };
  }
  try {
    Y.decodeUpdate(update);
    return { ok: true };
  } catch (error) {
    return { ok: false, code: "invalid-message", reason: `undecodable update: ${String(error)}` };
  }
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
