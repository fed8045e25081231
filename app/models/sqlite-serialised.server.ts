// SQLite through Prisma's better-sqlite3 adapter has ONE connection per
// process. The adapter queues interactive transactions behind each other, but
// lets every query made outside a transaction run at once on that same
// connection, even while another request's transaction is open across event
// loop turns (BEGIN ... awaits ... COMMIT). Such a query then becomes part of
// that transaction: if the transaction rolls back (an ordinary user error, such
// as accepting an invitation that was used meanwhile), another request's write,
// already reported as saved, is lost with it; and a read sees what the open
// transaction has not committed yet.
//
// serialisedSqlite() wraps the adapter so that a query outside a transaction
// waits until no transaction is open, and a transaction waits for the queries
// running before it. Queries made by the code running inside a transaction's
// callback (`db().$transaction(async (tx) => ...)`, see markTransactionCallbacks)
// do not wait: they run inside the transaction on its connection, as they always
// have on SQLite (waiting for the transaction to end would never end). They
// should use `tx`; on PostgreSQL they run on another connection, outside it.
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** Set while a transaction's callback runs (and everything it awaits). */
const insideTransaction = new AsyncLocalStorage<true>();

/** A first-come, first-served lock for one connection. */
class ConnectionLock {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }
}

/** The same adapter factory, whose connections let no query run inside another request's transaction. */
export function serialisedSqlite(factory: Factory): Factory {
  const wrap = (adapter: Adapter): Adapter => {
    const lock = new ConnectionLock();
    const outside = <T>(work: () => Promise<T>): Promise<T> => (insideTransaction.getStore() ? work() : lock.run(work));
    const serialised: Adapter = Object.create(adapter);
    Object.assign(serialised, {
      queryRaw: (query: Parameters<Adapter["queryRaw"]>[0]) => outside(() => adapter.queryRaw(query)),
      executeRaw: (query: Parameters<Adapter["executeRaw"]>[0]) => outside(() => adapter.executeRaw(query)),
      executeScript: (script: string) => outside(() => adapter.executeScript(script)),
      startTransaction: async (isolationLevel?: Parameters<Adapter["startTransaction"]>[0]): Promise<Transaction> => {
        await lock.acquire();
        let transaction: Transaction;
        try {
          transaction = await adapter.startTransaction(isolationLevel);
        } catch (error) {
          lock.release();
          throw error;
        }
        let open = true;
        const end = async (finish: () => Promise<void>) => {
          try {
            await finish();
          } finally {
            if (open) {
              open = false;
              lock.release();
            }
          }
        };
        const wrapped: Transaction = Object.create(transaction);
        Object.assign(wrapped, {
          commit: () => end(() => transaction.commit()),
          rollback: () => end(() => transaction.rollback()),
        });
        return wrapped;
      },
    });
    return serialised;
  };
  const serialisedFactory: Factory = Object.create(factory);
  Object.assign(serialisedFactory, {
    connect: async () => wrap(await factory.connect()),
    connectToShadowDb: async () => wrap(await factory.connectToShadowDb()),
  });
  return serialisedFactory;
}

/**
 * Runs each interactive transaction's callback marked as inside the transaction, so that queries it makes
 * through db() rather than through `tx` join the transaction instead of waiting for it to end (a deadlock).
 */
export function markTransactionCallbacks<C extends { $transaction: (...args: never[]) => unknown }>(client: C): C {
  const original = client.$transaction.bind(client) as (arg: unknown, options?: unknown) => unknown;
  const marked = (arg: unknown, options?: unknown) =>
    typeof arg === "function"
      ? original((tx: unknown) => insideTransaction.run(true, () => (arg as (tx: unknown) => unknown)(tx)), options)
      : original(arg, options);
  Object.defineProperty(client, "$transaction", { value: marked, configurable: true, writable: true });
  return client;
}
