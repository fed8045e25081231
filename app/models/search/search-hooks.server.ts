// Every write through a database client to a record that search shows queues the refresh of its entry, so no model
// function (today's or tomorrow's) has to remember to: a Prisma query extension over the searched models. The
// co-edited text joins through the collaboration engine's projections (document-projections.server.ts).
import { AsyncLocalStorage } from "node:async_hooks";
import type { SearchKind } from "~/lib/forms/search";
// The client type itself, not db.server: that module builds its clients with withSearchIndexing.
import type { PrismaClient as Db } from "~/generated/sqlite/client";
import { SearchIndexQueue } from "./search-index.server";

/** Which entry a row of a model belongs to: its kind, and the row's field holding that record's id. */
interface Watch {
  kind: SearchKind;
  field: string;
}

const WATCHED: Record<string, Watch> = {
  LessonPlan: { kind: "plan", field: "id" },
  DifferentiationNote: { kind: "plan", field: "lessonPlanId" },
  LessonPlanStrategy: { kind: "plan", field: "lessonPlanId" },
  LessonResource: { kind: "resource", field: "id" },
  Strategy: { kind: "strategy", field: "id" },
  StrategyTag: { kind: "strategy", field: "strategyId" },
  Course: { kind: "course", field: "id" },
  CourseUnit: { kind: "unit", field: "id" },
  Meeting: { kind: "minutes", field: "id" },
  MeetingDecision: { kind: "decision", field: "id" },
  MeetingAction: { kind: "action", field: "id" },
  CollabDocument: { kind: "document", field: "id" },
};

const SINGLE = new Set(["create", "update", "upsert", "delete"]);
const BULK = new Set(["createMany", "updateMany", "deleteMany", "createManyAndReturn", "updateManyAndReturn"]);

type Row = Record<string, unknown> | null | undefined;
const idIn = (row: Row, field: string): string | null =>
  row && typeof row[field] === "string" ? (row[field] as string) : null;

/** The record ids a write names in its arguments (where, data), when it names them plainly. */
function namedIds(args: Row, field: string): string[] | null {
  const where = (args?.where ?? null) as Row;
  const data = args?.data;
  const fromWhere = where?.[field];
  if (typeof fromWhere === "string") return [fromWhere];
  if (fromWhere && typeof fromWhere === "object" && Array.isArray((fromWhere as { in?: unknown }).in))
    return ((fromWhere as { in: unknown[] }).in ?? []).filter((v): v is string => typeof v === "string");
  const rows = (Array.isArray(data) ? data : [data]) as Row[];
  const ids = rows.map((row) => idIn(row, field));
  return ids.length > 0 && ids.every((id) => id !== null) ? (ids as string[]) : null;
}

/** A write to a shared document only matters when it changes the title or the document goes (not log touches). */
function mattersToSearch(model: string, operation: string, args: Row): boolean {
  if (model !== "CollabDocument") return true;
  if (operation.startsWith("delete")) return true;
  const data = args?.data as Row;
  return !!data && "title" in data;
}

/**
 * Kept on the client object under global symbols: the Remix build and the Node server load this module separately
 * but share one client (db.server.ts), and either may ask.
 */
const QUEUE = Symbol.for("staffroom.search.queue");
type Marked = { [QUEUE]?: SearchIndexQueue };

/**
 * The refreshes asked for by writes inside an interactive transaction's callback, held until the transaction has
 * ended. A refresh reads the record outside the transaction: run while it is still open (a transaction that builds a
 * document can outlast the queue's delay), it would find, on PostgreSQL, no record yet and drop its entry for good.
 */
const heldUntilCommit = new AsyncLocalStorage<Array<() => void>>();

function whenCommitted(ask: () => void): void {
  const held = heldUntilCommit.getStore();
  if (held) held.push(ask);
  else ask();
}

/** The client, extended so that its writes keep the search index in step (refreshed through `base`). */
export function withSearchIndexing(base: Db): Db {
  const queue = new SearchIndexQueue(() => base);
  const extended = base.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const watch = WATCHED[model];
          if (!watch || !(SINGLE.has(operation) || BULK.has(operation))) return query(args);
          const named = namedIds(args as Row, watch.field);
          const result = await query(args);
          if (!mattersToSearch(model, operation, args as Row)) return result;
          const ids = named ?? (SINGLE.has(operation) ? [idIn(result as Row, watch.field)] : []);
          const known = ids.filter((id): id is string => id !== null);
          if (known.length > 0) whenCommitted(() => queue.refresh(watch.kind, known));
          // Deleted records whose ids were not named: their entries are the ones without a record.
          else if (operation.startsWith("delete") && watch.field === "id") whenCommitted(() => queue.prune(watch.kind));
          // Rare (bulk writes by other columns, such as erasing a student's notes): every entry of the kind.
          else whenCommitted(() => queue.refreshAll(watch.kind));
          return result;
        },
      },
    },
  }) as unknown as Db;
  for (const client of [base, extended] as Marked[]) Object.defineProperty(client, QUEUE, { value: queue });
  const transaction = extended.$transaction.bind(extended) as (arg: unknown, options?: unknown) => Promise<unknown>;
  const holding = (arg: unknown, options?: unknown) => {
    if (typeof arg !== "function") return transaction(arg, options);
    const held: Array<() => void> = [];
    // Committed or rolled back, the records are as they will stay: refresh them now (a refresh reads what is there).
    return transaction(
      (tx: unknown) => heldUntilCommit.run(held, () => (arg as (tx: unknown) => unknown)(tx)),
      options,
    ).finally(() => held.splice(0).forEach((ask) => ask()));
  };
  Object.defineProperty(extended, "$transaction", { value: holding, configurable: true, writable: true });
  return extended;
}

/** Runs the refreshes the client's writes have queued (tests and seeds wait for them; the server lets them run). */
export async function flushSearchIndex(store: Db): Promise<void> {
  await (store as Marked)[QUEUE]?.flush();
}
