import { describe, expect, it } from "vitest";
import { FORMER_STUDENT, studentNameMatcher } from "./student-name-redaction";

describe("studentNameMatcher", () => {
  const ellie = studentNameMatcher({ firstName: "Ellie", lastName: "O'Brien-Smith" });

  it("replaces the full name, either name alone, 'First L.' and dotted initials, whatever the case of the names", () => {
    expect(ellie.redact("Make sure Ellie O'Brien-Smith can see you; ELLIE sits at the front.")).toBe(
      `Make sure ${FORMER_STUDENT} can see you; ${FORMER_STUDENT} sits at the front.`,
    );
    expect(ellie.redact("Ellie O. and o'brien-smith, E. O. and E.O.")).toBe(
      `${FORMER_STUDENT} and ${FORMER_STUDENT}, ${FORMER_STUDENT} and ${FORMER_STUDENT}`,
    );
    expect(ellie.test("Check on Ellie at break")).toBe(true);
  });

  it("leaves longer words, other students and bare two-letter codes alone", () => {
    const text = "Ellabelle and Elliephant met EO in IT.";
    expect(ellie.test(text)).toBe(false);
    expect(ellie.redact(text)).toBe(text);
  });
});
