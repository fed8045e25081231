// The measured server: the production build (build/server.mjs, with the Node.js flags of `npm start`) on a
// generated database, with the query counter preloaded (bench/pages/query-counter.mjs: idle for requests without
// its header), and members signed in through POST /login with the demo password.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD } from "../../prisma/seed-data";
import { freePort, productionNodeFlags, repoRoot } from "../collab/servers/process";

export interface PagesServer {
  origin: string;
  queryPort: number;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

export async function startPagesServer(
  databaseUrl: string,
  extraNodeArgs: string[] = [],
  buildDir = path.join(repoRoot, "build"),
): Promise<PagesServer> {
  const bundle = path.join(buildDir, "server.mjs");
  if (!fs.existsSync(bundle)) throw new Error("The production build is missing: run `npm run build` first.");
  const [port, queryPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    REDIS_URL: "",
    SEED_DEMO: "false",
    MIGRATE_ON_START: "false",
    COOKIE_SECURE: "false",
    LOG_LEVEL: "warn",
    ALLOWED_ORIGINS: "",
    TRUST_PROXY_HOPS: "0",
    BENCH_QUERY_PORT: String(queryPort),
    // The server finds its Remix build from the repository's root: an absolute path for a build copied elsewhere.
    BUILD_DIR: buildDir,
  };
  for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key];
  const counter = path.join(import.meta.dirname, "query-counter.mjs");
  const child = spawn(process.execPath, [...productionNodeFlags(), ...extraNodeArgs, "--import", counter, bundle], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-50_000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited before it was ready:\n${output}`);
    const ok = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The server did not answer /healthz in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    queryPort,
    pid: child.pid ?? -1,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A session cookie of the member, through the sign-in form as a browser sends it. */
export async function signIn(origin: string, email: string): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }).toString(),
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]!);
  if (response.status !== 302 || !cookies.some((c) => c.startsWith("staffroom_session="))) {
    throw new Error(`signing in ${email} failed: HTTP ${response.status}`);
  }
  return cookies.join("; ");
}
