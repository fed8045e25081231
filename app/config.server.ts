// Reads and checks every environment variable Staffroom uses, once. README.md
// documents each of them; nothing else in the code reads process.env directly.
import path from "node:path";

export type AppConfig = ReturnType<typeof loadConfig>;

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

function boolFromEnv(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes"].includes(raw.toLowerCase())) return true;
  if (["0", "false", "no"].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

/**
 * How many proxies in front of Staffroom add to X-Forwarded-For. The old TRUST_PROXY=true trusted the left-most
 * address, which any client can write: it is refused rather than guessed at, so nobody keeps it by accident.
 */
function trustProxyHopsFromEnv(): number {
  if (boolFromEnv("TRUST_PROXY", false)) {
    throw new Error(
      "TRUST_PROXY is no longer read: it trusted any X-Forwarded-For a client sent. Remove it and set " +
        "TRUST_PROXY_HOPS to the number of proxies in front of Staffroom (1 for one load balancer or reverse proxy).",
    );
  }
  return intFromEnv("TRUST_PROXY_HOPS", 0);
}

/** Email delivery (decision 025): without SMTP_URL the outbox is still written, and nothing is sent. */
function mailConfig(production: boolean, port: number) {
  const digestHour = intFromEnv("DIGEST_HOUR", 7);
  if (digestHour > 23) throw new Error(`DIGEST_HOUR must be an hour from 0 to 23, got ${digestHour}`);
  return {
    /** smtp:// or smtps:// URL of the mail server (user and password in it); empty: emails wait in the outbox. */
    smtpUrl: process.env.SMTP_URL || "",
    /** The From of every email. */
    mailFrom: process.env.MAIL_FROM || "Staffroom <staffroom@localhost>",
    /** The address people reach Staffroom at, for the links in emails. */
    publicUrl: (process.env.PUBLIC_URL || (production ? "" : `http://localhost:${port}`)).replace(/\/$/, ""),
    /** The hour (Europe/London) at which the daily digest of notifications is sent. */
    digestHour,
    /** Key that signs unsubscribe links (32 bytes, hex or base64); unset: a key file in DATA_DIR. */
    unsubscribeKey: process.env.UNSUBSCRIBE_KEY || "",
    /** How long a process may hold an email it is sending before another may try it again, in seconds. */
    mailLeaseSeconds: intFromEnv("MAIL_LEASE_SECONDS", 120),
    /** How often the sender looks for due emails, and the first retry's wait, in ms (retries back off from there). */
    mailPollMs: intFromEnv("MAIL_POLL_MS", 5_000),
    /** How often this process looks for due and overdue actions, unread briefings and the digest, in minutes. */
    notificationScheduleMinutes: intFromEnv("NOTIFICATION_SCHEDULE_MINUTES", 15),
  };
}

export function loadConfig() {
  const production = process.env.NODE_ENV === "production";
  const dataDir = path.resolve(process.env.DATA_DIR || "data");
  const databaseUrl = process.env.DATABASE_URL || `file:${path.join(dataDir, "staffroom.db")}`;
  const usingEmbeddedDefault = !process.env.DATABASE_URL;
  const allowedOrigins = (process.env.ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim().replace(/\/$/, ""))
    .filter(Boolean);
  return {
    production,
    port: intFromEnv("PORT", 3000),
    host: process.env.HOST || "0.0.0.0",
    databaseUrl,
    usingEmbeddedDefault,
    redisUrl: process.env.REDIS_URL || "",
    /** Origins allowed for state-changing requests and the socket handshake; empty = the request's own host. */
    allowedOrigins,
    /** Proxies in front of us: the client's address is the one this many hops from the right of X-Forwarded-For. */
    trustProxyHops: trustProxyHopsFromEnv(),
    /** Secure cookies: on in production unless explicitly turned off (plain-HTTP intranet pilots). */
    cookieSecure: boolFromEnv("COOKIE_SECURE", production),
    /** Seed the demo partnership into an empty database. Default: only for the embedded SQLite default. */
    seedDemo: boolFromEnv("SEED_DEMO", usingEmbeddedDefault),
    /** Demo accounts (published password) sign in from other computers only when SEED_DEMO=true is set outright. */
    demoSignInFromAnywhere: boolFromEnv("SEED_DEMO", false),
    /** How long the first-run set-up link printed at start works, in hours. */
    setupLinkValidHours: intFromEnv("SETUP_LINK_VALID_HOURS", 24),
    /** Apply pending migrations when the server starts. */
    migrateOnStart: boolFromEnv("MIGRATE_ON_START", true),
    sessionIdleHours: intFromEnv("SESSION_IDLE_HOURS", 24 * 7),
    /** Idle timeout for the roles that see student details in full (coordinator, leaders, teachers), in minutes. */
    studentDetailSessionIdleMinutes: intFromEnv("STUDENT_DETAIL_SESSION_IDLE_MINUTES", 30),
    /** How long a password confirmation ("Confirm it's you") allows sensitive account changes, in minutes. */
    reauthenticationValidMinutes: intFromEnv("REAUTHENTICATION_VALID_MINUTES", 10),
    sessionAbsoluteDays: intFromEnv("SESSION_ABSOLUTE_DAYS", 30),
    inviteValidDays: intFromEnv("INVITE_VALID_DAYS", 7),
    /** How long a coordinator's password reset link works, in hours. */
    passwordResetValidHours: intFromEnv("PASSWORD_RESET_VALID_HOURS", 24),
    /** How often one private calendar feed link may be fetched per hour before it answers 429 (calendar apps poll). */
    calendarFeedRequestsPerHour: Math.max(1, intFromEnv("CALENDAR_FEED_REQUESTS_PER_HOUR", 30)),
    /** How long a document change waits for others to share its update-log transaction (group commit), in ms. */
    collabCommitWindowMs: intFromEnv("COLLAB_COMMIT_WINDOW_MS", 100),
    /** Access to a co-edited document is re-decided on every change from policy facts at most this old, in ms. */
    collabAccessRecheckMs: intFromEnv("COLLAB_ACCESS_RECHECK_MS", 5_000),
    /** The largest request body accepted, in bytes, for everything but file uploads (refused with 413 unread). */
    maxBodyBytes: intFromEnv("MAX_BODY_BYTES", 1024 * 1024),
    /** The largest multipart (file upload) request accepted, in bytes: one 5 MB file and the form's fields. */
    maxUploadBytes: intFromEnv("MAX_UPLOAD_BYTES", 6 * 1024 * 1024),
    /** The most parts (fields and files) one multipart request may carry. */
    maxUploadParts: intFromEnv("MAX_UPLOAD_PARTS", 20),
    /** A change that adds to a co-edited document is refused once the document would pass this size (decision 013). */
    collabMaxDocumentBytes: intFromEnv("COLLAB_MAX_DOCUMENT_BYTES", 8 * 1024 * 1024),
    logLevel: process.env.LOG_LEVEL || (production ? "info" : "debug"),
    dataDir,
    /** Key that seals two-step sign-in secrets (32 bytes, base64 or hex); unset: a key file in DATA_DIR (decision 015). */
    twoStepKey: process.env.TWO_STEP_KEY || "",
    /** Where backups are written (`npm run backup`, and the scheduled ones). */
    backupDir: path.resolve(process.env.BACKUP_DIR || path.join(dataDir, "backups")),
    /** Take a backup this often in this process, in hours; 0 turns it off. Daily by default on the embedded SQLite. */
    backupEveryHours: intFromEnv("BACKUP_EVERY_HOURS", usingEmbeddedDefault ? 24 : 0),
    /** How many backups to keep in BACKUP_DIR (the oldest go first). */
    backupKeep: Math.max(1, intFromEnv("BACKUP_KEEP", 14)),
    /** Audit entries older than this many days are removed (the chain stays verifiable); 0 keeps them for ever. */
    auditRetentionDays: intFromEnv("AUDIT_RETENTION_DAYS", 730),
    /** Automatic document versions older than this many days are removed (named ones are kept); 0 keeps them. */
    versionRetentionDays: intFromEnv("VERSION_RETENTION_DAYS", 365),
    /** Emails sent more than this many days ago leave the outbox; 0 keeps them. */
    outboxRetentionDays: intFromEnv("OUTBOX_RETENTION_DAYS", 90),
    /** How often this process erases leavers past their partnership's retention period, in hours; 0 turns it off. */
    studentErasureEveryHours: intFromEnv("STUDENT_ERASURE_EVERY_HOURS", 24),
    ...mailConfig(production, intFromEnv("PORT", 3000)),
    /** Where `npm run build` wrote the app (vite.config.ts reads the same variable). */
    buildDir: process.env.BUILD_DIR || "build",
  };
}

let cached: AppConfig | undefined;
export function config(): AppConfig {
  cached ??= loadConfig();
  return cached;
}

/** Reads the environment again. For tests that set variables in their own process: Vitest's workers share
 * modules between files, so another file may already have read the configuration. */
export function reloadConfig(): AppConfig {
  cached = loadConfig();
  return cached;
}
