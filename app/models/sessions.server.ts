// Sessions, following Lucia's guidance: the cookie carries a random token, the
// database keeps only its SHA-256 hash as the session id. Sliding inactivity
// expiry (Lucia extends a session used in the second half of its life) plus an
// absolute expiry fixed at sign-in. The inactivity period depends on the role (session-idle.server.ts), so the
// sliding is done here rather than by Lucia's validateSession; the cookie lasts until the absolute expiry and the
// server alone decides idleness (live connections count as activity, and they cannot refresh a cookie).
import { Lucia, TimeSpan, type DatabaseUser, type Session, type User } from "lucia";
import { config } from "~/config.server";
import type { ClientMeta } from "~/lib/request.server";
import { generateToken, hashToken } from "~/lib/tokens.server";
import type { Role } from "~/lib/roles";
import type { ActionContext } from "~/policies/actor";
import { auditAction } from "./audit.server";
import { authCookieName } from "./cookie-names.server";
import { db } from "./db.server";
import { PrismaSessionAdapter } from "./lucia-adapter.server";
import { idleTimeoutMs, slidIdleExpiry } from "./session-idle.server";

const adapter = new PrismaSessionAdapter(db);

function userAttributes(attributes: DatabaseUser["attributes"]) {
  const { email, name, role, partnershipId, institutionId } = attributes;
  return { email, name, role: role as Role, partnershipId, institutionId };
}

function createLucia() {
  const cfg = config();
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(cfg.sessionIdleHours, "h"),
    sessionCookie: {
      name: authCookieName("staffroom_session"),
      expires: true,
      attributes: { secure: cfg.cookieSecure, sameSite: "lax", path: "/" },
    },
    getSessionAttributes: (attributes) => attributes,
    getUserAttributes: userAttributes,
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseSessionAttributes: {
      absoluteExpiresAt: Date;
      createdAt: Date;
      userAgent: string;
      ipAddress: string;
      reauthenticatedAt: Date | null;
    };
    DatabaseUserAttributes: {
      email: string;
      name: string;
      role: string;
      partnershipId: string;
      institutionId: string;
    };
  }
}

let lucia: ReturnType<typeof createLucia> | undefined;
export function auth() {
  lucia ??= createLucia();
  return lucia;
}

/** Lucia sets only Max-Age; add the matching Expires for clients that only read that. */
function withExpires<C extends { attributes: { maxAge?: number; expires?: Date } }>(cookie: C): C {
  const maxAge = cookie.attributes.maxAge;
  if (maxAge !== undefined) cookie.attributes.expires = new Date(maxAge > 0 ? Date.now() + maxAge * 1000 : 0);
  return cookie;
}

/** The session's cookie, kept by the browser until the session's absolute expiry. */
function sessionCookie(token: string, absoluteExpiresAt: Date): Cookie {
  const cookie = auth().createSessionCookie(token);
  cookie.attributes.maxAge = Math.max(1, Math.floor((absoluteExpiresAt.getTime() - Date.now()) / 1000));
  return withExpires(cookie);
}

/** A cookie that clears the session cookie in the browser. */
export function blankSessionCookie(): Cookie {
  return withExpires(auth().createBlankSessionCookie());
}

export type SessionUser = User;
export type UserSession = Session;
export type Cookie = ReturnType<ReturnType<typeof createLucia>["createSessionCookie"]>;

/** Starts a new session (always a new one: never reuse a token across sign-ins). */
export async function startSession(userId: string, meta: ClientMeta): Promise<{ session: Session; cookie: Cookie }> {
  const token = generateToken();
  const now = Date.now();
  const { role } = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
  const row = await db().session.create({
    data: {
      id: hashToken(token),
      userId,
      expiresAt: new Date(now + idleTimeoutMs(role)),
      absoluteExpiresAt: new Date(now + config().sessionAbsoluteDays * 24 * 3600_000),
      createdAt: new Date(now),
      userAgent: meta.userAgent.slice(0, 300),
      ipAddress: meta.ipAddress.slice(0, 64),
    },
  });
  const session: Session = { ...row, fresh: true };
  return { session, cookie: sessionCookie(token, row.absoluteExpiresAt) };
}

export type SessionCheck =
  { user: User; session: Session; cookie: Cookie | null } | { user: null; session: null; cookie: Cookie | null };

/**
 * Validates the token from a cookie; returns a cookie to set when the session was extended or has ended. A socket's
 * handshake is no use of the session (a tab left open reconnects on its own): it passes `{ use: false }`.
 */
export async function validateSessionToken(token: string | null, options = { use: true }): Promise<SessionCheck> {
  if (!token) return { user: null, session: null, cookie: null };
  const [stored, user] = await adapter.getSessionAndUser(hashToken(token));
  if (!stored || !user) return { user: null, session: null, cookie: blankSessionCookie() };
  const now = Date.now();
  const { absoluteExpiresAt } = stored.attributes;
  if (stored.expiresAt.getTime() <= now || absoluteExpiresAt.getTime() <= now) {
    await adapter.deleteSession(stored.id);
    return { user: null, session: null, cookie: blankSessionCookie() };
  }
  const slid = options.use ? slidIdleExpiry(stored.expiresAt, user.attributes.role, now) : null;
  if (slid) await adapter.updateSessionExpiration(stored.id, slid);
  const session: Session = {
    ...stored.attributes,
    id: stored.id,
    userId: stored.userId,
    expiresAt: slid ?? stored.expiresAt,
    fresh: slid !== null,
  };
  return {
    user: { id: user.id, ...userAttributes(user.attributes) },
    session,
    cookie: slid ? sessionCookie(token, absoluteExpiresAt) : null,
  };
}

/** When a session ends if nothing uses it: its inactivity expiry or its absolute one, whichever is first. */
export function sessionEnd(session: Session): Date {
  return new Date(Math.min(session.expiresAt.getTime(), session.absoluteExpiresAt.getTime()));
}

/**
 * Whether a session still works, for a live connection that outlasts its page: its end (inactivity or absolute,
 * whichever is first) or null when it has ended. A connection active since `activeSince` counts as use, and keeps
 * the session alive as a page view would.
 */
export async function sessionEndForConnection(sessionId: string, lastActivityAt: number): Promise<Date | null> {
  const [stored, user] = await adapter.getSessionAndUser(sessionId);
  if (!stored || !user) return null;
  const now = Date.now();
  const absolute = stored.attributes.absoluteExpiresAt.getTime();
  let expiresAt = stored.expiresAt.getTime();
  const idleMs = idleTimeoutMs(user.attributes.role);
  if (lastActivityAt + idleMs > expiresAt && lastActivityAt <= now) {
    expiresAt = lastActivityAt + idleMs;
    await adapter.updateSessionExpiration(stored.id, new Date(expiresAt));
  }
  const end = Math.min(expiresAt, absolute);
  if (end <= now) {
    await adapter.deleteSession(stored.id);
    return null;
  }
  return new Date(end);
}

export function readSessionToken(cookieHeader: string | null | undefined): string | null {
  return cookieHeader ? auth().readSessionCookie(cookieHeader) : null;
}

export async function endSession(sessionId: string): Promise<Cookie> {
  await auth().invalidateSession(sessionId);
  return blankSessionCookie();
}

/** Ends the member's own session when they sign out, audited as their sign-out. */
export async function signOut(ctx: ActionContext, sessionId: string): Promise<Cookie> {
  const blank = await endSession(sessionId);
  await auditAction(ctx, { action: "sign-out", subjectType: "user", subjectId: ctx.actor.id });
  return blank;
}

export async function endAllSessions(userId: string): Promise<void> {
  await auth().invalidateUserSessions(userId);
}

/** Ends every session of the user but one; returns the ids it ended (their live sockets are the caller's to close). */
export async function endOtherSessions(userId: string, keepSessionId: string): Promise<string[]> {
  return db().$transaction(async (tx) => {
    const others = await tx.session.findMany({ where: { userId, id: { not: keepSessionId } }, select: { id: true } });
    const ids = others.map((s) => s.id);
    if (ids.length > 0) await tx.session.deleteMany({ where: { id: { in: ids } } });
    return ids;
  });
}

export async function listSessions(userId: string) {
  return db().session.findMany({
    where: { userId, expiresAt: { gt: new Date() }, absoluteExpiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, expiresAt: true, userAgent: true, ipAddress: true },
  });
}

/** Revokes one of the user's own sessions; false if it is not theirs. */
export async function revokeSession(userId: string, sessionId: string): Promise<boolean> {
  const { count } = await db().session.deleteMany({ where: { id: sessionId, userId } });
  return count > 0;
}
