// The one place policy decisions become HTTP responses: 401 -> sign in,
// 403 when the record is visible but the action is not allowed, 404 when the
// record does not exist or belongs to another partnership (never reveal it).
import { redirect, type AppLoadContext } from "@remix-run/node";
import { isRole } from "~/lib/roles";
import type { ActionContext, Actor } from "./actor";

export function requireActor(context: AppLoadContext, request: Request): Actor {
  const user = context.user;
  if (!user || !isRole(user.role)) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(redirectTo === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  return { id: user.id, role: user.role, partnershipId: user.partnershipId, institutionId: user.institutionId };
}

export function forbidden(message = "You do not have permission to do that."): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

export function notFound(message = "We could not find that page."): never {
  throw new Response(message, { status: 404, statusText: "Not Found" });
}

/** Throws 403 unless allowed. */
export function ensure(allowed: boolean, message?: string): asserts allowed {
  if (!allowed) forbidden(message);
}

/** Throws 404 unless the record exists and is in the actor's partnership. */
export function ensureFound<T extends { partnershipId: string }>(actor: Actor, record: T | null | undefined): T {
  if (!record || record.partnershipId !== actor.partnershipId) notFound();
  return record;
}

/** The signed-in actor and the client's address, for model functions that change data and audit it. */
export function requireActionContext(context: AppLoadContext, request: Request): ActionContext {
  return { actor: requireActor(context, request), ipAddress: context.clientIp };
}
