// At start, while no partnership of its own exists, prints a one-time link to set one up: the operator reading the
// log is the one person who should have it (as self-hosted tools hand over their first admin account).
import type { AppConfig } from "~/config.server";
import { issueSetupToken } from "~/models/first-run-setup.server";
import { logger } from "./logger";

export async function announceSetupLink(cfg: AppConfig, port: number): Promise<void> {
  const token = await issueSetupToken();
  if (!token) return;
  // Behind a proxy the address people use is the configured origin, not the port this process listens on.
  const origin = cfg.allowedOrigins[0] ?? `http://localhost:${port}`;
  const setupLink = `${origin}/setup/${token}`;
  // A warning, so that it shows at every log level: someone has to act on it.
  logger.warn(
    `No partnership is set up yet. To set up yours, open ${setupLink} (it works once, for ${cfg.setupLinkValidHours} hours; each start prints a new one).`,
    { setupLink },
  );
}
