// The shared field types: control characters refused with a message, dates real and within range.
import { describe, expect, it } from "vitest";
import { CONTROL_CHARACTERS_MESSAGE, dateField, isCalendarDate, textField } from "./fields";

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("textField", () => {
  const title = textField().trim().min(1).max(120);

  it.each(["Components of fitness", "Two lines\nof notes", "tab\tseparated", "Windows\r\nline break", "Zoë’s café ✓"])(
    "accepts %j",
    (value) => {
      expect(title.safeParse(value).success).toBe(true);
    },
  );

  it.each([
    ["a NUL", "Title\u0000"],
    ["a bell", "Ti\u0007tle"],
    ["an escape", "\u001b[31mred"],
    ["a form feed", "a\u000cb"],
    ["a delete", "a\u007fb"],
  ])("refuses %s with a message for the field", (_what, value) => {
    const result = title.safeParse(value);
    expect(result.success).toBe(false);
    expect(messagesOf(result)).toContain(CONTROL_CHARACTERS_MESSAGE);
  });
});

describe("dateField", () => {
  const now = () => new Date("2026-12-01T12:00:00Z");
  const lessonDate = dateField("Choose the date.", now);

  it.each(["2026-12-01", "2024-02-29", "2027-02-28", "2016-01-01", "2031-12-31"])("accepts %s", (value) => {
    expect(lessonDate.safeParse(value).success).toBe(true);
  });

  it.each([
    ["31 February", "2026-02-31", "Enter a date that exists"],
    ["29 February in a common year", "2027-02-29", "Enter a date that exists"],
    ["month 13", "2026-13-01", "Enter a date that exists"],
    ["day 0", "2026-01-00", "Enter a date that exists"],
    ["the year 9999", "9999-12-31", "Enter a date between 2016 and 2031"],
    ["the year 0001", "0001-01-01", "Enter a date between 2016 and 2031"],
    ["a date written another way", "01/12/2026", "Enter the date as day, month and year"],
    ["a date and a time", "2026-12-01T00:00", "Enter the date as day, month and year"],
  ])("refuses %s", (_what, value, message) => {
    const result = lessonDate.safeParse(value);
    expect(result.success).toBe(false);
    expect(messagesOf(result).join(" ")).toContain(message);
  });

  it("knows which days exist", () => {
    expect(isCalendarDate("2000-02-29")).toBe(true);
    expect(isCalendarDate("1900-02-29")).toBe(false);
    expect(isCalendarDate("2026-04-31")).toBe(false);
  });
});
