import { describe, expect, it } from "vitest";
import { pageFromQuery } from "./pagination";

const pageOf = (query: string) => pageFromQuery(new URLSearchParams(query));

describe("pageFromQuery", () => {
  it.each([
    ["page=1", 1],
    ["page=2", 2],
    ["page=10000", 10_000],
    ["page=007", 7],
  ])("reads %s as page %i", (query, page) => {
    expect(pageOf(query)).toBe(page);
  });

  it.each([
    "",
    "page=",
    "page=0",
    "page=-1",
    "page=1e300",
    "page=1.5",
    "page=NaN",
    "page=Infinity",
    "page=10001",
    "page=0x10",
    "page= 2",
    "page=99999999999",
  ])("shows the first page for %j", (query) => {
    expect(pageOf(query)).toBe(1);
  });
});
