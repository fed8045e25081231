// Starting and stopping the processes of the benchmark: each pinned to one core
// with taskset, run by node directly (node --import tsx for TypeScript, not the tsx
// CLI, which would put a wrapper process between us and the pid whose CPU we measure;
// plain node for a compiled .mjs such as Staffroom's build/server.mjs).
import fs from "node:fs";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "..", "..", "..");

export interface PinnedProcess {
  child: ChildProcess;
  pid: number;
  output(): string;
  exited(): Promise<number | null>;
  /** SIGTERM, then SIGKILL after graceMs. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * The command that runs a script pinned to a core. On a shared machine other work would distort every
 * latency figure, so by default the measured processes run under the round-robin real-time policy
 * (chrt -r 10; the kernel still leaves 5% of each core to everyone else): BENCH_SCHED=rr (default),
 * nice (nice -15) or none. chrt, nice and taskset all exec, so the pid is node's.
 */
export function pinnedCommand(core: number, script: string, nodeArgs: string[] = []): [string, string[]] {
  const loader = script.endsWith(".ts") ? ["--import", "tsx"] : [];
  const pinned = ["taskset", "-c", String(core), process.execPath, ...loader, ...nodeArgs, script];
  const sched = process.env.BENCH_SCHED ?? "rr";
  if (sched === "rr") return ["chrt", ["-r", "10", ...pinned]];
  if (sched === "nice") return ["nice", ["-n", "-15", ...pinned]];
  return [pinned[0]!, pinned.slice(1)];
}

/**
 * The Node.js flags `npm start` runs the production server with (the flags between `node` and the compiled
 * server, build/server.mjs, in package.json's start script), so the benchmark measures the server as deployed.
 */
export function productionNodeFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  const match = /\bnode((?:\s+--[\w-]+(?:=\S+)?)*)\s+\S*\/server\.mjs\b/.exec(pkg.scripts?.start ?? "");
  if (!match) throw new Error('package.json\'s start script does not run "node [flags] build/server.mjs"');
  return match[1]!.split(/\s+/).filter(Boolean);
}

/**
 * The environment defaults `npm start` sets for the allocator (assignments of the form NAME=${NAME:-value} before
 * `node` in package.json's start script, such as GLIBC_TUNABLES), so the benchmark's server gets them too; a value
 * already in `env` wins, as it does under npm start.
 */
export function productionEnvDefaults(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  const defaults: Record<string, string> = {};
  for (const [, name, value] of (pkg.scripts?.start ?? "").matchAll(/\b([A-Z_]+)=\$\{\1:-([^}]*)\}/g)) {
    defaults[name!] = env[name!] || value!;
  }
  return defaults;
}

/**
 * The checkout a Staffroom process runs from: this one, or BENCH_STAFFROOM_ROOT (another checkout with its own build
 * and node_modules), so a paired run can put an earlier revision beside the working tree
 * (`--variants "base;before:BENCH_STAFFROOM_ROOT=/path/to/checkout;hocuspocus"`).
 */
export function checkoutRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.BENCH_STAFFROOM_ROOT || repoRoot;
}

export function spawnPinned(
  core: number,
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  serverNodeArgs: string[] = [],
): PinnedProcess {
  const nodeArgs = [
    ...serverNodeArgs,
    ...(core === 0 ? (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean) : []),
  ];
  const [command, commandArgs] = pinnedCommand(core, script, nodeArgs);
  const child = spawn(command, [...commandArgs, ...args], {
    cwd: checkoutRoot(env),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  // BENCH_SERVER_LOG=FILE: also append the server's output to FILE (with BENCH_SERVER_NODE_ARGS=--trace-gc, say).
  const logFile = core === 0 ? process.env.BENCH_SERVER_LOG : undefined;
  const keep = (chunk: Buffer) => {
    if (logFile) fs.appendFileSync(logFile, chunk);
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    pid: child.pid ?? -1,
    output: () => output,
    exited: () => exit,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Runs a pinned helper to completion and returns its stdout; throws with its output on failure. */
export async function runPinned(core: number, script: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const proc = spawnPinned(core, script, args, env);
  let stdout = "";
  proc.child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await proc.exited();
  if (code !== 0) throw new Error(`${script} ${args.join(" ")} failed (exit ${code}):\n${proc.output()}`);
  return stdout;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export async function waitUntil(
  ready: () => Promise<boolean>,
  proc: PinnedProcess,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
      throw new Error(`${what} exited before it was ready:\n${proc.output()}`);
    }
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) {
      await proc.stop(1000);
      throw new Error(`${what} was not ready within ${timeoutMs} ms:\n${proc.output()}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** The last line of a helper's stdout, parsed as JSON (helpers print their answer last). */
export function lastJsonLine<T>(stdout: string): T {
  const line = stdout.trim().split("\n").filter(Boolean).at(-1);
  if (!line) throw new Error("the helper printed nothing");
  return JSON.parse(line) as T;
}

/** The commit measured, and whether the engine's files differed from it (others work in the same tree). */
export function gitRevision(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot }).toString().trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "server", "app/models", "app/policies"], {
      cwd: repoRoot,
    })
      .toString()
      .trim();
    return dirty ? `${head} + uncommitted changes in server/ or app/` : head;
  } catch {
    return "unknown";
  }
}
