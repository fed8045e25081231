// The route JavaScript budget (bench/route-js.ts) measured on a made-up build: what a first visit loads, and a
// failing exit past the budget.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { checkRouteBudgets } from "../../bench/route-js";

const KB = 1024;
const root = path.resolve(import.meta.dirname, "../..");
const builds: string[] = [];

/** A build folder with Remix's and Vite's manifests; each chunk is random bytes, so it gzips to about its size. */
function fakeBuild({ planKb, homeKb }: { planKb: number; homeKb: number }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "route-js-"));
  builds.push(dir);
  const assets = path.join(dir, "client", "assets");
  fs.mkdirSync(assets, { recursive: true });
  fs.mkdirSync(path.join(dir, ".vite"));
  const chunk = (name: string, kb: number) => fs.writeFileSync(path.join(assets, name), crypto.randomBytes(kb * KB));
  chunk("entry.js", 40);
  chunk("react.js", 30);
  chunk("root.js", 1);
  chunk("app.js", 5);
  chunk("home.js", homeKb);
  chunk("plan.js", planKb);
  chunk("editor.js", 150);
  fs.writeFileSync(path.join(assets, "csv.js"), "");
  const route = (
    id: string,
    parentId: string | undefined,
    routePath: string | undefined,
    module: string,
    imports: string[],
  ) => ({
    id,
    parentId,
    path: routePath,
    module: `/assets/${module}`,
    imports: imports.map((file) => `/assets/${file}`),
  });
  const remix = {
    entry: { module: "/assets/entry.js", imports: ["/assets/react.js"] },
    routes: {
      root: route("root", undefined, "", "root.js", ["react.js"]),
      "routes/_app": route("routes/_app", "root", undefined, "app.js", ["react.js"]),
      "routes/_app.home": route("routes/_app.home", "routes/_app", "home", "home.js", ["react.js"]),
      "routes/_app.plans.$planId": route("routes/_app.plans.$planId", "routes/_app", "plans/:planId", "plan.js", [
        "react.js",
      ]),
      "routes/strategies[.csv]": route("routes/strategies[.csv]", "root", "strategies.csv", "csv.js", []),
    },
  };
  fs.writeFileSync(path.join(assets, "manifest-1234abcd.js"), `window.__remixManifest=${JSON.stringify(remix)};`);
  const vite = {
    "app/routes/_app.plans.$planId/route.tsx": {
      file: "assets/plan.js",
      imports: ["_react.js"],
      dynamicImports: ["app/editor.tsx"],
    },
    "app/editor.tsx": { file: "assets/editor.js", imports: ["_react.js"] },
    "_react.js": { file: "assets/react.js" },
  };
  fs.writeFileSync(path.join(dir, ".vite", "client-manifest.json"), JSON.stringify(vite));
  return dir;
}

afterEach(() => {
  for (const dir of builds.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("route JavaScript budget", () => {
  it("counts what a first visit loads, each chunk once, and shows the lazily loaded editor apart", () => {
    const build = fakeBuild({ planKb: 20, homeKb: 10 });
    const results = path.join(build, "route-js.json");
    expect(checkRouteBudgets(build, results)).toEqual([]);
    const rows = JSON.parse(fs.readFileSync(results, "utf8")).routes as Array<Record<string, unknown>>;
    // The CSV route has no component: not a page. The layout is never visited alone.
    expect(rows.map((row) => row.route)).toEqual(["routes/_app.home", "routes/_app.plans.$planId"]);
    const [home, plan] = rows as Array<{ firstLoad: number; lazy: number; budget: number; chunks: string[] }>;
    expect(home!.chunks).toEqual(["entry.js", "react.js", "root.js", "app.js", "home.js"]);
    expect(home!.firstLoad / KB).toBeCloseTo(40 + 30 + 1 + 5 + 10, 0);
    expect(home!.budget).toBe(100 * KB);
    expect(plan!.budget).toBe(200 * KB);
    expect(plan!.lazy / KB).toBeCloseTo(150, 0);
  });

  // The script run as npm test runs it; Node's start with tsx takes a few seconds on a busy machine.
  it("fails the run when a route passes its budget", { timeout: 60_000 }, async () => {
    const build = fakeBuild({ planKb: 20, homeKb: 30 });
    const results = path.join(build, "route-js.json");
    expect(checkRouteBudgets(build, results).map((row) => row.route)).toEqual(["routes/_app.home"]);

    const run = promisify(execFile)(process.execPath, ["--import", "tsx", "bench/route-js.ts", "--results", results], {
      cwd: root,
      env: { ...process.env, BUILD_DIR: build },
    });
    const failure = await run.then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/routes\/_app\.home: first load is 106\.\d KB gzipped, past its 100\.0 KB budget/);
  });
});
