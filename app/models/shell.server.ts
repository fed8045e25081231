// What the shell of every signed-in page shows about the member, in one statement: their name, role, institution and
// partnership, whether they have ever been deployed as a supporter (the navigation's "My deployments"), and how many
// in-app notifications they have not read, and their account notices not yet dismissed. It runs on every page, so it
// costs one round trip, not five (a second one only while a notice waits).
import { listUndismissedAccountNotices } from "./account-notices.server";
import { db } from "./db.server";

interface ShellRow {
  name: string;
  role: string;
  institutionName: string;
  partnershipName: string;
  isDemo: boolean | number;
  deployed: boolean | number | bigint;
  unread: number | bigint;
  noticed: boolean | number | bigint;
}

/** The member's shell facts; null when they are not stored (a session outliving its member). */
export async function getShellFacts(userId: string) {
  const rows = await db().$queryRaw<ShellRow[]>`
    SELECT u."name", u."role", i."name" AS "institutionName", p."name" AS "partnershipName", p."isDemo",
      EXISTS (SELECT 1 FROM "Deployment" d WHERE d."partnershipId" = u."partnershipId" AND d."supporterId" = u."id")
        AS "deployed",
      (SELECT COUNT(*) FROM "Notification" n WHERE n."recipientId" = u."id" AND n."inApp" = TRUE AND n."readAt" IS NULL)
        AS "unread",
      EXISTS (SELECT 1 FROM "AccountNotice" a WHERE a."userId" = u."id" AND a."dismissedAt" IS NULL) AS "noticed"
    FROM "User" u
    JOIN "Institution" i ON i."id" = u."institutionId"
    JOIN "Partnership" p ON p."id" = u."partnershipId"
    WHERE u."id" = ${userId}`;
  const row = rows[0];
  if (!row) return null;
  // SQLite answers booleans and counts as integers, PostgreSQL as booleans and bigints.
  return {
    name: row.name,
    role: row.role,
    institutionName: row.institutionName,
    partnershipName: row.partnershipName,
    isDemo: Boolean(Number(row.isDemo)),
    hasDeployments: Boolean(Number(row.deployed)),
    unreadNotifications: Number(row.unread),
    accountNotices: Number(row.noticed) ? await listUndismissedAccountNotices(userId) : [],
  };
}
