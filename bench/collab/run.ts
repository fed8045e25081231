// `npm run bench:collab`: the collaboration fan-out benchmark of issue 3.
// Runs the same load against Staffroom's real path, the y-websocket server and
// Hocuspocus, one server at a time in random order, several repeats; the server
// is pinned to core 0 and the load generator (load.ts) to core 1. Writes
// bench/results/collab.json (every run plus medians) and collab.md (the table).
// Flags: --quick (a one-minute smoke run, written to collab-quick.*),
// --repeats N, --servers a,b, --no-ramp, --build (rebuild the app first),
// --max-wait S (how long to wait for a busy machine to settle before each run),
// --report-only (rebuild the table from the runs in the JSON), --name N (write
// bench/results/N.{json,md} instead, for experiments).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { $createParagraphNode, $getRoot } from "lexical";
import { lexicalContentToYjsState } from "~/lib/document-schema/headless";
import { probeCore } from "./core-probe";
import { hocuspocusServer } from "./servers/hocuspocus";
import { FULL, QUICK, runLoad } from "./load-runner";
import { gitRevision, repoRoot } from "./servers/process";
import { staffroomServer } from "./servers/staffroom";
import type { BenchServer, RunningServer } from "./servers/types";
import { yWebsocketServer } from "./servers/y-websocket";
import {
  median,
  SERVER_KINDS,
  sleep,
  systemBusyMs,
  type LoadResult,
  type LoadShape,
  type ServerKind,
  type Target,
} from "./shared";
import { writeReport, type Summary } from "./report";

const SERVERS: Record<ServerKind, BenchServer> = {
  staffroom: staffroomServer,
  "y-websocket": yWebsocketServer,
  hocuspocus: hocuspocusServer,
};

export interface RunRecord {
  repeat: number;
  order: number;
  kind: ServerKind;
  startedAt: string;
  persistence: string;
  load: LoadResult | null;
  /** Rooms whose stored state (read after a graceful stop) equals the converged state. */
  persistedRooms: number;
  persistedDetail: string[];
  /** CPU cores other processes kept busy just before the run (the machine may be shared). */
  busyBeforeCores: number;
  /** The core's speed just before and just after the run (core-probe.ts; absent in runs before 28 Nov 2026). */
  coreProbeMs?: { before: number | null; after: number | null };
  error: string | null;
}

/** Cores busy over a short sample, system-wide (nothing of ours runs between runs). */
async function busyCores(sampleMs = 2000): Promise<number> {
  const before = systemBusyMs();
  await sleep(sampleMs);
  return (systemBusyMs() - before) / sampleMs;
}

/** Waits (bounded) for other work on the machine to settle, so it does not distort the run. */
async function waitForQuiet(maxWaitSeconds: number): Promise<number> {
  const deadline = Date.now() + maxWaitSeconds * 1000;
  let busy = await busyCores();
  while (busy > 0.25 && Date.now() < deadline) {
    console.log(`  the machine is busy (${busy.toFixed(2)} cores used by other processes); waiting...`);
    await sleep(5000);
    busy = await busyCores();
  }
  return Math.round(busy * 100) / 100;
}

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function shuffle<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

async function runOne(
  server: BenchServer,
  shape: LoadShape,
  initialState: Uint8Array,
  repeat: number,
  order: number,
  maxWaitSeconds: number,
): Promise<RunRecord> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-collab-${server.kind}-`));
  const record: RunRecord = {
    repeat,
    order,
    kind: server.kind,
    startedAt: new Date().toISOString(),
    persistence: "",
    load: null,
    persistedRooms: 0,
    persistedDetail: [],
    busyBeforeCores: 0,
    coreProbeMs: { before: null, after: null },
    error: null,
  };
  let running: RunningServer | null = null;
  record.busyBeforeCores = await waitForQuiet(maxWaitSeconds);
  record.coreProbeMs!.before = probeCore(0)?.medianMs ?? null;
  try {
    running = await server.start({ workDir, rooms: shape.rooms, initialState });
    record.persistence = running.persistence;
    const target: Target = {
      kind: server.kind,
      port: running.port,
      pid: running.pid,
      rooms: running.rooms,
      cookies: running.cookies,
    };
    record.load = await runLoad(target, shape, path.join(workDir, "load-result.json"));
    await running.stop();
    record.coreProbeMs!.after = probeCore(0)?.medianMs ?? null;
    const stored = await running.storedFingerprints();
    for (const [room, print] of Object.entries(record.load.finalConvergence.fingerprints)) {
      if (stored[room] === print) record.persistedRooms += 1;
      else record.persistedDetail.push(`${room}: stored ${stored[room] ?? "nothing"}, converged ${print}`);
    }
  } catch (error) {
    record.error = error instanceof Error ? error.message : String(error);
    if (running) record.error += `\n--- server output ---\n${running.output().slice(-4000)}`;
    await running?.stop().catch(() => {});
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  return record;
}

function summarise(kind: ServerKind, runs: RunRecord[], shape: LoadShape): Summary {
  const rooms = shape.rooms;
  const ok = runs.filter((r) => r.load !== null);
  const loads = ok.map((r) => r.load!);
  const steady = loads.map((l) => l.steady);
  // The steady phase is the ramp's first step: if the ramp's next step failed, the steady rate is what was sustained.
  const sustainedOf = (l: LoadResult) =>
    l.maxSustained ??
    (l.steady.latencyMs.p99 <= shape.rampMaxP99Ms && l.steady.deliveredRatio >= shape.rampMinDelivered
      ? { editsPerSecond: l.steady.editsPerSecond, deliveriesPerSecond: l.steady.deliveriesPerSecond }
      : { editsPerSecond: 0, deliveriesPerSecond: 0 });
  const sustained = loads.map((l) => sustainedOf(l).editsPerSecond);
  const sustainedDeliveries = loads.map((l) => sustainedOf(l).deliveriesPerSecond);
  return {
    kind,
    version: SERVERS[kind].version,
    persistence: runs[0]?.persistence ?? "",
    runs: runs.length,
    failedRuns: runs.length - ok.length,
    latencyMs: {
      p50: median(steady.map((s) => s.latencyMs.p50)),
      p95: median(steady.map((s) => s.latencyMs.p95)),
      p99: median(steady.map((s) => s.latencyMs.p99)),
      max: Math.max(0, ...steady.map((s) => s.latencyMs.max)),
    },
    ackLatencyP99Ms: steady[0]?.ackLatencyMs ? median(steady.map((s) => s.ackLatencyMs!.p99)) : null,
    deliveredRatio: Math.min(1, ...steady.map((s) => s.deliveredRatio)),
    deliveredPerRun: steady.map((s) => `${s.deliveries}/${s.expectedDeliveries}`),
    converged:
      ok.length === runs.length &&
      loads.every((l) => l.steadyConvergence.converged && l.finalConvergence.converged && l.problems.length === 0) &&
      ok.every((r) => r.persistedRooms === rooms),
    persistedEverywhere: ok.length === runs.length && ok.every((r) => r.persistedRooms === rooms),
    unacknowledged: loads.reduce((n, l) => n + l.finalConvergence.unacknowledged, 0),
    cpuMicrosPerDelivery: median(steady.map((s) => s.cpuMicrosPerDelivery)),
    serverCpuUtilisation: median(steady.map((s) => s.serverCpuUtilisation)),
    loadGeneratorCpuUtilisation: median(steady.map((s) => s.loadGeneratorCpuUtilisation)),
    otherCpuCores: median(steady.map((s) => s.otherCpuCores)),
    peakRssMiB: Math.round(median(loads.map((l) => l.steadyPeakRssKiB)) / 102.4) / 10,
    rampPeakRssMiB: Math.round(median(loads.map((l) => l.finalPeakRssKiB)) / 102.4) / 10,
    steadyEditsPerSecond: median(steady.map((s) => s.editsPerSecond)),
    steadyDeliveriesPerSecond: median(steady.map((s) => s.deliveriesPerSecond)),
    maxSustainedEditsPerSecond: median(sustained),
    maxSustainedDeliveriesPerSecond: median(sustainedDeliveries),
    rampStopReasons: loads.map((l) => l.rampStopReason),
    rampLimitedByLoadGenerator: loads.map((l) => {
      const last = l.ramp.at(-1);
      return last ? last.loadGeneratorCpuUtilisation >= 0.9 : false;
    }),
  };
}

/** --report-only: rebuild the summaries and the table from the runs already in the JSON (after a report change). */
function rewriteReport(name: string) {
  const file = path.join(repoRoot, "bench", "results", `${name}.json`);
  const saved = JSON.parse(fs.readFileSync(file, "utf8")) as Omit<Parameters<typeof writeReport>[0], "outDir" | "name">;
  const kinds = [...new Set(saved.runs.map((r) => r.kind))];
  const summaries = kinds.map((kind) =>
    summarise(
      kind,
      saved.runs.filter((r) => r.kind === kind),
      saved.shape,
    ),
  );
  writeReport({ ...saved, outDir: path.dirname(file), name, summaries });
  console.log(`rewrote bench/results/${name}.json and ${name}.md from their runs`);
}

async function main() {
  const quick = flag("quick");
  if (flag("report-only")) return rewriteReport(option("name") ?? (quick ? "collab-quick" : "collab"));
  const shape: LoadShape = { ...(quick ? QUICK : FULL) };
  if (flag("no-ramp")) shape.rampRates = [];
  const repeats = Number(option("repeats") ?? (quick ? 1 : 3));
  const maxWaitSeconds = Number(option("max-wait") ?? (quick ? 0 : 30));
  const kinds = (option("servers")?.split(",") ?? [...SERVER_KINDS]) as ServerKind[];
  for (const kind of kinds)
    if (!SERVERS[kind]) throw new Error(`unknown server "${kind}" (choose from ${SERVER_KINDS.join(", ")})`);
  if (os.cpus().length < 2)
    throw new Error("The benchmark needs two cores: the server on core 0, the load generator on core 1.");

  if (
    flag("build") ||
    (kinds.includes("staffroom") && !fs.existsSync(path.join(repoRoot, "build", "server", "index.js")))
  ) {
    console.log("building the app (npm run build)...");
    execFileSync("npm", ["run", "build"], { cwd: repoRoot, stdio: "inherit" });
  }

  // The initial content createDocument gives every new document (one empty paragraph), for the peers too.
  const initialState = lexicalContentToYjsState(() => $getRoot().append($createParagraphNode()));
  const started = Date.now();
  const runs: RunRecord[] = [];
  for (let repeat = 1; repeat <= repeats; repeat++) {
    const order = shuffle(kinds);
    console.log(`repeat ${repeat}/${repeats}: ${order.join(" -> ")}`);
    for (const [i, kind] of order.entries()) {
      const t = Date.now();
      const record = await runOne(SERVERS[kind], shape, initialState, repeat, i + 1, maxWaitSeconds);
      runs.push(record);
      const s = record.load?.steady;
      console.log(
        record.error
          ? `  ${kind}: FAILED ${record.error.split("\n")[0]}`
          : `  ${kind}: p99 ${s!.latencyMs.p99} ms, delivered ${(s!.deliveredRatio * 100).toFixed(2)}%, ` +
              `${s!.cpuMicrosPerDelivery} µs CPU/delivery, max sustained ${record.load!.maxSustained?.editsPerSecond ?? 0} edits/s ` +
              `(${record.load!.rampStopReason}), persisted ${record.persistedRooms}/${shape.rooms}, ` +
              `core probe ${record.coreProbeMs?.before ?? "?"}/${record.coreProbeMs?.after ?? "?"} ms (${((Date.now() - t) / 1000).toFixed(0)} s)`,
      );
    }
  }

  const summaries = kinds.map((kind) =>
    summarise(
      kind,
      runs.filter((r) => r.kind === kind),
      shape,
    ),
  );
  const outDir = path.join(repoRoot, "bench", "results");
  const name = option("name") ?? (quick ? "collab-quick" : "collab");
  writeReport({
    outDir,
    name,
    shape,
    repeats,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    revision: gitRevision(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    summaries,
    runs,
  });
  console.log(`wrote bench/results/${name}.json and ${name}.md (${Math.round((Date.now() - started) / 1000)} s)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
