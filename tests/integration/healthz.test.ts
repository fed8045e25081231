// GET /healthz reports the database and the realtime layer, for load balancers
// and monitoring; and a production server without COOKIE_SECURE sets Secure cookies.
// This file runs the server on an empty PostgreSQL database (MIGRATE_ON_START)
// with its own Redis, which it stops to see the health check turn degraded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { emptyDatabase } from "../support/databases";
import { HttpClient, SESSION_COOKIE } from "../support/http-client";
import { startRedis, type RedisServer } from "../support/redis";

interface Health {
  status: string;
  database: { ok: boolean; provider: string; latencyMs?: number };
  realtime: { ok: boolean; adapter: string; connectedSockets: number; detail?: string };
  pid: number;
}

let app: AppProcess;
let redis: RedisServer;

beforeAll(async () => {
  redis = await startRedis();
  // The production start-up path on an empty database: migrate, seed, serve. NODE_ENV=production with
  // COOKIE_SECURE unset: cookies must be Secure.
  app = await startApp({
    databaseUrl: await emptyDatabase("postgresql"),
    redisUrl: redis.url,
    migrateOnStart: true,
    cookieSecure: undefined,
  });
});

afterAll(async () => {
  await app?.stop();
  await redis?.stop();
});

showServerOutputOnFailure(() => app);

async function health(): Promise<{ status: number; body: Health; contentType: string }> {
  const res = await fetch(app.url("/healthz"));
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", body: (await res.json()) as Health };
}

describe("the health check", () => {
  it("answers JSON with the database provider and the Redis realtime adapter", async () => {
    const { status, body, contentType } = await health();
    expect(status).toBe(200);
    expect(contentType).toMatch(/application\/json/);
    expect(body).toMatchObject({
      status: "ok",
      database: { ok: true, provider: "postgresql" },
      realtime: { ok: true, adapter: "redis", connectedSockets: 0 },
    });
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("needs no session", async () => {
    const res = await new HttpClient(app.origin).get("/healthz");
    expect(res.status).toBe(200);
    expect(res.setCookies).toHaveLength(0);
  });
});

describe("cookies in production", () => {
  it("are Secure, with the __Host- prefix, when NODE_ENV=production and COOKIE_SECURE is not set", async () => {
    const res = await new HttpClient(app.origin).signIn(demoUser("teacher").email, DEMO_PASSWORD);
    expect([302, 303]).toContain(res.status);
    // __Host-: the browser keeps them only when Secure, Path=/ and without Domain, so no subdomain can plant one.
    expect(res.setCookies.map((c) => c.name).sort()).toEqual(["__Host-staffroom_device", "__Host-staffroom_session"]);
    for (const cookie of res.setCookies) {
      expect(cookie.attributes.path, cookie.name).toBe("/");
      expect(cookie.attributes, cookie.name).not.toHaveProperty("domain");
    }
    const session = res.setCookies.find((c) => c.name === `__Host-${SESSION_COOKIE}`);
    expect(session?.attributes).toHaveProperty("secure");
    expect(session?.attributes).toHaveProperty("httponly");
    expect(session?.attributes.samesite?.toLowerCase()).toBe("lax");
    expect(session?.attributes.path).toBe("/");
    expect(session?.attributes.expires).toBeTruthy();
    const device = res.setCookies.find((c) => c.name === "__Host-staffroom_device");
    expect(device?.attributes).toHaveProperty("secure");
    expect(device?.attributes).toHaveProperty("httponly");
  });
});

describe("when Redis goes away", () => {
  it("reports the realtime layer degraded with 503", async () => {
    await redis.stop();
    let last: Awaited<ReturnType<typeof health>> | undefined;
    for (let i = 0; i < 40; i++) {
      last = await health();
      if (last.status === 503) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(last?.status).toBe(503);
    expect(last?.body).toMatchObject({
      status: "degraded",
      database: { ok: true },
      realtime: { ok: false, adapter: "redis" },
    });
  });
});
