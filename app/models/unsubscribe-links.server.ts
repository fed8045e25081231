// One-click unsubscribe links (RFC 8058): a token that names a member and the kinds an email told of, signed with
// HMAC-SHA256 under a key kept outside the database, so the link works without signing in and cannot be forged
// for another member or another kind.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { config } from "~/config.server";
import { isNotificationKind, type NotificationKind } from "~/lib/notification-kinds";

/** The key, and the setting it came from: read again when the configuration changes (tests reload it). */
let signing: { source: string; key: Buffer } | undefined;

/** UNSUBSCRIBE_KEY, or a key made once and kept in DATA_DIR (every process on one server shares it). */
function unsubscribeKey(): Buffer {
  const cfg = config();
  const source = cfg.unsubscribeKey ? `env:${cfg.unsubscribeKey}` : `file:${cfg.dataDir}`;
  if (signing?.source === source) return signing.key;
  signing = { source, key: cfg.unsubscribeKey ? keyFromSetting(cfg.unsubscribeKey) : keyFromFile(cfg.dataDir) };
  return signing.key;
}

function keyFromSetting(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32) throw new Error("UNSUBSCRIBE_KEY must be 32 bytes, as 64 hex digits or in base64");
  return key;
}

function keyFromFile(dataDir: string): Buffer {
  const file = path.join(dataDir, "unsubscribe.key");
  fs.mkdirSync(dataDir, { recursive: true });
  // Written whole under a private name, then linked into place: a link fails if the key exists, so of two processes
  // starting at once one makes the key, and neither can read a file the other has created but not yet written.
  const draft = `${file}.${process.pid}.${randomBytes(6).toString("hex")}`;
  fs.writeFileSync(draft, randomBytes(32).toString("hex"), { mode: 0o600 });
  try {
    fs.linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.unlinkSync(draft);
  }
  return Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex");
}

function signature(payload: string): string {
  return createHmac("sha256", unsubscribeKey()).update(payload).digest("base64url");
}

function unsubscribeToken(userId: string, kinds: readonly NotificationKind[]): string {
  const payload = Buffer.from(`${userId}:${kinds.join(",")}`).toString("base64url");
  return `${payload}.${signature(payload)}`;
}

export function unsubscribeUrl(userId: string, kinds: readonly NotificationKind[]): string {
  return `${config().publicUrl}/unsubscribe/${unsubscribeToken(userId, kinds)}`;
}

/** The member and kinds a token names, or null when it was not made by us (or was altered). */
export function readUnsubscribeToken(token: string): { userId: string; kinds: NotificationKind[] } | null {
  const [payload, sig] = token.split(".");
  if (!payload || !sig) return null;
  const expected = Buffer.from(signature(payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [userId, kindList] = Buffer.from(payload, "base64url").toString("utf8").split(":");
  const kinds = (kindList ?? "").split(",").filter(isNotificationKind);
  if (!userId || kinds.length === 0) return null;
  return { userId, kinds };
}
