// What the server process does to the database once, before it listens: SQLite's
// connection settings, stored sort keys brought up to date, and the demo partnership for an empty database.
import { seedDemoPartnership } from "../../prisma/seed-data";
import { db, SQLITE_WAL_CHECKPOINT_PAGES } from "./db.server";
import { demoWasRemoved } from "./demo-partnership.server";
import { refreshTitleSortKeys } from "./title-sort-keys.server";

/** For SQLite only (the caller decides): the pragmas every connection of this process runs with. */
export async function applySqlitePragmas(): Promise<void> {
  // WAL lets readers proceed during writes; NORMAL sync is durable in WAL mode across process crashes.
  await db().$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db().$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db().$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await db().$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${SQLITE_WAL_CHECKPOINT_PAGES}`);
  // Deleted rows are overwritten with zeros, so an erased student's details do not linger in free pages (decision 019).
  await db().$queryRawUnsafe("PRAGMA secure_delete = ON");
  // Without table statistics the planner takes any index on an equality (Deployment by partnershipId: every row of
  // the partnership) over a selective range (the week's lessons), so pages scanned tens of thousands of rows. The
  // open-time optimize analyses tables without statistics or grown tenfold since, on a bounded sample of each index.
  await db().$queryRawUnsafe("PRAGMA analysis_limit = 1000");
  await db().$queryRawUnsafe("PRAGMA optimize = 0x10002");
}

/** Strategies' and courses' title sort keys as the current rule gives them (decisions 037, 049); how many were rewritten. */
export async function refreshSortKeys(): Promise<number> {
  return refreshTitleSortKeys(db());
}

/**
 * Seeds the demo partnership when the database has no partnership yet and the demo was never removed from it
 * (`npm run demo:remove`); true when it did.
 */
export async function seedDemoIfEmpty(): Promise<boolean> {
  const existing = await db().partnership.count();
  if (existing > 0 || (await demoWasRemoved())) return false;
  await seedDemoPartnership(db());
  return true;
}
