// For in-process model tests: inside a describe block, points this process's
// Prisma client (app/models/db.server.ts) at a fresh copy of the seeded template
// of one provider (the demo partnership and the "other" one), and disconnects afterwards.
import { afterAll, beforeAll } from "vitest";
import { db, disconnectDb, useDatabase, type DatabaseProvider } from "~/models/db.server";
import { isRole } from "~/lib/roles";
import type { Actor } from "~/policies/actor";
import { seededDatabase, type SeededDatabase } from "./databases";

export type ModelDatabase = SeededDatabase;

export function useModelDatabase(provider: DatabaseProvider): ModelDatabase {
  const state = {} as ModelDatabase;
  beforeAll(async () => {
    Object.assign(state, await seededDatabase(provider));
    await useDatabase(state.url);
  });
  afterAll(async () => {
    await disconnectDb();
  });
  return state;
}

/** The id of a seeded user or institution, failing loudly on a typo. */
export function idOf(map: Map<string, string>, key: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`no seeded record "${key}"`);
  return id;
}

/** The policy Actor of a stored user. */
export async function actorOf(userId: string): Promise<Actor> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  if (!isRole(user.role)) throw new Error(`user ${userId} has no valid role`);
  return { id: user.id, role: user.role, partnershipId: user.partnershipId, institutionId: user.institutionId };
}
