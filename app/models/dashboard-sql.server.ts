// The dashboards' aggregate SQL on both databases: day, week and month buckets of stored instants, positional
// parameters, and the scope every figure is counted in (the partnership, or a teacher's co-planned courses).
// Stored instants are ISO text on SQLite ("2026-11-10T00:00:00.000+00:00") and timestamps on PostgreSQL.
import type { DashboardScope } from "~/policies/dashboard";
import type { DateRange } from "~/lib/dashboards";
import type { OffsetSpan } from "~/lib/zoned-time";
import { currentProvider, readQueryUnsafe } from "./db.server";

type Param = string | number;

/**
 * One query being built: its parameters and the SQL dialect's pieces for them. SQLite's placeholders are positional,
 * so the SQL must be assembled in the order p() was called: build each part where it appears in the text.
 */
export class AggregateQuery {
  readonly params: Param[] = [];
  readonly postgres = currentProvider() === "postgresql";

  /** A placeholder bound to value. */
  p(value: Param): string {
    this.params.push(value);
    return this.postgres ? `$${this.params.length}` : "?";
  }

  /** The UTC calendar day of an instant column, "YYYY-MM-DD". */
  day(column: string): string {
    return this.postgres ? `to_char(${column}, 'YYYY-MM-DD')` : `substr(${column}, 1, 10)`;
  }

  /** The instant to the minute, "YYYY-MM-DDTHH:MM" (UTC). */
  minute(column: string): string {
    return this.postgres ? `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI')` : `substr(${column}, 1, 16)`;
  }

  /**
   * The instant to the minute on a zone's wall clock, "YYYY-MM-DDTHH:MM", given the spans in which the zone is offset
   * from UTC (app/lib/zoned-time's offsetSpans): SQLite has no time zones, so both engines shift by the spans.
   */
  wallMinute(column: string, spans: OffsetSpan[]): string {
    const utc = this.minute(column);
    if (spans.length === 0) return utc;
    const cases = spans.map((span) => {
      const minutes = Math.trunc(span.offsetMinutes);
      const shifted = this.postgres
        ? `to_char(${column} + interval '${minutes} minutes', 'YYYY-MM-DD"T"HH24:MI')`
        : `strftime('%Y-%m-%dT%H:%M', ${column}, '${minutes >= 0 ? "+" : ""}${minutes} minutes')`;
      const from = this.p(span.from.toISOString().slice(0, 16));
      const to = this.p(span.to.toISOString().slice(0, 16));
      return `WHEN ${utc} >= ${from} AND ${utc} < ${to} THEN ${shifted}`;
    });
    return `CASE ${cases.join(" ")} ELSE ${utc} END`;
  }

  /** The Monday of the instant's week, "YYYY-MM-DD". */
  week(column: string): string {
    return this.postgres
      ? `to_char(date_trunc('week', ${column}), 'YYYY-MM-DD')`
      : `date(substr(${column}, 1, 10), '-6 days', 'weekday 1')`;
  }

  month(column: string): string {
    return this.postgres ? `to_char(${column}, 'YYYY-MM')` : `substr(${column}, 1, 7)`;
  }

  /**
   * The instant's day is inside the range: bounds on the column itself, so an index on it finds the rows (a function
   * of the column hides it from the planner), then the day compared as before.
   */
  inRange(column: string, range: DateRange): string {
    const bound = (day: string) => (this.postgres ? `CAST(${this.p(day)} AS date)` : this.p(day));
    const seek = `${column} >= ${bound(range.from)} AND ${column} < ${bound(addDays(range.to, 1))}`;
    return `${seek} AND ${this.day(column)} BETWEEN ${this.p(range.from)} AND ${this.p(range.to)}`;
  }

  /** A course column counts for this scope: any course of the partnership, or one the teacher co-plans. */
  courseInScope(courseColumn: string, scope: DashboardScope): string {
    if (scope.kind === "partnership") return "1 = 1";
    return `${courseColumn} IN (SELECT "courseId" FROM "CoursePlanner" WHERE "userId" = ${this.p(scope.plannerId)})`;
  }

  /** The rows, read off the event loop on SQLite (readQuery): dashboards read through thousands of rows. */
  async rows(sql: string): Promise<Array<Record<string, unknown>>> {
    return readQueryUnsafe(sql, ...this.params);
  }
}

/** A COUNT, SUM or AVG as a number, whatever the driver returned (bigint, numeric string, Decimal, null). */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return Number(value);
}

/** The calendar day `days` after a "YYYY-MM-DD" day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export const str = (value: unknown): string => (value === null || value === undefined ? "" : String(value));
