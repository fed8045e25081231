// For in-process model tests: inside a describe block, points this process's
// Prisma client (app/models/db.server.ts) at a fresh database of one provider,
// seeded with the demo partnership, and disconnects afterwards.
import { afterAll, beforeAll } from "vitest";
import { db, disconnectDb, useDatabase, type DatabaseProvider } from "~/models/db.server";
import { isRole } from "~/lib/roles";
import type { Actor } from "~/policies/actor";
import { seedDemoPartnership } from "../../prisma/seed-data";
import { freshDatabase } from "./databases";

export type DemoSeed = Awaited<ReturnType<typeof seedDemoPartnership>>;

export interface ModelDatabase {
  url: string;
  /** The demo partnership (ids by DEMO_USERS / DEMO_INSTITUTIONS key). */
  demo: DemoSeed;
  /** A second partnership, same people with "+other" email addresses: for isolation tests. */
  other: DemoSeed;
}

export const OTHER_EMAIL_SUFFIX = ".other";

export function useModelDatabase(provider: DatabaseProvider): ModelDatabase {
  const state = {} as ModelDatabase;
  beforeAll(async () => {
    state.url = await freshDatabase(provider);
    await useDatabase(state.url);
    state.demo = await seedDemoPartnership(db());
    state.other = await seedDemoPartnership(db(), {
      slug: "other-valley",
      name: "Other Valley Partnership",
      emailDomainSuffix: OTHER_EMAIL_SUFFIX,
    });
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
