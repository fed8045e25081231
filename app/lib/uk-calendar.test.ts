// UK days and weeks: the calendar day in London, Monday-to-Sunday weeks, and their start across the clock changes.
import { describe, expect, it } from "vitest";
import { addDays, ukDayOf, ukInstant, ukTimeOf, ukWeekOf } from "./uk-calendar";

describe("UK calendar", () => {
  it("counts the day in London, not in UTC", () => {
    expect(ukDayOf(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(ukDayOf(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
  });

  it("runs a week from Monday to Sunday, starting at midnight in London in winter and in summer", () => {
    expect(ukWeekOf(new Date("2026-12-06T12:00:00Z"))).toEqual({
      today: "2026-12-06",
      monday: "2026-11-30",
      sunday: "2026-12-06",
      startsAt: new Date("2026-11-30T00:00:00Z"),
      endsAt: new Date("2026-12-07T00:00:00Z"),
    });
    const summer = ukWeekOf(new Date("2026-07-01T09:00:00Z"));
    expect(summer.monday).toBe("2026-06-29");
    expect(summer.startsAt).toEqual(new Date("2026-06-28T23:00:00Z"));
    // The week the clocks go back: it starts in BST and ends in GMT.
    const autumn = ukWeekOf(new Date("2026-10-22T10:00:00Z"));
    expect(autumn.startsAt).toEqual(new Date("2026-10-18T23:00:00Z"));
    expect(autumn.endsAt).toEqual(new Date("2026-10-26T00:00:00Z"));
  });

  it("turns a London wall-clock time into its instant on both sides of the October clock change", () => {
    expect(ukInstant("2026-10-24", "16:00")).toEqual(new Date("2026-10-24T15:00:00Z"));
    expect(ukInstant("2026-10-26", "16:00")).toEqual(new Date("2026-10-26T16:00:00Z"));
    // The clocks go back at 02:00 BST on 25 October: 01:30 comes twice, 03:00 is GMT.
    expect(ukInstant("2026-10-25", "03:00")).toEqual(new Date("2026-10-25T03:00:00Z"));
    expect(ukTimeOf(new Date("2026-10-24T15:00:00Z"))).toBe("16:00");
    expect(ukTimeOf(new Date("2026-10-26T16:00:00Z"))).toBe("16:00");
  });
});
