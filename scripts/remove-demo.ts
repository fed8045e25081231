// `npm run demo:remove`: deletes the demo partnership and everything of it from the database DATABASE_URL names
// (or the embedded default), and keeps the server from seeding it again. Best run while Staffroom is stopped.
import { disconnectDb } from "~/models/db.server";
import { removeDemoPartnerships } from "~/models/demo-partnership.server";
import { needsSetup } from "~/models/first-run-setup.server";

const removed = await removeDemoPartnerships();
console.log(
  removed.length > 0
    ? `Removed the demo partnership (${removed.join(", ")}) and everything of it. It will not be seeded again.`
    : "There is no demo partnership to remove. It will not be seeded again.",
);
if (await needsSetup()) {
  console.log("No partnership is set up yet: start Staffroom and open the set-up link it prints in its log.");
}
await disconnectDb();
