import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  server: { port: 3000 },
  // The manifest lets bench/route-js.ts see lazily loaded chunks (Remix's own manifest lists only static imports).
  build: { target: "es2022", manifest: true },
  ssr: {
    // Native and server-only packages stay outside the server bundle.
    external: ["better-sqlite3", "@node-rs/argon2", "pg", "ioredis", "socket.io", "@socket.io/redis-adapter"],
  },
  plugins: [
    remix({
      // BUILD_DIR lets parallel checkouts or test runs build side by side; the server reads the same variable.
      buildDirectory: process.env.BUILD_DIR || "build",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
});
