// Sends the email outbox through SMTP (nodemailer; decision 025), in every process: claim one due message with a
// lease, send it with its fixed Message-ID and one-click unsubscribe headers, mark it sent once the server accepted
// it; a refusal or an unreachable server is retried with a doubling wait. A message written for one notification
// is withdrawn instead when its reader may no longer read what it quotes (or has left). Without SMTP_URL nothing is sent and the
// outbox waits (the coordinator sees it).
import nodemailer from "nodemailer";
import type { AppConfig } from "~/config.server";
import { isNotificationKind } from "~/lib/notification-kinds";
import {
  claimDueEmail,
  markEmailFailed,
  markEmailSent,
  markEmailWithdrawn,
  type ClaimedEmail,
} from "~/models/email-outbox.server";
import { withdrawnBecause } from "~/models/notification-access.server";
import { unsubscribeUrl } from "~/models/unsubscribe-links.server";
import { logger } from "../logger";

export interface MailSender {
  /** Something was queued: look now rather than at the next poll. */
  nudge(): void;
  stop(): Promise<void>;
}

export function startMailSender(cfg: AppConfig): MailSender {
  if (!cfg.smtpUrl) return { nudge() {}, stop: async () => {} };
  const transport = nodemailer.createTransport(cfg.smtpUrl);
  let stopped = false;
  let draining: Promise<void> | null = null;
  let again = false;

  const sendOne = async (email: ClaimedEmail) => {
    // Judged now, not when queued: a message that waited out an SMTP outage may quote what its reader lost.
    const withdrawn = await withdrawnBecause(email);
    if (withdrawn) {
      await markEmailWithdrawn(email.id, withdrawn);
      logger.info("email withdrawn before sending", { id: email.id, reason: withdrawn });
      return;
    }
    const kinds = email.unsubscribeKinds.split(",").filter(isNotificationKind);
    try {
      await transport.sendMail({
        from: cfg.mailFrom,
        to: email.toAddress,
        subject: email.subject,
        text: email.text,
        messageId: email.messageId,
        headers: {
          "List-Unsubscribe": `<${unsubscribeUrl(email.recipientId, kinds)}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      });
    } catch (error) {
      logger.warn("email not sent; it will be tried again", {
        id: email.id,
        attempt: email.attempts,
        error: String(error),
      });
      await markEmailFailed(email, String(error));
      return;
    }
    await markEmailSent(email.id);
  };

  const drain = async () => {
    do {
      again = false;
      for (let email = await claimDueEmail(); email && !stopped; email = await claimDueEmail()) await sendOne(email);
    } while (again && !stopped);
  };
  const nudge = () => {
    if (stopped) return;
    if (draining) {
      again = true;
      return;
    }
    draining = drain()
      .catch((error) =>
        logger.error("the email sender failed; it starts again at the next poll", { error: String(error) }),
      )
      .finally(() => (draining = null));
  };
  const timer = setInterval(nudge, cfg.mailPollMs);
  timer.unref();
  nudge();
  return {
    nudge,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await draining;
      transport.close();
    },
  };
}
