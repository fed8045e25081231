// A sort key for titles that SQL computes and compares byte-wise in the order JavaScript's localeCompare(…, "en-GB")
// gives for ASCII titles, for lists ordered by title in the database on both engines (decision 041): lesson plans.
import { Prisma } from "~/generated/sqlite/client";
import { PUNCTUATION_ORDER } from "~/lib/title-order";

/**
 * The ASCII punctuation of PUNCTUATION_ORDER mapped to control characters in that order (the last, "~", to a space,
 * free by then), so a byte-wise comparison of the lower-cased title orders ASCII titles exactly as localeCompare does
 * (equal keys: the title itself, descending, puts lower case first as localeCompare does). Other letters sort by code
 * point: the strategy library keeps a full key instead (app/lib/title-order.ts).
 */
const PUNCTUATION_KEYS = [...PUNCTUATION_ORDER].map((_, i) => String.fromCharCode(i + 1)).join("");

/** A sort key of a title column, to compare byte-wise (`COLLATE "C"` on PostgreSQL): see PUNCTUATION_ORDER. */
export function titleKey(column: Prisma.Sql, postgres: boolean): Prisma.Sql {
  if (postgres) return Prisma.sql`translate(lower(${column}), ${PUNCTUATION_ORDER}, ${PUNCTUATION_KEYS})`;
  let key = Prisma.sql`LOWER(${column})`;
  for (let i = 0; i < PUNCTUATION_ORDER.length; i++) {
    key = Prisma.sql`REPLACE(${key}, ${PUNCTUATION_ORDER[i]}, ${PUNCTUATION_KEYS[i]})`;
  }
  return key;
}
