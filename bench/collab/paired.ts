// `npm run bench:collab:paired`: compares variants of Staffroom (environment
// settings) and the peers under the SAME machine conditions. All variants run
// at once, every server on core 0 and one load generator per server on core 1,
// each with an equal share of the rooms; each round starts them all afresh, in
// an order rotated from round to round, and the load generators connect, then
// warm up and measure over the same seconds (a start barrier).
//
// Why: on a shared virtual machine, back-to-back runs of the same server differ
// by up to 1.8x in CPU per delivery (bench/results/collab-findings.md), which
// drowns a 5-10% change. Side by side, the noise hits every variant alike and
// the ratios between them are stable. Absolute figures are NOT comparable with
// run.ts (fewer rooms per server, several servers sharing a core): use this
// to choose between variants, and run.ts for the acceptance table.
//
//   npm run bench:collab:paired -- --variants "base;window10:COLLAB_COMMIT_WINDOW_MS=10;y-websocket" --rounds 3
//
// A variant is `name[:VAR=value,VAR=value]`; names starting y-websocket or
// hocuspocus (y-websocket@tuned, say) run those peers, socketio-floor the
// experiment in servers/socketio-floor.ts, any other name Staffroom. Writes bench/results/<--name, default paired>.json
// and .md: per round, each variant's figures, whether it delivered, converged and stored everything, and its ratios.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { $createParagraphNode, $getRoot } from "lexical";
import { lexicalContentToYjsState } from "~/lib/document-schema/headless";
import { FULL, runLoad, type StartBarrier } from "./load-runner";
import { hocuspocusServer } from "./servers/hocuspocus";
import { writePairedMarkdown, type PairedReport, type RoundResult } from "./paired-report";
import { gitRevision, repoRoot } from "./servers/process";
import { socketIoFloorServer } from "./servers/socketio-floor";
import { staffroomServer } from "./servers/staffroom";
import type { BenchServer, RunningServer } from "./servers/types";
import { yWebsocketServer } from "./servers/y-websocket";
import { median, type LoadResult, type LoadShape, type Target } from "./shared";

const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

interface Variant {
  name: string;
  server: BenchServer;
  env: Array<[string, string]>;
}

function parseVariants(spec: string): Variant[] {
  return spec
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name, vars = ""] = part.split(":") as [string, string?];
      const kind = name.split("@")[0];
      const server =
        kind === "y-websocket"
          ? yWebsocketServer
          : kind === "hocuspocus"
            ? hocuspocusServer
            : kind === "socketio-floor"
              ? socketIoFloorServer
              : staffroomServer;
      const env = vars
        .split(",")
        .filter(Boolean)
        .map((kv) => {
          const at = kv.indexOf("=");
          if (at < 1) throw new Error(`"${kv}" is not VAR=value`);
          return [kv.slice(0, at), kv.slice(at + 1)] as [string, string];
        });
      return { name, server, env };
    });
}

/** Starts a server with extra environment variables (the servers read process.env when they start). */
async function startWith(variant: Variant, workDir: string, shape: LoadShape, initialState: Uint8Array) {
  const saved = variant.env.map(([key]) => [key, process.env[key]] as const);
  for (const [key, value] of variant.env) process.env[key] = value;
  try {
    return await variant.server.start({ workDir, rooms: shape.rooms, initialState });
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

async function main() {
  const variants = parseVariants(option("variants") ?? "base;y-websocket");
  if (new Set(variants.map((v) => v.name)).size !== variants.length) throw new Error("variant names must differ");
  const rounds = Number(option("rounds") ?? 3);
  const totalRooms = Number(option("rooms") ?? FULL.rooms);
  const shape: LoadShape = { ...FULL, rooms: Math.max(1, Math.round(totalRooms / variants.length)), rampRates: [] };
  const initialState = lexicalContentToYjsState(() => $getRoot().append($createParagraphNode()));
  const results = new Map<string, RoundResult[]>(variants.map((v) => [v.name, []]));

  for (let round = 1; round <= rounds; round++) {
    // Setup one at a time (it signs in, seeds rooms); the measured phase runs all at once. Each round starts the
    // variants in another order (rotated), so that none is always the first to start or to be served.
    const order = variants.map((_, i) => variants[(i + round - 1) % variants.length]!);
    const started = [];
    for (const variant of order) {
      const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-paired-${variant.name}-`));
      started.push({ variant, workDir, running: await startWith(variant, workDir, shape, initialState) });
    }
    try {
      const barrierDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-paired-barrier-"));
      const barriers = started.map((_, i) => ({
        ready: path.join(barrierDir, `ready-${i}`),
        go: path.join(barrierDir, "go"),
      }));
      const loading = Promise.all(
        started.map(({ variant, workDir, running }, i) => {
          const target: Target = {
            kind: variant.server.kind,
            port: running.port,
            pid: running.pid,
            rooms: running.rooms,
            cookies: running.cookies,
          };
          return runLoad(target, shape, path.join(workDir, "load-result.json"), barriers[i]);
        }),
      );
      await startTogether(barriers, shape.warmupSeconds, loading);
      const loads = await loading;
      fs.rmSync(barrierDir, { recursive: true, force: true });
      const line: string[] = [];
      for (const [i, { variant, running }] of started.entries()) {
        const result = await roundResult(loads[i]!, running);
        results.get(variant.name)!.push(result);
        line.push(
          `${variant.name} ${result.cpuMicrosPerDelivery} µs, p99 ${result.p99Ms} ms, delivered ${(result.deliveredRatio * 100).toFixed(2)}%, ` +
            `converged ${result.converged}, persisted ${result.persistedRooms}/${result.rooms}`,
        );
      }
      console.log(`round ${round}/${rounds} (started in this order): ${line.join(" | ")}`);
    } finally {
      for (const { running, workDir } of started) {
        await running.stop().catch(() => {});
        fs.rmSync(workDir, { recursive: true, force: true });
      }
    }
  }

  const baseline = variants[0]!.name;
  const firstRows = results.get(baseline)!;
  const round3 = (n: number) => Number(n.toFixed(3));
  const summary = variants.map(({ name, env }) => {
    const rows = results.get(name)!;
    // Each round's figure over the first variant's in the same round.
    const cpuRatios = rows.map((r, i) => round3(r.cpuMicrosPerDelivery / firstRows[i]!.cpuMicrosPerDelivery));
    const p99Ratios = rows.map((r, i) => round3(r.p99Ms / firstRows[i]!.p99Ms));
    return {
      name,
      env: Object.fromEntries(env),
      medianCpuMicrosPerDelivery: median(rows.map((r) => r.cpuMicrosPerDelivery)),
      medianP99Ms: median(rows.map((r) => r.p99Ms)),
      worstDeliveredRatio: Math.min(...rows.map((r) => r.deliveredRatio)),
      everyRoundConvergedAndPersisted: rows.every((r) => r.converged && r.persistedRooms === r.rooms),
      cpuRatiosToFirst: cpuRatios,
      p99RatiosToFirst: p99Ratios,
      medianCpuRatioToFirst: round3(median(cpuRatios)),
      medianP99RatioToFirst: round3(median(p99Ratios)),
      rounds: rows,
    };
  });
  for (const s of summary) {
    console.log(
      `${s.name}: median ${s.medianCpuMicrosPerDelivery} µs/delivery (x${s.medianCpuRatioToFirst} of ${baseline}), p99 ${s.medianP99Ms} ms`,
    );
  }
  const name = option("name") ?? "paired";
  const out = path.join(repoRoot, "bench", "results", `${name}.json`);
  const report: PairedReport = {
    when: new Date().toISOString(),
    revision: gitRevision(),
    command: `npm run bench:collab:paired -- ${process.argv.slice(2).join(" ")}`,
    roomsPerServer: shape.rooms,
    rounds,
    node: process.version,
    cpus: os.cpus().length,
    summary,
  };
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(out.replace(/\.json$/, ".md"), writePairedMarkdown(report));
  console.log(`wrote ${path.relative(repoRoot, out)} and its .md`);
}

/**
 * Once every load generator has connected (its ready file), tells them all the same time to end the warm-up, at
 * least warmupSeconds away: their measured windows then cover the same seconds.
 */
async function startTogether(barriers: StartBarrier[], warmupSeconds: number, loading: Promise<unknown>) {
  let failed = false;
  loading.catch(() => (failed = true));
  while (!failed && !barriers.every((b) => fs.existsSync(b.ready))) await new Promise((r) => setTimeout(r, 50));
  if (failed) return;
  const go = barriers[0]!.go;
  fs.writeFileSync(`${go}.tmp`, String(Date.now() + warmupSeconds * 1000));
  fs.renameSync(`${go}.tmp`, go);
}

/** One variant's round: the steady window, and whether every room converged and was stored as it converged. */
async function roundResult(load: LoadResult, running: RunningServer): Promise<RoundResult> {
  const steady = load.steady;
  const converged = load.steadyConvergence.converged && load.finalConvergence.converged && load.problems.length === 0;
  await running.stop();
  const stored = await running.storedFingerprints().catch(() => ({}) as Record<string, string>);
  const prints = Object.entries(load.finalConvergence.fingerprints);
  return {
    cpuMicrosPerDelivery: steady.cpuMicrosPerDelivery,
    p99Ms: steady.latencyMs.p99,
    deliveredRatio: steady.deliveredRatio,
    converged,
    rooms: prints.length,
    persistedRooms: prints.filter(([room, print]) => stored[room] === print).length,
    unacknowledged: load.finalConvergence.unacknowledged,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
