// London wall-clock readings on both sides of the clock changes, whatever the server process's own time zone.
import { afterEach, describe, expect, it } from "vitest";
import { offsetSpans, zonedDateTime } from "./zoned-time";

const clock = (iso: string) => {
  const z = zonedDateTime(new Date(iso), "Europe/London");
  return `${z.year}-${z.month}-${z.day} ${z.hour}:${z.minute}`;
};

describe("zonedDateTime", () => {
  const original = process.env.TZ;
  afterEach(() => {
    // Assigning undefined would set the string "undefined", which later files of this worker would inherit.
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it("reads British Summer Time before the last Sunday of October and GMT after it", () => {
    expect(clock("2026-10-22T15:00:00Z")).toBe("2026-10-22 16:0");
    expect(clock("2026-10-29T16:00:00Z")).toBe("2026-10-29 16:0");
    expect(clock("2026-03-29T00:30:00Z")).toBe("2026-3-29 0:30");
    expect(clock("2026-03-29T01:30:00Z")).toBe("2026-3-29 2:30");
  });

  it("does not depend on the process's own time zone", () => {
    process.env.TZ = "America/New_York";
    expect(clock("2026-10-22T15:00:00Z")).toBe("2026-10-22 16:0");
    expect(zonedDateTime(new Date("2026-10-22T15:00:00Z"), "Europe/London").toInstant().epochMilliseconds).toBe(
      Date.parse("2026-10-22T15:00:00Z"),
    );
  });

  it("turns a wall-clock reading back into its instant", () => {
    const reading = zonedDateTime(new Date("2026-10-29T16:00:00Z"), "Europe/London").toPlainDateTime();
    expect(reading.toZonedDateTime("Europe/London").toInstant().toString()).toBe("2026-10-29T16:00:00.000Z");
    expect(reading.toZonedDateTime("UTC").toInstant().toString()).toBe("2026-10-29T16:00:00.000Z");
    const summer = zonedDateTime(new Date("2026-10-22T15:00:00Z"), "Europe/London").toPlainDateTime();
    expect(summer.toZonedDateTime("Europe/London").toInstant().toString()).toBe("2026-10-22T15:00:00.000Z");
  });
});

describe("offsetSpans", () => {
  it("finds British Summer Time: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October", () => {
    const iso = (spans: ReturnType<typeof offsetSpans>) =>
      spans.map((s) => [s.from.toISOString(), s.to.toISOString(), s.offsetMinutes]);
    expect(iso(offsetSpans(2026, "Europe/London"))).toEqual([
      ["2026-03-29T01:00:00.000Z", "2026-10-25T01:00:00.000Z", 60],
    ]);
    expect(iso(offsetSpans(2027, "Europe/London"))).toEqual([
      ["2027-03-28T01:00:00.000Z", "2027-10-31T01:00:00.000Z", 60],
    ]);
    expect(offsetSpans(2026, "UTC")).toEqual([]);
  });
});
