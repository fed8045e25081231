// Fan-out of document traffic to the sockets of one room in this process, with
// one encoding per broadcast: the Socket.io packet is encoded once (MessagePack)
// and so is the WebSocket frame around it, which every member's connection then
// sends as is. Socket.io's own broadcast pre-encodes the frame of text packets
// only; ours are binary, so without this each recipient would re-frame them.
//
// A member whose engine.io connection has nothing queued gets the frame written
// straight to its WebSocket, as engine.io itself would write it, without the
// per-packet bookkeeping (packet object, flush and drain events, write callback)
// that is most of the JavaScript cost of a delivery. Otherwise (packets queued
// behind a write in progress, long-polling, an upgrade, a closing connection)
// it goes through engine.io, behind what is queued: the order of everything a
// socket receives is kept either way (room-writer.test.ts).
//
// Only for this process's sockets: other processes get the change through the
// relay (relay.ts) and fan it out themselves.
import { PacketType } from "socket.io-msgpack-parser";
import * as ws from "ws";
import { socketParser } from "~/lib/socket-parser";
import type { ServerToClientEvents } from "~/lib/realtime-events";
import type { StaffroomServer } from "../socket";

type Frame = Buffer[];
// ws's frame builder (used by Socket.io's adapter for the same purpose); not in @types/ws.
const Sender = (ws as unknown as { Sender: { frame(data: Buffer, options: Record<string, unknown>): Frame } }).Sender;

export type RoomWriter = <E extends keyof ServerToClientEvents>(
  room: string,
  except: string | null,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
) => void;

export function createRoomWriter(io: StaffroomServer): RoomWriter {
  const nsp = io.of("/");
  const encoder = new socketParser.Encoder();
  return (room, except, event, ...args) => {
    const members = nsp.adapter.rooms.get(room);
    if (!members || members.size === 0 || (members.size === 1 && except !== null && members.has(except))) return;
    const packet = { type: PacketType.EVENT, nsp: "/", data: [event, ...args] };
    const [encoded] = encoder.encode(packet) as unknown as Buffer[];
    if (!encoded) return;
    // Header and payload in one buffer: each connection then makes one plain write, not a corked pair.
    const frame = Buffer.concat(
      Sender.frame(encoded, { readOnly: false, mask: false, rsv1: false, opcode: 2, fin: true }),
    );
    const frames = [frame];
    const options = { wsPreEncodedFrame: frames };
    for (const id of members) {
      if (id === except) continue;
      const conn = nsp.sockets.get(id)?.conn as unknown as EngineConnection | undefined;
      if (!conn || writeDirect(conn, frames)) continue;
      // engine.io sends a packet whose options carry wsPreEncodedFrame as that frame (on WebSocket; polling encodes it).
      conn.write(encoded, options);
    }
  };
}

/** What the direct path reads of an engine.io 6 connection (not in its types; room-writer.test.ts checks it). */
interface EngineConnection {
  readyState: string;
  upgrading: boolean;
  writeBuffer: unknown[];
  transport: {
    name: string;
    socket?: { readyState: number; _sender?: { sendFrame?(frames: Buffer[]): void; _queue?: unknown[] } };
  };
  write(data: Buffer, options: { wsPreEncodedFrame: Buffer[] }): void;
}

const WS_OPEN = 1;

/** Writes the frame straight to the member's WebSocket when nothing is queued before it; false otherwise. */
function writeDirect(conn: EngineConnection, frames: Buffer[]): boolean {
  if (conn.readyState !== "open" || conn.upgrading || conn.writeBuffer.length > 0) return false;
  const { transport } = conn;
  const sender =
    transport.name === "websocket" && transport.socket?.readyState === WS_OPEN ? transport.socket._sender : undefined;
  if (!sender?.sendFrame || (sender._queue?.length ?? 0) > 0) return false;
  sender.sendFrame(frames);
  return true;
}
