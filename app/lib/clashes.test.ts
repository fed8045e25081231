import { describe, expect, it } from "vitest";
import { describeClashes, endTimeOf, findClashes, type Booking } from "./clashes";

const booking = (id: string, day: Booking["day"], startTime: string, endTime: string, siteId = "hollins"): Booking => ({
  id,
  day,
  startTime,
  endTime,
  siteId,
  label: `lesson ${id}`,
});

describe("clashes for one person", () => {
  it("finds an LSA deployed at two sites at overlapping times on one day", () => {
    // 13:15 for 120 minutes at one site, 13:30 at another, the same day: the case a first-hour walk-through found.
    const first = booking("a", "2026-11-10", "13:15", endTimeOf("13:15", 120), "hollins");
    const second = booking("b", "2026-11-10", "13:30", endTimeOf("13:30", 60), "thornbury");
    const clashes = findClashes(second, [first]);
    expect(clashes).toEqual([{ booking: first, otherSite: true, overlapMinutes: 60 }]);
    expect(describeClashes("Joanne Price", clashes)).toBe(
      "Joanne Price is already booked then: lesson a (60 minutes at the same time, at another site).",
    );
  });

  it("finds an overlap at the same site too, and says so", () => {
    const clashes = findClashes(booking("b", 2, "10:00", "11:00"), [booking("a", 2, "10:30", "12:00")]);
    expect(clashes).toHaveLength(1);
    expect(clashes[0]).toMatchObject({ otherSite: false, overlapMinutes: 30 });
  });

  it("does not count touching times, other days, the booking itself or bookings without a time", () => {
    const candidate = booking("x", "2026-11-10", "14:00", "15:00");
    const others = [
      booking("before", "2026-11-10", "13:00", "14:00"),
      booking("after", "2026-11-10", "15:00", "16:00"),
      booking("other-day", "2026-11-11", "14:00", "15:00"),
      booking("x", "2026-11-10", "14:00", "15:00"),
      booking("untimed", "2026-11-10", "", ""),
    ];
    expect(findClashes(candidate, others)).toEqual([]);
    // One minute more on either side and the neighbours clash.
    expect(findClashes(booking("x", "2026-11-10", "13:59", "15:01"), others).map((c) => c.booking.id)).toEqual([
      "before",
      "after",
    ]);
  });

  it("finds a booking inside another, and lists clashes in time order", () => {
    const day = booking("day", 3, "09:00", "15:00");
    const clashes = findClashes(day, [booking("late", 3, "13:00", "14:00"), booking("early", 3, "09:30", "10:00")]);
    expect(clashes.map((c) => [c.booking.id, c.overlapMinutes])).toEqual([
      ["early", 30],
      ["late", 60],
    ]);
  });

  it("ends a lesson at the minute its duration says, never past midnight", () => {
    expect(endTimeOf("13:15", 120)).toBe("15:15");
    expect(endTimeOf("23:30", 90)).toBe("23:59");
    expect(() => endTimeOf("25:00", 10)).toThrow(RangeError);
  });
});
