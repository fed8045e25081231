// Staffroom's real path: the production server (server/index.ts with the built
// Remix app) on its own SQLite file, the clients signed in through POST /login
// as the demo coordinator and teachers, every socket authenticated by its
// session cookie, every join checked by the document policy, and every update
// acknowledged only once it is in the update log.
import fs from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD, DEMO_USERS } from "../../../prisma/seed-data";
import type { BenchServer, RunningServer, StartOptions } from "./types";
import {
  checkoutRoot,
  freePort,
  lastJsonLine,
  productionEnvDefaults,
  productionNodeFlags,
  runPinned,
  spawnPinned,
  waitUntil,
} from "./process";

const HELPER = "bench/collab/servers/staffroom-db.ts";

/**
 * What `npm start` runs: the compiled server (build/server.mjs) under plain node. A checkout from before the
 * server was compiled (BENCH_STAFFROOM_ROOT, for a paired run against an old revision) has none and runs its
 * server/index.ts through tsx, as it was deployed then.
 */
function serverEntry(): string {
  // BENCH_STAFFROOM_SERVER: another bundle of the same checkout (`node scripts/build-server.mjs build/server-x.mjs`),
  // for pairing a change to the server against the build beside it, with everything else the same.
  const bundle = process.env.BENCH_STAFFROOM_SERVER;
  if (bundle) return bundle;
  return fs.existsSync(path.join(checkoutRoot(), "build", "server.mjs")) ? "build/server.mjs" : "server/index.ts";
}

/** Members who may edit partnership documents (coordinators and teachers). */
const EDITOR_EMAILS = DEMO_USERS.filter((u) => u.role === "coordinator" || u.role === "teacher").map((u) => u.email);

function serverEnv(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...productionEnvDefaults(),
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
  };
}

async function signIn(origin: string, email: string): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }).toString(),
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]!);
  if (response.status !== 302 || !cookies.some((c) => c.startsWith("staffroom_session="))) {
    throw new Error(`signing in ${email} failed: HTTP ${response.status} ${await response.text().catch(() => "")}`);
  }
  return cookies.join("; ");
}

export const staffroomServer: BenchServer = {
  kind: "staffroom",
  version: "working tree",
  async start({ workDir, rooms }: StartOptions): Promise<RunningServer> {
    if (!fs.existsSync(path.join(checkoutRoot(), "build", "server", "index.js"))) {
      throw new Error("The production build is missing: run `npm run build` first (or pass --build).");
    }
    const databaseUrl = `file:${path.join(workDir, "staffroom.db")}`;
    const port = await freePort();
    const env = serverEnv(databaseUrl, port);
    // Setup on core 0 too, before the server starts: the load generator's core stays quiet.
    const { documentIds } = lastJsonLine<{ documentIds: string[] }>(
      await runPinned(0, HELPER, ["setup", String(rooms)], env),
    );

    // With the Node.js flags `npm start` uses in production (package.json), so what we measure is what we deploy;
    // BENCH_STAFFROOM_NODE_FLAGS adds some, for a paired experiment (a variant's env) only.
    const extraFlags = (process.env.BENCH_STAFFROOM_NODE_FLAGS ?? "").split(" ").filter(Boolean);
    const proc = spawnPinned(0, serverEntry(), [], env, [...productionNodeFlags(), ...extraFlags]);
    const origin = `http://127.0.0.1:${port}`;
    await waitUntil(
      async () => (await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) })).status === 200,
      proc,
      "the Staffroom server",
    );
    const cookies: string[] = [];
    for (const email of EDITOR_EMAILS) cookies.push(await signIn(origin, email));

    return {
      kind: "staffroom",
      pid: proc.pid,
      port,
      rooms: documentIds,
      cookies,
      persistence:
        "every update in the SQLite update log before its ack (group commit), compaction at 1,000 rows and a quarter of the snapshot's size or at 1 MiB, after 10 s idle and on unload",
      output: proc.output,
      stop: () => proc.stop(),
      async storedFingerprints() {
        return lastJsonLine<Record<string, string>>(await runPinned(0, HELPER, ["dump", ...documentIds], env));
      },
    };
  },
};
