// Resolves the signed-in user for each request from the session cookie, and
// refreshes or clears that cookie when Lucia extends or ends the session.
import type { RequestHandler } from "express";
import { readSessionToken, validateSessionToken, type SessionUser, type UserSession } from "~/models/sessions.server";

export interface RequestAuth {
  user: SessionUser | null;
  session: UserSession | null;
}

export function resolveSession(): RequestHandler {
  return async (req, res, next) => {
    try {
      const check = await validateSessionToken(readSessionToken(req.headers.cookie));
      if (check.cookie) res.append("Set-Cookie", check.cookie.serialize());
      res.locals.auth = { user: check.user, session: check.session } satisfies RequestAuth;
      next();
    } catch (error) {
      next(error);
    }
  };
}
