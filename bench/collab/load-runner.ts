// What run.ts and paired.ts share: the load shapes and starting the load
// generator (bench/collab/load.ts) on core 1 against one server.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { pinnedCommand, repoRoot } from "./servers/process";
import type { LoadResult, LoadShape, Target } from "./shared";

export const FULL: LoadShape = {
  rooms: 30,
  clientsPerRoom: 6,
  editsPerSecond: 5,
  awarenessEverySeconds: 1,
  warmupSeconds: 5,
  measureSeconds: 15,
  drainSeconds: 1.5,
  rampRates: [10, 15, 20, 30, 40, 55, 70],
  rampStepSeconds: 5,
  rampMaxP99Ms: 250,
  rampMinDelivered: 0.999,
};

export const QUICK: LoadShape = {
  ...FULL,
  rooms: 6,
  warmupSeconds: 2,
  measureSeconds: 5,
  rampRates: [10, 20],
  rampStepSeconds: 3,
};

/**
 * Files through which the load generators of a paired run start their measured windows together: each writes
 * `ready` once connected (and keeps warming up), then waits for `go`, which holds the time (ms since the epoch) at
 * which they all end the warm-up.
 */
export interface StartBarrier {
  ready: string;
  go: string;
}

export function runLoad(
  target: Target,
  shape: LoadShape,
  resultPath: string,
  barrier?: StartBarrier,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const nodeArgs = (process.env.BENCH_LOAD_NODE_ARGS ?? "").split(" ").filter(Boolean);
    const [command, args] = pinnedCommand(1, "bench/collab/load.ts", nodeArgs);
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: "production",
        BENCH_LOAD: JSON.stringify({ target, shape, resultPath, barrier }),
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("exit", (code) => {
      if (code !== 0 || !fs.existsSync(resultPath))
        return reject(new Error(`the load generator exited with code ${code}`));
      resolve(JSON.parse(fs.readFileSync(resultPath, "utf8")) as LoadResult);
    });
  });
}
