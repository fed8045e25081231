// The layers of STYLE.md are machine-checked: these tests break each rule on purpose and expect `npm run lint`'s
// tools to fail, so a config change that quietly stops checking a layer fails the suite.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { cruise, type ICruiseResult, type IConfiguration } from "dependency-cruiser";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("ESLint's layer rules", () => {
  const eslint = new ESLint({ cwd: root });
  const rulesBroken = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return (result?.messages ?? []).map((m) => m.ruleId);
  };

  it("refuses a component, a lib module or a policy that imports a model or a route", async () => {
    const modelImport = `import { db } from "~/models/db.server";\nexport const probe = db;\n`;
    const routeImport = `import { loader } from "~/routes/_app.home";\nexport const probe = loader;\n`;
    for (const file of ["app/components/probe.tsx", "app/lib/probe.ts", "app/policies/probe.ts"]) {
      expect(await rulesBroken(file, modelImport), file).toContain("no-restricted-imports");
      expect(await rulesBroken(file, routeImport), file).toContain("no-restricted-imports");
    }
    const relative = `import { db } from "../models/db.server";\nexport const probe = db;\n`;
    expect(await rulesBroken("app/lib/probe.ts", relative)).toContain("no-restricted-imports");
  });

  it("refuses the server importing the browser editor, and Prisma outside the models", async () => {
    const editorImport = `import { probe } from "~/editor/probe";\nexport const again = probe;\n`;
    expect(await rulesBroken("server/probe.ts", editorImport)).toContain("no-restricted-imports");
    const prismaImport = `import { PrismaClient } from "~/generated/sqlite/client";\nexport const probe = PrismaClient;\n`;
    expect(await rulesBroken("app/routes/probe.tsx", prismaImport)).toContain("no-restricted-imports");
    expect(await rulesBroken("server/probe.ts", prismaImport)).toContain("no-restricted-imports");
  });

  it("lets a model use Prisma, and a route use a model (so the refusals above are about the layer)", async () => {
    const prismaImport = `import { PrismaClient } from "~/generated/sqlite/client";\nexport const probe = PrismaClient;\n`;
    expect(await rulesBroken("app/models/probe.server.ts", prismaImport)).not.toContain("no-restricted-imports");
    const modelImport = `import { db } from "~/models/db.server";\nexport const probe = db;\n`;
    expect(await rulesBroken("app/routes/probe.tsx", modelImport)).not.toContain("no-restricted-imports");
  });

  it("refuses a source file over 350 lines and a function over 120", async () => {
    const long = Array.from({ length: 351 }, (_, i) => `export const line${i} = ${i};`).join("\n");
    expect(await rulesBroken("app/lib/probe.ts", long)).toContain("max-lines");
    const body = Array.from({ length: 121 }, (_, i) => `  total += ${i};`).join("\n");
    const fn = `export function probe() {\n  let total = 0;\n${body}\n  return total;\n}\n`;
    expect(await rulesBroken("app/lib/probe.ts", fn)).toContain("max-lines-per-function");
  });
});

describe("dependency-cruiser's import graph rules", () => {
  const require = createRequire(import.meta.url);
  const config = require(path.join(root, ".dependency-cruiser.cjs")) as IConfiguration;
  let tree: string;

  /** Lays out a small tree of modules (path -> source) and cruises it with the project's rules. */
  const violations = async (files: Record<string, string>) => {
    fs.rmSync(path.join(tree, "app"), { recursive: true, force: true });
    fs.rmSync(path.join(tree, "server"), { recursive: true, force: true });
    for (const folder of ["app", "server"]) fs.mkdirSync(path.join(tree, folder));
    for (const [file, source] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
      fs.writeFileSync(path.join(tree, file), source);
    }
    const previous = process.cwd();
    process.chdir(tree); // the rules' paths are relative to the cruised tree's root
    try {
      const result = await cruise(["app", "server"], { ruleSet: { forbidden: config.forbidden }, validate: true });
      return (result.output as ICruiseResult).summary.violations.map((v) => v.rule.name);
    } finally {
      process.chdir(previous);
    }
  };

  beforeAll(() => {
    tree = fs.mkdtempSync(path.join(os.tmpdir(), "staffroom-layers-"));
  });
  afterAll(() => fs.rmSync(tree, { recursive: true, force: true }));

  it("finds a cycle through several files", async () => {
    const found = await violations({
      "app/lib/a.ts": `import { b } from "./b";\nexport const a = () => b();\n`,
      "app/lib/b.ts": `import { c } from "./c";\nexport const b = () => c();\n`,
      "app/lib/c.ts": `import { a } from "./a";\nexport const c = () => a();\n`,
    });
    expect(found).toContain("no-circular");
  });

  it("finds a component reaching a route, the server reaching the browser editor, a route reaching a route", async () => {
    const found = await violations({
      "app/routes/_app.home.tsx": `export const loader = () => null;\n`,
      "app/routes/_app.other.tsx": `import { loader } from "./_app.home";\nexport const again = loader;\n`,
      "app/components/card.tsx": `import { loader } from "../routes/_app.home";\nexport const card = loader;\n`,
      "app/editor/nodes.ts": `export const nodes = [];\n`,
      "server/index.ts": `import { nodes } from "../app/editor/nodes";\nexport const all = nodes;\n`,
    });
    expect(found).toEqual(
      expect.arrayContaining([
        "lower-layers-not-into-models-or-routes",
        "server-not-into-browser-editor",
        "routes-not-into-routes",
      ]),
    );
  });

  it("lets a folder route's own files import each other, and passes a tree that keeps the layers", async () => {
    const found = await violations({
      "app/lib/roles.ts": `export const roles = ["teacher"];\n`,
      "app/models/groups.server.ts": `import { roles } from "../lib/roles";\nexport const groups = roles;\n`,
      "app/routes/_app.groups.$groupId/page.server.ts": `import { groups } from "../../models/groups.server";\nexport const loader = () => groups;\n`,
      "app/routes/_app.groups.$groupId/route.tsx": `import { loader } from "./page.server";\nexport { loader };\n`,
      "server/index.ts": `import { roles } from "../app/lib/roles";\nexport const all = roles;\n`,
    });
    expect(found).toEqual([]);
  });

  it("finds a route reaching into another folder route's files", async () => {
    const found = await violations({
      "app/routes/_app.groups.$groupId/page.server.ts": `export const loader = () => null;\n`,
      "app/routes/_app.groups.$groupId/route.tsx": `import { loader } from "./page.server";\nexport { loader };\n`,
      "app/routes/_app.courses.$courseId/route.tsx": `import { loader } from "../_app.groups.$groupId/page.server";\nexport { loader };\n`,
    });
    expect(found).toEqual(["folder-route-keeps-to-itself"]);
  });
});
