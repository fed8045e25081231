// The wire format of document traffic: y-protocols sync messages (step 1 = a
// state vector, step 2 and update = a Yjs update), framed exactly as y-protocols
// frames them, so any y-protocols peer understands them. Decoding never trusts
// the input: every failure is a thrown error the caller turns into a refusal.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from "y-protocols/sync";

export type SyncMessage =
  | { type: "step1"; stateVector: Uint8Array }
  | { type: "step2"; update: Uint8Array }
  | { type: "update"; update: Uint8Array };

/** Socket.io hands binary over as Buffer (Node) or ArrayBuffer/Uint8Array (browser); anything else is refused. */
export function asBytes(payload: unknown): Uint8Array | null {
  if (payload instanceof Uint8Array) return payload;
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
  return null;
}

export function decodeSyncMessage(bytes: Uint8Array): SyncMessage {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (decoding.hasContent(decoder)) throw new Error("trailing bytes after the sync message");
  switch (type) {
    case messageYjsSyncStep1:
      return { type: "step1", stateVector: payload };
    case messageYjsSyncStep2:
      return { type: "step2", update: payload };
    case messageYjsUpdate:
      return { type: "update", update: payload };
    default:
      throw new Error(`unknown sync message type ${type}`);
  }
}

function encode(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => encode(messageYjsSyncStep1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array) => encode(messageYjsSyncStep2, update);
export const encodeSyncUpdate = (update: Uint8Array) => encode(messageYjsUpdate, update);
