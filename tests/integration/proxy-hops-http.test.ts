// Behind a configured number of proxies (TRUST_PROXY_HOPS), the client's address is the one the outermost
// proxy saw: whatever a client writes further left in X-Forwarded-For is ignored, so rotating it does not
// escape the per-address sign-in limit, sending a school's address does not lock the school out, and the
// audit log and sessions record the real address. With no hops configured the header is not read at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/models/db.server";
import { SIGN_IN_RULES } from "~/models/sign-in.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";
import { HttpClient } from "../support/http-client";

let behindProxy: AppProcess;
let direct: AppProcess;
let databaseUrl: string;
let store: Db;

beforeAll(async () => {
  ({ url: databaseUrl } = await seededDatabase("sqlite"));
  store = createDb(databaseUrl);
  [behindProxy, direct] = await Promise.all([
    // SEED_DEMO=true: the demo accounts below sign in from addresses other than this computer's only when told to.
    startApp({ databaseUrl, seedDemo: true, env: { TRUST_PROXY_HOPS: "1" } }),
    startApp({ databaseUrl, seedDemo: false }),
  ]);
});

afterAll(async () => {
  await store?.$disconnect();
  await Promise.all([behindProxy?.stop(), direct?.stop()]);
});

showServerOutputOnFailure(() => behindProxy, "behind one proxy");
showServerOutputOnFailure(() => direct, "no proxy");

/** A request as one proxy forwards it: what the client claimed, then the address the proxy saw. */
const viaProxy = (claimed: string | null, seenByProxy: string) => ({
  "x-forwarded-for": claimed ? `${claimed}, ${seenByProxy}` : seenByProxy,
});

async function lastSignInAddress(email: string): Promise<string | null> {
  const user = await store.user.findUniqueOrThrow({ where: { email } });
  const entry = await store.auditEvent.findFirst({
    where: { action: "sign-in", subjectId: user.id },
    orderBy: { createdAt: "desc" },
  });
  return entry?.ipAddress ?? null;
}

describe("TRUST_PROXY_HOPS=1", () => {
  it("records the address the proxy saw, not the one the client wrote, in the audit log and the session", async () => {
    const { email } = demoUser("teacher");
    const browser = new HttpClient(behindProxy.origin);
    const res = await browser.signIn(email, DEMO_PASSWORD, undefined, {
      headers: viaProxy("203.0.113.66", "198.51.100.7"),
    });
    expect(res.status).toBe(302);
    expect(await lastSignInAddress(email)).toBe("198.51.100.7");
    const user = await store.user.findUniqueOrThrow({ where: { email } });
    const session = await store.session.findFirstOrThrow({
      where: { userId: user.id },
      orderBy: { createdAt: "desc" },
    });
    expect(session.ipAddress).toBe("198.51.100.7");
  });

  it("counts guesses against the real address however the client rotates the forwarded one", async () => {
    const attempts = SIGN_IN_RULES.perAddress.maxFailures + 10;
    const responses = await Promise.all(
      Array.from({ length: attempts }, (_, i) =>
        new HttpClient(behindProxy.origin).post(
          "/login.data",
          { email: `nobody${i}@nowhere.example`, password: "guess" },
          { headers: viaProxy(`10.0.${i}.1`, "198.51.100.8") },
        ),
      ),
    );
    const statuses = responses.map((res) => res.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(SIGN_IN_RULES.perAddress.maxFailures);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect(await store.throttleBucket.count({ where: { key: { startsWith: "sign-in:address:10.0." } } })).toBe(0);

    // A client elsewhere that claims the blocked address is judged by its own: nobody can lock out a school
    // (or another browser) by writing its address.
    const claimant = await new HttpClient(behindProxy.origin).signIn(
      demoUser("leader").email,
      DEMO_PASSWORD,
      undefined,
      {
        headers: viaProxy("198.51.100.8", "198.51.100.9"),
      },
    );
    expect(claimant.status).toBe(302);
    const blocked = await new HttpClient(behindProxy.origin).signIn(demoUser("lsa").email, DEMO_PASSWORD, undefined, {
      headers: viaProxy(null, "198.51.100.8"),
    });
    expect(blocked.status).toBe(429);
  });
  it("checks the Origin against the host and scheme the proxy forwarded, not ones the client added", async () => {
    const post = (origin: string, forwarded: Record<string, string>) =>
      new HttpClient(behindProxy.origin).post(
        "/login.data",
        { email: "nobody@nowhere.example", password: "guess" },
        { origin, headers: { ...viaProxy(null, "198.51.100.20"), ...forwarded } },
      );
    const asForwarded = { "x-forwarded-host": "staffroom.example", "x-forwarded-proto": "https" };
    expect((await post("https://staffroom.example", asForwarded)).status).toBe(400);
    const spoofed = { "x-forwarded-host": "evil.example, staffroom.example", "x-forwarded-proto": "https, https" };
    expect((await post("https://evil.example", spoofed)).status).toBe(403);
  });

  it("builds the page's URL from the host the proxy forwarded, not one the client wrote (a bad one was a 500)", async () => {
    const res = await new HttpClient(behindProxy.origin).get("/login", {
      headers: { "x-forwarded-host": "not a host, staffroom.example", "x-forwarded-proto": "gopher, https" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toContain("Sign in");
  });
});

describe("with no proxy configured", () => {
  it("ignores X-Forwarded-For: the address is the connection's own", async () => {
    const { email } = demoUser("teacherFe");
    const res = await new HttpClient(direct.origin).signIn(email, DEMO_PASSWORD, undefined, {
      headers: viaProxy("203.0.113.66", "198.51.100.7"),
    });
    expect(res.status).toBe(302);
    expect(await lastSignInAddress(email)).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it("does not believe a forwarded host in the Origin check", async () => {
    const res = await new HttpClient(direct.origin).post(
      "/login.data",
      { email: "nobody@nowhere.example", password: "guess" },
      {
        origin: "https://staffroom.example",
        headers: { "x-forwarded-host": "staffroom.example", "x-forwarded-proto": "https" },
      },
    );
    expect(res.status).toBe(403);
  });

  it("refuses to start with the old TRUST_PROXY=true, and says what to set instead", async () => {
    const start = startApp({ databaseUrl, seedDemo: false, env: { TRUST_PROXY: "true" }, startTimeoutMs: 60_000 });
    await expect(start).rejects.toThrow(/TRUST_PROXY is no longer read.*TRUST_PROXY_HOPS/s);
  });
});
