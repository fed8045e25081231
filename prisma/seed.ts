// `npm run db:seed`: seeds the demo partnership into the database DATABASE_URL
// names (or the embedded default), unless a partnership is already there.
import { db, disconnectDb } from "~/models/db.server";
import { seedDemoPartnership } from "./seed-data";

const existing = await db().partnership.count();
if (existing > 0) {
  console.log("The database already has a partnership; nothing seeded.");
} else {
  await seedDemoPartnership(db());
  console.log("Demo partnership seeded.");
}
await disconnectDb();
