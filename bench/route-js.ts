// Route JavaScript budget (issue 18): the gzipped JavaScript each page route loads on a first visit, read from the
// production build's manifests. Prints a table, writes bench/results/route-js.json, exits 1 past the budget.
//   npm run build && npm run bench:route-js   (BUILD_DIR picks another build, as for the server; --results FILE)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const KB = 1024;

/** The routes that show the co-editor: a larger budget, as the issue sets it. */
const EDITOR_ROUTES = ["routes/_app.plans.$planId", "routes/_app.documents.$documentId"];
const EDITOR_BUDGET = 200 * KB;
const ROUTE_BUDGET = 100 * KB;

interface RemixManifest {
  entry: { module: string; imports?: string[] };
  routes: Record<
    string,
    { id: string; parentId?: string; path?: string; index?: boolean; module: string; imports?: string[] }
  >;
}
type ViteManifest = Record<string, { file: string; imports?: string[]; dynamicImports?: string[] }>;

interface RouteJavaScript {
  route: string;
  /** Gzipped bytes of every chunk a first visit loads: the client entry, root, the layouts and the route, each once. */
  firstLoad: number;
  /** Gzipped bytes of the chunks those load later by dynamic import (the editor, say): shown, not budgeted. */
  lazy: number;
  budget: number;
  chunks: string[];
}

const asset = (url: string) => url.replace(/^\//, "");

/** Chunks a visit to `routeId` loads before it runs: Remix already lists each module's static imports transitively. */
function firstLoadChunks(remix: RemixManifest, routeId: string): string[] {
  const chain: Array<{ module: string; imports?: string[] }> = [];
  for (let route = remix.routes[routeId]; route; route = route.parentId ? remix.routes[route.parentId] : undefined) {
    chain.unshift(route);
  }
  const modules = [remix.entry, ...chain].flatMap((m) => [m.module, ...(m.imports ?? [])]);
  return [...new Set(modules.map(asset))];
}

/** Chunks reachable from `loaded` only through a dynamic import (and those chunks' own imports), each once. */
function lazyChunks(vite: ViteManifest, loaded: string[]): string[] {
  const byFile = new Map(Object.values(vite).map((chunk) => [chunk.file, chunk]));
  const seen = new Set(loaded);
  const lazy = new Set<string>();
  const visit = (key: string) => {
    const chunk = vite[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    lazy.add(chunk.file);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  for (const file of loaded) for (const key of byFile.get(file)?.dynamicImports ?? []) visit(key);
  return [...lazy];
}

/**
 * Page routes only: a pathless layout is never visited alone, and a module that imports nothing (not even React) has
 * no component: a resource route or a redirect.
 */
function isPage(remix: RemixManifest, routeId: string): boolean {
  const route = remix.routes[routeId];
  if (!route || routeId === "root" || (route.path === undefined && !route.index)) return false;
  return (route.imports ?? []).length > 0;
}

function measureRoutes(
  remix: RemixManifest,
  vite: ViteManifest,
  gzipSize: (file: string) => number,
): RouteJavaScript[] {
  const sum = (files: string[]) => files.reduce((total, file) => total + gzipSize(file), 0);
  return Object.keys(remix.routes)
    .filter((id) => isPage(remix, id))
    .sort()
    .map((route) => {
      const chunks = firstLoadChunks(remix, route);
      const budget = EDITOR_ROUTES.includes(route) ? EDITOR_BUDGET : ROUTE_BUDGET;
      return { route, firstLoad: sum(chunks), lazy: sum(lazyChunks(vite, chunks)), budget, chunks };
    });
}

function readManifests(buildDir: string): { remix: RemixManifest; vite: ViteManifest } {
  const assets = path.join(buildDir, "client", "assets");
  const viteFile = path.join(buildDir, ".vite", "client-manifest.json");
  if (!fs.existsSync(assets) || !fs.existsSync(viteFile)) {
    throw new Error(`No client build in ${buildDir}: npm run build`);
  }
  const [remixFile, ...others] = fs.readdirSync(assets).filter((name) => /^manifest-[\w-]+\.js$/.test(name));
  if (!remixFile || others.length > 0) throw new Error(`Expected one Remix manifest in ${assets}; run npm run build`);
  const source = fs.readFileSync(path.join(assets, remixFile), "utf8");
  const remix = JSON.parse(source.slice(source.indexOf("=") + 1).replace(/;\s*$/, "")) as RemixManifest;
  // Written because vite.config.ts sets build.manifest; Remix moves it out of the public folder.
  return { remix, vite: JSON.parse(fs.readFileSync(viteFile, "utf8")) as ViteManifest };
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

function printTable(rows: RouteJavaScript[]) {
  const width = Math.max(...rows.map((row) => row.route.length));
  console.log(`${"route".padEnd(width)}  first load      lazy    budget`);
  for (const row of rows) {
    const over = row.firstLoad > row.budget ? "  OVER" : "";
    const cells = [kb(row.firstLoad).padStart(10), kb(row.lazy).padStart(9), kb(row.budget).padStart(9)];
    console.log(`${row.route.padEnd(width)}  ${cells.join(" ")}${over}`);
  }
}

/** Measures the build in `buildDir`, writes `resultsFile`, and returns the routes past their budget. */
export function checkRouteBudgets(buildDir: string, resultsFile: string): RouteJavaScript[] {
  const { remix, vite } = readManifests(buildDir);
  const sizes = new Map<string, number>();
  const gzipSize = (file: string) => {
    if (!sizes.has(file)) sizes.set(file, zlib.gzipSync(fs.readFileSync(path.join(buildDir, "client", file))).length);
    return sizes.get(file)!;
  };
  const rows = measureRoutes(remix, vite, gzipSize);
  printTable(rows);
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  const routes = rows.map(({ chunks, ...row }) => ({ ...row, chunks: chunks.map((file) => path.basename(file)) }));
  fs.writeFileSync(resultsFile, `${JSON.stringify({ unit: "gzipped bytes", routes }, null, 2)}\n`);
  return rows.filter((row) => row.firstLoad > row.budget);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(import.meta.dirname, "..");
  const buildDir = path.resolve(root, process.env.BUILD_DIR || "build");
  const resultsAt = process.argv.indexOf("--results");
  const results =
    resultsAt > 0 ? path.resolve(process.argv[resultsAt + 1]!) : path.join(root, "bench/results/route-js.json");
  const over = checkRouteBudgets(buildDir, results);
  for (const row of over) {
    console.error(`${row.route}: first load is ${kb(row.firstLoad)} gzipped, past its ${kb(row.budget)} budget`);
  }
  process.exitCode = over.length > 0 ? 1 : 0;
}
