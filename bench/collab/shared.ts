// What the orchestrator (run.ts), the load generator (load.ts) and the server
// launchers share: the load's shape, the result records, how an edit carries
// its id and send time, how a document is fingerprinted for convergence, and
// reading a process's CPU time and peak RSS from /proc.
import crypto from "node:crypto";
import fs from "node:fs";
import * as Y from "yjs";
import { YJS_ROOT_NAME } from "~/lib/document-schema/nodes";

export type ServerKind = "staffroom" | "y-websocket" | "hocuspocus";
export const SERVER_KINDS: readonly ServerKind[] = ["staffroom", "y-websocket", "hocuspocus"];

/** Where and how the load generator reaches one running server. */
export interface Target {
  kind: ServerKind;
  port: number;
  pid: number;
  /** Room (document) names or ids, one per room. */
  rooms: string[];
  /** Staffroom only: session cookies of signed-in editors, used round-robin by the clients. */
  cookies: string[];
}

export interface LoadShape {
  rooms: number;
  clientsPerRoom: number;
  /** Edits per second per client in the steady phase. */
  editsPerSecond: number;
  awarenessEverySeconds: number;
  warmupSeconds: number;
  measureSeconds: number;
  /** Pause after each measured window so late deliveries are still counted. */
  drainSeconds: number;
  /** Edits per second per client of each ramp step, tried in order until a limit is crossed. */
  rampRates: number[];
  rampStepSeconds: number;
  /** Ramp stops once p99 exceeds this... */
  rampMaxP99Ms: number;
  /** ...or delivery drops below this. */
  rampMinDelivered: number;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface WindowResult {
  /** Edits per second per client that were asked for. */
  ratePerClient: number;
  seconds: number;
  editsSent: number;
  /** Edits the server accepted per second (sent / window). */
  editsPerSecond: number;
  expectedDeliveries: number;
  deliveries: number;
  deliveredRatio: number;
  /** Lowest per-client ratio. */
  worstClientRatio: number;
  deliveriesPerSecond: number;
  latencyMs: LatencySummary;
  /** Staffroom and Hocuspocus acknowledge updates; y-websocket does not (null). */
  ackLatencyMs: LatencySummary | null;
  serverCpuMs: number;
  /** The kernel's share of serverCpuMs (socket writes and reads, SQLite's file writes). */
  serverSystemCpuMs: number;
  /** The server's write and read system calls per delivered update. */
  serverWriteSyscallsPerDelivery: number;
  serverReadSyscallsPerDelivery: number;
  /** Minor page faults of the server per delivered update (the kernel mapping memory the heap touches). */
  serverMinorFaultsPerDelivery: number;
  serverCpuUtilisation: number;
  cpuMicrosPerDelivery: number;
  loadGeneratorCpuUtilisation: number;
  /** CPU (in cores) used by processes other than the server and the load generator during the window: interference. */
  otherCpuCores: number;
  /** Event-loop delay of the load generator during the window. */
  loadGeneratorLoopDelayMs: { p99: number; max: number };
  awarenessSent: number;
  awarenessReceived: number;
}

export interface ConvergenceResult {
  converged: boolean;
  roomsChecked: number;
  roomsDiverged: number;
  lateJoinersMatched: number;
  /** Updates the server never acknowledged (servers that acknowledge). */
  unacknowledged: number;
  detail: string[];
  /** Fingerprint of each room's converged document, for the persistence check. */
  fingerprints: Record<string, string>;
}

export interface LoadResult {
  kind: ServerKind;
  steady: WindowResult;
  steadyPeakRssKiB: number;
  steadyConvergence: ConvergenceResult;
  ramp: WindowResult[];
  rampStopReason: string;
  maxSustained: { ratePerClient: number; editsPerSecond: number; deliveriesPerSecond: number } | null;
  finalConvergence: ConvergenceResult;
  finalPeakRssKiB: number;
  connectSeconds: number;
  /** Refusals, disconnects and other things that make a run invalid (empty when all went well). */
  problems: string[];
}

// An edit is the fixed-size text "~<id, 7 base36>.<send time µs, 8 base36>~": its
// bytes appear verbatim inside the Yjs update (ContentString), so a receiver finds
// them without decoding the update.
export const EDIT_LENGTH = 18;
const TILDE = 0x7e;
const DOT = 0x2e;

export function editText(id: number, sentAtMicros: number): string {
  return `~${id.toString(36).padStart(7, "0")}.${Math.round(sentAtMicros).toString(36).padStart(8, "0")}~`;
}

function base36(bytes: Uint8Array, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const c = bytes[i]!;
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x7a ? c - 0x61 + 10 : -1;
    if (digit < 0) return -1;
    value = value * 36 + digit;
  }
  return value;
}

/** Calls found(id, sentAtMicros) for every edit marker in a raw update. */
export function scanEdits(bytes: Uint8Array, found: (id: number, sentAtMicros: number) => void): void {
  const last = bytes.length - EDIT_LENGTH;
  for (let i = 0; i <= last; i++) {
    if (bytes[i] !== TILDE || bytes[i + 8] !== DOT || bytes[i + EDIT_LENGTH - 1] !== TILDE) continue;
    const id = base36(bytes, i + 1, 7);
    const sent = base36(bytes, i + 9, 8);
    if (id < 0 || sent < 0) continue;
    found(id, sent);
    i += EDIT_LENGTH - 1;
  }
}

/**
 * The text the clients edit: the first paragraph of the Lexical document
 * (Lexical's binding keeps paragraphs as Y.XmlText embeds of the root). Every
 * server starts from the same initial state, so the edits land in the same place.
 */
export function editableText(doc: Y.Doc): Y.XmlText {
  const root = doc.get(YJS_ROOT_NAME, Y.XmlText);
  for (const op of root.toDelta() as Array<{ insert: unknown }>) {
    if (op.insert instanceof Y.XmlText) return op.insert;
  }
  return root;
}

/** State vector plus content: equal fingerprints mean equal documents. */
export function fingerprint(doc: Y.Doc): string {
  const sv = [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()].sort((a, b) => a[0] - b[0]);
  const root = doc.get(YJS_ROOT_NAME, Y.XmlText);
  const content = JSON.stringify(root.toDelta(), (_key, value: unknown) =>
    value instanceof Y.XmlText
      ? { xmlText: value.toDelta() as unknown, attrs: value.getAttributes() }
      : value instanceof Y.AbstractType
        ? value.toJSON()
        : value,
  );
  return crypto.createHash("sha256").update(JSON.stringify(sv)).update(content).digest("hex").slice(0, 16);
}

export function fingerprintOfState(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const print = fingerprint(doc);
  doc.destroy();
  return print;
}

const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux/x86-64 and arm64

/** User and system (kernel) CPU time of a process, in milliseconds. */
export function processCpuSplitMs(pid: number): { user: number; system: number; minorFaults: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name may contain spaces; fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return {
    user: (Number(fields[11]) * 1000) / CLOCK_TICKS_PER_SECOND,
    system: (Number(fields[12]) * 1000) / CLOCK_TICKS_PER_SECOND,
    minorFaults: Number(fields[7]),
  };
}

/** Read and write system calls a process has made (/proc/<pid>/io): each socket or file write is one. */
export function processSyscalls(pid: number): { reads: number; writes: number } {
  const io = fs.readFileSync(`/proc/${pid}/io`, "utf8");
  return { reads: Number(/syscr:\s+(\d+)/.exec(io)?.[1] ?? 0), writes: Number(/syscw:\s+(\d+)/.exec(io)?.[1] ?? 0) };
}

/** User + system CPU time of a process, in milliseconds. */
export function processCpuMs(pid: number): number {
  const { user, system } = processCpuSplitMs(pid);
  return user + system;
}

/** CPU time (ms) all cores spent busy since boot: to tell how much other processes ran during a window. */
export function systemBusyMs(): number {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const [, user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  void idle;
  void iowait;
  return (busy * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Peak resident set size (VmHWM) of a process, in KiB. */
export function peakRssKiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
  return match ? Number(match[1]) : 0;
}

export function summarise(values: ArrayLike<number>, count = values.length): LatencySummary {
  if (count === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = Float64Array.from({ length: count }, (_, i) => values[i]!).sort();
  const at = (q: number) => sorted[Math.min(count - 1, Math.ceil(q * count) - 1)]!;
  const round = (v: number) => Math.round(v * 100) / 100;
  return { count, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted[count - 1]!) };
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
