// Times the targets against a running server, interleaved (every round asks each target once, in a new random
// order, so the machine's noise falls on all of them alike), and counts each target's SQL statements through the
// query counter's side port.
import type { PagesServer } from "./server";
import type { Member, Target } from "./targets";

export interface Timing {
  name: string;
  samples: number;
  /** Answers other than 200 OK (timed all the same; the report shows them). */
  errors: number;
  p50: number;
  p95: number;
  max: number;
}

export interface QueryCount {
  name: string;
  path: string;
  status: number;
  statements: number;
  /** Milliseconds in the driver (SQLite only: PostgreSQL's driver answers asynchronously). */
  sqlMs: number | null;
  /** The three slowest statements (SQLite). */
  slowest: { sql: string; ms: number }[];
  /** Statements run more than twice in the request with the same SQL (N+1 suspects), most repeated first. */
  repeated: { sql: string; times: number }[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function request(origin: string, path: string, cookie: string | null, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(`${origin}${path}`, {
    redirect: "manual",
    headers: { ...(cookie ? { cookie } : {}), ...headers },
  });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Milliseconds from sending the request to the response's last byte, on the loopback interface. */
export async function timeTargets(
  server: PagesServer,
  targets: Target[],
  cookies: Record<Member, string>,
  rounds: number,
  warmup: number,
  log: (message: string) => void,
): Promise<Timing[]> {
  const samples = new Map(targets.map((t) => [t.name, [] as number[]]));
  const errors = new Map(targets.map((t) => [t.name, 0]));
  for (let round = 0; round < warmup + rounds; round++) {
    for (const target of shuffled(targets)) {
      const path = target.paths[round % target.paths.length]!;
      const { ms, status } = await request(server.origin, path, target.as ? cookies[target.as] : null);
      if (status !== 200) {
        errors.set(target.name, errors.get(target.name)! + 1);
        log(`${path}: HTTP ${status}\n${server.output().slice(-2000)}`);
      }
      if (round >= warmup) samples.get(target.name)!.push(ms);
    }
    if ((round + 1) % 10 === 0) log(`round ${round + 1} of ${warmup + rounds}`);
  }
  return targets.map((target) => {
    const sorted = [...samples.get(target.name)!].sort((a, b) => a - b);
    return {
      name: target.name,
      errors: errors.get(target.name)!,
      samples: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1)!,
    };
  });
}

let requestNumber = 0;

/** The statements of one request of each target (its first path), read back from the counter. */
export async function countQueries(
  server: PagesServer,
  targets: Target[],
  cookies: Record<Member, string>,
): Promise<QueryCount[]> {
  const counts: QueryCount[] = [];
  for (const target of targets) {
    const path = target.paths[0]!;
    const id = `q${++requestNumber}`;
    const { status } = await request(server.origin, path, target.as ? cookies[target.as] : null, {
      "x-bench-request": id,
    });
    const answer = (await (await fetch(`http://127.0.0.1:${server.queryPort}/requests/${id}`)).json()) as {
      statements: { sql: string; ms: number | null }[] | null;
    };
    const statements = answer.statements ?? [];
    const times = new Map<string, number>();
    for (const { sql } of statements) times.set(sql, (times.get(sql) ?? 0) + 1);
    const timed = statements.filter((s): s is { sql: string; ms: number } => s.ms !== null);
    const slowest = [...timed]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map((s) => ({ sql: s.sql.slice(0, 300), ms: Math.round(s.ms * 10) / 10 }));
    const repeated = [...times]
      .filter(([, n]) => n > 2)
      .sort((a, b) => b[1] - a[1])
      .map(([sql, n]) => ({ sql: sql.slice(0, 160), times: n }));
    const sqlMs = timed.length > 0 ? Math.round(timed.reduce((sum, s) => sum + s.ms, 0) * 10) / 10 : null;
    counts.push({ name: target.name, path, status, statements: statements.length, sqlMs, slowest, repeated });
  }
  return counts;
}
