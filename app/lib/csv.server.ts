// CSV downloads of dashboard tables and filtered lists: UTF-8 with a byte-order mark (so Excel reads the accents and
// dashes right), every field quoted where needed, and cells that start with =, +, -, @ (or a tab or carriage return)
// neutralised with a leading apostrophe, so a spreadsheet never runs a cell as a formula.
import { stringify } from "csv-stringify/sync";
import type { Cell, DashboardTable } from "./dashboards";

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return stringify([[...header], ...rows.map((row) => row.map((cell) => (cell === null ? "" : cell)))], {
    bom: true,
    escape_formulas: true,
    record_delimiter: "windows",
    // A line break inside a cell is quoted too (csv-stringify quotes only the record delimiter itself).
    quoted_match: /[\r\n]/,
  });
}

export function tableToCsv(table: DashboardTable): string {
  return toCsv(
    table.columns.map((c) => c.label),
    table.rows.map((row) => table.columns.map((c) => row.cells[c.key] ?? null)),
  );
}

/** The download response: never cached, named for what it holds (no personal data in the name). */
export function csvResponse(fileName: string, body: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, "-")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
