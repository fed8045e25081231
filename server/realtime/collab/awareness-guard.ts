// Presence comes from the browser, so the server does not take it on trust: a
// socket may only speak for awareness client ids it introduced (or that nobody
// holds yet), and the name and cursor colour others see are the signed-in
// member's, whatever the client sent.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { colourFor } from "~/lib/document-schema/presence";

export interface PresenceIdentity {
  id: string;
  name: string;
}

/**
 * Rewrites an awareness update (y-protocols format: count, then per client its
 * id, clock and JSON state) so each state carries the member's own name and
 * colour, dropping entries for client ids the socket may not speak for.
 * Returns null when nothing is left. Throws on malformed input.
 */
export function sanitiseAwarenessUpdate(
  update: Uint8Array,
  identity: PresenceIdentity,
  maySpeakFor: (clientId: number) => boolean,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > 64) throw new Error("too many presence entries in one update");
  const kept: Array<{ clientId: number; clock: number; state: string }> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    if (!maySpeakFor(clientId)) continue;
    const state: unknown = JSON.parse(raw);
    if (state !== null && (typeof state !== "object" || Array.isArray(state)))
      throw new Error("presence state must be an object or null");
    const safe =
      state === null
        ? null
        : { ...(state as Record<string, unknown>), name: identity.name, color: colourFor(identity.id) };
    kept.push({ clientId, clock, state: JSON.stringify(safe) });
  }
  if (decoding.hasContent(decoder)) throw new Error("trailing bytes after presence entries");
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}
