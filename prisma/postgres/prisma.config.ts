// Prisma CLI configuration for PostgreSQL (scale-out); paths are relative to this file. The schema beside it is
// generated from prisma/schema.prisma by scripts/postinstall.mjs: do not edit it.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url || !/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("Set DATABASE_URL to a postgresql:// URL to use the PostgreSQL configuration.");
    }
    return new PrismaPg({ connectionString: url });
  },
});
