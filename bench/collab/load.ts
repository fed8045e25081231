// The load generator: one process (pinned to its own core by run.ts) holding
// rooms x clients real Yjs documents. Each client inserts fixed-size text at
// random positions of the document's first paragraph at a steady rate and
// announces a cursor once a second; every received update is scanned for the
// edit markers (id + send time, see shared.ts) at arrival, so fan-out latency
// is measured on this process's one clock, then applied in small batches.
// Phases: connect, warm-up, one measured steady window, a convergence check,
// the ramp (stepwise higher rates until p99 or delivery fails), a final
// convergence check. Reads the server's CPU and peak RSS from /proc itself.
import fs from "node:fs";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import * as Y from "yjs";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import {
  EDIT_LENGTH,
  editableText,
  editText,
  fingerprint,
  peakRssKiB,
  processCpuMs,
  processCpuSplitMs,
  processSyscalls,
  scanEdits,
  sleep,
  summarise,
  systemBusyMs,
  type ConvergenceResult,
  type LoadResult,
  type LoadShape,
  type Target,
  type WindowResult,
} from "./shared";
import type { StartBarrier } from "./load-runner";
import { createWire, REMOTE, type Wire } from "./wires";

interface LoadInput {
  target: Target;
  shape: LoadShape;
  resultPath: string;
  barrier?: StartBarrier;
}

const input = JSON.parse(process.env.BENCH_LOAD ?? "null") as LoadInput | null;
if (!input) throw new Error("BENCH_LOAD (JSON) is required; run the benchmark through `npm run bench:collab`.");
const { target, shape } = input;

const LOCAL = Symbol("local");
const nowMicros = () => performance.now() * 1000;
const problems: string[] = [];

interface Client {
  index: number;
  room: number;
  doc: Y.Doc;
  text: Y.XmlText;
  awareness: Awareness;
  wire: Wire;
  pending: Uint8Array[];
  nextEditAt: number;
  nextAwarenessAt: number;
  /** Send times (µs) of updates not yet acknowledged, oldest first. */
  unacked: number[];
  unackedHead: number;
}

/** Per-edit bookkeeping in growable typed arrays (hundreds of thousands of edits). */
class EditLog {
  sender = new Int32Array(1 << 16);
  window = new Int16Array(1 << 16);
  count = 0;
  add(sender: number, window: number): number {
    if (this.count === this.sender.length) {
      const grow = <T extends Int32Array | Int16Array>(a: T, make: (n: number) => T) => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.sender = grow(this.sender, (n) => new Int32Array(n));
      this.window = grow(this.window, (n) => new Int16Array(n));
    }
    this.sender[this.count] = sender;
    this.window[this.count] = window;
    return this.count++;
  }
}

class Samples {
  values = new Float64Array(1 << 14);
  count = 0;
  push(v: number) {
    if (this.count === this.values.length) {
      const next = new Float64Array(this.values.length * 2);
      next.set(this.values);
      this.values = next;
    }
    this.values[this.count++] = v;
  }
}

interface OpenWindow {
  index: number;
  ratePerClient: number;
  startedAt: number;
  endedAt: number;
  sentPerClient: Int32Array;
  receivedPerClient: Int32Array;
  latency: Samples;
  ack: Samples;
  deliveries: number;
  awarenessSent: number;
  awarenessReceived: number;
  serverCpuStart: number;
  serverSystemCpuStart: number;
  serverMinorFaultsStart: number;
  serverSyscallsStart: { reads: number; writes: number };
  systemBusyStart: number;
  loadCpuStart: NodeJS.CpuUsage;
  closed: boolean;
}

// How late the load generator's own event loop runs: if this is high, latency figures include client-side queueing.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

const edits = new EditLog();
const windows: OpenWindow[] = [];
let current: OpenWindow | null = null;
let rate = shape.editsPerSecond;
let editing = false;
let lastReceiptAt = 0;

function onReceived(client: Client, payload: Uint8Array) {
  const at = nowMicros();
  lastReceiptAt = at;
  scanEdits(payload, (id, sentAt) => {
    if (id >= edits.count) return;
    const sender = edits.sender[id]!;
    if (sender === client.index) return; // an echo of our own edit (y-websocket and Hocuspocus send those)
    const w = windows[edits.window[id]!];
    if (!w || w.closed) return;
    w.latency.push((at - sentAt) / 1000);
    w.deliveries += 1;
    w.receivedPerClient[client.index]! += 1;
  });
  client.pending.push(payload);
}

function applyPending() {
  for (const client of clients) {
    if (client.pending.length === 0) continue;
    const batch = client.pending;
    client.pending = [];
    client.doc.transact(() => {
      for (const update of batch) Y.applyUpdate(client.doc, update, REMOTE);
    }, REMOTE);
  }
}

function makeClient(index: number, room: number, roomName: string): Client {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const client: Client = {
    index,
    room,
    doc,
    text: null as unknown as Y.XmlText,
    awareness,
    wire: null as unknown as Wire,
    pending: [],
    nextEditAt: 0,
    nextAwarenessAt: 0,
    unacked: [],
    unackedHead: 0,
  };
  client.wire = createWire(target, roomName, index, doc, {
    update: (payload) => onReceived(client, payload),
    awareness: () => {
      if (current && !current.closed) current.awarenessReceived += 1;
    },
    ack: () => {
      const sentAt = client.unacked[client.unackedHead];
      if (sentAt === undefined) return;
      client.unackedHead += 1;
      if (client.unackedHead > 1024) {
        client.unacked = client.unacked.slice(client.unackedHead);
        client.unackedHead = 0;
      }
      if (current && !current.closed) current.ack.push((nowMicros() - sentAt) / 1000);
    },
    problem: (message) => problems.push(`client ${index} (room ${room}): ${message}`),
  });
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== LOCAL) return;
    client.wire.sendUpdate(update);
    if (client.wire.acknowledges) client.unacked.push(nowMicros());
  });
  awareness.on("update", ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
    if (origin !== "local" || ![...added, ...updated].includes(doc.clientID)) return;
    client.wire.sendAwareness(encodeAwarenessUpdate(awareness, [doc.clientID]));
  });
  return client;
}

function edit(client: Client) {
  const id = edits.add(client.index, current && !current.closed ? current.index : -1);
  const text = client.text;
  const position = Math.floor(Math.random() * (text.length + 1));
  client.doc.transact(() => text.insert(position, editText(id, nowMicros())), LOCAL);
  if (current && !current.closed) current.sentPerClient[client.index]! += 1;
}

function announce(client: Client) {
  const text = client.text;
  const anchor = Math.floor(Math.random() * (text.length + 1));
  client.awareness.setLocalState({
    user: { name: `Bench client ${client.index}`, color: "#1f6feb" },
    cursor: { anchor, head: Math.min(text.length, anchor + EDIT_LENGTH) },
  });
  if (current && !current.closed) current.awarenessSent += 1;
}

// The pacer: every few milliseconds, each client makes the edits and cursor
// announcements that are due. A client that falls more than a second behind
// (an overloaded generator) skips ahead rather than bursting.
function pace() {
  const now = performance.now();
  if (editing) {
    const interval = 1000 / rate;
    for (const client of clients) {
      if (client.nextEditAt < now - 1000) client.nextEditAt = now;
      while (client.nextEditAt <= now) {
        edit(client);
        client.nextEditAt += interval * (0.5 + Math.random());
      }
      if (client.nextAwarenessAt <= now) {
        announce(client);
        client.nextAwarenessAt = now + shape.awarenessEverySeconds * 1000;
      }
    }
  }
}

function openWindow(ratePerClient: number): OpenWindow {
  const w: OpenWindow = {
    index: windows.length,
    ratePerClient,
    startedAt: performance.now(),
    endedAt: 0,
    sentPerClient: new Int32Array(clients.length),
    receivedPerClient: new Int32Array(clients.length),
    latency: new Samples(),
    ack: new Samples(),
    deliveries: 0,
    awarenessSent: 0,
    awarenessReceived: 0,
    serverCpuStart: processCpuMs(target.pid),
    serverSystemCpuStart: processCpuSplitMs(target.pid).system,
    serverMinorFaultsStart: processCpuSplitMs(target.pid).minorFaults,
    serverSyscallsStart: processSyscalls(target.pid),
    systemBusyStart: systemBusyMs(),
    loadCpuStart: process.cpuUsage(),
    closed: false,
  };
  windows.push(w);
  current = w;
  loopDelay.reset();
  return w;
}

async function measureWindow(ratePerClient: number, seconds: number): Promise<WindowResult> {
  rate = ratePerClient;
  const w = openWindow(ratePerClient);
  editing = true;
  await sleep(seconds * 1000);
  editing = false;
  w.endedAt = performance.now();
  await sleep(shape.drainSeconds * 1000);
  w.closed = true;
  const wall = (performance.now() - w.startedAt) / 1000;
  const serverCpuMs = processCpuMs(target.pid) - w.serverCpuStart;
  const serverSystemCpuMs = processCpuSplitMs(target.pid).system - w.serverSystemCpuStart;
  const syscalls = processSyscalls(target.pid);
  const perDelivery = (n: number) => (w.deliveries === 0 ? 0 : Math.round((n / w.deliveries) * 1000) / 1000);
  const loadCpu = process.cpuUsage(w.loadCpuStart);
  const otherCpuMs = systemBusyMs() - w.systemBusyStart - serverCpuMs - (loadCpu.user + loadCpu.system) / 1000;

  const roomSent = new Map<number, number>();
  for (const c of clients) roomSent.set(c.room, (roomSent.get(c.room) ?? 0) + w.sentPerClient[c.index]!);
  let expected = 0;
  let worst = 1;
  for (const c of clients) {
    const expect = roomSent.get(c.room)! - w.sentPerClient[c.index]!;
    expected += expect;
    if (expect > 0) worst = Math.min(worst, w.receivedPerClient[c.index]! / expect);
  }
  const sent = w.sentPerClient.reduce((a, b) => a + b, 0);
  const activeSeconds = (w.endedAt - w.startedAt) / 1000;
  return {
    ratePerClient,
    seconds: Math.round(activeSeconds * 100) / 100,
    editsSent: sent,
    editsPerSecond: Math.round(sent / activeSeconds),
    expectedDeliveries: expected,
    deliveries: w.deliveries,
    deliveredRatio: expected === 0 ? 1 : w.deliveries / expected,
    worstClientRatio: worst,
    deliveriesPerSecond: Math.round(w.deliveries / activeSeconds),
    latencyMs: summarise(w.latency.values, w.latency.count),
    ackLatencyMs: clients[0]?.wire.acknowledges ? summarise(w.ack.values, w.ack.count) : null,
    serverCpuMs,
    serverSystemCpuMs,
    serverWriteSyscallsPerDelivery: perDelivery(syscalls.writes - w.serverSyscallsStart.writes),
    serverReadSyscallsPerDelivery: perDelivery(syscalls.reads - w.serverSyscallsStart.reads),
    serverMinorFaultsPerDelivery: perDelivery(processCpuSplitMs(target.pid).minorFaults - w.serverMinorFaultsStart),
    serverCpuUtilisation: Math.round((serverCpuMs / 1000 / wall) * 1000) / 1000,
    cpuMicrosPerDelivery: w.deliveries === 0 ? 0 : Math.round(((serverCpuMs * 1000) / w.deliveries) * 100) / 100,
    loadGeneratorCpuUtilisation: Math.round(((loadCpu.user + loadCpu.system) / 1e6 / wall) * 1000) / 1000,
    otherCpuCores: Math.max(0, Math.round((otherCpuMs / 1000 / wall) * 100) / 100),
    loadGeneratorLoopDelayMs: {
      p99: Math.round(loopDelay.percentile(99) / 1e4) / 100,
      max: Math.round(loopDelay.max / 1e4) / 100,
    },
    awarenessSent: w.awarenessSent,
    awarenessReceived: w.awarenessReceived,
  };
}

/** Waits until nothing has arrived for a second (bounded), then compares every copy and a late joiner per room. */
async function checkConvergence(): Promise<ConvergenceResult> {
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    const unacked = clients.reduce((n, c) => n + c.unacked.length - c.unackedHead, 0);
    if (nowMicros() - lastReceiptAt > 1_000_000 && unacked === 0) break;
    await sleep(200);
  }
  applyPending();
  const detail: string[] = [];
  const fingerprints: Record<string, string> = {};
  let diverged = 0;
  let lateMatched = 0;
  for (let room = 0; room < target.rooms.length; room++) {
    const roomName = target.rooms[room]!;
    const members = clients.filter((c) => c.room === room);
    const prints = members.map((c) => fingerprint(c.doc));
    const late = new Y.Doc();
    const lateWire = createWire(target, roomName, room, late, {
      update: (u) => Y.applyUpdate(late, u, REMOTE),
      awareness: () => {},
      ack: () => {},
      problem: () => {},
    });
    let latePrint = "";
    try {
      await lateWire.open();
      latePrint = fingerprint(late);
    } catch (error) {
      detail.push(`room ${room}: late joiner failed: ${String(error)}`);
    } finally {
      lateWire.close();
      late.destroy();
    }
    const distinct = new Set(prints);
    if (distinct.size !== 1) {
      diverged += 1;
      detail.push(`room ${room}: ${distinct.size} different states among ${members.length} clients`);
    }
    if (latePrint === prints[0]) lateMatched += 1;
    else detail.push(`room ${room}: late joiner's state differs from the clients'`);
    fingerprints[roomName] = prints[0] ?? "";
  }
  const unacknowledged = clients.reduce((n, c) => n + c.unacked.length - c.unackedHead, 0);
  if (unacknowledged > 0) detail.push(`${unacknowledged} updates never acknowledged`);
  return {
    converged: diverged === 0 && lateMatched === target.rooms.length && unacknowledged === 0,
    roomsChecked: target.rooms.length,
    roomsDiverged: diverged,
    lateJoinersMatched: lateMatched,
    unacknowledged,
    detail,
    fingerprints,
  };
}

const clients: Client[] = [];

/**
 * The warm-up: warmupSeconds of edits. In a paired run, the load generators first wait (without editing) until
 * all have connected, then warm up until the same moment: the servers are measured over the same seconds, on
 * documents that have grown alike, whichever was started first.
 */
async function warmUp(): Promise<void> {
  const barrier = input!.barrier;
  if (!barrier) {
    editing = true;
    return sleep(shape.warmupSeconds * 1000);
  }
  fs.writeFileSync(barrier.ready, String(Date.now()));
  while (!fs.existsSync(barrier.go)) await sleep(20);
  const endAt = Number(fs.readFileSync(barrier.go, "utf8"));
  editing = true;
  await sleep(Math.max(0, endAt - Date.now()));
}

async function main() {
  const connectStarted = performance.now();
  for (let room = 0; room < shape.rooms; room++) {
    for (let k = 0; k < shape.clientsPerRoom; k++) clients.push(makeClient(clients.length, room, target.rooms[room]!));
  }
  // Open in small batches, as a class arriving rather than a stampede.
  for (let i = 0; i < clients.length; i += 20) {
    await Promise.all(clients.slice(i, i + 20).map((c) => c.wire.open()));
  }
  for (const client of clients) {
    client.text = editableText(client.doc);
    client.nextEditAt = performance.now() + Math.random() * (1000 / rate);
    client.nextAwarenessAt = performance.now() + Math.random() * shape.awarenessEverySeconds * 1000;
  }
  const connectSeconds = (performance.now() - connectStarted) / 1000;

  const pacer = setInterval(pace, 4);
  const applier = setInterval(applyPending, 50);

  rate = shape.editsPerSecond;
  await warmUp();
  editing = false;
  await sleep(500);

  const steady = await measureWindow(shape.editsPerSecond, shape.measureSeconds);
  const steadyPeakRssKiB = peakRssKiB(target.pid);
  const steadyConvergence = await checkConvergence();

  const ramp: WindowResult[] = [];
  let rampStopReason = shape.rampRates.length === 0 ? "no ramp" : "every step passed";
  let maxSustained: LoadResult["maxSustained"] = null;
  for (const stepRate of shape.rampRates) {
    const step = await measureWindow(stepRate, shape.rampStepSeconds);
    ramp.push(step);
    const failed =
      step.latencyMs.p99 > shape.rampMaxP99Ms
        ? `p99 ${step.latencyMs.p99} ms > ${shape.rampMaxP99Ms} ms at ${stepRate} edits/s per client`
        : step.deliveredRatio < shape.rampMinDelivered
          ? `delivered ${(step.deliveredRatio * 100).toFixed(3)}% < ${shape.rampMinDelivered * 100}% at ${stepRate} edits/s per client`
          : null;
    if (failed) {
      rampStopReason = failed;
      break;
    }
    maxSustained = {
      ratePerClient: stepRate,
      editsPerSecond: step.editsPerSecond,
      deliveriesPerSecond: step.deliveriesPerSecond,
    };
  }
  const finalConvergence = await checkConvergence();
  const finalPeakRssKiB = peakRssKiB(target.pid);

  clearInterval(pacer);
  clearInterval(applier);
  for (const c of clients) c.wire.close();

  const result: LoadResult = {
    kind: target.kind,
    steady,
    steadyPeakRssKiB,
    steadyConvergence,
    ramp,
    rampStopReason,
    maxSustained,
    finalConvergence,
    finalPeakRssKiB,
    connectSeconds: Math.round(connectSeconds * 100) / 100,
    problems: problems.length > 50 ? [...problems.slice(0, 50), `...and ${problems.length - 50} more`] : problems,
  };
  fs.writeFileSync(input!.resultPath, JSON.stringify(result, null, 2));
  // Leave without waiting for socket close handshakes.
  setTimeout(() => process.exit(0), 200);
}

main().catch((error: unknown) => {
  console.error("load generator failed:", error instanceof Error ? error.stack : error);
  process.exit(1);
});
