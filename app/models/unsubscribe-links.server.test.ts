// The unsubscribe key follows the configuration: a process whose configuration is read again (a test file after
// another in the same worker) signs with the new key, and a key made in DATA_DIR is whole and shared.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { reloadConfig } from "~/config.server";
import { readUnsubscribeToken, unsubscribeUrl } from "./unsubscribe-links.server";

const saved = { DATA_DIR: process.env.DATA_DIR, UNSUBSCRIBE_KEY: process.env.UNSUBSCRIBE_KEY };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  reloadConfig();
});

function configure(dataDir: string, key: string | undefined) {
  process.env.DATA_DIR = dataDir;
  if (key === undefined) delete process.env.UNSUBSCRIBE_KEY;
  else process.env.UNSUBSCRIBE_KEY = key;
  reloadConfig();
}

const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

describe("unsubscribe links", () => {
  it("sign with the key the configuration names now, not one read before it changed", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "unsubscribe-"));
    configure(dataDir, undefined);
    const fromFile = tokenOf(unsubscribeUrl("user-1", ["mentioned"]));
    expect(fs.readFileSync(path.join(dataDir, "unsubscribe.key"), "utf8")).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readdirSync(dataDir)).toEqual(["unsubscribe.key"]);

    configure(dataDir, "a".repeat(64));
    const fromSetting = tokenOf(unsubscribeUrl("user-1", ["mentioned"]));
    expect(fromSetting).not.toBe(fromFile);
    expect(readUnsubscribeToken(fromSetting)).toEqual({ userId: "user-1", kinds: ["mentioned"] });
    expect(readUnsubscribeToken(fromFile)).toBeNull();

    configure(dataDir, undefined);
    expect(tokenOf(unsubscribeUrl("user-1", ["mentioned"]))).toBe(fromFile);
  });
});
