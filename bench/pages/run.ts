// `npm run bench:pages`: generates issue 16's large partnership on SQLite and on PostgreSQL, times the pages that
// issues 16 and 18 budget against the production server (signed-in requests, /healthz in the same interleaved run),
// counts each page's SQL statements at two sizes (what grows with rows a page does not show is an N+1), and writes
// bench/results/pages.json and pages.md. Options: --engines sqlite,postgresql --plans 10000 --small 1000
// --rounds 40 --warmup 3 --name pages --keep DIR (keep and reuse the generated SQLite files in DIR);
// --merge pages-sqlite,pages-postgresql writes pages.json/md from two runs of one engine each (run side by side);
// --only REGEX times and counts only the targets whose label matches (with /healthz always), for working on a few pages.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { DatabaseProvider } from "~/models/db.server";
import { startPostgres, type PostgresServer } from "../../tests/support/postgres";
import { migrateDeploy, PRISMA_CONFIG } from "../../tests/support/prisma-cli";
import { repoRoot } from "../collab/servers/process";
import { bareClient, FULL_SIZE, generatePartnership, withPlans, type GeneratedPartnership } from "./generate";
import { countQueries, timeTargets, type QueryCount, type Timing } from "./measure";
import { writePagesReport, type EngineResult, type PagesResults } from "./report";
import { startPagesServer, signIn } from "./server";
import { MEMBER_EMAILS, pageTargets, type Member } from "./targets";

const { values: args } = parseArgs({
  options: {
    engines: { type: "string", default: "sqlite,postgresql" },
    plans: { type: "string", default: String(FULL_SIZE.plans) },
    small: { type: "string", default: "1000" },
    rounds: { type: "string", default: "40" },
    warmup: { type: "string", default: "3" },
    name: { type: "string", default: "pages" },
    keep: { type: "string" },
    merge: { type: "string" },
    only: { type: "string" },
  },
});

const log = (message: string) => console.log(`[bench:pages] ${message}`);

/** A migrated database holding the generated partnership (a kept SQLite file is reused as it is). */
async function generatedDatabase(
  engine: DatabaseProvider,
  plans: number,
  postgres: () => Promise<PostgresServer>,
  scratch: string,
): Promise<{ url: string; generated: GeneratedPartnership | null }> {
  const size = withPlans(FULL_SIZE, plans);
  let url: string;
  if (engine === "sqlite") {
    const file = path.join(args.keep ?? scratch, `pages-${plans}.db`);
    url = `file:${file}`;
    if (args.keep && fs.existsSync(file)) {
      log(`reusing ${file} (applying any newer migrations)`);
      await migrateDeploy(PRISMA_CONFIG[engine], url);
      return { url, generated: null };
    }
    fs.rmSync(file, { force: true });
  } else {
    url = await (await postgres()).createDatabase(`pages_${plans}_${Date.now().toString(36)}`);
  }
  await migrateDeploy(PRISMA_CONFIG[engine], url);
  log(`${engine}: generating ${plans} plans`);
  const generated = await generatePartnership(url, size, (m) => log(`${engine} ${plans}: ${m}`));
  return { url, generated };
}

async function measureEngine(engine: DatabaseProvider, url: string, timed: boolean) {
  const store = bareClient(url);
  const partnership = await store.partnership.findFirstOrThrow({ where: { isDemo: true }, select: { id: true } });
  const only = args.only ? new RegExp(args.only, "i") : null;
  const targets = (await pageTargets(store, partnership.id)).filter(
    (target) => !only || target.budget === "baseline" || only.test(target.name),
  );
  const counts = await store.lessonPlan.count({ where: { partnershipId: partnership.id } });
  await store.$disconnect();
  const server = await startPagesServer(url);
  try {
    const cookies = {} as Record<Member, string>;
    for (const member of Object.keys(MEMBER_EMAILS) as Member[])
      cookies[member] = await signIn(server.origin, MEMBER_EMAILS[member]);
    let timings: Timing[] = [];
    if (timed) {
      log(`${engine}: timing ${targets.length} targets, ${args.rounds} rounds`);
      timings = await timeTargets(server, targets, cookies, Number(args.rounds), Number(args.warmup), log);
    } else {
      // Each page once before counting, as the timed size has been: a first view of students writes their audit
      // entries (once per member, student, page and address in 15 minutes), which no size should count.
      await timeTargets(server, targets, cookies, 0, 1, log);
    }
    const queries: QueryCount[] = await countQueries(server, targets, cookies);
    return { plans: counts, timings, queries };
  } catch (error) {
    console.error(server.output().slice(-4000));
    throw error;
  } finally {
    await server.stop();
  }
}

function revision(): string {
  const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot }).toString().trim();
  const dirty = execFileSync("git", ["status", "--porcelain", "--", "app", "server", "prisma"], { cwd: repoRoot })
    .toString()
    .trim();
  return dirty ? `${head} + uncommitted changes` : head;
}

async function main() {
  const engines = args.engines.split(",").map((e) => e.trim()) as DatabaseProvider[];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "staffroom-pages-"));
  let postgres: PostgresServer | undefined;
  const startedPostgres = async () => (postgres ??= await startPostgres());
  const results: PagesResults = {
    revision: revision(),
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} at the start`,
    sizes: { full: withPlans(FULL_SIZE, Number(args.plans)), small: withPlans(FULL_SIZE, Number(args.small)) },
    engines: {},
  };
  try {
    for (const engine of engines) {
      const full = await generatedDatabase(engine, Number(args.plans), startedPostgres, scratch);
      const measured = await measureEngine(engine, full.url, true);
      const small = await generatedDatabase(engine, Number(args.small), startedPostgres, scratch);
      const counted = await measureEngine(engine, small.url, false);
      const result: EngineResult = {
        generation: { full: full.generated, small: small.generated },
        timings: measured.timings,
        queries: { full: measured.queries, small: counted.queries },
        plans: { full: measured.plans, small: counted.plans },
      };
      results.engines[engine] = result;
      writePagesReport(results, args.name);
      log(`${engine}: done`);
    }
  } finally {
    await postgres?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  log(`written bench/results/${args.name}.json and .md`);
}

/** One report from runs of one engine each (their revision, date and machine note are the first's). */
function merge(names: string[]) {
  const runs = names.map(
    (name) =>
      JSON.parse(fs.readFileSync(path.join(repoRoot, "bench", "results", `${name}.json`), "utf8")) as PagesResults,
  );
  const merged: PagesResults = { ...runs[0]!, engines: Object.assign({}, ...runs.map((r) => r.engines)) };
  writePagesReport(merged, args.name);
  log(`written bench/results/${args.name}.json and .md from ${names.join(", ")}`);
}

if (args.merge) merge(args.merge.split(","));
else await main();
