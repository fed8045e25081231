// The title sort keys of strategies and courses (app/lib/title-order.ts) are written with every write of a title, by a
// Prisma query extension over the client, so no model function (today's or tomorrow's) has to remember them; at
// start-up the keys of rows written before the key existed, or under an older rule, are brought up to date
// (decisions 037 and 049).
import { Prisma } from "~/generated/sqlite/client";
import { titleSortKey } from "~/lib/title-order";
// The client type itself, not db.server: that module builds its clients with withTitleSortKeys.
import type { PrismaClient as Db } from "~/generated/sqlite/client";

type Data = Record<string, unknown>;

/** The title a write sets (`title: "…"` or `title: { set: "…" }`), if it sets one. */
function titleSet(data: Data): string | null {
  const title = data.title;
  if (typeof title === "string") return title;
  if (title && typeof title === "object" && typeof (title as { set?: unknown }).set === "string")
    return (title as { set: string }).set;
  return null;
}

function keyed<T>(data: T): T {
  if (!data || typeof data !== "object") return data;
  if (Array.isArray(data)) return data.map(keyed) as T;
  const title = titleSet(data as Data);
  return title === null ? data : { ...data, titleSortKey: titleSortKey(title) };
}

/** One write's arguments and the query that carries it out, as a query extension is given them. */
interface Write<A> {
  args: A;
  query: (args: A) => Promise<unknown>;
}

const withKeyedData = ({ args, query }: Write<{ data?: unknown }>) => query({ ...args, data: keyed(args.data) });

/** The writes of a model that may set a title, each given its key. */
const keyedWrites = {
  create: withKeyedData,
  createMany: withKeyedData,
  createManyAndReturn: withKeyedData,
  update: withKeyedData,
  updateMany: withKeyedData,
  updateManyAndReturn: withKeyedData,
  upsert: ({ args, query }: Write<{ create?: unknown; update?: unknown }>) =>
    query({ ...args, create: keyed(args.create), update: keyed(args.update) }),
};

/** The client, extended so that every write of a strategy's or a course's title writes its sort key too. */
export function withTitleSortKeys(base: Db): Db {
  return base.$extends({ query: { strategy: keyedWrites, course: keyedWrites } }) as unknown as Db;
}

/** The tables with a title sort key, as their rows are read and their keys written. */
const KEYED_TABLES = [
  { table: "Strategy", rows: (client: Db) => client.strategy.findMany({ select: KEY_COLUMNS }) },
  { table: "Course", rows: (client: Db) => client.course.findMany({ select: KEY_COLUMNS }) },
] as const;

const KEY_COLUMNS = { id: true, title: true, titleSortKey: true } as const;

/**
 * Rewrites the keys that differ from what titleSortKey gives now: after the migration that added them (every key
 * empty), or after a change of the rule. Plain SQL, so no search refresh or `updatedAt` follows. How many it rewrote.
 */
export async function refreshTitleSortKeys(client: Db): Promise<number> {
  let rewritten = 0;
  for (const { table, rows } of KEYED_TABLES) {
    const stale = (await rows(client)).filter((row) => row.titleSortKey !== titleSortKey(row.title));
    for (let i = 0; i < stale.length; i += 500) {
      await client.$transaction(
        stale
          .slice(i, i + 500)
          .map((row) =>
            client.$executeRaw(
              Prisma.sql`UPDATE ${Prisma.raw(`"${table}"`)} SET "titleSortKey" = ${titleSortKey(row.title)} WHERE "id" = ${row.id}`,
            ),
          ),
      );
    }
    rewritten += stale.length;
  }
  return rewritten;
}
