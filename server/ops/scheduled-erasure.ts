// Erases the leavers whose retention period is over (decision 019), on a timer in this process
// (STUDENT_ERASURE_EVERY_HOURS; off when 0) and once shortly after start. An erasure can run again safely, so two
// processes doing it at once waste work but lose nothing; with several processes, set it on one of them.
import type { AppConfig } from "~/config.server";
import { eraseStudentsPastRetention } from "~/models/student-erasure.server";
import { logger } from "../logger";

export function scheduleStudentErasure(cfg: AppConfig): () => void {
  if (cfg.studentErasureEveryHours === 0) return () => {};
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const erased = await eraseStudentsPastRetention();
      if (erased > 0) logger.info("leavers erased after their retention period", { erased });
    } catch (error) {
      logger.error("erasing leavers failed; the next run tries again", { error: String(error) });
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), 60_000);
  const timer = setInterval(() => void run(), cfg.studentErasureEveryHours * 3600_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
