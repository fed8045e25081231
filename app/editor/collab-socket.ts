// The one Socket.io connection a browser tab uses for documents. WebSocket only:
// with several server processes behind a load balancer, long-polling would need
// sticky sessions (see STACK.md).
import { io } from "socket.io-client";
import { socketParser } from "~/lib/socket-parser";
import type { CollabSocket } from "./socket-provider";

let shared: CollabSocket | null = null;

export function collabSocket(): CollabSocket {
  shared ??= io({
    path: "/socket.io",
    transports: ["websocket"],
    withCredentials: true,
    autoConnect: false,
    parser: socketParser,
  });
  return shared;
}
