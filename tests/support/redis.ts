// A throwaway Redis on a free loopback port, without persistence.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { freePort, waitForPort } from "./ports";

export interface RedisServer {
  port: number;
  url: string;
  stop(): Promise<void>;
}

function findRedisServer(): string {
  const found = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find((c) => fs.existsSync(c));
  if (!found) throw new Error("redis-server was not found: install it with `apt-get install -y redis-server`.");
  return found;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    findRedisServer(),
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--protected-mode",
      "no",
      "--loglevel",
      "warning",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  try {
    await waitForPort(port, 10_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`redis-server did not start: ${String(error)}\n${output}`);
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
