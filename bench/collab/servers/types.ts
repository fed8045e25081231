// The contract each server under test meets: start on a free loopback port,
// pinned to core 0, with the rooms ready to edit; stop gracefully; report what
// it stored for each room, so the run can check persistence.
import type { ServerKind } from "../shared";

export interface StartOptions {
  /** A fresh working folder for this run (databases, files). */
  workDir: string;
  rooms: number;
  /** The Yjs state every room starts from (Staffroom's createDocument makes the same). */
  initialState: Uint8Array;
}

export interface RunningServer {
  kind: ServerKind;
  pid: number;
  port: number;
  rooms: string[];
  cookies: string[];
  /** How the server persists, for the report. */
  persistence: string;
  stop(): Promise<void>;
  /** After stop: the fingerprint of each room's stored state. */
  storedFingerprints(): Promise<Record<string, string>>;
  output(): string;
}

export interface BenchServer {
  kind: ServerKind;
  version: string;
  start(options: StartOptions): Promise<RunningServer>;
}
