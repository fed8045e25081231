// A strategy's title sort key (app/lib/title-order.ts) is written with every write of its title, by a Prisma query
// extension over the client, so no model function (today's or tomorrow's) has to remember it; at start-up the keys
// of rows written before the key existed, or under an older rule, are brought up to date (decision 037).
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

/** The client, extended so that every write of a strategy's title writes its sort key too. */
export function withTitleSortKeys(base: Db): Db {
  const withKeyedData = <A extends { data?: unknown }>(args: A): A => ({ ...args, data: keyed(args.data) });
  return base.$extends({
    query: {
      strategy: {
        create: ({ args, query }) => query(withKeyedData(args)),
        createMany: ({ args, query }) => query(withKeyedData(args)),
        createManyAndReturn: ({ args, query }) => query(withKeyedData(args)),
        update: ({ args, query }) => query(withKeyedData(args)),
        updateMany: ({ args, query }) => query(withKeyedData(args)),
        updateManyAndReturn: ({ args, query }) => query(withKeyedData(args)),
        upsert: ({ args, query }) => query({ ...args, create: keyed(args.create), update: keyed(args.update) }),
      },
    },
  }) as unknown as Db;
}

/**
 * Rewrites the keys that differ from what titleSortKey gives now: after the migration that added them (every key
 * empty), or after a change of the rule. Plain SQL, so no search refresh or `updatedAt` follows.
 */
export async function refreshStrategyTitleKeys(client: Db): Promise<number> {
  const rows = await client.strategy.findMany({ select: { id: true, title: true, titleSortKey: true } });
  const stale = rows.filter((row) => row.titleSortKey !== titleSortKey(row.title));
  for (let i = 0; i < stale.length; i += 500) {
    await client.$transaction(
      stale
        .slice(i, i + 500)
        .map((row) =>
          client.$executeRaw(
            Prisma.sql`UPDATE "Strategy" SET "titleSortKey" = ${titleSortKey(row.title)} WHERE "id" = ${row.id}`,
          ),
        ),
    );
  }
  return stale.length;
}
