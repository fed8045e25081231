// Derives prisma/postgres/schema.prisma from prisma/schema.prisma (the one people
// edit). `--check` fails when the committed copy is stale.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "prisma", "schema.prisma");
const target = path.join(root, "prisma", "postgres", "schema.prisma");

export function derivePostgresSchema(text) {
  const replace = (input, pattern, replacement) => {
    if (!pattern.test(input)) throw new Error(`postgres-schema: anchor ${pattern} not found in prisma/schema.prisma`);
    return input.replace(pattern, replacement);
  };
  let out = replace(text, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  out = replace(out, /url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/staffroom"');
  out = replace(out, /output\s*=\s*"\.\.\/app\/generated\/sqlite"/, 'output     = "../../app/generated/postgres"');
  const header =
    "// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs. Do not edit: edit that file and run\n" +
    "// `npm run db:generate`.\n\n";
  return header + out.replace(/^(\/\/[^\n]*\n)+\n?/, "");
}

export function writePostgresSchema({ check = false } = {}) {
  const expected = derivePostgresSchema(fs.readFileSync(source, "utf8"));
  const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
  if (check) {
    if (current !== expected) {
      console.error("prisma/postgres/schema.prisma is stale: run `npm run db:generate` and commit it.");
      process.exit(1);
    }
    return false;
  }
  if (current === expected) return false;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, expected);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes("--check");
  const changed = writePostgresSchema({ check });
  if (!check)
    console.log(changed ? "prisma/postgres/schema.prisma updated" : "prisma/postgres/schema.prisma up to date");
}
