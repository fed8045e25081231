import { describe, expect, it } from "vitest";
import { findStudentNames, replaceStudentNames, type NamedStudent } from "./student-names";

const ellie = { firstName: "Ellie", lastName: "Marsh", initials: "E. M." };
const maya = { firstName: "Maya", lastName: "Patel", initials: "M. P." };
const will = { firstName: "Will", lastName: "Hart", initials: "W. H." };
const zoe = { firstName: "Zoë", lastName: "Ng", initials: "Z. N." };
const otherEllie = { firstName: "Ellie", lastName: "Shaw", initials: "E. S." };
const annMarie = { firstName: "Anne-Marie", lastName: "O'Neill", initials: "A. O." };
const students: NamedStudent[] = [ellie, maya, will, zoe, annMarie];

describe("replaceStudentNames", () => {
  it("puts initials for first and full names, whatever their case", () => {
    expect(replaceStudentNames("Make sure Ellie can see you; ellie and ELLIE MARSH too.", students)).toBe(
      "Make sure E. M. can see you; E. M. and E. M. too.",
    );
  });

  it("keeps a possessive, with or without its apostrophe", () => {
    expect(replaceStudentNames("Ellie's bag, Maya’s cards, Ellie Marsh's coat, Ellies pen.", students)).toBe(
      "E. M.'s bag, M. P.’s cards, E. M.'s coat, E. M.’s pen.",
    );
  });

  it("matches whole words only", () => {
    expect(replaceStudentNames("Mayall, Ellie-Mae and Ellies2 are not Maya.", students)).toBe(
      "Mayall, E. M.-Mae and Ellies2 are not M. P..",
    );
    expect(replaceStudentNames("Kellie and Mayan art", students)).toBe("Kellie and Mayan art");
  });

  it("matches a first name that is also a word only when written with a capital", () => {
    expect(replaceStudentNames("You will need cones. Will needs a break; so does Will Hart.", students)).toBe(
      "You will need cones. W. H. needs a break; so does W. H..",
    );
  });

  it("ignores accents and keeps the rest of the text as written", () => {
    expect(replaceStudentNames("Zoe and Zoë (café)", students)).toBe("Z. N. and Z. N. (café)");
    expect(replaceStudentNames("Café first, then Zoë", students)).toBe("Café first, then Z. N.");
    expect(replaceStudentNames("Anne-Marie O’Neill and anne-marie", students)).toBe("A. O. and A. O.");
  });

  it("hides only the students `hide` names, and a shared first name when any namesake is hidden", () => {
    const hideMaya = (s: NamedStudent) => s === maya;
    expect(replaceStudentNames("Ellie sits by Maya Patel", students, hideMaya)).toBe("Ellie sits by M. P.");
    const namesakes = [ellie, otherEllie];
    expect(replaceStudentNames("Ellie leads", namesakes, (s) => s === otherEllie)).toBe("E. S. leads");
    expect(replaceStudentNames("Ellie leads; Ellie Marsh helps", namesakes)).toBe("E. leads; E. M. helps");
  });

  it("leaves a text without names alone", () => {
    expect(replaceStudentNames("Prompt before clue.", students)).toBe("Prompt before clue.");
    expect(replaceStudentNames("", students)).toBe("");
  });
});

describe("findStudentNames", () => {
  it("finds each mention with its place and its students", () => {
    const mentions = findStudentNames("Ask Maya, then ellie.", students);
    expect(mentions.map((m) => [m.written, m.start, m.end, m.students])).toEqual([
      ["Maya", 4, 8, [maya]],
      ["ellie", 15, 20, [ellie]],
    ]);
  });

  it("gives places in the text as written when it holds composed accents", () => {
    const text = "Café: Zoë, then Maya";
    const [zoeMention, mayaMention] = findStudentNames(text, students);
    expect(text.slice(zoeMention!.start, zoeMention!.end)).toBe("Zoë");
    expect(text.slice(mayaMention!.start, mayaMention!.end)).toBe("Maya");
  });
});
