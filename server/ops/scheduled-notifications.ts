// Tells what time brings (actions due tomorrow or overdue, unread briefings) and queues the daily digest, on a timer
// in every process (NOTIFICATION_SCHEDULE_MINUTES; off when 0) and shortly after start. Each notification and each
// digest has its dedupe key, so runs in several processes, or again after a crash, tell nobody twice.
import type { AppConfig } from "~/config.server";
import { queueDailyDigests } from "~/models/notification-digest.server";
import { notifyWhatIsDue } from "~/models/notification-schedule.server";
import { logger } from "../logger";

export function scheduleNotifications(cfg: AppConfig): () => void {
  if (cfg.notificationScheduleMinutes === 0) return () => {};
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const told = await notifyWhatIsDue();
      const digests = await queueDailyDigests();
      if (told + digests > 0) logger.info("scheduled notifications", { told, digests });
    } catch (error) {
      logger.error("scheduled notifications failed; the next run tries again", { error: String(error) });
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), 5_000);
  const timer = setInterval(() => void run(), cfg.notificationScheduleMinutes * 60_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
