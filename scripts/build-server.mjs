// Compiles the custom server (server/index.ts and the app modules it imports) into one ES module with a source map,
// so it starts under plain Node instead of transpiling its TypeScript on every start as tsx does (about 5 CPU-seconds
// a start on two cores). Packages stay outside the bundle (the native ones must). `npm run build` writes
// BUILD_DIR/server.mjs for `npm start`; the test harnesses write their own copy of the current source before a run.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "vite";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Bundles server/index.ts into `outFile` (an absolute path, or relative to the project); returns the absolute path. */
export async function buildServer(outFile = path.join(process.env.BUILD_DIR || "build", "server.mjs")) {
  const target = path.resolve(root, outFile);
  // The server finds the project (the Remix build, public/, prisma/) from its own folder: point the bundle's
  // import.meta.dirname back at server/, wherever the bundle is written.
  const serverDir = path.relative(path.dirname(target), path.join(root, "server"));
  await build({
    configFile: false,
    root,
    logLevel: "warn",
    publicDir: false,
    resolve: { alias: { "~": path.join(root, "app") } },
    define: { "import.meta.dirname": "__serverSourceDir" },
    build: {
      ssr: path.join(root, "server", "index.ts"),
      outDir: path.dirname(target),
      emptyOutDir: false,
      target: "node20",
      minify: false,
      sourcemap: true,
      rollupOptions: {
        output: {
          entryFileNames: path.basename(target),
          banner: `const __serverSourceDir = (await import("node:path")).resolve(import.meta.dirname, ${JSON.stringify(serverDir)});`,
        },
      },
    },
  });
  return target;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const target = await buildServer(process.argv[2]);
  console.log(`Server bundled: ${path.relative(process.cwd(), target)}`);
}
