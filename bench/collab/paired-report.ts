// The Markdown side of `bench:collab:paired`'s result: round by round, each variant's CPU per delivered update
// and p99 fan-out latency, as figures and as the first variant's ratio to each other one in the same round (the
// only comparison this noisy machine supports), and whether every update was delivered, converged and was stored.

export interface RoundResult {
  cpuMicrosPerDelivery: number;
  p99Ms: number;
  deliveredRatio: number;
  /** Every client, a late joiner (after the steady window and at the end), no refusals or drops. */
  converged: boolean;
  rooms: number;
  /** Rooms whose stored state, read after a graceful stop, equals the converged state. */
  persistedRooms: number;
  /** Updates never acknowledged (servers that acknowledge). */
  unacknowledged: number;
}

interface PairedSummary {
  name: string;
  env: Record<string, string>;
  medianCpuMicrosPerDelivery: number;
  medianP99Ms: number;
  worstDeliveredRatio: number;
  everyRoundConvergedAndPersisted: boolean;
  cpuRatiosToFirst: number[];
  p99RatiosToFirst: number[];
  medianCpuRatioToFirst: number;
  medianP99RatioToFirst: number;
  rounds: RoundResult[];
}

export interface PairedReport {
  when: string;
  revision: string;
  command: string;
  roomsPerServer: number;
  rounds: number;
  node: string;
  cpus: number;
  summary: PairedSummary[];
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(2)}%`;
const inverse = (ratio: number) => Number((1 / ratio).toFixed(3));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function writePairedMarkdown(report: PairedReport): string {
  const [first, ...others] = report.summary;
  if (!first) return "";
  const lines = [
    `# Paired collaboration benchmark (${report.when})`,
    "",
    `Revision ${report.revision}; \`${report.command}\`; ${report.rounds} round(s), ${report.roomsPerServer} rooms per ` +
      `server, every server on core 0 at the same time; Node.js ${report.node}, ${report.cpus} CPUs.`,
    `Ratios are ${first.name}'s figure over the other variant's in the same round (below 1: ${first.name} costs less).`,
    "",
    "## Round by round",
    "",
    `| round | ${report.summary.map((s) => `${s.name} µs / delivery, p99 ms`).join(" | ")} | ${others
      .map((s) => `CPU ${first.name} / ${s.name}, p99 ${first.name} / ${s.name}`)
      .join(" | ")} |`,
    `|---|${report.summary.map(() => "---|").join("")}${others.map(() => "---|").join("")}`,
  ];
  for (let round = 0; round < report.rounds; round++) {
    const figures = report.summary.map((s) => `${s.rounds[round]!.cpuMicrosPerDelivery}, ${s.rounds[round]!.p99Ms}`);
    const ratios = others.map((s) => `${inverse(s.cpuRatiosToFirst[round]!)}, ${inverse(s.p99RatiosToFirst[round]!)}`);
    lines.push(`| ${round + 1} | ${[...figures, ...ratios].join(" | ")} |`);
  }
  lines.push(
    "",
    "## Per variant",
    "",
    `| variant | median µs / delivery | median p99 ms | median CPU ${first.name} / it | median p99 ${first.name} / it | ` +
      `rounds ${first.name} cheaper | worst delivered | converged and stored, every round | unacknowledged |`,
    "|---|---|---|---|---|---|---|---|---|",
  );
  for (const s of report.summary) {
    const cheaper = s === first ? "-" : `${s.cpuRatiosToFirst.filter((r) => r > 1).length} of ${report.rounds}`;
    const unacknowledged = s.rounds.reduce((n, r) => n + r.unacknowledged, 0);
    const cpu = median(s.cpuRatiosToFirst.map(inverse));
    const p99 = median(s.p99RatiosToFirst.map(inverse));
    lines.push(
      `| ${s.name} | ${s.medianCpuMicrosPerDelivery} | ${s.medianP99Ms} | ${s === first ? "-" : cpu.toFixed(3)} | ` +
        `${s === first ? "-" : p99.toFixed(3)} | ${cheaper} | ${percent(s.worstDeliveredRatio)} | ` +
        `${s.everyRoundConvergedAndPersisted ? "yes" : "**no**"} | ${unacknowledged} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
