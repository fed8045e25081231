// An error, stack included, is logged as one JSON line, so log collectors never split it.
import { afterEach, describe, expect, it, vi } from "vitest";
import { errorFields, logger } from "./logger";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("logging an error", () => {
  it("writes one JSON line that carries the message and the whole stack", () => {
    vi.stubEnv("LOG_LEVEL", "debug");
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const error = new TypeError("Could not parse content as FormData.");
    logger.error("request failed", { path: "/login", ...errorFields(error) });

    expect(written).toHaveLength(1);
    const [line] = written;
    expect(line!.endsWith("\n")).toBe(true);
    expect(line!.trimEnd()).not.toContain("\n");
    const entry = JSON.parse(line!);
    expect(entry).toMatchObject({
      level: "error",
      message: "request failed",
      path: "/login",
      error: "Could not parse content as FormData.",
      errorName: "TypeError",
    });
    expect(entry.stack).toContain("logger.test.ts");
  });

  it("describes a thrown value that is not an Error", () => {
    expect(errorFields("plain string")).toEqual({ error: "plain string" });
  });
});
