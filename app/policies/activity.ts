// Who sees the partnership's activity across its institutions (plans written, updated and taught, deployments,
// strategies shared) on their home page: the people who lead, who already read every plan and strategy.
import { isCoordinator, isLeader, type Actor } from "./actor";

export function canViewPartnershipActivity(actor: Actor): boolean {
  return isCoordinator(actor) || isLeader(actor);
}
