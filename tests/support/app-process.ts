// Runs the real Staffroom server (server/index.ts, bundled from the current source by the global
// setup; production mode, the built Remix app) as a child process on a free port, for HTTP, socket
// and multi-process tests. The output is kept for failure messages.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeEach, inject } from "vitest";
import { freePort } from "./ports";

const root = path.resolve(import.meta.dirname, "..", "..");
const serverBuild = path.join(root, "build", "server", "index.js");
const exitWithParent = path.join(import.meta.dirname, "exit-with-parent.mjs");

// Children still running when the test worker exits are killed with it.
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export interface AppOptions {
  databaseUrl: string;
  redisUrl?: string;
  /** Apply migrations at start (the test databases come migrated; default false). */
  migrateOnStart?: boolean;
  /** Seed the demo partnership into an empty database (default true). */
  seedDemo?: boolean;
  /** "false" by default so plain-HTTP tests can send cookies; undefined leaves it unset. */
  cookieSecure?: string | undefined;
  env?: Record<string, string | undefined>;
  startTimeoutMs?: number;
  /** The port to try first (the harness's own test of a taken port); a free one by default. */
  port?: number;
}

export interface AppProcess {
  port: number;
  /** http://localhost:PORT, also the Origin the server expects. */
  origin: string;
  url(pathname: string): string;
  output(): string;
  pid: number;
  /** SIGTERM, then SIGKILL after a grace period. */
  stop(): Promise<void>;
  /** SIGKILL at once (crash simulation). */
  kill(): Promise<void>;
}

function assertBuilt(): void {
  if (!fs.existsSync(serverBuild)) {
    throw new Error(
      `The production build is missing (${path.relative(root, serverBuild)}). Run \`npm run build\` before these tests ` +
        "(`npm test` builds first).",
    );
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Another process took the port between freePort() and the server's listen: worth one more try on another port. */
class PortTaken extends Error {}

export async function startApp(options: AppOptions): Promise<AppProcess> {
  assertBuilt();
  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  for (let attempt = 1; ; attempt++) {
    try {
      const port = attempt === 1 && options.port ? options.port : await freePort();
      return await startOnce(options, port, deadline);
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt >= 3) throw error;
    }
  }
}

async function startOnce(options: AppOptions, port: number, deadline: number): Promise<AppProcess> {
  const origin = `http://localhost:${port}`;
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl ?? "",
    SEED_DEMO: String(options.seedDemo ?? true),
    MIGRATE_ON_START: String(options.migrateOnStart ?? false),
    LOG_LEVEL: "warn",
    COOKIE_SECURE: "cookieSecure" in options ? options.cookieSecure : "false",
    ALLOWED_ORIGINS: "",
    TRUST_PROXY_HOPS: "0",
    ...options.env,
  };
  // Vitest's own variables must not leak into the child.
  for (const key of Object.keys(env)) if (key.startsWith("VITEST") || env[key] === undefined) delete env[key];

  // Plain node on the bundle, not tsx, which spent about 5 CPU-seconds of every start transpiling the source; one
  // process, so kill() really kills the server and not a wrapper. Source maps keep stack traces pointing at server/.
  const child = spawn(
    process.execPath,
    ["--enable-source-maps", "--import", pathToFileURL(exitWithParent).href, inject("serverBundle")],
    {
      cwd: root,
      env: env as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  running.add(child);
  child.once("exit", () => running.delete(child));
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));

  const app: AppProcess = {
    port,
    origin,
    pid: child.pid ?? -1,
    url: (pathname) => new URL(pathname, origin).toString(),
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 8_000);
      await exited(child);
      clearTimeout(timer);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGKILL");
      await exited(child);
    },
  };

  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      if (output.includes("EADDRINUSE")) throw new PortTaken(`port ${port} was taken:\n${output}`);
      throw new Error(
        `The Staffroom server exited before it was ready (code ${child.exitCode}, signal ${child.signalCode}):\n${output}`,
      );
    }
    // Only this child's answer counts (/healthz names its pid): whatever else took the port meanwhile does not.
    const answeredBy = await fetch(`${origin}/healthz`, {
      headers: { connection: "close" },
      signal: AbortSignal.timeout(2_000),
    })
      .then(async (res) => (res.status === 200 ? ((await res.json()) as { pid?: number }).pid : undefined))
      .catch(() => undefined);
    if (answeredBy === child.pid) return app;
    if (Date.now() > deadline) {
      await app.kill();
      throw new Error(`The Staffroom server did not answer /healthz within the time limit:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Prints the tail of the server's output when a test fails (call inside describe). */
export function showServerOutputOnFailure(current: () => AppProcess | undefined, label = "server"): void {
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      const output = current()?.output() ?? "(not started)";
      console.error(`--- ${label} output (last 4000 characters) ---\n${output.slice(-4000)}`);
    });
  });
}
