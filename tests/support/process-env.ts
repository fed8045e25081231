// For a test file whose own process must read some environment variables as the server it starts does (the same
// public address, the same signing key): sets them before the file's tests and puts the old values back after.
// Vitest's workers share modules between files, so the configuration is read again both times.
import { afterAll, beforeAll } from "vitest";
import { reloadConfig } from "~/config.server";

export function useProcessEnv(variables: Record<string, string>): void {
  const previous = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  beforeAll(() => {
    Object.assign(process.env, variables);
    reloadConfig();
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    reloadConfig();
  });
}
