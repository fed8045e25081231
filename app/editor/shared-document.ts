// One live document edited through several editors at once (a lesson plan: its notes and each text part, every one
// a root of the same Y.Doc): one provider, one connection and one saved state for all of them. Each editor gets a
// provider of its own from providerFor(part): it shares the connection (the document is joined while any editor
// wants it) and sees presence through its part (part-awareness.ts).
import * as Y from "yjs";
import type { Provider } from "@lexical/yjs";
import { collabSocket } from "./collab-socket";
import { PartAwareness } from "./part-awareness";
import { SocketIoYjsProvider, type CollabSocket } from "./socket-provider";

export class SharedDocument {
  readonly doc = new Y.Doc();
  readonly provider: SocketIoYjsProvider;
  private users = 0;

  constructor(
    readonly documentId: string,
    socket: CollabSocket = collabSocket(),
  ) {
    this.provider = new SocketIoYjsProvider(socket, documentId, this.doc);
  }

  /** The provider Lexical's CollaborationPlugin gets for the editor of one root. */
  providerFor(part: string): Provider {
    const awareness = new PartAwareness(this.provider.awareness, part);
    let connected = false;
    const view = {
      awareness,
      connect: () => {
        if (connected) return;
        connected = true;
        if (this.users++ === 0) this.provider.connect();
      },
      // Lexical may say so twice (its hook's cleanup and the plugin's unmount): count each editor once.
      disconnect: () => {
        if (!connected) return;
        connected = false;
        if (--this.users === 0) this.provider.disconnect();
      },
      on: (type: string, listener: (...args: never[]) => void) => this.provider.on(type as "sync", listener as never),
      off: (type: string, listener: (...args: never[]) => void) => this.provider.off(type as "sync", listener as never),
    };
    return view as unknown as Provider;
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}
