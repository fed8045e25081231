// Counts the SQL statements a piece of model code sends to either database driver (better-sqlite3's statements,
// pg's Client#query), as bench:pages counts a request's: for tests that hold a read to a fixed number of statements.
import Database from "better-sqlite3";
import pg from "pg";

/** The SQL statements `run` sends to either driver while it runs (nothing else may run meanwhile in the file). */
export async function statementsOf<T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const probe = new Database(":memory:");
  const statementPrototype = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, unknown>;
  probe.close();
  let statements = 0;
  const restore: Array<() => void> = [];
  const count = (owner: Record<string, unknown>, method: string) => {
    const original = owner[method] as (...args: unknown[]) => unknown;
    owner[method] = function (this: unknown, ...args: unknown[]) {
      statements += 1;
      return original.apply(this, args);
    };
    restore.push(() => (owner[method] = original));
  };
  for (const method of ["run", "get", "all", "iterate"]) count(statementPrototype, method);
  count(pg.Client.prototype as unknown as Record<string, unknown>, "query");
  try {
    return { result: await run(), statements };
  } finally {
    restore.forEach((undo) => undo());
  }
}
