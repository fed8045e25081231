// A database trigger that refuses one kind of write to a table, on either engine, for tests of what a model leaves
// behind when a write fails part-way (a document's first snapshot refused), or when its undo cannot run (a delete
// refused stands for a crash between a write and the delete that would have undone it).
import { db, type DatabaseProvider } from "~/models/db.server";

/** Makes the database refuse every `operation` on `table` until the returned function is called. */
export async function refuseWrites(
  provider: DatabaseProvider,
  table: string,
  operation: "INSERT" | "DELETE",
): Promise<() => Promise<void>> {
  const name = `refuse_${table}_${operation}`.toLowerCase();
  if (provider === "sqlite") {
    await db().$executeRawUnsafe(
      `CREATE TRIGGER "${name}" BEFORE ${operation} ON "${table}" BEGIN SELECT RAISE(ABORT, 'refused'); END`,
    );
    return async () => void (await db().$executeRawUnsafe(`DROP TRIGGER "${name}"`));
  }
  await db().$executeRawUnsafe(
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`,
  );
  await db().$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE ${operation} ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  );
  return async () => void (await db().$executeRawUnsafe(`DROP FUNCTION ${name}() CASCADE`));
}
