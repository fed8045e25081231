// The Remix load context that the Node server builds for every request.
import type { SessionUser, UserSession } from "~/models/sessions.server";
import type { RealtimeHub } from "./realtime-hub";

export interface StaffroomContext {
  user: SessionUser | null;
  session: UserSession | null;
  clientIp: string;
  realtime: RealtimeHub;
}

declare module "@remix-run/node" {
  interface AppLoadContext extends StaffroomContext {}
}
