// `npm run restore -- <backup file> --yes`: replaces the database DATABASE_URL (or the embedded default) names with
// the backup's content. Stop every Staffroom process first; run migrations after restoring an older backup (the
// server applies them on start unless MIGRATE_ON_START=false).
import { parseArgs } from "node:util";
import { config } from "~/config.server";
import { restoreDatabase } from "../server/ops/backup";

const { values, positionals } = parseArgs({ options: { yes: { type: "boolean" } }, allowPositionals: true });
const file = positionals[0];
if (!file) {
  console.error("usage: npm run restore -- <backup file> --yes   (stop the server first)");
  process.exit(2);
}
if (!values.yes) {
  console.error(`This replaces everything in ${config().databaseUrl.replace(/:[^:@/]*@/, ":***@")} with ${file}.`);
  console.error("Stop every Staffroom process, then run it again with --yes.");
  process.exit(2);
}
await restoreDatabase(file, config().databaseUrl);
console.log(`Restored ${file}. Start the server: it applies any newer migrations.`);
