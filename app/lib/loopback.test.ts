import { describe, expect, it } from "vitest";
import { isLoopbackAddress } from "./loopback";

describe("isLoopbackAddress", () => {
  it("knows this computer's own addresses", () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"])
      expect(isLoopbackAddress(address), address).toBe(true);
  });

  it("treats every other address, and none at all, as elsewhere", () => {
    for (const address of [
      "",
      "10.0.0.1",
      "198.51.100.7",
      "::ffff:198.51.100.7",
      "fe80::1",
      "128.0.0.1",
      "127.0.0.1.evil",
    ])
      expect(isLoopbackAddress(address), address).toBe(false);
  });
});
