// The demo partnership the quick start seeds: its password is published, so its accounts sign in only from this
// computer unless SEED_DEMO=true says otherwise, and `npm run demo:remove` takes it out with everything of it.
import { config } from "~/config.server";
import { isLoopbackAddress } from "~/lib/loopback";
import type { ClientMeta } from "~/lib/request.server";
import { recordAudit } from "./audit.server";
import { db } from "./db.server";
import { flushSearchIndex } from "./search/search-hooks.server";

const INSTALLATION_ID = "installation";

export type DemoSignInScope = "no-demo" | "this-computer" | "anywhere";

/** Where demo members may sign in from, for the sign-in page to say; "no-demo" when there is none. */
export async function demoSignInScope(): Promise<DemoSignInScope> {
  if ((await db().partnership.count({ where: { isDemo: true } })) === 0) return "no-demo";
  return config().demoSignInFromAnywhere ? "anywhere" : "this-computer";
}

/**
 * True, with an audit entry, when a member of a demo partnership signs in from another computer while the
 * demo is not opened up (SEED_DEMO=true). Called once the password has matched: anyone could know it.
 */
export async function demoSignInRefused(user: { id: string; partnershipId: string }, meta: ClientMeta) {
  if (config().demoSignInFromAnywhere || isLoopbackAddress(meta.ipAddress)) return false;
  const partnership = await db().partnership.findUnique({ where: { id: user.partnershipId } });
  if (!partnership?.isDemo) return false;
  await recordAudit({
    partnershipId: user.partnershipId,
    actorId: null,
    action: "sign-in.refused",
    subjectType: "user",
    subjectId: user.id,
    detail: { reason: "demo account away from this computer" },
    ipAddress: meta.ipAddress,
  });
  return true;
}

/** Whether the demo partnership was removed from this database once: it is then never seeded again. */
export async function demoWasRemoved(): Promise<boolean> {
  const installation = await db().installation.findUnique({ where: { id: INSTALLATION_ID } });
  return Boolean(installation?.demoRemovedAt);
}

async function throttleKeysOf(partnershipIds: string[]): Promise<string[]> {
  const users = await db().user.findMany({
    where: { partnershipId: { in: partnershipIds } },
    select: { email: true, trustedDevices: { select: { id: true } } },
  });
  return users.flatMap((u) => [`sign-in:account:${u.email}`, ...u.trustedDevices.map((d) => `sign-in:device:${d.id}`)]);
}

/**
 * Deletes every demo partnership and everything of it (members, sessions, courses, plans, co-edited documents
 * with their update logs and versions, uploads, which live in the database, audit entries, sign-in counters),
 * and marks the installation so that no later start seeds the demo again. Returns the names removed.
 */
export async function removeDemoPartnerships(): Promise<string[]> {
  const demos = await db().partnership.findMany({ where: { isDemo: true }, select: { id: true, name: true } });
  const ids = demos.map((d) => d.id);
  const throttleKeys = await throttleKeysOf(ids);
  const memberIds = (await db().user.findMany({ where: { partnershipId: { in: ids } }, select: { id: true } })).map(
    (u) => u.id,
  );
  const inDemo = { partnershipId: { in: ids } };
  // Index refreshes queued by earlier writes land first, so none writes a demo record's entry after they are deleted.
  await flushSearchIndex(db());
  await db().$transaction(
    async (tx) => {
      // Institutions and members are referenced by rows that do not cascade with them: those rows go first,
      // then the partnership takes the rest (institutions, documents, audit entries…) with it.
      await tx.comment.deleteMany({ where: { thread: inDemo } });
      await tx.commentThread.deleteMany({ where: inDemo });
      await tx.deployment.deleteMany({ where: inDemo });
      await tx.meetingAction.deleteMany({ where: inDemo });
      await tx.meeting.deleteMany({ where: inDemo });
      await tx.course.deleteMany({ where: inDemo });
      await tx.student.deleteMany({ where: inDemo });
      await tx.invite.deleteMany({ where: inDemo });
      // Kept apart from the members and the partnership (no foreign keys), so named here: the outbox holds
      // addresses, the index holds text.
      await tx.emailOutbox.deleteMany({ where: inDemo });
      await tx.searchEntry.deleteMany({ where: inDemo });
      await tx.searchFacetSet.deleteMany({ where: inDemo });
      await tx.notificationPreference.deleteMany({ where: { userId: { in: memberIds } } });
      await tx.user.deleteMany({ where: inDemo });
      await tx.partnership.deleteMany({ where: { id: { in: ids } } });
      await tx.throttleBucket.deleteMany({ where: { key: { in: throttleKeys } } });
      await tx.installation.upsert({
        where: { id: INSTALLATION_ID },
        create: { id: INSTALLATION_ID, demoRemovedAt: new Date() },
        update: { demoRemovedAt: new Date() },
      });
    },
    { timeout: 120_000 },
  );
  // The deletions queue refreshes of their own; they find the records gone and leave no entry behind.
  await flushSearchIndex(db());
  await db().searchEntry.deleteMany({ where: inDemo });
  await db().searchFacetSet.deleteMany({ where: inDemo });
  return demos.map((d) => d.name);
}
