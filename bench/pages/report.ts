// bench:pages' results: the JSON as measured, and a Markdown table per engine with the budgets of issues 16 and 18
// checked (search and dashboards p95 <= 50 ms on SQLite; the pages p95 <= 50 ms on SQLite and <= 5x /healthz's p95;
// no page's statement count growing with the plans), and the N+1 suspects (statements repeated within a request).
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../collab/servers/process";
import type { GeneratedPartnership, PagesSize } from "./generate";
import type { QueryCount, Timing } from "./measure";
import { pageBudget } from "./targets";

export interface EngineResult {
  /** null when a kept database was reused. */
  generation: { full: GeneratedPartnership | null; small: GeneratedPartnership | null };
  timings: Timing[];
  queries: { full: QueryCount[]; small: QueryCount[] };
  plans: { full: number; small: number };
}

export interface PagesResults {
  revision: string;
  date: string;
  machine: string;
  sizes: { full: PagesSize; small: PagesSize };
  engines: Partial<Record<"sqlite" | "postgresql", EngineResult>>;
}

export const P95_BUDGET_MS = 50;
export const HEALTHZ_RATIO_BUDGET = 5;

interface Verdict {
  name: string;
  p50: number;
  p95: number;
  ratio50: number;
  ratio95: number;
  small: number;
  full: number;
  budget: string;
  pass: boolean | null;
}

function verdicts(engine: "sqlite" | "postgresql", result: EngineResult): Verdict[] {
  const healthz = result.timings.find((t) => t.name === "/healthz");
  const small = new Map(result.queries.small.map((q) => [q.name, q.statements]));
  const full = new Map(result.queries.full.map((q) => [q.name, q.statements]));
  return result.timings.map((t) => {
    const ratio95 = healthz ? t.p95 / healthz.p95 : NaN;
    const kind = pageBudget(t.name);
    const grows = (full.get(t.name) ?? 0) > (small.get(t.name) ?? 0);
    const checks: boolean[] = [];
    const said: string[] = [];
    if (engine === "sqlite" && kind !== "baseline") {
      checks.push(t.p95 <= P95_BUDGET_MS);
      said.push(`p95 ≤ ${P95_BUDGET_MS} ms`);
    }
    if (engine === "sqlite" && kind === "page") {
      checks.push(ratio95 <= HEALTHZ_RATIO_BUDGET);
      said.push(`≤ ${HEALTHZ_RATIO_BUDGET}x /healthz`);
    }
    if (kind !== "baseline") {
      checks.push(!grows);
      said.push("queries flat");
    }
    return {
      name: t.name,
      p50: t.p50,
      p95: t.p95,
      ratio50: healthz ? t.p50 / healthz.p50 : NaN,
      ratio95,
      small: small.get(t.name) ?? NaN,
      full: full.get(t.name) ?? NaN,
      budget: said.join(", "),
      pass: checks.length === 0 ? null : checks.every(Boolean),
    };
  });
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");
const ratio = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)}x` : "-");

function engineSection(engine: "sqlite" | "postgresql", results: PagesResults): string[] {
  const result = results.engines[engine]!;
  const lines = [
    `## ${engine === "sqlite" ? "SQLite" : "PostgreSQL"}`,
    "",
    `${result.plans.full.toLocaleString("en-GB")} plans measured; statements counted at ${result.plans.small.toLocaleString("en-GB")} and ${result.plans.full.toLocaleString("en-GB")} plans` +
      (result.generation.full ? `; generated in ${result.generation.full.seconds.toFixed(0)} s.` : "."),
    "",
    `| route | p50 ms | p95 ms | p50 / healthz | p95 / healthz | SQL at ${results.sizes.small.plans} | SQL at ${results.sizes.full.plans} | budget | |`,
    "|---|---:|---:|---:|---:|---:|---:|---|---|",
  ];
  for (const v of verdicts(engine, result)) {
    const failed = result.timings.find((t) => t.name === v.name)?.errors ?? 0;
    const mark = (v.pass === null ? "" : v.pass ? "pass" : "**FAIL**") + (failed ? ` (${failed} errors)` : "");
    lines.push(
      `| ${v.name} | ${ms(v.p50)} | ${ms(v.p95)} | ${ratio(v.ratio50)} | ${ratio(v.ratio95)} | ${v.small} | ${v.full} | ${v.budget} | ${mark} |`,
    );
  }
  const suspects = result.queries.full.filter((q) => q.repeated.length > 0);
  lines.push("", "Statements repeated more than twice in one request (N+1 suspects, at the larger size):", "");
  if (suspects.length === 0) lines.push("- none");
  for (const q of suspects) {
    for (const r of q.repeated) lines.push(`- ${q.name}: ${r.times}x \`${r.sql.replace(/`/g, "'")}\``);
  }
  return [...lines, ""];
}

export function writePagesReport(results: PagesResults, name: string): void {
  const dir = path.join(repoRoot, "bench", "results");
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  const full = results.sizes.full;
  const md = [
    "# bench:pages: page server time at partnership scale (issues 16 and 18)",
    "",
    `Revision ${results.revision}, ${results.date}. Machine: ${results.machine}.`,
    "",
    `The partnership: 5 institutions, ${full.staff} staff, ${full.students.toLocaleString("en-GB")} students, ${full.courses} courses, ` +
      `${full.plans.toLocaleString("en-GB")} lesson plans with co-edited bodies, ${full.deployments.toLocaleString("en-GB")} deployments, ` +
      `${full.strategies} strategies, ${full.meetings} meetings, search index filled (bench/pages/generate.ts). ` +
      "Times: milliseconds from request to the response's last byte on the loopback interface, production build, " +
      "signed-in requests, every route once per round in a random order with /healthz among them. " +
      "SQL: statements the request ran (counted at the drivers). Rerun with `npm run build && npm run bench:pages`.",
    "",
    ...(["sqlite", "postgresql"] as const).filter((e) => results.engines[e]).flatMap((e) => engineSection(e, results)),
  ];
  fs.writeFileSync(path.join(dir, `${name}.md`), `${md.join("\n")}\n`);
}
