// Sign-in throttling at the model level, on SQLite and PostgreSQL: per network
// address, per account, and per trusted browser, so that an attacker's guesses
// cannot lock the owner out of a browser they signed in from before.
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { SIGN_IN_RULES, signIn } from "~/models/sign-in.server";
import { blockedFor, clearFailures, pruneThrottleBuckets, reserveAttempt } from "~/models/throttle.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { PROVIDERS } from "../support/databases";
import { useModelDatabase } from "../support/model-database";

const MINUTE = 60_000;
const rule = { maxFailures: 3, windowMs: 10 * MINUTE, blockMs: 5 * MINUTE };
const client = (ipAddress: string) => ({ userAgent: "vitest", ipAddress });

describe.each(PROVIDERS)("throttling on %s", (provider) => {
  useModelDatabase(provider);

  it("blocks a key for blockMs once it collects maxFailures within the window", async () => {
    const now = new Date();
    await reserveAttempt("test:a", rule, now);
    await reserveAttempt("test:a", rule, now);
    expect(await blockedFor("test:a", now)).toBe(0);
    await reserveAttempt("test:a", rule, now);
    expect(await blockedFor("test:a", now)).toBe(rule.blockMs);
    expect(await blockedFor("test:a", new Date(now.getTime() + rule.blockMs + 1))).toBe(0);
    await clearFailures("test:a");
    expect(await blockedFor("test:a", now)).toBe(0);
  });

  it("starts counting again when the window has passed", async () => {
    const start = new Date();
    await reserveAttempt("test:b", rule, start);
    await reserveAttempt("test:b", rule, start);
    const later = new Date(start.getTime() + rule.windowMs + 1);
    await reserveAttempt("test:b", rule, later);
    expect(await blockedFor("test:b", later)).toBe(0);
    const bucket = await db().throttleBucket.findUniqueOrThrow({ where: { key: "test:b" } });
    expect(bucket.failures).toBe(1);
  });

  it("prunes old buckets", async () => {
    await reserveAttempt("test:old", rule, new Date(Date.now() - 60 * MINUTE));
    await pruneThrottleBuckets(new Date(Date.now() - 30 * MINUTE));
    expect(await db().throttleBucket.findUnique({ where: { key: "test:old" } })).toBeNull();
  });

  it("locks an account after repeated wrong passwords, even for the right one", async () => {
    const { email } = demoUser("teacherFe");
    for (let i = 0; i < SIGN_IN_RULES.perAccount.maxFailures; i++) {
      // Spread over many addresses: the per-account counter is what engages.
      expect(
        await signIn({ email, password: `guess ${i}`, deviceToken: null, meta: client(`198.51.100.${i}`) }),
      ).toMatchObject({ reason: "invalid" });
    }
    const locked = await signIn({ email, password: DEMO_PASSWORD, deviceToken: null, meta: client("203.0.113.9") });
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    if (locked.ok || locked.reason !== "throttled") throw new Error("not throttled");
    expect(locked.retryAfterMs).toBeGreaterThan(SIGN_IN_RULES.perAccount.blockMs - MINUTE);
    // Other accounts are unaffected.
    expect(
      (
        await signIn({
          email: demoUser("teacher").email,
          password: DEMO_PASSWORD,
          deviceToken: null,
          meta: client("203.0.113.9"),
        })
      ).ok,
    ).toBe(true);
  });

  it("blocks a network address that fails across many accounts", async () => {
    const ip = "192.0.2.77";
    const key = `sign-in:address:${ip}`;
    // Fill the address counter to one short of the limit, then fail for real.
    for (let i = 0; i < SIGN_IN_RULES.perAddress.maxFailures - 1; i++)
      await reserveAttempt(key, SIGN_IN_RULES.perAddress);
    expect(
      await signIn({ email: "someone@nowhere.example", password: "guess", deviceToken: null, meta: client(ip) }),
    ).toMatchObject({ reason: "invalid" });
    const blocked = await signIn({
      email: demoUser("leader").email,
      password: DEMO_PASSWORD,
      deviceToken: null,
      meta: client(ip),
    });
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    // The same account from another address still works.
    expect(
      (
        await signIn({
          email: demoUser("leader").email,
          password: DEMO_PASSWORD,
          deviceToken: null,
          meta: client("192.0.2.78"),
        })
      ).ok,
    ).toBe(true);
  });

  it("does not lock the owner out of a browser they signed in from before", async () => {
    const { email } = demoUser("teacherDance");
    const first = await signIn({ email, password: DEMO_PASSWORD, deviceToken: null, meta: client("10.1.1.1") });
    if (!first.ok) throw new Error("first sign-in failed");
    const deviceToken = first.deviceToken;

    // An attacker elsewhere exhausts the account's counter.
    for (let i = 0; i < SIGN_IN_RULES.perAccount.maxFailures; i++) {
      await signIn({ email, password: `attack ${i}`, deviceToken: null, meta: client(`198.51.100.${100 + i}`) });
    }
    expect(await signIn({ email, password: DEMO_PASSWORD, deviceToken: null, meta: client("10.1.1.1") })).toMatchObject(
      { reason: "throttled" },
    );

    // The owner's browser, with its device cookie, is judged on its own counter.
    const owner = await signIn({ email, password: DEMO_PASSWORD, deviceToken, meta: client("10.1.1.1") });
    expect(owner.ok).toBe(true);
    if (owner.ok) expect(owner.deviceToken).toBe(deviceToken);

    // A device token is bound to its user: it does not help on another account.
    const otherEmail = demoUser("teacherFe").email;
    expect(
      await signIn({ email: otherEmail, password: DEMO_PASSWORD, deviceToken, meta: client("10.1.1.1") }),
    ).toMatchObject({ reason: "throttled" });
  });

  it("throttles a trusted browser too after its own failures", async () => {
    const { email } = demoUser("lsaDeaf");
    const first = await signIn({ email, password: DEMO_PASSWORD, deviceToken: null, meta: client("10.2.2.2") });
    if (!first.ok) throw new Error("first sign-in failed");
    for (let i = 0; i < SIGN_IN_RULES.perDevice.maxFailures; i++) {
      await signIn({ email, password: `typo ${i}`, deviceToken: first.deviceToken, meta: client("10.2.2.2") });
    }
    expect(
      await signIn({ email, password: DEMO_PASSWORD, deviceToken: first.deviceToken, meta: client("10.2.2.2") }),
    ).toMatchObject({
      reason: "throttled",
    });
  });

  it("clears the account's failures after a successful sign-in", async () => {
    const { email } = demoUser("lsa");
    for (let i = 0; i < SIGN_IN_RULES.perAccount.maxFailures - 1; i++) {
      await signIn({ email, password: `typo ${i}`, deviceToken: null, meta: client("10.3.3.3") });
    }
    expect((await signIn({ email, password: DEMO_PASSWORD, deviceToken: null, meta: client("10.3.3.3") })).ok).toBe(
      true,
    );
    expect(
      await signIn({ email, password: "one more typo", deviceToken: null, meta: client("10.3.3.3") }),
    ).toMatchObject({ reason: "invalid" });
    expect((await signIn({ email, password: DEMO_PASSWORD, deviceToken: null, meta: client("10.3.3.3") })).ok).toBe(
      true,
    );
  });
});
