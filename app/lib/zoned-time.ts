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
