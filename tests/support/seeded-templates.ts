// The demo partnership and a second ("other") one, seeded once per run into a template
// database of each provider, so test files copy seeded data instead of paying Argon2
// and thousands of inserts each. The seeding run's ids travel to the tests through
// Vitest's `provide` as plain records (copies of a template keep their ids).
import { createDb } from "~/models/db.server";
import { seedDemoPartnership } from "../../prisma/seed-data";

/** The second partnership of every seeded database: the same people with ".other" email addresses. */
const OTHER_PARTNERSHIP = {
  slug: "other-valley",
  name: "Other Valley Partnership",
  emailDomainSuffix: ".other",
} as const;

export type DemoSeed = Awaited<ReturnType<typeof seedDemoPartnership>>;

/** A DemoSeed as `provide` can carry it (no Maps). */
export interface SeedIds {
  partnershipId: string;
  institutionIds: Record<string, string>;
  userIds: Record<string, string>;
}

export interface SeededIds {
  demo: SeedIds;
  other: SeedIds;
}

function toIds(seed: DemoSeed): SeedIds {
  return {
    partnershipId: seed.partnershipId,
    institutionIds: Object.fromEntries(seed.institutionIds),
    userIds: Object.fromEntries(seed.userIds),
  };
}

export function toDemoSeed(ids: SeedIds): DemoSeed {
  return {
    partnershipId: ids.partnershipId,
    institutionIds: new Map(Object.entries(ids.institutionIds)),
    userIds: new Map(Object.entries(ids.userIds)),
  };
}

/** Seeds both partnerships into the (migrated, empty) database at url and closes the connection. */
export async function seedTemplate(url: string): Promise<SeededIds> {
  const store = createDb(url);
  try {
    const demo = await seedDemoPartnership(store);
    const other = await seedDemoPartnership(store, OTHER_PARTNERSHIP);
    return { demo: toIds(demo), other: toIds(other) };
  } finally {
    // A template must have no open connection when it is copied.
    await store.$disconnect();
  }
}
