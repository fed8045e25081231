// The Socket.io wire format of every socket in the app: MessagePack
// (socket.io-msgpack-parser), so an event carrying binary is one WebSocket
// frame instead of a JSON header frame plus a binary attachment frame, and a
// reply is one small binary frame. The server and every client must use the
// same parser (server/realtime/socket.ts, app/editor/collab-socket.ts, the test
// clients and the benchmark's wire).
import * as msgpack from "socket.io-msgpack-parser";

const inBrowser = typeof Buffer === "undefined";

/**
 * The parser's notepack.io (2.2) writes a Buffer as MessagePack binary but any other typed-array view as
 * its whole underlying ArrayBuffer (ignoring the view's offset and length), and its browser build handles
 * ArrayBuffers only: hand it exactly the bytes, as a Buffer in Node and an ArrayBuffer in the browser.
 */
function exactBinary(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) {
    if (!inBrowser)
      return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    const { buffer, byteOffset, byteLength } = value;
    return byteOffset === 0 && byteLength === buffer.byteLength && buffer instanceof ArrayBuffer
      ? buffer
      : buffer.slice(byteOffset, byteOffset + byteLength);
  }
  if (Array.isArray(value)) return value.map(exactBinary);
  return value;
}

/** Binary arrives as ArrayBuffer from some decoders: hand it on as Uint8Array, as collab-events.ts types it. */
function arrayBuffersToViews(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (Array.isArray(value)) return value.map(arrayBuffersToViews);
  return value;
}

class Encoder extends msgpack.Encoder {
  override encode(packet: { data?: unknown }) {
    return super.encode(Array.isArray(packet.data) ? { ...packet, data: exactBinary(packet.data) } : packet);
  }
}

class Decoder extends msgpack.Decoder {
  override emit(event: string, ...args: unknown[]) {
    const packet = args[0] as { data?: unknown } | undefined;
    if (event === "decoded" && packet && Array.isArray(packet.data)) packet.data = arrayBuffersToViews(packet.data);
    return super.emit(event, ...args);
  }
}

export const socketParser = { Encoder, Decoder, protocol: msgpack.protocol };
