// Socket events of the collaborative document engine (binary Yjs sync and
// awareness traffic). Merged into the app-wide maps in realtime-events.ts.
export interface CollabServerToClientEvents {}
export interface CollabClientToServerEvents {}
