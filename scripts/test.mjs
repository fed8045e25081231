// `npm test`: every check CI runs, in order, stopping at the first failure:
// derived schema fresh -> lint, types and production build (side by side) -> route JavaScript budget -> Vitest ->
// Playwright.
// Ends with one summary line, "N passed, N failed[, N skipped]", summed from the
// JSON reports Vitest and Playwright write under test-results/.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const resultsDir = path.join(root, "test-results");
const VITEST_JSON = path.join(resultsDir, "vitest.json");
const PLAYWRIGHT_JSON = path.join(resultsDir, "playwright.json"); // set in playwright.config.ts
const CI = Boolean(process.env.CI);

const STEPS = [
  { name: "PostgreSQL schema is up to date", cmd: ["node", "scripts/postgres-schema.mjs", "--check"] },
  // Static checks and the build need nothing from each other: side by side they share the two cores.
  {
    name: "Lint, type check and production build",
    together: [
      { name: "Lint", cmd: ["node", "scripts/lint.mjs"] },
      { name: "Type check", cmd: ["npx", "tsc", "--noEmit"] },
      { name: "Production build", cmd: ["npm", "run", "build"] },
    ],
  },
  // Reads the manifests the build just wrote: a second or two (issue 18's route JavaScript budget).
  {
    name: "Route JavaScript budget",
    cmd: ["npx", "tsx", "bench/route-js.ts", "--results", path.join(resultsDir, "route-js.json")],
  },
  // Vitest and Playwright one after the other: side by side they took 291 s against 308 s (1 Dec 2026, two cores),
  // too small a gain for a Playwright story running with half the CPU it is timed for.
  {
    name: "Vitest",
    cmd: ["npx", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`],
    // The server the build step bundled from this same source: the harness need not bundle it again.
    env: { STAFFROOM_TEST_SERVER_BUNDLE: path.join(process.env.BUILD_DIR || "build", "server.mjs") },
    report: VITEST_JSON,
    read: readVitest,
  },
  { name: "Playwright", cmd: ["npx", "playwright", "test"], report: PLAYWRIGHT_JSON, read: readPlaywright },
];

/** Runs a command; with `collect`, its output is gathered and returned instead of shown as it comes. */
function run(cmd, { collect = false, env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), {
      cwd: root,
      stdio: collect ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, ...env },
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    const done = (code) => resolve(collect ? { code, output } : code);
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", (error) => {
      console.error(`Could not start ${cmd.join(" ")}: ${error.message}`);
      done(127);
    });
    child.on("close", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      done(code ?? (signal ? 128 : 1));
    });
  });
}

/** Vitest's JSON report (Jest's shape). A file that fails to load has no tests but is a failure. */
export function readVitest(report) {
  const counts = { passed: 0, failed: 0, skipped: 0, skippedTests: [] };
  for (const file of report.testResults ?? []) {
    const relative = path.relative(root, file.name ?? "");
    const tests = file.assertionResults ?? [];
    for (const t of tests) {
      if (t.status === "passed") counts.passed++;
      else if (t.status === "failed") counts.failed++;
      else {
        counts.skipped++;
        counts.skippedTests.push(`${relative} > ${t.fullName ?? t.title} (${t.status})`);
      }
    }
    if (file.status === "failed" && !tests.some((t) => t.status === "failed")) {
      counts.failed++;
      console.error(`Vitest: ${relative} failed outside any test: ${(file.message ?? "").split("\n")[0]}`);
    }
  }
  return counts;
}

/** Playwright's JSON report: walk the suites for each test's outcome. */
export function readPlaywright(report) {
  const counts = { passed: 0, failed: 0, skipped: 0, skippedTests: [] };
  const testDir = report.config?.rootDir ? path.relative(root, report.config.rootDir) : "";
  const visit = (suite, trail) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const name = [...trail, spec.title].filter(Boolean).join(" > ");
        // expected / unexpected / flaky / skipped; retries are 0, so flaky should never happen: count it as failed.
        if (t.status === "expected") counts.passed++;
        else if (t.status === "skipped") {
          counts.skipped++;
          const why = (t.annotations ?? []).map((a) => [a.type, a.description].filter(Boolean).join(": ")).join("; ");
          counts.skippedTests.push(`${path.join(testDir, spec.file)}:${spec.line} > ${name}${why ? ` (${why})` : ""}`);
        } else counts.failed++;
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...trail, child.title === child.file ? "" : child.title]);
  };
  for (const suite of report.suites ?? []) visit(suite, []);
  // Errors outside tests (web server failed to start, a file did not compile) fail the run.
  for (const error of report.errors ?? []) {
    counts.failed++;
    console.error(`Playwright: error outside any test: ${(error.message ?? "").split("\n")[0]}`);
  }
  return counts;
}

function readReport(step) {
  if (!step.report) return null;
  if (!fs.existsSync(step.report)) return null;
  try {
    return step.read(JSON.parse(fs.readFileSync(step.report, "utf8")));
  } catch (error) {
    console.error(`${step.name}: could not read ${path.relative(root, step.report)}: ${error.message}`);
    return null;
  }
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Runs one step, or the steps of `together` side by side (each one's output shown whole when it ends); its exit code. */
async function runStep(step, timings) {
  if (!step.together) {
    console.log(`\n==> ${step.name}: ${step.cmd.join(" ")}`);
    return run(step.cmd, { env: step.env });
  }
  console.log(`\n==> ${step.name}: ${step.together.map((part) => part.cmd.join(" ")).join(" & ")}`);
  const codes = await Promise.all(
    step.together.map(async (part) => {
      const started = Date.now();
      const { code, output } = await run(part.cmd, { collect: true });
      console.log(`\n==> ${part.name} (${seconds(Date.now() - started)}): ${part.cmd.join(" ")}\n${output.trimEnd()}`);
      timings.push(`${part.name} ${seconds(Date.now() - started)}${code === 0 ? "" : ` (exit ${code})`}`);
      return code;
    }),
  );
  return codes.find((code) => code !== 0) ?? 0;
}

async function main() {
  fs.mkdirSync(resultsDir, { recursive: true });
  for (const file of [VITEST_JSON, PLAYWRIGHT_JSON]) fs.rmSync(file, { force: true });

  const totals = { passed: 0, failed: 0, skipped: 0, skippedTests: [] };
  const timings = [];
  let failedStep = null;
  const startedAll = Date.now();

  for (const step of STEPS) {
    const started = Date.now();
    const code = await runStep(step, timings);
    timings.push(`${step.name} ${seconds(Date.now() - started)}${code === 0 ? "" : ` (exit ${code})`}`);

    const reports = (step.together ?? [step]).filter((part) => part.report).map((part) => [part, readReport(part)]);
    for (const [part, counts] of reports) {
      if (!counts) continue;
      totals.passed += counts.passed;
      totals.failed += counts.failed;
      totals.skipped += counts.skipped;
      totals.skippedTests.push(...counts.skippedTests.map((t) => `${part.name}: ${t}`));
    }
    const counts = reports.length
      ? { failed: reports.reduce((sum, [, c]) => sum + (c?.failed ?? 0), 0), missing: reports.some(([, c]) => !c) }
      : null;
    if (code !== 0) {
      failedStep = step;
      // A step that fails without any failed test to show for it (tsc, the build, a runner that could not
      // start) still counts once, so the summary never reads "0 failed" on a red run.
      if (!counts || counts.missing || counts.failed === 0) totals.failed++;
      console.error(`\n==> ${step.name} failed (exit ${code}); stopping here.`);
      break;
    }
    const idle = reports.find(([, c]) => !c || c.passed + c.failed === 0);
    if (idle) {
      console.error(`\n==> ${idle[0].name} ran no tests at all; counting that as a failure.`);
      totals.failed++;
      failedStep = step;
      break;
    }
  }

  console.log(`\n==> Timings: ${timings.join("; ")}; total ${seconds(Date.now() - startedAll)}`);
  if (failedStep) console.log(`==> Stopped at: ${failedStep.name}`);

  if (totals.skipped > 0) {
    const bar = "!".repeat(72);
    const lines = [
      bar,
      `${totals.skipped} TEST${totals.skipped === 1 ? " WAS" : "S WERE"} SKIPPED${CI ? " IN CI" : ""}. Every skip needs a reason and an owner:`,
      ...totals.skippedTests.map((t) => `  - ${t}`),
      bar,
    ];
    console.error(lines.join("\n"));
    if (CI) for (const t of totals.skippedTests) console.error(`::warning title=Skipped test::${t}`);
  }

  const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ""}`;
  console.log(`\n${summary}`);
  process.exitCode = failedStep || totals.failed > 0 ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
