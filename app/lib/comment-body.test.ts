// A comment's text becomes links only for http(s) addresses; anything else, markup and other schemes included, stays
// plain text for React to escape.
import { describe, expect, it } from "vitest";
import { commentBodyTokens } from "./comment-body";

describe("commentBodyTokens", () => {
  it("links http and https addresses, without the punctuation after them", () => {
    expect(commentBodyTokens("See https://example.org/a?b=1. And http://x.test")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://example.org/a?b=1", href: "https://example.org/a?b=1" },
      { kind: "text", text: ". And " },
      { kind: "link", text: "http://x.test", href: "http://x.test" },
    ]);
  });

  it("keeps every other scheme and any markup as plain text", () => {
    for (const body of [
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      '<a href="javascript:alert(1)">x</a>',
      "vbscript:msgbox",
      "ftp://files.example",
    ]) {
      expect(
        commentBodyTokens(body).every((t) => t.kind === "text"),
        body,
      ).toBe(true);
    }
    expect(commentBodyTokens('<img src=x onerror="https://evil.example">').filter((t) => t.kind === "link")).toEqual([
      { kind: "link", text: "https://evil.example", href: "https://evil.example" },
    ]);
  });
});
