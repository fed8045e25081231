// Guesses sent all at once: of 100 wrong passwords fired together at one account, exactly the limit reach a
// password check, in one process and through two server processes sharing the database, on SQLite and
// PostgreSQL. Each checked wrong password of a known account writes one "sign-in.failed" audit entry, so the
// entries count the checks (not timing).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, db, type Db } from "~/models/db.server";
import { SIGN_IN_RULES, signIn, type SignInResult } from "~/models/sign-in.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { PROVIDERS, seededDatabase } from "../support/databases";
import { HttpClient } from "../support/http-client";
import { useModelDatabase } from "../support/model-database";

const AT_ONCE = 100;
const client = (ipAddress: string) => ({ userAgent: "vitest", ipAddress });

function tally(results: SignInResult[]) {
  return {
    checked: results.filter((r) => !r.ok && r.reason === "invalid").length,
    throttled: results.filter((r) => !r.ok && r.reason === "throttled").length,
    signedIn: results.filter((r) => r.ok).length,
  };
}

async function failedSignInsAudited(store: Db, email: string): Promise<number> {
  const user = await store.user.findUniqueOrThrow({ where: { email } });
  return store.auditEvent.count({ where: { action: "sign-in.failed", subjectId: user.id } });
}

describe.each(PROVIDERS)("guesses sent at once in one process on %s", (provider) => {
  useModelDatabase(provider);

  it("checks exactly the per-account limit of 100 wrong passwords at one account, from 100 addresses", async () => {
    const { email } = demoUser("teacherSpecial");
    const results = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        signIn({ email, password: `guess ${i}`, deviceToken: null, meta: client(`198.51.100.${i}`) }),
      ),
    );
    const limit = SIGN_IN_RULES.perAccount.maxFailures;
    expect(tally(results)).toEqual({ checked: limit, throttled: AT_ONCE - limit, signedIn: 0 });
    expect(await failedSignInsAudited(db(), email)).toBe(limit);
    // Refused attempts gave their per-address attempt back: only the checked ones count against an address.
    const addressFailures = await db().throttleBucket.aggregate({
      where: { key: { startsWith: "sign-in:address:198.51.100." } },
      _sum: { failures: true },
    });
    expect(addressFailures._sum.failures).toBe(limit);
  });

  it("checks exactly the per-address limit of 100 guesses from one address at 100 accounts", async () => {
    const ip = "192.0.2.200";
    const results = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        signIn({ email: `nobody${i}@nowhere.example`, password: "guess", deviceToken: null, meta: client(ip) }),
      ),
    );
    const limit = SIGN_IN_RULES.perAddress.maxFailures;
    expect(tally(results)).toEqual({ checked: limit, throttled: AT_ONCE - limit, signedIn: 0 });
    const bucket = await db().throttleBucket.findUniqueOrThrow({ where: { key: `sign-in:address:${ip}` } });
    expect(bucket.failures).toBe(limit);
  });

  it("does not count a right password against its address, even among guesses sent with it", async () => {
    const ip = "192.0.2.201";
    const { email } = demoUser("lsa");
    const results = await Promise.all([
      signIn({ email, password: DEMO_PASSWORD, deviceToken: null, meta: client(ip) }),
      ...Array.from({ length: 5 }, (_, i) =>
        signIn({ email: `nobody${i}@nowhere.example`, password: "guess", deviceToken: null, meta: client(ip) }),
      ),
    ]);
    expect(tally(results)).toEqual({ checked: 5, throttled: 0, signedIn: 1 });
    const bucket = await db().throttleBucket.findUniqueOrThrow({ where: { key: `sign-in:address:${ip}` } });
    expect(bucket.failures).toBe(5);
  });
});

describe.each(PROVIDERS)("guesses sent at once through two server processes on %s", (provider) => {
  let a: AppProcess;
  let b: AppProcess;
  let store: Db;

  beforeAll(async () => {
    const { url: databaseUrl } = await seededDatabase(provider);
    store = createDb(databaseUrl);
    [a, b] = await Promise.all([
      startApp({ databaseUrl, seedDemo: false }),
      startApp({ databaseUrl, seedDemo: false }),
    ]);
  });

  afterAll(async () => {
    await store?.$disconnect();
    await Promise.all([a?.stop(), b?.stop()]);
  });

  showServerOutputOnFailure(() => a, "process A");
  showServerOutputOnFailure(() => b, "process B");

  it("checks exactly the per-account limit of 100 wrong passwords split between the processes", async () => {
    const { email } = demoUser("teacherDance");
    // As the sign-in form posts with JavaScript (single fetch): the answer is the action's status, with no page
    // to render (a hundred pages at once on two cores can outlast the render's time limit).
    const responses = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        new HttpClient((i % 2 ? a : b).origin).post("/login.data", { email, password: `guess ${i}` }),
      ),
    );
    const statuses = responses.map((res) => res.status);
    const limit = SIGN_IN_RULES.perAccount.maxFailures;
    expect(statuses.filter((s) => s === 400)).toHaveLength(limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(AT_ONCE - limit);
    expect(await failedSignInsAudited(store, email)).toBe(limit);
  });
});
