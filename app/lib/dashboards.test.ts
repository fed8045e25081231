// A long dashboard table shows its first rows on the page until someone asks for it in full.
import { describe, expect, it } from "vitest";
import { firstRowsOf, ROWS_SHOWN, type DashboardTable } from "./dashboards";

function table(id: string, rows: number, kind?: "matrix" | "timeSeries"): DashboardTable {
  return {
    id,
    caption: id,
    columns: [{ key: "name", label: "Name" }],
    rows: Array.from({ length: rows }, (_, i) => ({ cells: { name: `row ${i + 1}` } })),
    empty: "Nothing.",
    ...(kind ? { [kind]: true } : {}),
  };
}

describe("firstRowsOf", () => {
  it("cuts a long table to its first rows and says how many there are", () => {
    const [long, short] = firstRowsOf([table("per-strategy", 600), table("per-need", ROWS_SHOWN)], null);
    expect(long!.rows).toHaveLength(ROWS_SHOWN);
    expect(long!.rows[0]!.cells.name, "the first rows, in the table's own order").toBe("row 1");
    expect(long!.totalRows).toBe(600);
    expect(short!.rows).toHaveLength(ROWS_SHOWN);
    expect(short!.totalRows, "a table that fits is not marked").toBeUndefined();
  });

  it("shows in full the table asked for, and a matrix or a time series always", () => {
    const [asked, other, matrix, weeks] = firstRowsOf(
      [
        table("per-strategy", 600),
        table("plans-by-status", 150),
        table("matrix", 40, "matrix"),
        table("cross-site-sessions", 52, "timeSeries"),
      ],
      "per-strategy",
    );
    expect(asked!.rows).toHaveLength(600);
    expect(asked!.totalRows).toBeUndefined();
    expect(other!.rows).toHaveLength(ROWS_SHOWN);
    expect(matrix!.rows).toHaveLength(40);
    expect(weeks!.rows).toHaveLength(52);
  });
});
