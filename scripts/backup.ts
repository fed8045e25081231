// `npm run backup [-- --keep 14]`: an online, consistent backup of the database DATABASE_URL (or the embedded
// default) names, into BACKUP_DIR, while the server keeps running; prints the file. Uploads are in the database.
import { parseArgs } from "node:util";
import { config } from "~/config.server";
import { backupDatabase, pruneBackups } from "../server/ops/backup";

const { values } = parseArgs({ options: { keep: { type: "string" } } });
const cfg = config();
const keep = values.keep === undefined ? cfg.backupKeep : Number(values.keep);
if (!Number.isInteger(keep) || keep < 1) {
  console.error("usage: npm run backup [-- --keep <a whole number of backups to keep, at least 1>]");
  process.exit(2);
}
const backup = await backupDatabase(cfg.databaseUrl, cfg.backupDir);
const removed = pruneBackups(cfg.backupDir, keep);
console.log(`Backup written: ${backup.file} (${(backup.bytes / 1024 / 1024).toFixed(1)} MB)`);
if (removed.length > 0) console.log(`Removed ${removed.length} older backup${removed.length === 1 ? "" : "s"}.`);
