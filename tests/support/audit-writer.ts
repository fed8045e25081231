// A separate process appending audit entries to one partnership's chain, for tests of appends from several
// processes at once: `node --import tsx tests/support/audit-writer.ts <partnershipId> <count> <label>`, with
// DATABASE_URL naming the shared database. Connects, prints "ready", waits for a line on stdin so that every
// writer starts together, then appends five at a time and prints "done" once every entry is committed.
import { once } from "node:events";
import { recordAudit } from "~/models/audit.server";
import { db, disconnectDb } from "~/models/db.server";

const [partnershipId, count, label] = process.argv.slice(2);
const AT_ONCE = 5;
const total = Number(count);
await db().partnership.findUniqueOrThrow({ where: { id: partnershipId } });
console.log("ready");
await once(process.stdin, "data");
for (let start = 0; start < total; start += AT_ONCE) {
  const batch = Array.from({ length: Math.min(AT_ONCE, total - start) }, (_, i) =>
    recordAudit({
      partnershipId: partnershipId!,
      actorId: null,
      action: "test.appended",
      subjectType: "test",
      subjectId: `${label}-${start + i}`,
    }),
  );
  await Promise.all(batch);
}
await disconnectDb();
console.log("done");
process.exit(0);
