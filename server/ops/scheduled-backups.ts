// Backups on a timer in this process (BACKUP_EVERY_HOURS; off when 0), keeping the newest BACKUP_KEEP. With
// several processes on PostgreSQL, set it on one of them only (each would otherwise take its own).
import type { AppConfig } from "~/config.server";
import { logger } from "../logger";
import { backupDatabase, pruneBackups } from "./backup";

export function scheduleBackups(cfg: AppConfig): () => void {
  if (cfg.backupEveryHours === 0) return () => {};
  let running = false;
  const take = async () => {
    if (running) return;
    running = true;
    try {
      const backup = await backupDatabase(cfg.databaseUrl, cfg.backupDir);
      const removed = pruneBackups(cfg.backupDir, cfg.backupKeep);
      logger.info("backup written", { file: backup.file, bytes: backup.bytes, removed: removed.length });
    } catch (error) {
      logger.error("backup failed", { error: String(error) });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void take(), cfg.backupEveryHours * 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
