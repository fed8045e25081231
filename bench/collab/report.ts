// Turns the runs into bench/results/<name>.json (every run, every window, the
// medians) and <name>.md (the table of issue 3 and whether the acceptance holds).
import fs from "node:fs";
import path from "node:path";
import type { LoadShape, ServerKind } from "./shared";
import type { RunRecord } from "./run";

export interface Summary {
  kind: ServerKind;
  version: string;
  persistence: string;
  runs: number;
  failedRuns: number;
  /** Steady phase, medians over repeats (max: the largest seen). */
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  ackLatencyP99Ms: number | null;
  /** Steady phase, the worst repeat. */
  deliveredRatio: number;
  deliveredPerRun: string[];
  converged: boolean;
  persistedEverywhere: boolean;
  unacknowledged: number;
  cpuMicrosPerDelivery: number;
  serverCpuUtilisation: number;
  loadGeneratorCpuUtilisation: number;
  /** Cores used by other processes during the measured window (median): interference. */
  otherCpuCores: number;
  peakRssMiB: number;
  rampPeakRssMiB: number;
  steadyEditsPerSecond: number;
  steadyDeliveriesPerSecond: number;
  maxSustainedEditsPerSecond: number;
  maxSustainedDeliveriesPerSecond: number;
  rampStopReasons: string[];
  rampLimitedByLoadGenerator: boolean[];
}

interface Report {
  outDir: string;
  name: string;
  shape: LoadShape;
  repeats: number;
  durationSeconds: number;
  revision: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  summaries: Summary[];
  runs: RunRecord[];
}

interface Verdict {
  holds: boolean;
  checks: Array<{ check: string; pass: boolean; detail: string }>;
}

function acceptance(summaries: Summary[]): Verdict {
  const by = (kind: ServerKind) => summaries.find((s) => s.kind === kind);
  const staffroom = by("staffroom");
  const yws = by("y-websocket");
  const hocus = by("hocuspocus");
  const checks: Verdict["checks"] = [];
  for (const s of summaries) {
    checks.push({
      check: `${s.kind}: 100% delivered and converged (every client, a late joiner, the stored state)`,
      pass: s.failedRuns === 0 && s.deliveredRatio === 1 && s.converged,
      detail: `delivered ${s.deliveredPerRun.join(", ")}; converged ${s.converged}; stored = converged ${s.persistedEverywhere}`,
    });
  }
  if (staffroom && hocus) {
    checks.push({
      check: "Staffroom CPU per delivered update < Hocuspocus",
      pass: staffroom.cpuMicrosPerDelivery < hocus.cpuMicrosPerDelivery,
      detail: `${staffroom.cpuMicrosPerDelivery} vs ${hocus.cpuMicrosPerDelivery} µs`,
    });
    checks.push({
      check: "Staffroom p99 < Hocuspocus",
      pass: staffroom.latencyMs.p99 < hocus.latencyMs.p99,
      detail: `${staffroom.latencyMs.p99} vs ${hocus.latencyMs.p99} ms`,
    });
  }
  if (staffroom && yws) {
    checks.push({
      check: "Staffroom CPU per delivered update <= 1.2x y-websocket",
      pass: staffroom.cpuMicrosPerDelivery <= 1.2 * yws.cpuMicrosPerDelivery,
      detail: `${staffroom.cpuMicrosPerDelivery} vs ${yws.cpuMicrosPerDelivery} µs (${(staffroom.cpuMicrosPerDelivery / yws.cpuMicrosPerDelivery).toFixed(2)}x)`,
    });
    checks.push({
      check: "Staffroom p99 <= 1.2x y-websocket",
      pass: staffroom.latencyMs.p99 <= 1.2 * yws.latencyMs.p99,
      detail: `${staffroom.latencyMs.p99} vs ${yws.latencyMs.p99} ms (${(staffroom.latencyMs.p99 / yws.latencyMs.p99).toFixed(2)}x)`,
    });
  }
  if (staffroom) {
    checks.push({
      check: "Staffroom persisted every update (every update acknowledged as stored)",
      pass: staffroom.unacknowledged === 0 && staffroom.persistedEverywhere,
      detail: `${staffroom.unacknowledged} unacknowledged`,
    });
  }
  return { holds: checks.every((c) => c.pass), checks };
}

function markdown(report: Report, verdict: Verdict): string {
  const { shape } = report;
  const clients = shape.rooms * shape.clientsPerRoom;
  const lines: string[] = [];
  lines.push(`# Collaboration fan-out benchmark (\`npm run bench:collab\`)`);
  lines.push("");
  lines.push(
    `${shape.rooms} rooms x ${shape.clientsPerRoom} clients (${clients} sockets), ${shape.editsPerSecond} edits/s per client ` +
      `(${clients * shape.editsPerSecond} edits/s), an awareness update every ${shape.awarenessEverySeconds} s per client; ` +
      `${shape.warmupSeconds} s warm-up, ${shape.measureSeconds} s measured. Server pinned to core 0, load generator to core 1 ` +
      `(${report.machine.cpuModel}, ${report.machine.cpus} cores, Node ${report.machine.node}). ` +
      `${report.repeats} repeat(s) in random order; medians over repeats, max = largest seen. Run took ${report.durationSeconds} s, at ${report.revision}.`,
  );
  lines.push("");
  lines.push(
    "| server | p50 ms | p95 ms | p99 ms | max ms | delivered | converged | CPU µs / delivered update | server CPU | peak RSS MiB | max sustained edits/s (deliveries/s) |",
  );
  lines.push("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
  for (const s of report.summaries) {
    const limited = s.rampLimitedByLoadGenerator.some(Boolean) ? " †" : "";
    lines.push(
      `| ${s.kind} | ${s.latencyMs.p50} | ${s.latencyMs.p95} | ${s.latencyMs.p99} | ${s.latencyMs.max} | ` +
        `${(s.deliveredRatio * 100).toFixed(3)}% | ${s.converged ? "yes" : "**no**"} | ${s.cpuMicrosPerDelivery} | ` +
        `${Math.round(s.serverCpuUtilisation * 100)}% | ${s.peakRssMiB} | ${s.maxSustainedEditsPerSecond} (${s.maxSustainedDeliveriesPerSecond})${limited} |`,
    );
  }
  lines.push("");
  lines.push(
    "Latency: an edit's send time (embedded in its text) to its arrival at each other client of the room, on the load generator's one clock. " +
      "Delivered: arrivals / (edits x other clients in the room), the worst repeat. Converged: every client of every room, a late joiner " +
      "and the state the server stored (read after a graceful stop) are identical. CPU: the server's user+system time over the measured " +
      "window (and its drain) divided by the deliveries in it. Peak RSS: VmHWM after the steady phase. " +
      `Max sustained: the last step (the steady phase, then per-client rate ${shape.rampRates.join(", ")} edits/s, ` +
      `${shape.rampStepSeconds} s each) with p99 <= ${shape.rampMaxP99Ms} ms and ` +
      `delivery >= ${shape.rampMinDelivered * 100}% (0: not even the steady load).`,
  );
  if (report.summaries.some((s) => s.rampLimitedByLoadGenerator.some(Boolean))) {
    lines.push("");
    lines.push(
      "† In at least one repeat the load generator's core was >= 90% busy at the step where the ramp stopped: that figure is a floor set by the client core, not the server's ceiling.",
    );
  }
  lines.push("");
  lines.push(
    "| server | persistence | ack p99 ms | load generator CPU | other processes (cores) | ramp stopped because |",
  );
  lines.push("|---|---|---:|---:|---:|---|");
  for (const s of report.summaries) {
    lines.push(
      `| ${s.kind} (${s.version}) | ${s.persistence} | ${s.ackLatencyP99Ms ?? "no acks"} | ${Math.round(s.loadGeneratorCpuUtilisation * 100)}% | ` +
        `${s.otherCpuCores} | ${[...new Set(s.rampStopReasons)].join("; ")} |`,
    );
  }
  const probed = report.runs.filter((r) => r.coreProbeMs);
  if (probed.length > 0) {
    lines.push("");
    lines.push("| repeat | server | CPU µs / delivered update | p99 ms | core probe before / after, ms |");
    lines.push("|---:|---|---:|---:|---|");
    for (const r of [...probed].sort((a, b) => a.repeat - b.repeat || a.order - b.order)) {
      const s = r.load?.steady;
      lines.push(
        `| ${r.repeat} | ${r.kind} | ${s?.cpuMicrosPerDelivery ?? "failed"} | ${s?.latencyMs.p99 ?? "-"} | ` +
          `${r.coreProbeMs!.before ?? "?"} / ${r.coreProbeMs!.after ?? "?"} |`,
      );
    }
    lines.push("");
    lines.push(
      "Repeats in the order they ran. Core probe: the CPU time of a fixed piece of JavaScript on core 0 just before and just after " +
        "the run (bench/collab/core-probe.ts); higher means the shared machine's core was slower then. Shown for reading the figures; " +
        "it changes none of them.",
    );
  }
  lines.push("");
  lines.push(`## Acceptance: ${verdict.holds ? "holds" : "does NOT hold"}`);
  lines.push("");
  for (const c of verdict.checks) lines.push(`- ${c.pass ? "pass" : "FAIL"}: ${c.check} (${c.detail})`);
  const failed = report.runs.filter((r) => r.error);
  if (failed.length > 0) {
    lines.push("");
    lines.push("## Failed runs");
    for (const r of failed) lines.push(`- repeat ${r.repeat} ${r.kind}: ${r.error?.split("\n")[0]}`);
  }
  lines.push("");
  return lines.join("\n");
}

export function writeReport(report: Report): void {
  fs.mkdirSync(report.outDir, { recursive: true });
  const verdict = acceptance(report.summaries);
  const { outDir, name, ...rest } = report;
  fs.writeFileSync(path.join(outDir, `${name}.json`), `${JSON.stringify({ ...rest, acceptance: verdict }, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, `${name}.md`), markdown(report, verdict));
}
