// The test harness's server starter (tests/support/app-process.ts) between choosing a port and listening on it:
// another process may take the port meanwhile, and its /healthz must not pass for the new server's.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";

let decoy: http.Server | undefined;
let taken: number;
let app: AppProcess | undefined;

beforeAll(async () => {
  decoy = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: "ok", pid: 1 }));
  });
  await new Promise<void>((resolve) => decoy!.listen(0, "127.0.0.1", resolve));
  taken = (decoy.address() as AddressInfo).port;
  const { url: databaseUrl } = await seededDatabase("sqlite");
  app = await startApp({ databaseUrl, seedDemo: false, port: taken });
});

afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => decoy?.close(resolve));
});

it("starts on another port when the one it chose was taken by a server that answers /healthz", async () => {
  expect(app!.port).not.toBe(taken);
  const health = (await (await fetch(app!.url("/healthz"))).json()) as { pid: number };
  expect(health.pid).toBe(app!.pid);
});
