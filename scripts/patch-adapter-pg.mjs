// @prisma/adapter-pg 6.19.3 rejects the catalog column types "char" (oid 18) and
// name (oid 19) that migration introspection returns ("Column type 'name' could
// not be deserialized"). Map them to text. Idempotent; fails loudly if the
// anchor moves (then check whether a newer adapter fixed it).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MARKER = "/* staffroom: catalog types as text */";
const ANCHOR = "function fieldToColumnType(fieldTypeId) {\n  switch (fieldTypeId) {";

export function patchAdapterPg() {
  const dist = path.join(root, "node_modules", "@prisma", "adapter-pg", "dist");
  for (const file of ["index.js", "index.mjs"]) {
    const target = path.join(dist, file);
    const text = fs.readFileSync(target, "utf8");
    if (text.includes(MARKER)) continue;
    if (!text.includes(ANCHOR)) {
      throw new Error(`patch-adapter-pg: anchor not found in ${target}; review scripts/patch-adapter-pg.mjs`);
    }
    const patched = text.replace(
      ANCHOR,
      `function fieldToColumnType(fieldTypeId) {\n  ${MARKER} if (fieldTypeId === 18 || fieldTypeId === 19) return ColumnTypeEnum.Text;\n  switch (fieldTypeId) {`,
    );
    fs.writeFileSync(target, patched);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) patchAdapterPg();
