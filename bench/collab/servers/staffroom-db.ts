// Run in its own process against the benchmark's SQLite file (DATABASE_URL):
// `setup <rooms>` migrates, seeds the demo partnership and creates one
// partnership document per room through the app's own models, as the
// coordinator; `dump <id>...` prints the fingerprint of each document's stored
// state (compaction snapshots + update log, as the engine loads it).
import { config } from "~/config.server";
import { createDocument } from "~/models/collab-documents.server";
import { loadDocumentState } from "~/models/collab-log.server";
import { db, disconnectDb } from "~/models/db.server";
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import { DEMO_USERS, seedDemoPartnership } from "../../../prisma/seed-data";
import { migrateDatabase, tuneSqlite } from "../../../server/database";
import { fingerprintOfState } from "../shared";

async function setup(rooms: number) {
  const cfg = config();
  await migrateDatabase(cfg);
  await tuneSqlite(cfg);
  const seeded = await seedDemoPartnership(db());
  const coordinator = DEMO_USERS.find((u) => u.key === "coordinator")!;
  const actor = {
    id: seeded.userIds.get("coordinator")!,
    role: "coordinator" as const,
    partnershipId: seeded.partnershipId,
    institutionId: seeded.institutionIds.get(coordinator.institution)!,
  };
  const documentIds: string[] = [];
  for (let i = 0; i < rooms; i++) {
    const document = await createDocument(actor, {
      ownerType: PARTNERSHIP_DOCUMENT,
      ownerId: `bench-room-${i}`,
      title: `Bench room ${i}`,
    });
    documentIds.push(document.id);
  }
  return { documentIds };
}

async function dump(ids: string[]) {
  const prints: Record<string, string> = {};
  for (const id of ids) prints[id] = fingerprintOfState((await loadDocumentState(id)).state);
  return prints;
}

const [mode, ...args] = process.argv.slice(2);
const work =
  mode === "setup"
    ? setup(Number(args[0]))
    : mode === "dump"
      ? dump(args)
      : Promise.reject(new Error(`unknown mode ${mode}`));
work
  .then(async (answer) => {
    await disconnectDb();
    process.stdout.write(`${JSON.stringify(answer)}\n`);
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
