// Runs after `npm install`: derives the PostgreSQL schema, applies the small
// adapter-pg patch (docs/decisions/001), and generates both Prisma clients.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writePostgresSchema } from "./postgres-schema.mjs";
import { patchAdapterPg } from "./patch-adapter-pg.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");

writePostgresSchema();
patchAdapterPg();
for (const configFile of ["prisma.config.ts", "prisma/postgres/prisma.config.ts"]) {
  execFileSync(prismaBin, ["generate", "--config", configFile], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
}
