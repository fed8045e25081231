// Preloaded into the measured server (node --import) by bench:pages: counts the SQL statements each request runs,
// at the drivers (better-sqlite3's statements, pg's Client#query), so Prisma's queries, raw SQL and the plain driver
// paths all count. Only requests carrying an x-bench-request header are counted (the timed ones are not); the
// benchmark reads a request's statements from a side port (BENCH_QUERY_PORT) once the response has finished.
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

const require = createRequire(path.join(process.cwd(), "package.json"));
const current = new AsyncLocalStorage();
/** Finished requests' statements by request id, and whoever waits for one. */
const finished = new Map();
const waiting = new Map();

function record(sql) {
  const statements = current.getStore();
  if (!statements) return null;
  const entry = {
    sql: String(sql ?? "")
      .replace(/\s+/g, " ")
      .trim(),
    ms: null,
  };
  statements.push(entry);
  return entry;
}

const Database = require("better-sqlite3");
const probe = new Database(":memory:");
const statementPrototype = Object.getPrototypeOf(probe.prepare("SELECT 1"));
probe.close();
for (const method of ["run", "get", "all", "iterate"]) {
  const original = statementPrototype[method];
  statementPrototype[method] = function (...args) {
    const entry = record(this.source);
    if (!entry) return original.apply(this, args);
    // SQLite's driver is synchronous: the call's duration is the statement's (iterate's first step only).
    const started = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      entry.ms = performance.now() - started;
    }
  };
}
const exec = Database.prototype.exec;
Database.prototype.exec = function (sql) {
  record(sql);
  return exec.call(this, sql);
};

// Statements handed to the SQLite reader threads (app/models/sqlite-readers.server.ts) are counted when they are sent:
// the threads load their own copy of the driver, which the patch above does not reach. Their time is until the reply
// (statements sent together overlap).
const postMessage = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  const entry = message && typeof message === "object" && typeof message.sql === "string" ? record(message.sql) : null;
  if (entry) {
    const started = performance.now();
    const replied = (reply) => {
      if (reply?.id !== message.id) return;
      entry.ms = performance.now() - started;
      this.off("message", replied);
    };
    this.on("message", replied);
  }
  return postMessage.call(this, message, ...rest);
};

const pg = require("pg");
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
  record(typeof config === "string" ? config : config?.text);
  return query.call(this, config, ...rest);
};

function done(id, statements) {
  finished.set(id, statements);
  waiting.get(id)?.(statements);
  waiting.delete(id);
}

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, response) {
  const id = event === "request" ? request.headers["x-bench-request"] : undefined;
  if (typeof id !== "string") return emit.apply(this, arguments);
  const statements = [];
  // After the response is out, and a turn later, so writes queued by the request's last step count too.
  response.once("close", () => setImmediate(() => done(id, statements)));
  return current.run(statements, () => emit.apply(this, arguments));
};

const port = Number(process.env.BENCH_QUERY_PORT);
if (port) {
  const side = http.createServer((request, response) => {
    const id = decodeURIComponent((request.url ?? "").replace(/^\/requests\//, ""));
    const answer = (statements) => {
      finished.delete(id);
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ statements }));
    };
    if (finished.has(id)) return answer(finished.get(id));
    const timer = setTimeout(() => answer(null), 30_000);
    waiting.set(id, (statements) => {
      clearTimeout(timer);
      answer(statements);
    });
  });
  side.listen(port, "127.0.0.1");
  side.unref();
}
