// Fan-out of document traffic to the sockets of one room in this process, with
// one encoding per broadcast: the Socket.io packet is encoded once (MessagePack)
// and so is the WebSocket frame around it, which every member's connection then
// sends as is. Socket.io's own broadcast pre-encodes the frame of text packets
// only; ours are binary, so without this each recipient would re-frame them.
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
    const frame = Buffer.concat(Sender.frame(encoded, { readOnly: false, mask: false, rsv1: false, opcode: 2, fin: true }));
    const options = { wsPreEncodedFrame: [frame] };
    for (const id of members) {
      if (id === except) continue;
      // engine.io sends a packet whose options carry wsPreEncodedFrame as that frame (on WebSocket; polling encodes it).
      nsp.sockets.get(id)?.conn.write(encoded, options as { compress?: boolean });
    }
  };
}
