// Prisma CLI configuration for SQLite, the embedded default. Prisma 6 with the
// JavaScript engine and a driver adapter: nothing is downloaded (docs/decisions/001).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const url = process.env.DATABASE_URL?.startsWith("file:") ? process.env.DATABASE_URL : "file:./data/staffroom.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: `file:${path.resolve(url.slice("file:".length))}`, timeout: 10_000 });
  },
});
