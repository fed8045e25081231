// A private, throwaway PostgreSQL cluster on a free loopback port: initdb into a
// temporary folder and pg_ctl start. As root, the server runs as the postgres user.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { findPgBin } from "../../server/ops/postgres-tools";
import { freePort } from "./ports";

export interface PostgresServer {
  port: number;
  /** The cluster's data directory (owned by the postgres user when run as root; root reads it). */
  dataDir: string;
  /** postgresql:// URL of a database on this server. */
  url(database?: string): string;
  createDatabase(name: string, template?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<PostgresServer> {
  const isRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "staffroom-pg-"));
  const dataDir = path.join(dir, "data");
  const socketDir = path.join(dir, "sock");
  fs.mkdirSync(socketDir);
  if (isRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const asServerUser = (bin: string, args: string[]) =>
    isRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", bin, ...args], { stdio: "pipe" })
      : execFileSync(bin, args, { stdio: "pipe" });

  asServerUser(findPgBin("initdb"), [
    "-D",
    dataDir,
    "-U",
    "staffroom",
    "--auth=trust",
    "-E",
    "UTF8",
    "--no-sync",
    "-N",
  ]);
  const port = await freePort();
  const options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  asServerUser(findPgBin("pg_ctl"), [
    "-D",
    dataDir,
    "-o",
    options,
    "-l",
    path.join(dir, "server.log"),
    "-w",
    "-t",
    "30",
    "start",
  ]);

  const url = (database = "postgres") => `postgresql://staffroom@127.0.0.1:${port}/${database}`;
  return {
    port,
    dataDir,
    url,
    async createDatabase(name, template) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      try {
        asServerUser(findPgBin("pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
