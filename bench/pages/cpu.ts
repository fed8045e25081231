// `npm run bench:pages:cpu -- --db FILE [--as coordinator|teacher|lsa] [--rounds 100] [--profile DIR] [--build DIR]
// PATH [PATH...]`:
// where one page's time goes, in figures that hold on a busy machine. It starts the production server on a kept
// bench:pages database (copy /tmp/... first: the server may write to it), signs the member in, asks each path
// --rounds times one after another, and prints the server process's CPU milliseconds per request (from /proc, so
// other processes' load does not count), the wall p50/p95, and the statements and driver milliseconds of one request.
// --build DIR runs another copy of the production build (say, the one before a change, copied aside), to compare the
// two alternately on one database. --profile DIR also writes a V8 CPU profile there; summarise it with `tsx bench/collab/profile.ts FILE --skip 6`.
// Wall-clock budgets are judged by `npm run bench:pages`, not by this.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { countQueries } from "./measure";
import { signIn, startPagesServer } from "./server";
import { MEMBER_EMAILS, type Member } from "./targets";

const { values: args, positionals: paths } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: "string" },
    as: { type: "string", default: "coordinator" },
    rounds: { type: "string", default: "100" },
    warmup: { type: "string", default: "5" },
    profile: { type: "string" },
    build: { type: "string" },
  },
});

if (!args.db || paths.length === 0) {
  console.error("usage: bench:pages:cpu --db FILE [--as coordinator|teacher|lsa] [--rounds N] [--profile DIR] PATH...");
  process.exit(2);
}
const member = args.as as Member;
if (!(member in MEMBER_EMAILS)) throw new Error(`--as must be one of ${Object.keys(MEMBER_EMAILS).join(", ")}`);

/** User plus system CPU time of a process in milliseconds (Linux). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const profileArgs = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args.profile)}`] : [];
const server = await startPagesServer(
  `file:${path.resolve(args.db)}`,
  profileArgs,
  args.build ? path.resolve(args.build) : undefined,
);
try {
  const cookie = await signIn(server.origin, MEMBER_EMAILS[member]);
  const ask = async (p: string) => {
    const started = performance.now();
    const response = await fetch(server.origin + p, { headers: { cookie }, redirect: "manual" });
    const body = await response.text();
    return { ms: performance.now() - started, status: response.status, bytes: Buffer.byteLength(body) };
  };
  for (const p of paths) {
    for (let i = 0; i < Number(args.warmup); i++) await ask(p);
    const rounds = Number(args.rounds);
    const times: number[] = [];
    let last = { status: 0, bytes: 0 };
    const before = cpuMs(server.pid);
    for (let i = 0; i < rounds; i++) {
      const answer = await ask(p);
      times.push(answer.ms);
      last = answer;
    }
    const cpu = (cpuMs(server.pid) - before) / rounds;
    times.sort((a, b) => a - b);
    const [count] = await countQueries(server, [{ name: p, budget: "page", as: member, paths: [p] }], {
      coordinator: cookie,
      teacher: cookie,
      lsa: cookie,
    });
    console.log(
      `${p} (HTTP ${last.status}, ${(last.bytes / 1024).toFixed(0)} KB): server CPU ${cpu.toFixed(1)} ms/request, ` +
        `wall p50 ${percentile(times, 50).toFixed(1)} p95 ${percentile(times, 95).toFixed(1)} ms, ` +
        `${count!.statements} statements, ${count!.sqlMs ?? "?"} ms in the driver`,
    );
    for (const slow of count!.slowest) console.log(`  ${slow.ms} ms  ${slow.sql}`);
    for (const repeated of count!.repeated) console.log(`  ${repeated.times}x ${repeated.sql}`);
  }
} finally {
  await server.stop();
}
