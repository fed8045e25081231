// Issue 14's account safeguards at the model level, on SQLite and PostgreSQL: the shorter idle timeout of the roles
// that see student details in full, a live connection's session end (editing counts as use), the recorded password
// confirmation, and the member's account notices.
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import {
  dismissAccountNotice,
  listAccountNotices,
  listUndismissedAccountNotices,
  noticeAccountChange,
} from "~/models/account-notices.server";
import { confirmItsYou, isRecentlyAuthenticated } from "~/models/reauthentication.server";
import { sessionEndForConnection, startSession, validateSessionToken } from "~/models/sessions.server";
import { DEMO_PASSWORD } from "../../prisma/seed-data";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

const meta = { userAgent: "vitest", ipAddress: "127.0.0.1" };
const MINUTE = 60_000;

describe.each(PROVIDERS)("account safeguards on %s", (provider) => {
  const database = useModelDatabase(provider);
  const userId = (key: string) => idOf(database.demo.userIds, key);

  it("gives the roles that see student details in full a 30-minute idle timeout, and LSAs the long one", async () => {
    for (const key of ["coordinator", "leader", "teacher"]) {
      const { session } = await startSession(userId(key), meta);
      const idle = session.expiresAt.getTime() - Date.now();
      expect(idle, key).toBeGreaterThan(29 * MINUTE);
      expect(idle, key).toBeLessThanOrEqual(30 * MINUTE);
    }
    const { session } = await startSession(userId("lsa"), meta);
    expect(session.expiresAt.getTime() - Date.now()).toBeGreaterThan(7 * 24 * 60 * MINUTE - MINUTE);
  });

  it("slides a teacher's session by 30 minutes at a time, never by the long period", async () => {
    const { session, cookie } = await startSession(userId("teacherFe"), meta);
    await db().session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() + 10 * MINUTE) } });
    const check = await validateSessionToken(cookie.value);
    expect(check.user?.id).toBe(userId("teacherFe"));
    const row = await db().session.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * MINUTE);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * MINUTE);
  });

  it("pulls in a teacher's session that was given a longer period (a changed setting) at its next use", async () => {
    const { session, cookie } = await startSession(userId("teacherDance"), meta);
    await db().session.update({
      where: { id: session.id },
      data: { expiresAt: new Date(Date.now() + 7 * 24 * 60 * MINUTE) },
    });
    await validateSessionToken(cookie.value);
    const row = await db().session.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * MINUTE);
  });

  it("a socket handshake is no use of the session: it does not slide the expiry", async () => {
    const { session, cookie } = await startSession(userId("teacherDeaf"), meta);
    const soon = new Date(Date.now() + 2 * MINUTE);
    await db().session.update({ where: { id: session.id }, data: { expiresAt: soon } });
    expect((await validateSessionToken(cookie.value, { use: false })).session?.expiresAt).toEqual(soon);
    expect((await db().session.findUniqueOrThrow({ where: { id: session.id } })).expiresAt).toEqual(soon);
  });

  it("a live connection's session ends when idle, but editing over the connection keeps it alive", async () => {
    const idle = await startSession(userId("teacherSpecial"), meta);
    await db().session.update({ where: { id: idle.session.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await sessionEndForConnection(idle.session.id, 0)).toBeNull();
    expect(await db().session.findUnique({ where: { id: idle.session.id } })).toBeNull();

    const editing = await startSession(userId("teacherSpecial"), meta);
    await db().session.update({ where: { id: editing.session.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const end = await sessionEndForConnection(editing.session.id, Date.now() - MINUTE);
    expect(end!.getTime() - Date.now()).toBeGreaterThan(28 * MINUTE);

    const pastAbsolute = await startSession(userId("teacherSpecial"), meta);
    await db().session.update({
      where: { id: pastAbsolute.session.id },
      data: { absoluteExpiresAt: new Date(Date.now() - 1) },
    });
    expect(await sessionEndForConnection(pastAbsolute.session.id, Date.now())).toBeNull();
  });

  it("records a password confirmation on the session, for REAUTHENTICATION_VALID_MINUTES", async () => {
    const id = userId("leader");
    const { session } = await startSession(id, meta);
    const ctx = { actor: await actorOf(id), ipAddress: "127.0.0.1" };
    expect(isRecentlyAuthenticated(session)).toBe(false);
    expect(await confirmItsYou(ctx, session.id, "not my password")).toMatchObject({ ok: false });
    expect((await db().session.findUniqueOrThrow({ where: { id: session.id } })).reauthenticatedAt).toBeNull();
    expect(await confirmItsYou(ctx, session.id, DEMO_PASSWORD)).toEqual({ ok: true });
    const row = await db().session.findUniqueOrThrow({ where: { id: session.id } });
    expect(isRecentlyAuthenticated(row)).toBe(true);
    expect(isRecentlyAuthenticated(row, row.reauthenticatedAt!.getTime() + 10 * MINUTE + 1)).toBe(false);
    const audited = await db().auditEvent.findMany({ where: { subjectId: id }, select: { action: true } });
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(["password.check-failed", "reauthenticated"]));
  });

  it("keeps a member's account notices to the member: listed, dismissed only by them", async () => {
    const member = { id: userId("teacher"), partnershipId: database.demo.partnershipId };
    await noticeAccountChange(member, "role-changed", "Helen Okafor changed your role from Teacher to Leader.");
    const [notice] = await listUndismissedAccountNotices(member.id);
    expect(notice!.message).toBe("Helen Okafor changed your role from Teacher to Leader.");
    expect(await dismissAccountNotice(userId("lsa"), notice!.id)).toBe(false);
    expect(await dismissAccountNotice(member.id, notice!.id)).toBe(true);
    expect(await listUndismissedAccountNotices(member.id)).toHaveLength(0);
    expect((await listAccountNotices(member.id))[0]).toMatchObject({ id: notice!.id, dismissedAt: expect.any(Date) });
  });
});
