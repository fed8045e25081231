// `npm run lint`: every static check of the code, run side by side, each tool's output printed whole once it ends,
// failing when any of them fails. ESLint (correctness, hooks, accessibility, the layers per file), Prettier
// (formatting), dependency-cruiser (the import graph: cycles and layers) and knip (dead files and exports).
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

export const CHECKS = [
  { name: "ESLint", cmd: [bin("eslint"), ".", "--max-warnings", "0"] },
  { name: "Prettier", cmd: [bin("prettier"), "--check", ".", "--log-level", "warn"] },
  {
    name: "dependency-cruiser",
    cmd: [bin("depcruise"), "app", "server", "--config", ".dependency-cruiser.cjs", "--output-type", "err"],
  },
  { name: "knip", cmd: [bin("knip"), "--no-progress"] },
];

function run({ name, cmd }) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd[0], cmd.slice(1), { cwd: root, env: { ...process.env, FORCE_COLOR: "0" } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ name, code: 127, output: `could not start: ${error.message}`, ms: 0 }));
    child.on("close", (code) => resolve({ name, code: code ?? 1, output, ms: Date.now() - started }));
  });
}

async function main() {
  const only = process.argv.slice(2);
  const checks = only.length ? CHECKS.filter((c) => only.includes(c.name)) : CHECKS;
  const results = await Promise.all(checks.map(run));
  for (const { name, code, output, ms } of results) {
    const verdict = code === 0 ? "ok" : `FAILED (exit ${code})`;
    console.log(`--- ${name}: ${verdict} in ${(ms / 1000).toFixed(1)} s`);
    if (output.trim()) console.log(output.trimEnd());
  }
  const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
  if (failed.length) {
    console.error(`\nLint failed: ${failed.join(", ")}. \`npm run format\` fixes Prettier's findings.`);
    process.exitCode = 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
