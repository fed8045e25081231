// Who may see what of notifications and email. A notification is its recipient's alone (the models scope every
// query to the actor's own rows); the email outbox, which shows whom the partnership wrote to, is the coordinator's.
import { isCoordinator, samePartnership, type Actor } from "./actor";

export function canReadNotification(actor: Actor, notification: { partnershipId: string; recipientId: string }) {
  return samePartnership(actor, notification) && notification.recipientId === actor.id;
}

export function canViewEmailOutbox(actor: Actor): boolean {
  return isCoordinator(actor);
}
