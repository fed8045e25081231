// Sessions, following Lucia's guidance: the cookie carries a random token, the
// database keeps only its SHA-256 hash as the session id. Sliding inactivity
// expiry (Lucia extends a session used in the second half of its life) plus an
// absolute expiry fixed at sign-in.
import { Lucia, TimeSpan, type Session, type User } from "lucia";
import { config } from "~/config.server";
import type { ClientMeta } from "~/lib/request.server";
import { generateToken, hashToken } from "~/lib/tokens.server";
import type { Role } from "~/lib/roles";
import type { ActionContext } from "~/policies/actor";
import { auditAction } from "./audit.server";
import { db } from "./db.server";
import { PrismaSessionAdapter } from "./lucia-adapter.server";

function createLucia() {
  const cfg = config();
  return new Lucia(new PrismaSessionAdapter(db), {
    sessionExpiresIn: new TimeSpan(cfg.sessionIdleHours, "h"),
    sessionCookie: {
      name: "staffroom_session",
      expires: true,
      attributes: { secure: cfg.cookieSecure, sameSite: "lax", path: "/" },
    },
    getSessionAttributes: (attributes) => attributes,
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      name: attributes.name,
      role: attributes.role as Role,
      partnershipId: attributes.partnershipId,
      institutionId: attributes.institutionId,
    }),
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
  const session = await auth().createSession(
    userId,
    {
      absoluteExpiresAt: new Date(now + config().sessionAbsoluteDays * 24 * 3600_000),
      createdAt: new Date(now),
      userAgent: meta.userAgent.slice(0, 300),
      ipAddress: meta.ipAddress.slice(0, 64),
    },
    { sessionId: hashToken(token) },
  );
  return { session, cookie: withExpires(auth().createSessionCookie(token)) };
}

export type SessionCheck =
  { user: User; session: Session; cookie: Cookie | null } | { user: null; session: null; cookie: Cookie | null };

/** Validates the token from a cookie; returns a cookie to set when the session was extended or has ended. */
export async function validateSessionToken(token: string | null): Promise<SessionCheck> {
  if (!token) return { user: null, session: null, cookie: null };
  const lucia = auth();
  const result = await lucia.validateSession(hashToken(token));
  if (!result.session) return { user: null, session: null, cookie: blankSessionCookie() };
  if (result.session.absoluteExpiresAt.getTime() <= Date.now()) {
    await lucia.invalidateSession(result.session.id);
    return { user: null, session: null, cookie: blankSessionCookie() };
  }
  return {
    user: result.user,
    session: result.session,
    cookie: result.session.fresh ? withExpires(lucia.createSessionCookie(token)) : null,
  };
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
