// Each member's choice, per kind of notification, of where they hear of it: in Staffroom, by email (at once or in
// the daily digest), both or neither. A kind without a stored choice uses DEFAULT_DELIVERY.
import {
  DEFAULT_DELIVERY,
  NOTIFICATION_KINDS,
  type DeliveryChoice,
  type NotificationKind,
} from "~/lib/notification-kinds";
import type { Db } from "./db.server";
import { db } from "./db.server";

type Tx = Pick<Db, "notificationPreference">;

function choiceOf(row: { inApp: boolean; email: string } | undefined): DeliveryChoice {
  if (!row) return DEFAULT_DELIVERY;
  const email = row.email === "immediate" || row.email === "off" ? row.email : "digest";
  return { inApp: row.inApp, email };
}

/** Every kind with the member's choice, in the order of NOTIFICATION_KINDS. */
export async function listDeliveryChoices(userId: string): Promise<Array<{ kind: NotificationKind } & DeliveryChoice>> {
  const rows = await db().notificationPreference.findMany({ where: { userId } });
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  return NOTIFICATION_KINDS.map((kind) => ({ kind, ...choiceOf(byKind.get(kind)) }));
}

/** The choices of several members for one kind (notify() asks once per event). */
export async function deliveryChoicesFor(
  userIds: readonly string[],
  kind: NotificationKind,
  tx: Tx = db(),
): Promise<Map<string, DeliveryChoice>> {
  const rows = await tx.notificationPreference.findMany({ where: { userId: { in: [...userIds] }, kind } });
  const byUser = new Map(rows.map((row) => [row.userId, row]));
  return new Map(userIds.map((id) => [id, choiceOf(byUser.get(id))]));
}

export async function saveDeliveryChoices(
  userId: string,
  choices: ReadonlyArray<{ kind: NotificationKind } & DeliveryChoice>,
): Promise<void> {
  await db().$transaction(
    choices.map(({ kind, inApp, email }) =>
      db().notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, inApp, email },
        update: { inApp, email },
      }),
    ),
  );
}

/** The unsubscribe link of an email: those kinds stop coming by email; Staffroom's bell is left as it was. */
export async function stopEmailsAbout(userId: string, kinds: readonly NotificationKind[]): Promise<void> {
  await db().$transaction(
    kinds.map((kind) =>
      db().notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, inApp: DEFAULT_DELIVERY.inApp, email: "off" },
        update: { email: "off" },
      }),
    ),
  );
}
