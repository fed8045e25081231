import { describe, expect, it } from "vitest";
import { lessonDateProblem, lessonDateWindow, timetableDayWarning, weekdayOf } from "./lesson-dates";

describe("a lesson's date", () => {
  it("may fall from last academic year's start to two years ahead", () => {
    expect(lessonDateWindow("2026-12-01")).toEqual({ earliest: "2025-09-01", latest: "2028-12-01" });
    // Before September the academic year is the one that started last autumn.
    expect(lessonDateWindow("2026-07-20")).toEqual({ earliest: "2024-09-01", latest: "2028-07-20" });
  });

  it("refuses 1999 and a date far ahead, with a sentence that says which dates fit", () => {
    expect(lessonDateProblem("1999-03-02", "2026-12-01")).toBe(
      "Choose a date from 1 September 2025: lessons before last academic year are not planned here.",
    );
    expect(lessonDateProblem("2062-03-02", "2026-12-01")).toBe(
      "Choose a date before 1 December 2028: lessons are planned at most two years ahead.",
    );
  });

  it("accepts the edges of the window and today", () => {
    expect(lessonDateProblem("2025-09-01", "2026-12-01")).toBeNull();
    expect(lessonDateProblem("2028-12-01", "2026-12-01")).toBeNull();
    expect(lessonDateProblem("2026-12-01", "2026-12-01")).toBeNull();
    expect(lessonDateProblem("2025-08-31", "2026-12-01")).not.toBeNull();
  });
});

describe("a lesson's weekday against its group's timetable", () => {
  const group = { name: "Year 10 Sport", days: [2] };

  it("warns when the date is not a day the group meets", () => {
    expect(weekdayOf("2026-12-02")).toBe(3);
    expect(timetableDayWarning("2026-12-02", group)).toBe("Year 10 Sport meets on Tuesdays; this date is a Wednesday.");
    expect(timetableDayWarning("2026-12-06", { name: "BTEC Sport", days: [4, 2] })).toBe(
      "BTEC Sport meets on Tuesdays and Thursdays; this date is a Sunday.",
    );
  });

  it("is quiet on a day the group meets, without a timetable, or without a date", () => {
    expect(timetableDayWarning("2026-12-01", group)).toBeNull();
    expect(timetableDayWarning("2026-12-02", { name: "New group", days: [] })).toBeNull();
    expect(timetableDayWarning("", group)).toBeNull();
  });
});
