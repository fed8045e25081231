// An instant read on a time zone's wall clock, in the shape of a Temporal.ZonedDateTime that ical-generator accepts:
// given a plain Date it writes the server process's own local time, so a server on UTC would put a 16:00 London
// meeting in October at 15:00. Decision 020 says why we pass these rather than set the process's time zone.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formats.set(timeZone, format);
  }
  return format;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockOf(epochMs: number, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatIn(timeZone)
      .formatToParts(new Date(epochMs))
      .map((p) => [p.type, Number(p.value)]),
  );
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const isoOf = (c: WallClock) =>
  `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;

/** The instant a wall-clock reading in `timeZone` names (the later offset wins in the hour the clocks go back). */
function epochOf(c: WallClock, timeZone: string): number {
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  const offsetAt = (epoch: number) => Date.parse(`${isoOf(wallClockOf(epoch, timeZone))}Z`) - epoch;
  const first = asUtc - offsetAt(asUtc);
  return asUtc - offsetAt(first);
}

export interface ZonedDateTime extends WallClock {
  timeZoneId: string;
  toInstant(): Instant;
  toPlainDateTime(): PlainDateTime;
  withTimeZone(timeZone: string): ZonedDateTime;
  toJSON(): string;
  toString(): string;
}

interface Instant {
  epochMilliseconds: number;
  toZonedDateTimeISO(timeZone: string): ZonedDateTime;
  toJSON(): string;
  toString(): string;
}

interface PlainDateTime extends WallClock {
  toPlainDate(): PlainDate;
  toZonedDateTime(timeZone: string): ZonedDateTime;
  toJSON(): string;
  toString(): string;
}

export interface PlainDate {
  year: number;
  month: number;
  day: number;
  toJSON(): string;
  toString(): string;
}

/** A calendar day with no time ("YYYY-MM-DD"), for all-day events. */
export function plainDate(day: string): PlainDate {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return { year, month, day: date, toJSON: () => day, toString: () => day };
}

function plainDateTime(clock: WallClock): PlainDateTime {
  const iso = isoOf(clock);
  return {
    ...clock,
    toPlainDate: () => plainDate(iso.slice(0, 10)),
    toZonedDateTime: (timeZone) => zonedDateTime(new Date(epochOf(clock, timeZone)), timeZone),
    toJSON: () => iso,
    toString: () => iso,
  };
}

/** `instant` on `timeZone`'s wall clock (e.g. 2026-10-22T15:00Z in Europe/London: 16:00 on 22 October). */
export function zonedDateTime(instant: Date, timeZone: string): ZonedDateTime {
  const epoch = instant.getTime();
  const clock = wallClockOf(epoch, timeZone);
  const text = `${isoOf(clock)}[${timeZone}]`;
  const toInstant = (): Instant => ({
    epochMilliseconds: epoch,
    toZonedDateTimeISO: (zone) => zonedDateTime(new Date(epoch), zone),
    toJSON: () => new Date(epoch).toISOString(),
    toString: () => new Date(epoch).toISOString(),
  });
  return {
    ...clock,
    timeZoneId: timeZone,
    toInstant,
    toPlainDateTime: () => plainDateTime(clock),
    withTimeZone: (zone) => zonedDateTime(new Date(epoch), zone),
    toJSON: () => text,
    toString: () => text,
  };
}

/** A stretch of time in which a zone's clocks differ from UTC (British Summer Time: +60 minutes). */
export interface OffsetSpan {
  from: Date;
  to: Date;
  offsetMinutes: number;
}

const offsetMinutesAt = (epoch: number, timeZone: string) =>
  Math.round((Date.parse(`${isoOf(wallClockOf(epoch, timeZone))}Z`) - epoch) / 60_000);

const DAY = 86_400_000;
const spanCache = new Map<string, OffsetSpan[]>();

/**
 * The spans of `year` (UTC) in which `timeZone` is offset from UTC, so a database without time zones can read a
 * stored UTC instant on that zone's wall clock: for Europe/London in 2026, 29 March 01:00Z to 25 October 01:00Z, +60.
 */
export function offsetSpans(year: number, timeZone: string): OffsetSpan[] {
  const key = `${timeZone}|${year}`;
  const cached = spanCache.get(key);
  if (cached) return cached;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const spans: OffsetSpan[] = [];
  let spanStart = start;
  let offset = offsetMinutesAt(start, timeZone);
  // Day by day (clocks change at most once a day), then to the minute by halving the day of a change.
  for (let day = start + DAY; day <= end; day += DAY) {
    const next = day < end ? offsetMinutesAt(day, timeZone) : Number.NaN;
    if (next === offset) continue;
    let change = day;
    if (day < end) {
      let low = day - DAY;
      while (change - low > 60_000) {
        const middle = low + Math.floor((change - low) / 120_000) * 60_000;
        if (offsetMinutesAt(middle, timeZone) === offset) low = middle;
        else change = middle;
      }
    }
    if (offset !== 0) spans.push({ from: new Date(spanStart), to: new Date(change), offsetMinutes: offset });
    spanStart = change;
    offset = next;
  }
  spanCache.set(key, spans);
  return spans;
}
