// The sign-in redirect never leaves the site, whatever a link crafted by someone else puts in redirectTo.
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it.each([
    ["/people", "/people"],
    ["/plans/abc?tab=resources", "/plans/abc?tab=resources"],
    ["/courses/c1#units", "/courses/c1#units"],
    ["/search?q=a%2Fb", "/search?q=a%2Fb"],
    ["/a/../people", "/people"],
    // An encoded tab that reaches us still encoded stays a harmless path on this site.
    ["/%09/evil.example", "/%09/evil.example"],
  ])("keeps the same-site path %j", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it.each([
    ["a tab a browser would drop (the decoded /%09/evil.example)", "/\t/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["a carriage return and a header", "/home\r\nSet-Cookie: x=1"],
    ["a NUL", "/\u0000/evil.example"],
    ["a protocol-relative address", "//evil.example"],
    ["a protocol-relative address with a path", "//evil.example/login"],
    ["a backslash read as a slash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["a backslash after the slash, mixed", "/\\/evil.example"],
    ["a dot segment that normalises to //", "/.//evil.example"],
    ["an absolute address", "https://evil.example/"],
    ["a scheme", "javascript:alert(1)"],
    ["a data address", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "evil.example"],
    ["a space before the slashes", " //evil.example"],
    ["a C1 control character", "/\u0085/evil.example"],
    ["nothing", ""],
    ["a very long path", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_what, input) => {
    expect(safeRedirectPath(input)).toBe("/home");
  });

  it("refuses what is not a string, and uses the fallback it is given", () => {
    expect(safeRedirectPath(null)).toBe("/home");
    expect(safeRedirectPath(undefined)).toBe("/home");
    expect(safeRedirectPath(new File([], "x"))).toBe("/home");
    expect(safeRedirectPath("//evil.example", "/login")).toBe("/login");
  });
});
