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
// Frames for an idle WebSocket wait a few milliseconds (batchMs) for others to
// the same member, then go in one write: on this machine a socket write costs
// more than the JavaScript of a delivery (decision 026). Anything engine.io is
// about to send that member (an ack, a ping, an emit) sends them first.
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

/** batchMs: how long a member's first waiting frame waits for others (0: until the end of the loop turn). */
export function createRoomWriter(io: StaffroomServer, batchMs: number): RoomWriter {
  const nsp = io.of("/");
  const encoder = new socketParser.Encoder();
  const batches = new FrameBatches(batchMs);
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
    for (const id of members) {
      if (id === except) continue;
      const conn = nsp.sockets.get(id)?.conn as unknown as EngineConnection | undefined;
      if (conn) batches.send(conn, encoded, frame);
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
  on(event: "packetCreate", listener: () => void): void;
}

const WS_OPEN = 1;

/** The frames waiting for each member's next write, all flushed together at the end of the batch window. */
class FrameBatches {
  private readonly pending = new Map<EngineConnection, { encoded: Buffer[]; frames: Buffer[] }>();
  private readonly watched = new WeakSet<EngineConnection>();
  private scheduled = false;

  constructor(private readonly batchMs: number) {}

  send(conn: EngineConnection, encoded: Buffer, frame: Buffer): void {
    const batch = this.pending.get(conn);
    if (batch) {
      batch.encoded.push(encoded);
      batch.frames.push(frame);
      return;
    }
    const sender = directSender(conn);
    if (!sender) return conn.write(encoded, { wsPreEncodedFrame: [frame] });
    this.pending.set(conn, { encoded: [encoded], frames: [frame] });
    if (!this.watched.has(conn)) {
      this.watched.add(conn);
      conn.on("packetCreate", () => this.flush(conn));
    }
    if (!this.scheduled) {
      this.scheduled = true;
      const flushAll = () => {
        this.scheduled = false;
        for (const waiting of [...this.pending.keys()]) this.flush(waiting);
      };
      if (this.batchMs > 0) setTimeout(flushAll, this.batchMs);
      else setImmediate(flushAll);
    }
  }

  private flush(conn: EngineConnection): void {
    const batch = this.pending.get(conn);
    if (!batch) return;
    this.pending.delete(conn);
    if (conn.readyState !== "open") return;
    const sender = directSender(conn);
    if (sender) return sender.sendFrame([batch.frames.length === 1 ? batch.frames[0]! : Buffer.concat(batch.frames)]);
    // engine.io sends a packet whose options carry wsPreEncodedFrame as that frame (on WebSocket; polling encodes it).
    batch.encoded.forEach((encoded, i) => conn.write(encoded, { wsPreEncodedFrame: [batch.frames[i]!] }));
  }
}

/** The member's WebSocket sender when nothing is queued before it (engine.io's buffer or ws's); null otherwise. */
function directSender(conn: EngineConnection): { sendFrame(frames: Buffer[]): void } | null {
  if (conn.readyState !== "open" || conn.upgrading || conn.writeBuffer.length > 0) return null;
  const { transport } = conn;
  const sender =
    transport.name === "websocket" && transport.socket?.readyState === WS_OPEN ? transport.socket._sender : undefined;
  if (!sender?.sendFrame || (sender._queue?.length ?? 0) > 0) return null;
  return sender as { sendFrame(frames: Buffer[]): void };
}
