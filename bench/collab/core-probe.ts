// How fast the server's core is right now. On a shared virtual machine the same
// work on the same core can cost half as much again from one minute to the next
// (bench/results/collab-findings.md), which no change of ours explains. Before
// and after each server's run, the benchmark times a fixed piece of JavaScript
// (allocation, JSON, maps and buffers, like a server's own work) on core 0 with
// nothing else of ours running, and reports its CPU time beside the run's
// figures. It changes no figure and no verdict: it tells a reader whether a
// slow repeat ran on a slow core.
import { execFileSync } from "node:child_process";

// Plain JavaScript, run with `node -e` so that start-up is quick and nothing is transpiled.
const PROBE = `
const work = () => {
  const m = new Map();
  let acc = 0;
  for (let i = 0; i < 60000; i++) {
    const o = { id: i, name: "member-" + (i % 97), tags: [i & 7, i & 15], at: i * 31 };
    const s = JSON.stringify(o);
    acc += JSON.parse(s).at & 0xff;
    m.set(i % 4096, Buffer.from(s));
    if ((i & 255) === 0) acc += Buffer.concat([...m.values()].slice(0, 32)).length & 0xff;
  }
  return acc;
};
for (let i = 0; i < 4; i++) work(); // warm up the optimising compiler
const times = [];
for (let r = 0; r < 9; r++) {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  times.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ medianMs: Math.round(times[4] * 10) / 10, minMs: Math.round(times[0] * 10) / 10, maxMs: Math.round(times[8] * 10) / 10 }));
`;

export interface CoreProbe {
  /** CPU ms of one round of the fixed work on core 0: the median of nine rounds (lower is a faster core). */
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export function probeCore(core = 0): CoreProbe | null {
  try {
    const out = execFileSync("taskset", ["-c", String(core), process.execPath, "-e", PROBE], {
      timeout: 60_000,
    }).toString();
    return JSON.parse(out) as CoreProbe;
  } catch {
    return null;
  }
}
