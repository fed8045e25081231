// The Remix load context that the Node server builds for every request.
// Lucia's session and user types carry the attributes registered in models/sessions.server.ts.
import type { Session, User } from "lucia";
import type { RealtimeHub } from "./realtime-hub";

declare module "@remix-run/node" {
  interface AppLoadContext {
    user: User | null;
    session: Session | null;
    /** The client's address, trusted proxies applied. */
    clientIp: string;
    /** This response's Content-Security-Policy nonce, for the scripts the page renders. */
    cspNonce: string;
    realtime: RealtimeHub;
    /**
     * The request came through Remix's single fetch (a `.data` address, as fetchers call): a resource route answers
     * it with `data()`, and anyone else with a plain Response, so both see the real status (resource-replies.server).
     */
    singleFetch?: boolean;
  }
}
