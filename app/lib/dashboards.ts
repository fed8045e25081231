// The partnership dashboards' shared shapes: the date range every dashboard reads from its URL, and the table every
// figure is (the page renders it, the chart draws it, the CSV download writes it). Isomorphic.
import { ukToday } from "./lesson-dates";

export const DASHBOARDS = [
  { slug: "deployment", title: "LSA deployment" },
  { slug: "strategies", title: "Strategies" },
  { slug: "co-planning", title: "Co-planning" },
  { slug: "meetings", title: "Meetings" },
] as const;
export type DashboardSlug = (typeof DASHBOARDS)[number]["slug"];

export function isDashboardSlug(value: unknown): value is DashboardSlug {
  return DASHBOARDS.some((d) => d.slug === value);
}

/** Inclusive UK calendar days, "YYYY-MM-DD". */
export interface DateRange {
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string | null): value is string =>
  value !== null && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** The academic year (1 September to 31 August) that `today` falls in: what leaders review by default. */
function academicYearOf(today: string): DateRange {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const start = month >= 9 ? year : year - 1;
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

/** The range in ?from=&to=, falling back to this academic year; a reversed range is put the right way round. */
export function parseDateRange(params: URLSearchParams, today = ukToday()): DateRange {
  const fallback = academicYearOf(today);
  const from = params.get("from");
  const to = params.get("to");
  const range = { from: isDay(from) ? from : fallback.from, to: isDay(to) ? to : fallback.to };
  return range.from <= range.to ? range : { from: range.to, to: range.from };
}

export function rangeQuery(range: DateRange, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ from: range.from, to: range.to, ...extra }).toString();
}

export type Cell = string | number | null;

export interface TableColumn {
  key: string;
  label: string;
  /** A percentage or figure to one decimal place, shown as such. */
  format?: "percent" | "decimal";
  /** What the page's column head shows where the label is long (a matrix's institutions); the label is read out. */
  short?: string;
}

interface TableRow {
  cells: Record<string, Cell>;
  /** The drill-down: the records behind this row's figures. */
  href?: string;
  /** The records behind one cell's figure, by column key (a matrix, where each cell is its own figure). */
  cellHrefs?: Record<string, string>;
}

/** One dashboard figure set: the truth the chart beside it draws, and what the CSV holds. */
export interface DashboardTable {
  id: string;
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Said instead of an empty table. */
  empty: string;
  /** Rows and columns are the same things (institutions): the page draws it as a matrix. */
  matrix?: boolean;
  /** Weeks or months in order: always shown whole (the first rows of a time series would hide the latest). */
  timeSeries?: boolean;
  /** Set when the page shows only the first rows: how many the whole table has (the CSV always has them all). */
  totalRows?: number;
}

/** A long table (600 strategies, 150 courses) shows its first rows, chart and all, until someone asks for the rest. */
export const ROWS_SHOWN = 25;

/** The page's tables, each long ranked one cut to its first rows unless it is the one asked for in full (`?all=<id>`). */
export function firstRowsOf(tables: DashboardTable[], shownInFull: string | null): DashboardTable[] {
  return tables.map((table) =>
    table.matrix || table.timeSeries || table.id === shownInFull || table.rows.length <= ROWS_SHOWN
      ? table
      : { ...table, rows: table.rows.slice(0, ROWS_SHOWN), totalRows: table.rows.length },
  );
}

export function formatCell(value: Cell, format?: TableColumn["format"]): string {
  if (value === null) return "–";
  if (typeof value === "string") return value;
  if (format === "percent") return `${Math.round(value)}%`;
  if (format === "decimal") return value.toFixed(1);
  return String(value);
}

/** A share as a percentage to one decimal place, 0 when there is nothing to share. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

/** A mean or spread to two decimal places (the table shows one; the CSV keeps two). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
