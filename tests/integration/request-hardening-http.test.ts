// Over HTTP against the production server: every page carries a nonce-based Content-Security-Policy whose
// nonce is on each of its scripts; the current password asked for on the account page is throttled like
// signing in and each wrong one is audited; and every refused request leaves one structured log line
// without query strings, link tokens or passwords.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/models/db.server";
import { SIGN_IN_RULES } from "~/models/sign-in.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase, type SeededDatabase } from "../support/databases";
import { HttpClient, signedInClient } from "../support/http-client";
import { idOf } from "../support/model-database";

let app: AppProcess;
let store: Db;
let other: SeededDatabase["other"];

beforeAll(async () => {
  const seeded = await seededDatabase("sqlite");
  app = await startApp({ databaseUrl: seeded.url, seedDemo: false });
  store = createDb(seeded.url);
  other = seeded.other;
});

afterAll(async () => {
  await store?.$disconnect();
  await app?.stop();
});

showServerOutputOnFailure(() => app);

const signIn = (key: Parameters<typeof demoUser>[0]) => signedInClient(app.origin, demoUser(key).email, DEMO_PASSWORD);

interface LogLine {
  message: string;
  refusal?: string;
  status?: number;
  method?: string;
  path?: string;
  userId?: string | null;
}

/** The server's log lines about refused requests so far. */
function refusalLines(): LogLine[] {
  return app
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine)
    .filter((line) => line.message === "request refused");
}

/** Waits for the log line a finished response writes (it is written when the response ends). */
async function refusalLine(match: (line: LogLine) => boolean): Promise<LogLine> {
  for (let waited = 0; waited < 5_000; waited += 50) {
    const line = refusalLines().find(match);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no matching "request refused" line in:\n${app.output().slice(-3000)}`);
}

describe("the Content-Security-Policy", () => {
  function policyOf(header: string | null): Map<string, string> {
    return new Map(
      (header ?? "").split(";").map((directive) => {
        const [name = "", ...values] = directive.trim().split(/\s+/);
        return [name, values.join(" ")];
      }),
    );
  }

  it("is on every page, with a fresh nonce that each of the page's scripts carries", async () => {
    const teacher = await signIn("teacher");
    const nonces = new Set<string>();
    for (const path of ["/login", "/home", "/courses", "/account"]) {
      const res = await (path === "/login" ? new HttpClient(app.origin) : teacher).get(path);
      expect(res.status, path).toBe(200);
      const policy = policyOf(res.headers.get("content-security-policy"));
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy.get("script-src") ?? "")?.[1];
      expect(nonce, `${path} has a script nonce`).toBeTruthy();
      nonces.add(nonce!);
      const scripts = [...res.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, `${path} has scripts`).toBeGreaterThan(0);
      for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
      expect(policy.get("default-src")).toBe("'self'");
      expect(policy.get("script-src")).toBe(`'self' 'nonce-${nonce}'`);
      expect(policy.get("img-src")).toBe("'self' data:");
      expect(policy.get("connect-src")).toBe("'self'");
      expect(policy.get("frame-ancestors")).toBe("'none'");
      expect(policy.get("object-src")).toBe("'none'");
      expect(policy.get("base-uri")).toBe("'none'");
      expect(policy.get("form-action")).toBe("'self'");
    }
    expect(nonces.size, "a new nonce for every response").toBe(4);
  });
});

describe("the current password on the account page", () => {
  const change = (currentPassword: string) => ({
    intent: "change-password",
    currentPassword,
    newPassword: "a quite new long phrase",
    confirmPassword: "a quite new long phrase",
  });

  it("is checked at most the sign-in limit of times, even for guesses sent at once, and each wrong one is audited", async () => {
    const member = await signIn("teacherSpecial");
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => member.post("/account.data", change(`guess number ${i}`))),
    );
    const statuses = responses.map((res) => res.status);
    const limit = SIGN_IN_RULES.perAccount.maxFailures;
    expect(statuses.filter((s) => s === 400)).toHaveLength(limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - limit);

    const user = await store.user.findUniqueOrThrow({ where: { email: demoUser("teacherSpecial").email } });
    const audited = await store.auditEvent.findMany({ where: { action: "password.check-failed", subjectId: user.id } });
    expect(audited).toHaveLength(limit);
    expect(audited.every((entry) => entry.actorId === user.id)).toBe(true);

    // Even the right password now waits, and the page says for how long.
    const locked = await member.post("/account", change(DEMO_PASSWORD));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(locked.body).toContain("Too many unsuccessful attempts");
    const unchanged = await store.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(unchanged.passwordHash).toBe(user.passwordHash);

    const line = await refusalLine((l) => l.refusal === "throttled" && l.path?.startsWith("/account") === true);
    expect(line).toMatchObject({ status: 429, method: "POST", userId: user.id });
    expect(app.output()).not.toContain("guess number");
    expect(app.output()).not.toContain(DEMO_PASSWORD);
  });
});

describe("refused requests", () => {
  it("leave one log line for a foreign Origin", async () => {
    const res = await new HttpClient(app.origin).post(
      "/login",
      { email: "x@y.example", password: "secret guess" },
      {
        origin: "https://evil.example",
      },
    );
    expect(res.status).toBe(403);
    expect(await refusalLine((l) => l.refusal === "origin")).toMatchObject({
      status: 403,
      method: "POST",
      path: "/login",
    });
    expect(app.output()).not.toContain("secret guess");
  });

  it("leave one log line for a policy's 403 and 404, naming the member", async () => {
    const teacher = await signIn("teacher");
    const teacherId = (await store.user.findUniqueOrThrow({ where: { email: demoUser("teacher").email } })).id;
    expect((await teacher.get("/audit?page=2")).status).toBe(403);
    expect(await refusalLine((l) => l.path === "/audit")).toMatchObject({
      refusal: "forbidden",
      status: 403,
      userId: teacherId,
    });
    const stranger = idOf(other.userIds, "teacher");
    expect((await teacher.get(`/people/${stranger}`)).status).toBe(404);
    expect(await refusalLine((l) => l.path === `/people/${stranger}`)).toMatchObject({
      refusal: "not-found",
      status: 404,
      userId: teacherId,
    });
    expect(refusalLines().filter((l) => l.path === "/audit")).toHaveLength(1);
  });

  it("never log a link's token", async () => {
    const token = "a-secret-invitation-token-0123456789";
    expect((await new HttpClient(app.origin).get(`/invite/${token}?x=1`)).status).toBe(404);
    expect(await refusalLine((l) => l.path === "/invite/[token]")).toMatchObject({ refusal: "not-found" });
    expect(app.output()).not.toContain(token);
  });
});
