// The shell's live parts (the bell, reloads on change) reach the tab's one socket through here: socket.io-client is
// loaded just after the page is up, so it stays out of every signed-in page's first load (bench/route-js.ts).
import { useEffect, useRef } from "react";
import type { CollabSocket } from "~/editor/socket-provider";

/** Calls `subscribe` with the tab's socket once it has loaded, then connects it; `subscribe` returns its cleanup. */
export function useTabSocket(subscribe: (socket: CollabSocket) => () => void) {
  const subscribeOnMount = useRef(subscribe);
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let unmounted = false;
    void import("~/editor/collab-socket").then(({ collabSocket }) => {
      if (unmounted) return;
      const socket = collabSocket();
      unsubscribe = subscribeOnMount.current(socket);
      if (!socket.connected) socket.connect();
    });
    return () => {
      unmounted = true;
      unsubscribe?.();
    };
  }, []);
}
