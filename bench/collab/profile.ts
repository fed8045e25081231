// Summarises a V8 .cpuprofile (from BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR"):
// self time per package and per function, and total (inclusive) time of the
// functions named on the command line; --skip drops the first seconds (start-up). Usage:
//   tsx bench/collab/profile.ts FILE.cpuprofile [--top 40] [--skip 20] [--until 30] [--total fnName,fnName]
// Percentages are of busy (non-idle) time. Frames in a bundle with a source map beside it (Staffroom's
// build/server.mjs) count for the module they came from (server/realtime/collab/presence.ts, say).
import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const file = process.argv[2];
if (!file) throw new Error("usage: tsx bench/collab/profile.ts FILE.cpuprofile [--top N] [--total fn,fn]");
const top = Number(process.argv[process.argv.indexOf("--top") + 1] ?? 40) || 40;
const totalsFor = (process.argv.includes("--total") ? (process.argv[process.argv.indexOf("--total") + 1] ?? "") : "")
  .split(",")
  .filter(Boolean);
const skipSeconds = process.argv.includes("--skip") ? Number(process.argv[process.argv.indexOf("--skip") + 1]) : 0;
const untilSeconds = process.argv.includes("--until")
  ? Number(process.argv[process.argv.indexOf("--until") + 1])
  : Infinity;
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const selfMicros = new Map<number, number>();
let elapsed = 0;
profile.samples.forEach((id, i) => {
  elapsed += profile.timeDeltas[i] ?? 0;
  const node = byId.get(id)!;
  if (node.callFrame.functionName === "(idle)") return;
  if (elapsed >= skipSeconds * 1e6 && elapsed < untilSeconds * 1e6)
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);

function packageOf(url: string): string {
  if (!url) return "(native/idle)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith("node:")) return url;
  const local = /\/work\/[^/]+\/(.*)$/.exec(url);
  if (!local) return url;
  const parts = local[1]!.split("/");
  // Our own code by module (its file), everything else by its first three folders.
  return /\.(ts|tsx)$/.test(local[1]!) ? local[1]! : parts.slice(0, 3).join("/");
}

const sourceMaps = new Map<string, SourceMap | null>();
function sourceMapOf(url: string): SourceMap | null {
  if (!url.startsWith("file://")) return null;
  if (!sourceMaps.has(url)) {
    const file = fileURLToPath(url);
    const mapFile = `${file}.map`;
    sourceMaps.set(url, fs.existsSync(mapFile) ? new SourceMap(JSON.parse(fs.readFileSync(mapFile, "utf8"))) : null);
  }
  return sourceMaps.get(url)!;
}

/** The frame's url and line in the original source when its file has a source map (both 0-based in, 0-based out). */
function originalFrame(frame: ProfileNode["callFrame"]): { url: string; lineNumber: number } {
  const map = sourceMapOf(frame.url);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as
    { originalSource?: string; originalLine?: number } | undefined;
  if (!entry?.originalSource) return frame;
  const source = entry.originalSource.startsWith("file://")
    ? fileURLToPath(entry.originalSource)
    : path.resolve(path.dirname(fileURLToPath(frame.url)), entry.originalSource);
  return { url: source, lineNumber: entry.originalLine ?? frame.lineNumber };
}

const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const [id, us] of selfMicros) {
  const node = byId.get(id)!;
  const { functionName } = node.callFrame;
  const { url, lineNumber } = originalFrame(node.callFrame);
  byPackage.set(packageOf(url), (byPackage.get(packageOf(url)) ?? 0) + us);
  const key = `${functionName || "(anonymous)"} ${packageOf(url)}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
}

const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
console.log(
  `profile: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s wall, ${(total / 1e6).toFixed(1)} s busy in the window`,
);
console.log("\nself time by package:");
for (const [name, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(us)}  ${name}`);
console.log("\nself time by function:");
for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${name}`);

// Inclusive time of each of our own modules (a sample counts once per module on its stack): what each piece costs
// with everything it calls.
const inclusiveByModule = new Map<string, number>();
for (const [id, self] of selfMicros) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = packageOf(originalFrame(byId.get(at)!.callFrame).url);
    if (/\.tsx?$/.test(name)) seen.add(name);
  }
  for (const name of seen) inclusiveByModule.set(name, (inclusiveByModule.get(name) ?? 0) + self);
}
console.log("\ntotal (inclusive) time by our module:");
for (const [name, us] of [...inclusiveByModule].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`${pct(us)}  ${name}`);
}

if (totalsFor.length > 0) {
  console.log("\ntotal (inclusive) time:");
  for (const fn of totalsFor) {
    let us = 0;
    for (const [id, self] of selfMicros) {
      // Count a sample once if any ancestor (or itself) is the function.
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        if (byId.get(at)!.callFrame.functionName === fn) {
          us += self;
          break;
        }
      }
    }
    console.log(`${pct(us)}  ${fn}`);
  }
}
