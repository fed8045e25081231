// Sessions at the model level, on SQLite and PostgreSQL: hashed tokens at rest,
// sliding inactivity expiry, absolute expiry, sign-out and revocation.
import { describe, expect, it } from "vitest";
import { hashToken } from "~/lib/tokens.server";
import { db } from "~/models/db.server";
import {
  auth,
  endAllSessions,
  endSession,
  listSessions,
  readSessionToken,
  revokeSession,
  startSession,
  validateSessionToken,
} from "~/models/sessions.server";
import { PROVIDERS } from "../support/databases";
import { idOf, useModelDatabase } from "../support/model-database";

const meta = { userAgent: "vitest", ipAddress: "127.0.0.1" };
const HOUR = 3600_000;

describe.each(PROVIDERS)("sessions on %s", (provider) => {
  const database = useModelDatabase(provider);
  const teacherId = () => idOf(database.demo.userIds, "teacher");

  async function newSession(userId = teacherId()) {
    const { session, cookie } = await startSession(userId, meta);
    return { session, token: cookie.value, cookie };
  }

  it("stores only the SHA-256 of the cookie's token", async () => {
    const { token } = await newSession();
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const rows = await db().session.findMany({ where: { userId: teacherId() } });
    expect(rows.map((r) => r.id)).toContain(hashToken(token));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    for (const row of rows) expect(JSON.stringify(row)).not.toContain(token);
  });

  it("sets an HttpOnly, SameSite=Lax, Path=/ cookie with an expiry", async () => {
    const { cookie } = await newSession();
    const header = cookie.serialize();
    expect(header).toMatch(/^staffroom_session=/);
    expect(header).toMatch(/; HttpOnly/i);
    expect(header).toMatch(/; SameSite=Lax/i);
    expect(header).toMatch(/; Path=\//i);
    const expires = /; Expires=([^;]+)/i.exec(header)?.[1];
    const maxAge = Number(/; Max-Age=(\d+)/i.exec(header)?.[1]);
    expect(expires, "the cookie has an Expires attribute").toBeDefined();
    expect(maxAge).toBeGreaterThan(0);
    expect(Math.abs(new Date(expires!).getTime() - (Date.now() + maxAge * 1000))).toBeLessThan(5_000);
    expect(header).not.toMatch(/; Secure/i); // COOKIE_SECURE is off outside production
    expect(readSessionToken(header.split(";")[0])).toBe(cookie.value);
  });

  it("starts a new session at every sign-in", async () => {
    const first = await newSession();
    const second = await newSession();
    expect(second.token).not.toBe(first.token);
    expect(second.session.id).not.toBe(first.session.id);
  });

  it("resolves a valid token to its user and session", async () => {
    const { token, session } = await newSession();
    const check = await validateSessionToken(token);
    expect(check.user?.id).toBe(teacherId());
    expect(check.user?.role).toBe("teacher");
    expect(check.session?.id).toBe(session.id);
    expect(check.cookie).toBeNull();
  });

  it("refuses missing, unknown and tampered tokens", async () => {
    const { token } = await newSession();
    expect((await validateSessionToken(null)).user).toBeNull();
    const unknown = await validateSessionToken("not-a-real-token");
    expect(unknown.user).toBeNull();
    expect(unknown.cookie?.value).toBe("");
    expect((await validateSessionToken(`${token}x`)).user).toBeNull();
    // The stored id is not a usable token.
    expect((await validateSessionToken(hashToken(token))).user).toBeNull();
  });

  it("ends a session after the inactivity period", async () => {
    const { token, session } = await newSession();
    await db().session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const check = await validateSessionToken(token);
    expect(check.user).toBeNull();
    expect(check.cookie?.value).toBe("");
  });

  it("ends a session at its absolute expiry even when it is in use", async () => {
    const { token, session } = await newSession();
    await db().session.update({ where: { id: session.id }, data: { absoluteExpiresAt: new Date(Date.now() - 1000) } });
    const check = await validateSessionToken(token);
    expect(check.user).toBeNull();
    expect(await db().session.findUnique({ where: { id: session.id } })).toBeNull();
  });

  it("slides the inactivity expiry forward when a session is used late in its life", async () => {
    // An LSA's session: the roles that see student details in full have a shorter period (account-security.test.ts).
    const { token, session } = await newSession(idOf(database.demo.userIds, "lsa"));
    const soon = new Date(Date.now() + HOUR);
    await db().session.update({ where: { id: session.id }, data: { expiresAt: soon } });
    const check = await validateSessionToken(token);
    expect(check.user?.id).toBe(idOf(database.demo.userIds, "lsa"));
    expect(check.cookie?.value).toBe(token);
    const row = await db().session.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(soon.getTime() + 24 * HOUR);
    // Never past the absolute expiry's check: that one is fixed at sign-in.
    expect(row.absoluteExpiresAt.getTime()).toBe(session.absoluteExpiresAt.getTime());
  });

  it("sets the absolute expiry at sign-in, after the inactivity expiry", async () => {
    const { session } = await newSession();
    const row = await db().session.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.absoluteExpiresAt.getTime()).toBeGreaterThan(row.expiresAt.getTime());
    expect(row.absoluteExpiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 30 * 24 * HOUR + 60_000);
  });

  it("sign-out ends the session on the server and clears the cookie", async () => {
    const { token, session } = await newSession();
    const blank = await endSession(session.id);
    expect(blank.value).toBe("");
    expect(blank.serialize()).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect((await validateSessionToken(token)).user).toBeNull();
  });

  it("ends every session of a user at once", async () => {
    const userId = idOf(database.demo.userIds, "teacherFe");
    const a = await newSession(userId);
    const b = await newSession(userId);
    await endAllSessions(userId);
    expect((await validateSessionToken(a.token)).user).toBeNull();
    expect((await validateSessionToken(b.token)).user).toBeNull();
  });

  it("treats sessions of a deactivated member as absent", async () => {
    const userId = idOf(database.demo.userIds, "teacherDance");
    const { token } = await newSession(userId);
    await db().user.update({ where: { id: userId }, data: { deactivatedAt: new Date() } });
    expect((await validateSessionToken(token)).user).toBeNull();
    await db().user.update({ where: { id: userId }, data: { deactivatedAt: null } });
  });

  it("lists a member's live sessions and revokes only their own", async () => {
    const userId = idOf(database.demo.userIds, "teacherDeaf");
    const otherUserId = idOf(database.demo.userIds, "teacherSpecial");
    const mine = await newSession(userId);
    const expired = await newSession(userId);
    await db().session.update({ where: { id: expired.session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const theirs = await newSession(otherUserId);

    const listed = await listSessions(userId);
    expect(listed.map((s) => s.id)).toContain(mine.session.id);
    expect(listed.map((s) => s.id)).not.toContain(expired.session.id);
    expect(listed[0]).toMatchObject({ userAgent: "vitest", ipAddress: "127.0.0.1" });

    expect(await revokeSession(userId, theirs.session.id)).toBe(false);
    expect((await validateSessionToken(theirs.token)).user?.id).toBe(otherUserId);
    expect(await revokeSession(userId, mine.session.id)).toBe(true);
    expect((await validateSessionToken(mine.token)).user).toBeNull();
  });

  it("clears expired sessions in bulk", async () => {
    const { session } = await newSession();
    await db().session.update({ where: { id: session.id }, data: { absoluteExpiresAt: new Date(Date.now() - 1000) } });
    await auth().deleteExpiredSessions();
    expect(await db().session.findUnique({ where: { id: session.id } })).toBeNull();
  });
});
