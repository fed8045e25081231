// Who may search: every member, across what they may open. The search itself asks no more of the policies than this:
// each kind's read rules are applied inside the query (app/models/search/search-visibility.server.ts).
import type { Actor } from "./actor";

export function canSearch(_actor: Actor): boolean {
  return true;
}
